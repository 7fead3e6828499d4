import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { RETENTION } from "@/lib/privacy/retention";
import { describeUserAgent } from "./user-agent";

/** How long a sign-in lasts, from the moment it is made: the session row's lifetime and the cookie's. */
export const SESSION_LIFETIME_SECONDS = RETENTION.sessionHours * 60 * 60;

/**
 * The key the database knows a session by: the SHA-256 (hex) of the random
 * value only the cookie carries. A copy of the table opens no session.
 */
export function sessionKeyOf(secret: string): string {
  return createHash("sha256").update(Buffer.from(secret, "base64url")).digest("hex");
}

/**
 * Records a new sign-in and returns the secret for the cookie: 32 random
 * bytes, base64url. The browser is kept only as "Chrome on Linux". The
 * member's last sign-in is what the retention rule for unused accounts
 * counts from; signing in also withdraws a warning that the account would
 * be erased (lib/privacy/inactive-accounts.ts).
 */
export async function startSession(userId: string, userAgent: string | null, now = new Date()): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await db.user.update({
    where: { id: userId },
    data: {
      lastSignInAt: now,
      inactivityWarnedAt: null,
      sessions: {
        create: {
          sessionToken: sessionKeyOf(secret),
          createdAt: now,
          expires: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000),
          userAgent: describeUserAgent(userAgent),
        },
      },
    },
    select: { id: true },
  });
  return secret;
}

/** Sign-out: forgets the session the cookie names, so a copy of the cookie opens nothing, in any process. */
export async function endSessionBySecret(secret: unknown): Promise<void> {
  if (typeof secret !== "string" || secret === "") return;
  await db.session.deleteMany({ where: { sessionToken: sessionKeyOf(secret) } });
}

/** Scheduled: forgets sessions past their end (they open nothing already; this keeps the table small). */
export async function purgeExpiredSessions(now: Date): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expires: { lte: now } } });
  return count;
}
