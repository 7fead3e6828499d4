import "server-only";
import { db } from "@/lib/db";
import { readEnv } from "@/lib/env";

export interface Limit {
  /** Most attempts allowed in one window. */
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  /** Failed sign-ins against one account. */
  signInPerAccount: { max: 10, windowSeconds: 15 * 60 },
  /** Failed sign-ins from one address, whichever accounts they try. */
  signInPerAddress: { max: 50, windowSeconds: 15 * 60 },
  /** Verification e-mails one member may ask for again. */
  verificationEmailsPerAccount: { max: 3, windowSeconds: 60 * 60 },
  /** Password-reset requests for one e-mail address, whether or not an account uses it. */
  passwordResetsPerAccount: { max: 3, windowSeconds: 60 * 60 },
  /** Password-reset requests from one address, whichever e-mail addresses they name. */
  passwordResetsPerAddress: { max: 20, windowSeconds: 60 * 60 },
  /** Accounts created from one address. */
  get signUpPerAddress(): Limit {
    return { max: readEnv().RATE_LIMIT_SIGNUPS_PER_HOUR, windowSeconds: 60 * 60 };
  },
} satisfies Record<string, Limit>;

/** Whether `key` has used up its attempts in the current window (counts nothing). */
export async function isLimited(key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, windowStart: true } });
  if (!row) return false;
  const windowOpen = row.windowStart.getTime() > now.getTime() - limit.windowSeconds * 1000;
  return windowOpen && row.count >= limit.max;
}

/**
 * Counts one attempt against `key` and says whether it is within the limit.
 * One statement, atomic in PostgreSQL, so every process of the portal shares
 * the count and two attempts at once cannot both slip under it.
 */
export async function consumeAttempt(key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const windowStartsAfter = new Date(now.getTime() - limit.windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING count`;
  return (row?.count ?? 1) <= limit.max;
}

/** Forgets the attempts against `key` (after a successful sign-in). */
export async function clearAttempts(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/**
 * The client's address. The last entry of X-Forwarded-For is the one added by
 * the server nearest the portal; earlier entries come from the client and can
 * be forged to dodge a limit.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return (forwarded || headers.get("x-real-ip") || "unknown").slice(0, 64);
}
