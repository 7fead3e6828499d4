import "server-only";
// What sign-up says by e-mail rather than on the page, so that the page never tells a stranger
// which addresses and GMC numbers are registered (docs/decisions/012-sign-up-without-enumeration.md).
import { audit } from "@/lib/audit";
import type { DatabaseTransaction } from "@/lib/db";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import type { Limit } from "@/lib/security/rate-limit";

/**
 * Notices to one account about sign-ups with its address: more than this in an hour are not sent,
 * so that the sign-up form cannot be used to flood a member's inbox. The page answers the same.
 */
export const SIGN_UP_NOTICES_PER_ACCOUNT: Limit = { max: 3, windowSeconds: 60 * 60 };

/** To the owner of an address someone tried to sign up with: no secret link, only the ways in they already have. */
export async function queueAlreadyRegisteredEmail(
  tx: DatabaseTransaction,
  owner: { id: string; name: string; email: string; emailVerified: Date | null },
): Promise<void> {
  await queueEmail(tx, {
    to: owner.email,
    userId: owner.id,
    kind: "account.signUpWithRegisteredAddress",
    subject: "Someone tried to create a RADIANT account with your address",
    // An unconfirmed account's name was typed by whoever created it.
    ...(owner.emailVerified ? { greeting: `Dear ${owner.name},` } : {}),
    paragraphs: [
      "Someone tried to create a new RADIANT account with this e-mail address. You already have an account with it, so no new account was made and nothing about yours has changed.",
      "If it was you: sign in with the link below. If you have forgotten your password, choose a new one at " +
        `${absoluteUrl("/forgotten-password")} and we will e-mail you a link.`,
      "If it was not you, you can ignore this e-mail. Your password has not been changed and nobody has been let into your account.",
    ],
    action: { label: "Sign in to RADIANT", url: absoluteUrl("/signin") },
    reason: `You are getting this e-mail because someone typed this address (${owner.email}) into RADIANT's sign-up form, and an account already uses it.`,
  });
}

/** To a newly confirmed account whose GMC number another account already holds: the number was not saved. */
export async function queueGmcNumberHeldEmail(
  tx: DatabaseTransaction,
  account: { id: string; email: string },
  gmcNumber: string,
): Promise<void> {
  await queueEmail(tx, {
    to: account.email,
    userId: account.id,
    kind: "account.gmcNumberHeld",
    subject: "The GMC number you gave RADIANT was not saved",
    paragraphs: [
      `When this RADIANT account was created, the GMC number ${gmcNumber} was given. Now that the address is confirmed we checked it: another account already holds that number, so it was not saved to this one. The rest of your account is as usual.`,
      "If the number is yours, please do not create more accounts: write to the RADIANT administrators, who can find out which account should have it. If you mistyped it, add the right number on your profile page.",
    ],
    action: { label: "Open your profile", url: absoluteUrl("/dashboard/profile") },
    reason: `You are getting this e-mail because an account was created on RADIANT with this address (${account.email}) and a GMC number that another account holds.`,
  });
}

/**
 * Once an account's address is confirmed, the GMC number given before then is checked: saved to
 * the profile if no other account holds it, otherwise dropped and the now-confirmed owner told.
 * Until then the profile shows the number as typed, held or not, so an account nobody has shown
 * to be theirs learns nothing about other members (docs/decisions/012). Called in the
 * transaction that confirms the address, whichever way it is confirmed.
 */
export async function settlePendingGmcNumber(tx: DatabaseTransaction, userId: string): Promise<void> {
  const profile = await tx.traineeProfile.findUnique({
    where: { userId },
    select: { pendingGmcNumber: true, user: { select: { id: true, email: true } } },
  });
  const pending = profile?.pendingGmcNumber;
  if (!profile || !pending) return;
  const held = (await tx.traineeProfile.count({ where: { gmcNumber: pending, userId: { not: userId } } })) > 0;
  await tx.traineeProfile.update({ where: { userId }, data: held ? { pendingGmcNumber: null } : { gmcNumber: pending, pendingGmcNumber: null } });
  if (held) {
    await queueGmcNumberHeldEmail(tx, profile.user, pending);
    await audit(tx, { actorId: userId, action: "profile.gmcNumberHeldByAnotherAccount", entityType: "User", entityId: userId });
  }
}
