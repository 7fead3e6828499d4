import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { clearAttempts, consumeAttempt, isLimited, LIMITS } from "@/lib/security/rate-limit";
import { signInAccountKey } from "./authenticate";

export const TOO_MANY_PASSWORDS = "There have been too many wrong passwords for this account. Wait 15 minutes, then try again.";

/**
 * Checks the password a signed-in member re-enters before a change that needs it (a new
 * password, a new e-mail address, deleting the account). Wrong passwords count against the
 * account as failed sign-ins do, in the same count: a stolen session is no way round the limit.
 * Past the limit every attempt is refused, right or wrong. `field` is where the form shows it.
 */
export async function confirmCurrentPassword(userId: string, password: string, field: string, wrong: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const key = signInAccountKey(user.email);
  if (await isLimited(key, LIMITS.signInPerAccount)) throw new DomainError(TOO_MANY_PASSWORDS, field);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await consumeAttempt(key, LIMITS.signInPerAccount);
    throw new DomainError(wrong, field);
  }
  await clearAttempts(key);
}
