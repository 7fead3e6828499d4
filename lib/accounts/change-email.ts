import "server-only";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import { SECRET_PLACEHOLDER } from "@/lib/mail/secret";
import { confirmCurrentPassword } from "@/lib/users/reauthenticate";
import { consumeAttempt, LIMITS } from "@/lib/security/rate-limit";
import { SIGN_UP_NOTICES_PER_ACCOUNT } from "@/lib/users/sign-up-notices";
import type { ChangeEmailInput } from "@/lib/validation/auth";
import { issueToken, readToken, TOKEN_LIFETIME_HOURS, useToken, useUpTokens } from "./tokens";
import { claimInvitations } from "@/lib/invitations/claim";
import { settlePendingGmcNumber } from "@/lib/users/sign-up-notices";
import { isUniqueViolation } from "@/lib/database/unique-violation";


/**
 * Asks to move the account to a new address. Nothing changes until the link sent to the new
 * address is used (confirmEmailChange); meanwhile the current address is told, with how to
 * secure the account if it was not its owner. A newer request replaces an earlier one.
 */
export async function requestEmailChange(actor: Actor, input: ChangeEmailInput, now = new Date()): Promise<{ email: string }> {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true, email: true } });
  if (input.newEmail === user.email) throw new DomainError("This is already your e-mail address. Enter a different one.", "newEmail");
  await confirmCurrentPassword(actor.id, input.emailPassword, "emailPassword", "Your password is not right");
  if (!(await consumeAttempt(`change-email:account:${user.id}`, LIMITS.emailChangesPerAccount, now))) {
    throw new DomainError("You have asked to change your address several times in the last hour. Wait an hour, then try again.", "newEmail");
  }
  // Whether another account uses the address is not said here (that would tell anyone signed in
  // which addresses have accounts): the address's owner is told by e-mail instead, and the
  // confirmation checks again that the address is free.
  const holder = await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  const taken = holder !== null;
  // Each asker is limited, but many accounts could ask for one address: its owner is told at most
  // as often as sign-up tells them (docs/decisions/012), and the asker's answer is the same past that.
  const tellHolder = holder !== null && (await consumeAttempt(`change-email-notice:account:${holder.id}`, SIGN_UP_NOTICES_PER_ACCOUNT, now));

  await db.$transaction(async (tx) => {
    await useUpTokens(tx, user.id, ["CHANGE_EMAIL"], now);
    if (taken && tellHolder) {
      await queueEmail(tx, {
        to: input.newEmail,
        kind: "account.changeEmail.taken",
        subject: "Someone asked to use this address for a RADIANT account",
        paragraphs: [
          "Someone signed in to a RADIANT account asked to use this e-mail address for it. This address already has a RADIANT account, so nothing was changed.",
          "If it was you, sign in with this address instead. If you have forgotten its password, you can choose a new one.",
        ],
        action: { label: "Sign in to RADIANT", url: absoluteUrl("/signin") },
        reason: `You are getting this e-mail because it is the address of a RADIANT account (${input.newEmail}). If you did not ask for anything, ignore this e-mail.`,
      });
    } else if (!taken) {
      const token = await issueToken(tx, { userId: user.id, purpose: "CHANGE_EMAIL", email: input.newEmail, now });
      await queueEmail(tx, {
        to: input.newEmail,
        userId: user.id,
        kind: "account.changeEmail.confirm",
        subject: "Confirm your new e-mail address for RADIANT",
        // No greeting by name: whoever asked chose it, and this address is not yet shown to be theirs.
        paragraphs: [
          `You asked to change the e-mail address of your RADIANT account from ${user.email} to ${input.newEmail}. To confirm that this address is yours, open the link below and press the button on the page.`,
          `Until you do, your account keeps its current address. The link works for ${TOKEN_LIFETIME_HOURS.CHANGE_EMAIL} hours, once.`,
        ],
        action: { label: "Confirm your new e-mail address", url: absoluteUrl(`/change-email/${SECRET_PLACEHOLDER}`) },
        reason: `You are getting this e-mail because someone signed in to a RADIANT account asked to use this address (${input.newEmail}) for it. If it was not you, ignore this e-mail: nothing changes unless the link is used.`,
        secret: token,
      });
    }
    await queueEmail(tx, {
      to: user.email,
      userId: user.id,
      kind: "account.changeEmail.notice",
      subject: "Your RADIANT e-mail address is about to change",
      greeting: `Dear ${user.name},`,
      paragraphs: [
        `Someone signed in to your RADIANT account, with your password, asked to change its e-mail address to ${input.newEmail}. The change happens only when the link we sent to that address is used.`,
        "If it was you, there is nothing to do here.",
        "If it was not you, someone knows your password. Reset it now with the link below: that signs everyone out of your account and cancels the change of address.",
      ],
      action: { label: "Reset your password", url: absoluteUrl("/forgotten-password") },
      reason: `You are getting this e-mail because it is the address of your RADIANT account (${user.email}), and we always tell the current address when a change of address is asked for.`,
    });
    await audit(tx, {
      actorId: user.id,
      action: "user.emailChange.requested",
      entityType: "User",
      entityId: user.id,
      before: { email: user.email },
      after: { email: input.newEmail },
    });
  });
  return { email: input.newEmail };
}

