import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { clearAttempts, consumeAttempt, isLimited, LIMITS } from "@/lib/security/rate-limit";
import { signInSchema } from "@/lib/validation/auth";

// Compared against when no account matches, so that an unknown e-mail costs
// as much time as a wrong password and does not reveal which accounts exist.
const DECOY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$yX37cPxnqfkfALdPxEu1oQ$17TIF+wFL/IihmKWMWm+SvTtgO/oxE2gDl/yGuUjX5Y";

/** The count of failed passwords against one account: at sign-in, and when a signed-in member re-enters theirs. */
export const signInAccountKey = (email: string) => `sign-in:account:${email}`;

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | {
      ok: false;
      /** "rate_limited": too many from this address (wait); "account_limited": too many against the account from everywhere (reset the password). */
      reason: "invalid" | "rate_limited" | "account_limited";
    };

/**
 * Checks credentials. Failed attempts are counted (in the database, so every process shares
 * them) per account from one address, per address whatever the account, and per account from
 * everywhere over a day. Past a limit every attempt is refused, right or wrong. The first two
 * stop guessing from one place without letting a stranger lock the member out; the third caps
 * guessing spread over many addresses, and a password reset by e-mail lifts it.
 */
export async function authenticate(credentials: unknown, address = "unknown"): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const accountKey = signInAccountKey(parsed.data.email);
  const pairKey = `sign-in:account-from:${parsed.data.email}:${address}`;
  const addressKey = `sign-in:address:${address}`;
  if ((await isLimited(pairKey, LIMITS.signInPerAccountFromAddress)) || (await isLimited(addressKey, LIMITS.signInPerAddress))) {
    return { ok: false, reason: "rate_limited" };
  }
  if (await isLimited(accountKey, LIMITS.signInPerAccount)) return { ok: false, reason: "account_limited" };

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true, deletedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DECOY_HASH, parsed.data.password);
  if (!user || !user.passwordHash || user.deletedAt || !valid) {
    await consumeAttempt(pairKey, LIMITS.signInPerAccountFromAddress);
    await consumeAttempt(accountKey, LIMITS.signInPerAccount);
    await consumeAttempt(addressKey, LIMITS.signInPerAddress);
    return { ok: false, reason: "invalid" };
  }
  await clearAttempts(pairKey);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
}
