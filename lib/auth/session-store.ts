import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { RETENTION } from "@/lib/privacy/retention";
import { sessionKeyOf } from "./session-key";
import { describeUserAgent } from "./user-agent";

/** How long a sign-in lasts, from the moment it is made: the session row's lifetime and the cookie's. */
export const SESSION_LIFETIME_SECONDS = RETENTION.sessionHours * 60 * 60;

export { sessionKeyOf };

/**
 * Records a new sign-in and returns the secret for the cookie: 32 random
 * bytes, base64url. The browser is kept only as "Chrome on Linux". The
 * member's last sign-in is what the retention rule for unused accounts
 * counts from; signing in also withdraws a warning that the account would
 * be erased (lib/privacy/inactive-accounts.ts).
 */
export async function startSession(userId: string, userAgent: string | null, now = new Date()): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000);
  // One statement: the session exists if and only if the sign-in was recorded on the member.
  const inserted = await db.$executeRaw`
    WITH signed_in AS (
      UPDATE "User" SET "lastSignInAt" = ${now}, "inactivityWarnedAt" = NULL WHERE id = ${userId}::uuid RETURNING id
    )
    INSERT INTO "Session" (id, "sessionToken", "userId", expires, "userAgent", "createdAt", "updatedAt")
    SELECT ${randomUUID()}::uuid, ${sessionKeyOf(secret)}, id, ${expires}, ${describeUserAgent(userAgent)}, ${now}, ${now} FROM signed_in`;
  if (inserted !== 1) throw new Error("A session was started for a member who does not exist");
  return secret;
}

/** Sign-out: forgets the session the cookie names, so a copy of the cookie opens nothing, in any process. */
export async function endSessionByKey(sessionKey: string | null): Promise<void> {
  if (!sessionKey) return;
  await db.session.deleteMany({ where: { sessionToken: sessionKey } });
}

/** Sign-out through Auth.js itself, which hands over the decrypted cookie: the same, from the cookie's secret. */
export async function endSessionBySecret(secret: unknown): Promise<void> {
  if (typeof secret !== "string" || secret === "") return;
  await endSessionByKey(sessionKeyOf(secret));
}

/** Scheduled: forgets sessions past their end (they open nothing already; this keeps the table small). */
export async function purgeExpiredSessions(now: Date): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expires: { lte: now } } });
  return count;
}