export type EmailChangeLink = { state: "valid"; email: string; currentEmail: string } | { state: "expired" | "used" | "unknown" | "taken" };

/**
 * What a change-of-address link will do, read without using it (the page behind the link);
 * "taken" when another account has started using the address since it was asked for.
 */
export async function checkEmailChangeLink(token: string, now = new Date()): Promise<EmailChangeLink> {
  const found = await readToken("CHANGE_EMAIL", token, { now, addressMustMatch: false });
  if (found.state !== "valid") return found;
  const { email, userId, user } = found.token;
  if (await db.user.findFirst({ where: { email, id: { not: userId } }, select: { id: true } })) return { state: "taken" };
  return { state: "valid", email, currentEmail: user.email };
}

export type EmailChangeResult = { ok: true; email: string } | { ok: false; state: "expired" | "used" | "unknown" | "taken" };

/**
 * Moves the account to the address the link was sent to, which holding the link proves is the
 * person's. The address must still be free at this moment (someone may have signed up with it
 * since the request). Links sent to the old address stop working. Audited.
 */
export async function confirmEmailChange(token: string, now = new Date()): Promise<EmailChangeResult> {
  try {
    return await db.$transaction(async (tx): Promise<EmailChangeResult> => {
      const found = await readToken("CHANGE_EMAIL", token, { now, addressMustMatch: false }, tx);
      if (found.state !== "valid") return { ok: false, state: found.state };
      const { id, userId, email, user } = found.token;
      const taken = await tx.user.findFirst({ where: { email, id: { not: userId } }, select: { id: true } });
      if (taken) return { ok: false, state: "taken" };
      if (!(await useToken(tx, id, now))) return { ok: false, state: "used" };
      await tx.user.update({ where: { id: userId }, data: { email, emailVerified: now } });
      await settlePendingGmcNumber(tx, userId);
      await useUpTokens(tx, userId, ["CHANGE_EMAIL", "VERIFY_EMAIL", "RESET_PASSWORD"], now);
      if (!user.emailVerified) {
        // The old address was never shown to be this person's: invitations sent to it were
        // meant for its real owner, not for whoever signed up with it. They stay with the address.
        await tx.invitation.updateMany({ where: { inviteeId: userId, status: "PENDING", email: { not: email } }, data: { inviteeId: null } });
      }
      // Invitations already sent to the new address now wait on this member's dashboard.
      await claimInvitations(tx, { userId, email }, null, now);
      await audit(tx, {
        actorId: userId,
        action: "user.emailChanged",
        entityType: "User",
        entityId: userId,
        before: { email: user.email },
        after: { email },
      });
      return { ok: true, email };
    });
  } catch (error) {
    // Taken between the check and the update, by a sign-up at the same moment: the unique index says so.
    if (isUniqueViolation(error)) return { ok: false, state: "taken" };
    throw error;
  }
}
