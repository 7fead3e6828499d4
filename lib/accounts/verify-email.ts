import "server-only";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import { SECRET_PLACEHOLDER } from "@/lib/mail/secret";
import { consumeAttempt, LIMITS } from "@/lib/security/rate-limit";
import { issueToken, readToken, TOKEN_LIFETIME_HOURS, useToken, useUpTokens } from "./tokens";
import { settlePendingGmcNumber } from "@/lib/users/sign-up-notices";
import { UNCONFIRMED_CANNOT } from "@/lib/validation/constants";

/**
 * Writes a verification link for the person's current address and queues the e-mail that
 * carries it, inside `tx` (sign-up's transaction, or a request for a new link).
 */
export async function queueVerificationEmail(
  tx: DatabaseTransaction,
  user: { id: string; name: string; email: string },
  now = new Date(),
): Promise<void> {
  const token = await issueToken(tx, { userId: user.id, purpose: "VERIFY_EMAIL", email: user.email, now });
  await queueEmail(tx, {
    to: user.email,
    userId: user.id,
    kind: "account.verifyEmail",
    subject: "Confirm your e-mail address for RADIANT",
    // No greeting by name: whoever signed up typed it, and this address is not yet shown to be theirs.
    paragraphs: [
      "Thank you for joining RADIANT. Please confirm that this is your e-mail address: open the link below and press the button on the page.",
      `Until you do, you can fill in your profile and look at projects, but you cannot ${UNCONFIRMED_CANNOT}.`,
      `The link works for ${TOKEN_LIFETIME_HOURS.VERIFY_EMAIL} hours, once. If it has expired, sign in and ask for a new one on your dashboard.`,
    ],
    action: { label: "Confirm your e-mail address", url: absoluteUrl(`/verify-email/${SECRET_PLACEHOLDER}`) },
    reason: `You are getting this e-mail because an account was created on RADIANT with this address (${user.email}). If it was not you, ignore this e-mail: the account cannot be used to do anything that reaches other people until the address is confirmed.`,
    secret: token,
  });
}

/**
 * Sends the signed-in member a new verification link. Limited per account (a few an hour), so
 * that the button cannot be used to flood an inbox.
 */
export async function resendVerificationEmail(actor: Actor, now = new Date()): Promise<{ email: string }> {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true, email: true, emailVerified: true } });
  if (user.emailVerified) throw new DomainError("Your e-mail address is already confirmed. There is nothing more to do.");
  const limit = LIMITS.verificationEmailsPerAccount;
  if (!(await consumeAttempt(`verify-email:account:${user.id}`, limit, now))) {
    throw new DomainError(
      `We have already sent you ${limit.max} links in the last hour. Wait an hour before asking for another, and look for the e-mails we sent in your spam or junk folder.`,
    );
  }
  await db.$transaction(async (tx) => {
    await queueVerificationEmail(tx, user, now);
    await audit(tx, { actorId: user.id, action: "user.emailVerification.resent", entityType: "User", entityId: user.id, after: { email: user.email } });
  });
  return { email: user.email };
}

export type VerificationLink =
  | { state: "valid"; email: string; alreadyConfirmed: boolean }
  | { state: "expired" | "used" | "unknown" };

/** What a verification link will do, read without using it (the page behind the link). */
export async function checkVerificationLink(token: string, now = new Date()): Promise<VerificationLink> {
  const found = await readToken("VERIFY_EMAIL", token, { now, addressMustMatch: true });
  if (found.state !== "valid") return found;
  return { state: "valid", email: found.token.email, alreadyConfirmed: found.token.user.emailVerified !== null };
}

export type ConfirmEmailResult = { ok: true; email: string; userId: string } | { ok: false; state: "expired" | "used" | "unknown" };

/**
 * Confirms an address with the link sent to it: the press of the page's button, not the visit.
 * Holding the link is the proof, so no session is needed (the link may be opened on a phone).
 * Uses up every verification link of the account; audited.
 */
export async function confirmEmail(token: string, now = new Date()): Promise<ConfirmEmailResult> {
  return db.$transaction(async (tx) => {
    const found = await readToken("VERIFY_EMAIL", token, { now, addressMustMatch: true }, tx);
    if (found.state !== "valid") return { ok: false, state: found.state };
    const { id, userId, email, user } = found.token;
    if (!(await useToken(tx, id, now))) return { ok: false, state: "used" };
    await useUpTokens(tx, userId, ["VERIFY_EMAIL"], now);
    if (!user.emailVerified) {
      await tx.user.update({ where: { id: userId }, data: { emailVerified: now } });
      await settlePendingGmcNumber(tx, userId);
      await audit(tx, { actorId: userId, action: "user.emailVerified", entityType: "User", entityId: userId, after: { email } });
    }
    return { ok: true, email, userId };
  });
}
