import "server-only";
import { audit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { QUEUES, sendJob } from "@/lib/jobs/queue";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import { SECRET_PLACEHOLDER } from "@/lib/mail/secret";
import { clearAttempts, consumeAttempt, LIMITS } from "@/lib/security/rate-limit";
import { signInAccountKey } from "@/lib/users/authenticate";
import { issueToken, readToken, TOKEN_LIFETIME_HOURS, useToken, useUpTokens } from "./tokens";
import { settlePendingGmcNumber } from "@/lib/users/sign-up-notices";

/**
 * "Forgotten your password?": counts the request against the address it came from and the
 * e-mail address typed, then hands it to the job queue. The page's answer must not tell whether
 * an account uses the address, neither in words nor in time: so the request does the same
 * statements either way, and the worker (sendRequestedPasswordReset) looks the account up.
 * Past either limit nothing is queued, and the page still gives the same answer.
 */
export async function requestPasswordReset(email: string, clientAddress: string, now = new Date()): Promise<void> {
  const fromAddress = await consumeAttempt(`password-reset:address:${clientAddress}`, LIMITS.passwordResetsPerAddress, now);
  const forAccount = await consumeAttempt(`password-reset:account:${email}`, LIMITS.passwordResetsPerAccount, now);
  if (!fromAddress || !forAccount) return;
  await db.$transaction((tx) => sendJob(tx, QUEUES.passwordResetRequest.name, { email }));
}

/**
 * The worker's half of a request: when an account uses the address, a reset link goes to it.
 * For an unknown (or deleted) address nothing is written and nothing is sent. True if sent.
 */
export async function sendRequestedPasswordReset(email: string, now = new Date()): Promise<boolean> {
  const user = await db.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, name: true, email: true } });
  if (!user) return false;
  await db.$transaction(async (tx) => {
    await queuePasswordResetEmail(tx, user, { now });
    await audit(tx, { actorId: null, action: "user.passwordReset.requested", entityType: "User", entityId: user.id });
  });
  return true;
}

/**
 * An administrator sends a member a link to set a new password themselves (a member who cannot
 * sign in and does not get the e-mails they ask for, say). The administrator never sees the
 * link nor sets a password. Audited.
 */
export async function sendPasswordResetLink(actor: AuthzActor | null, userId: string, now = new Date()): Promise<{ name: string; email: string }> {
  assertCan(actor, "users.sendPasswordReset");
  return db.$transaction(async (tx) => {
    const admin = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    const member = await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, name: true, email: true } });
    if (!member) throw new NotFoundError("That member");
    await queuePasswordResetEmail(tx, member, { now, sentBy: admin.name });
    await audit(tx, { actorId: actor.id, action: "user.passwordReset.sent", entityType: "User", entityId: member.id });
    return { name: member.name, email: member.email };
  });
}

async function queuePasswordResetEmail(
  tx: DatabaseTransaction,
  user: { id: string; name: string; email: string },
  { now, sentBy }: { now: Date; sentBy?: string },
): Promise<void> {
  const token = await issueToken(tx, { userId: user.id, purpose: "RESET_PASSWORD", email: user.email, now });
  await queueEmail(tx, {
    to: user.email,
    userId: user.id,
    kind: sentBy ? "account.resetPassword.byAdmin" : "account.resetPassword",
    subject: "Reset your RADIANT password",
    greeting: `Dear ${user.name},`,
    paragraphs: [
      sentBy
        ? `${sentBy}, an administrator of RADIANT, has sent you a link to set a new password for your account. Nobody else sees the link or your new password.`
        : "We received a request to reset the password of your RADIANT account. To choose a new password, open the link below.",
      `The link works for ${TOKEN_LIFETIME_HOURS.RESET_PASSWORD} hour, once. Setting a new password signs you out on every device where you are signed in.`,
      "If you did not expect this e-mail, you can ignore it: your password stays as it is.",
    ],
    action: { label: "Choose a new password", url: absoluteUrl(`/reset-password/${SECRET_PLACEHOLDER}`) },
    reason: sentBy
      ? `You are getting this e-mail because an administrator of RADIANT sent a password-reset link to the account that uses this address (${user.email}).`
      : `You are getting this e-mail because someone asked to reset the password of the RADIANT account that uses this address (${user.email}).`,
    secret: token,
  });
}

export type ResetLink = { state: "valid"; email: string } | { state: "expired" | "used" | "unknown" };

/** What a reset link will do, read without using it (the page behind the link). */
export async function checkResetLink(token: string, now = new Date()): Promise<ResetLink> {
  const found = await readToken("RESET_PASSWORD", token, { now, addressMustMatch: true });
  return found.state === "valid" ? { state: "valid", email: found.token.email } : found;
}

export type ResetResult = { ok: true; email: string } | { ok: false; state: "expired" | "used" | "unknown" };

/**
 * Sets a new password with a reset link. Signs the person out everywhere, uses up their other
 * reset links and any change of address waiting to be confirmed, confirms their address if it was not (they read the e-mail sent to it), forgets
 * the failed sign-ins against the account, and is audited.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<ResetResult> {
  const before = await readToken("RESET_PASSWORD", token, { now, addressMustMatch: true });
  if (before.state !== "valid") return { ok: false, state: before.state };
  // Hashing is slow on purpose: done before the transaction, which then holds no lock for it.
  const passwordHash = await hashPassword(newPassword);
  const result = await db.$transaction(async (tx): Promise<ResetResult> => {
    const found = await readToken("RESET_PASSWORD", token, { now, addressMustMatch: true }, tx);
    if (found.state !== "valid") return { ok: false, state: found.state };
    const { id, userId, email, user } = found.token;
    if (!(await useToken(tx, id, now))) return { ok: false, state: "used" };
    const confirming = user.emailVerified === null;
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...(confirming ? { emailVerified: now } : {}) },
    });
    if (confirming) await settlePendingGmcNumber(tx, userId);
    // A change of address asked for with the old password is cancelled: the notice of it says so.
    await useUpTokens(tx, userId, confirming ? ["RESET_PASSWORD", "CHANGE_EMAIL", "VERIFY_EMAIL"] : ["RESET_PASSWORD", "CHANGE_EMAIL"], now);
    await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      actorId: userId,
      action: "user.password.reset",
      entityType: "User",
      entityId: userId,
      ...(confirming ? { after: { emailVerified: true } } : {}),
    });
    return { ok: true, email };
  });
  // Someone locked out by wrong guesses has now proved who they are: they may sign in at once.
  if (result.ok) await clearAttempts(signInAccountKey(result.email));
  return result;
}
