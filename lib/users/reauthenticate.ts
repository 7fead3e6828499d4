import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { clearAttempts, consumeAttempt, isLimited, LIMITS } from "@/lib/security/rate-limit";
import { signInAccountKey } from "./authenticate";

export const TOO_MANY_PASSWORDS =
  "There have been too many wrong passwords for this account. Wait 15 minutes, then try again, or sign out and choose a new password with “Forgotten your password?”.";

/**
 * Checks the password a signed-in member re-enters before a change that needs it (a new
 * password, a new e-mail address, deleting the account). Wrong passwords count against the
 * against the account's daily ceiling as failed sign-ins do, and have a limit of their own: a
 * stolen session is no way round either.
 * Past the limit every attempt is refused, right or wrong. `field` is where the form shows it.
 */
export async function confirmCurrentPassword(userId: string, password: string, field: string, wrong: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const accountKey = signInAccountKey(user.email);
  const key = `reauthentication:${userId}`;
  if ((await isLimited(key, LIMITS.reauthenticationsPerAccount)) || (await isLimited(accountKey, LIMITS.signInPerAccount))) {
    throw new DomainError(TOO_MANY_PASSWORDS, field);
  }
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await consumeAttempt(key, LIMITS.reauthenticationsPerAccount);
    await consumeAttempt(accountKey, LIMITS.signInPerAccount);
    throw new DomainError(wrong, field);
  }
  await clearAttempts(key);
}
