// Sessions the server knows about: a cookie opens the portal only while its
// Session row stands, so signing out (here or from another device), a
// password change or a deleted account ends it at once, in every process.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { endSessionBySecret, purgeExpiredSessions, SESSION_LIFETIME_SECONDS, sessionKeyOf, startSession } from "@/lib/auth/session-store";
import { loadSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { SCHEDULED_TASKS } from "@/lib/jobs/tasks";
import { createUser } from "../support/factories";
import { countStatements } from "../support/query-count";

const CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const HOUR = 3600 * 1000;

/** A member signed in on a device: what their cookie would carry. */
async function signedIn(user: { id: string; sessionVersion: number }, userAgent: string | null = CHROME_ON_LINUX, at = new Date()) {
  const secret = await startSession(user.id, userAgent, at);
  return { secret, claims: { userId: user.id, sessionVersion: user.sessionVersion, sessionKey: sessionKeyOf(secret) } };
}

const sessionsOf = (userId: string) => db.session.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("signing in", () => {
  it("keeps a session row named by the hash of the cookie's random value, for twelve hours, with the browser in short", async () => {
    const user = await createUser();
    const at = new Date("2026-03-02T09:00:00Z");
    const secret = await startSession(user.id, CHROME_ON_LINUX, at);
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    const [row] = await sessionsOf(user.id);
    expect(row!.sessionToken).toBe(createHash("sha256").update(Buffer.from(secret, "base64url")).digest("hex"));
    expect(row!.sessionToken).not.toContain(secret);
    expect(row!.expires).toEqual(new Date(at.getTime() + SESSION_LIFETIME_SECONDS * 1000));
    expect(SESSION_LIFETIME_SECONDS).toBe(12 * 3600);
    expect(row!.userAgent).toBe("Chrome on Linux");
  });

  it("gives each sign-in its own secret", async () => {
    const user = await createUser();
    const first = await startSession(user.id, null);
    const second = await startSession(user.id, null);
    expect(first).not.toBe(second);
    expect(await sessionsOf(user.id)).toHaveLength(2);
  });
});

describe("the session a cookie names", () => {
  it("opens the portal while its row stands, in one statement, and not once the row is deleted (signed out)", async () => {
    const user = await createUser({ name: "Rhiannon Price" });
    const { claims, secret } = await signedIn(user);
    const { result, statements } = await countStatements(() => loadSessionUser(claims));
    expect(result?.actor.name).toBe("Rhiannon Price");
    expect(statements).toBe(1);

    await endSessionBySecret(secret);
    const after = await countStatements(() => loadSessionUser(claims));
    expect(after.result).toBeNull();
    expect(after.statements).toBe(1);
  });

  it("does not open the portal once the session has expired, though the row is still there", async () => {
    const user = await createUser();
    const { claims } = await signedIn(user, CHROME_ON_LINUX, new Date("2026-03-02T09:00:00Z"));
    expect(await loadSessionUser(claims, new Date("2026-03-02T20:59:00Z"))).not.toBeNull();
    expect(await loadSessionUser(claims, new Date("2026-03-02T21:00:00Z"))).toBeNull();
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it("opens nothing with another member's session, or with none (a cookie from before sessions were kept)", async () => {
    const me = await createUser();
    const other = await createUser();
    const { claims: theirs } = await signedIn(other);
    expect(await loadSessionUser({ userId: me.id, sessionVersion: me.sessionVersion, sessionKey: theirs.sessionKey })).toBeNull();
    expect(await loadSessionUser({ userId: me.id, sessionVersion: me.sessionVersion, sessionKey: null })).toBeNull();
    expect(await loadSessionUser({ userId: me.id, sessionVersion: me.sessionVersion, sessionKey: sessionKeyOf("not-a-session") })).toBeNull();
  });

  it("signing out ends only the session signed out of", async () => {
    const user = await createUser();
    const laptop = await signedIn(user);
    const phone = await signedIn(user, SAFARI_ON_IPHONE);
    await endSessionBySecret(laptop.secret);
    expect(await loadSessionUser(laptop.claims)).toBeNull();
    expect(await loadSessionUser(phone.claims)).not.toBeNull();
    // A cookie without a session secret signs out without touching anything.
    await endSessionBySecret(undefined);
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });
});

describe("expired sessions", () => {
  it("the scheduled clean-up forgets expired sessions and keeps live ones", async () => {
    const user = await createUser();
    const now = new Date();
    const live = await signedIn(user, CHROME_ON_LINUX, new Date(now.getTime() - 11 * HOUR));
    await signedIn(user, SAFARI_ON_IPHONE, new Date(now.getTime() - 12 * HOUR));
    await signedIn(user, null, new Date(now.getTime() - 30 * HOUR));

    const task = SCHEDULED_TASKS.find((candidate) => candidate.name === "purge-expired-sessions");
    expect(task?.run).toBe(purgeExpiredSessions);
    const [expired, liveCount] = await Promise.all([db.session.count({ where: { expires: { lte: now } } }), db.session.count({ where: { expires: { gt: now } } })]);
    expect(expired).toBeGreaterThanOrEqual(2);
    expect(await purgeExpiredSessions(now)).toBe(expired);
    expect(await db.session.count()).toBe(liveCount);
    expect((await sessionsOf(user.id)).map((row) => row.sessionToken)).toEqual([live.claims.sessionKey]);
    expect(await loadSessionUser(live.claims, now)).not.toBeNull();
  });
});
