// Sessions the server knows about: a cookie opens the portal only while its
// Session row stands, so signing out (here or from another device), a
// password change or a deleted account ends it at once, in every process.
import { createHash } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { endSessionByKey, endSessionBySecret, purgeExpiredSessions, SESSION_LIFETIME_SECONDS, sessionKeyOf, startSession } from "@/lib/auth/session-store";
import { loadSessionUser, sessionUserFromCookie } from "@/lib/auth/session-user";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { SCHEDULED_TASKS } from "@/lib/jobs/tasks";
import { deleteMyAccount } from "@/lib/privacy/delete-account";
import { exportMyData } from "@/lib/privacy/export";
import { changePassword } from "@/lib/users/change-password";
import { endOtherSessions, endSession, listMySessions } from "@/lib/users/sessions";
import { createUser, FACTORY_PASSWORD } from "../support/factories";
import { countStatements } from "../support/query-count";
import { asActor } from "../support/sites";

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
    expect(row!.createdAt).toEqual(at);
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

describe("the session cookie a page reads", () => {
  const AUTH_SECRET = "integration-session-secret-0123456789abcdefghijkl";
  afterEach(() => vi.unstubAllEnvs());
  /** The Cookie header of a browser that signed in: the cookie as Auth.js writes it. */
  async function cookieOf(user: { id: string; sessionVersion: number }, secret: string) {
    vi.stubEnv("AUTH_SECRET", AUTH_SECRET);
    vi.stubEnv("PUBLIC_URL", "http://127.0.0.1:3000");
    const value = await encode({
      token: { sub: user.id, sessionVersion: user.sessionVersion, sessionSecret: secret },
      secret: AUTH_SECRET,
      salt: "authjs.session-token",
      maxAge: SESSION_LIFETIME_SECONDS,
    });
    return `authjs.session-token=${value}`;
  }

  it("opens the portal in one statement while its row stands; ending that session by its key closes it to every copy, and only it", async () => {
    const user = await createUser({ name: "Siân Morgan" });
    const laptop = await signedIn(user);
    const phone = await signedIn(user, SAFARI_ON_IPHONE);
    const laptopCookie = await cookieOf(user, laptop.secret);
    const phoneCookie = await cookieOf(user, phone.secret);

    const { result, statements } = await countStatements(() => sessionUserFromCookie(laptopCookie));
    expect(result?.actor.name).toBe("Siân Morgan");
    expect(result?.sessionKey).toBe(laptop.claims.sessionKey);
    expect(statements).toBe(1);

    await endSessionByKey(result!.sessionKey);
    expect(await sessionUserFromCookie(laptopCookie)).toBeNull();
    expect((await sessionUserFromCookie(phoneCookie))?.actor.id).toBe(user.id);
    expect(await sessionsOf(user.id)).toHaveLength(1);
    // No key (a visitor signing out) ends nothing.
    await endSessionByKey(null);
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it("opens nothing for a cookie of a session that was never started, or for none", async () => {
    const user = await createUser();
    expect(await sessionUserFromCookie(await cookieOf(user, "never-started"))).toBeNull();
    expect(await sessionUserFromCookie(null)).toBeNull();
  });
});

describe("the member's list of sessions", () => {
  it("shows where they are signed in, this device first, without expired sessions or anyone else's", async () => {
    const user = await createUser();
    const now = new Date();
    const laptop = await signedIn(user, CHROME_ON_LINUX, new Date(now.getTime() - 3 * HOUR));
    await signedIn(user, SAFARI_ON_IPHONE, new Date(now.getTime() - 1 * HOUR));
    await signedIn(user, CHROME_ON_LINUX, new Date(now.getTime() - 13 * HOUR)); // expired
    await signedIn(await createUser(), CHROME_ON_LINUX);

    const list = await listMySessions(asActor(user), laptop.claims.sessionKey, now);
    expect(list.map(({ browser, thisDevice }) => ({ browser, thisDevice }))).toEqual([
      { browser: "Chrome on Linux", thisDevice: true },
      { browser: "Safari on iPhone", thisDevice: false },
    ]);
    expect(list[0]!.signedInAt.getTime()).toBeLessThan(list[1]!.signedInAt.getTime());
    expect(JSON.stringify(list)).not.toContain(laptop.claims.sessionKey);
  });

  it("is part of the data the member can see and download, without the secret or its hash", async () => {
    const user = await createUser();
    const phone = await signedIn(user, SAFARI_ON_IPHONE, new Date("2026-03-02T09:00:00Z"));
    const data = await exportMyData(asActor(user));
    expect(data.signedIn).toEqual([{ browser: "Safari on iPhone", signedInAt: "2026-03-02T09:00:00.000Z", endsAt: "2026-03-02T21:00:00.000Z" }]);
    expect(JSON.stringify(data)).not.toContain(phone.secret);
    expect(JSON.stringify(data)).not.toContain(phone.claims.sessionKey);
  });

  it("signs out of every other device at once, keeps this one, leaves other members alone, and is audited", async () => {
    const user = await createUser();
    const here = await signedIn(user);
    const phone = await signedIn(user, SAFARI_ON_IPHONE);
    const tablet = await signedIn(user, null);
    const bystander = await signedIn(await createUser());

    expect(await endOtherSessions(asActor(user), here.claims.sessionKey)).toBe(2);
    expect(await loadSessionUser(here.claims)).not.toBeNull();
    expect(await loadSessionUser(phone.claims)).toBeNull();
    expect(await loadSessionUser(tablet.claims)).toBeNull();
    expect(await loadSessionUser(bystander.claims)).not.toBeNull();
    const audited = await db.auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "user.sessions.endedOthers" } });
    expect(audited.after).toEqual({ ended: 2 });
  });

  it("ends one other device's session, audited, and refuses this device's own", async () => {
    const user = await createUser();
    const here = await signedIn(user);
    const phone = await signedIn(user, SAFARI_ON_IPHONE);
    const phoneId = (await db.session.findUniqueOrThrow({ where: { sessionToken: phone.claims.sessionKey } })).id;
    const hereId = (await db.session.findUniqueOrThrow({ where: { sessionToken: here.claims.sessionKey } })).id;

    expect(await endSession(asActor(user), here.claims.sessionKey, phoneId)).toEqual({ browser: "Safari on iPhone" });
    expect(await loadSessionUser(phone.claims)).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "user.session.ended", entityId: phoneId } })).toBe(1);

    await expect(endSession(asActor(user), here.claims.sessionKey, phoneId)).rejects.toThrow("That device is already signed out.");
    await expect(endSession(asActor(user), here.claims.sessionKey, hereId)).rejects.toThrow("To end its session, sign out.");
    expect(await loadSessionUser(here.claims)).not.toBeNull();
  });
});

// Who may see and end a member's sessions, written down apart from the
// permission table: the member alone. An administrator runs the portal, not
// other people's devices. A refused attempt changes nothing.
describe("ending someone's session: who may", () => {
  const PERSONAS = ["visitor", "another member", "committee member", "administrator", "the member"] as const;
  const ALLOWED = new Set<string>(["the member"]);

  async function scenario() {
    const owner = await createUser({ name: "Owner Sessions" });
    const ownerHere = await signedIn(owner);
    const ownerPhone = await signedIn(owner, SAFARI_ON_IPHONE);
    const phoneId = (await db.session.findUniqueOrThrow({ where: { sessionToken: ownerPhone.claims.sessionKey } })).id;
    const people: Record<(typeof PERSONAS)[number], { actor: Actor | null; key: string | null }> = {
      visitor: { actor: null, key: null },
      "another member": await personWithSession(await createUser()),
      "committee member": await personWithSession(await createUser({ role: "COMMITTEE" })),
      administrator: await personWithSession(await createUser({ role: "ADMIN" })),
      "the member": { actor: asActor(owner), key: ownerHere.claims.sessionKey },
    };
    return { owner, people, phoneId, ownerPhone };
  }

  async function personWithSession(user: Awaited<ReturnType<typeof createUser>>) {
    return { actor: asActor(user), key: (await signedIn(user)).claims.sessionKey };
  }

  const snapshot = async () => JSON.stringify({ sessions: await db.session.findMany({ orderBy: { id: "asc" } }), audits: await db.auditEvent.count() });

  it.each(PERSONAS.map((persona) => ({ persona, allowed: ALLOWED.has(persona) })))(
    "ending another device's session by its id, as $persona: allowed = $allowed",
    async ({ persona, allowed }) => {
      const { people, phoneId, ownerPhone } = await scenario();
      const { actor, key } = people[persona];
      const before = await snapshot();
      const outcome = await endSession(actor, key, phoneId).then(
        () => "done",
        (error: unknown) => error,
      );
      if (allowed) {
        expect(outcome).toBe("done");
        expect(await loadSessionUser(ownerPhone.claims)).toBeNull();
        return;
      }
      expect(outcome).toBeInstanceOf(ForbiddenError);
      expect(await snapshot()).toBe(before);
      expect(await loadSessionUser(ownerPhone.claims)).not.toBeNull();
    },
  );

  it.each(PERSONAS.map((persona) => ({ persona, allowed: ALLOWED.has(persona) })))(
    "listing sessions and signing out of other devices, as $persona, reaches only their own",
    async ({ persona, allowed }) => {
      const { owner, people, ownerPhone } = await scenario();
      const { actor, key } = people[persona];
      if (!actor) {
        await expect(listMySessions(actor, key)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(endOtherSessions(actor, key)).rejects.toBeInstanceOf(ForbiddenError);
        return;
      }
      const listed = await listMySessions(actor, key);
      expect(listed.length).toBe(allowed ? 2 : 1);
      await endOtherSessions(actor, key);
      // The owner's phone is signed out only by the owner.
      expect((await loadSessionUser(ownerPhone.claims)) === null).toBe(allowed);
      expect(await sessionsOf(owner.id)).toHaveLength(allowed ? 1 : 2);
    },
  );

  it("refuses an id that is not a session's, changing nothing", async () => {
    const { people } = await scenario();
    const before = await snapshot();
    await expect(endSession(people["the member"].actor, people["the member"].key, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(DomainError);
    expect(await snapshot()).toBe(before);
  });
});

describe("what else ends sessions", () => {
  it("a password change ends every session of the member (the action then signs this device in afresh), and no one else's", async () => {
    const user = await createUser();
    const here = await signedIn(user);
    const phone = await signedIn(user, SAFARI_ON_IPHONE);
    const bystander = await signedIn(await createUser());
    await changePassword(asActor(user), { currentPassword: FACTORY_PASSWORD, newPassword: "a brand new pass phrase" });
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(await loadSessionUser(here.claims)).toBeNull();
    expect(await loadSessionUser(phone.claims)).toBeNull();
    expect(await loadSessionUser(bystander.claims)).not.toBeNull();
  });

  it("a wrong current password ends nothing", async () => {
    const user = await createUser();
    const here = await signedIn(user);
    await expect(changePassword(asActor(user), { currentPassword: "not my password", newPassword: "a brand new pass phrase" })).rejects.toBeInstanceOf(DomainError);
    expect(await loadSessionUser(here.claims)).not.toBeNull();
  });

  it("deleting the account ends every session of it", async () => {
    const user = await createUser();
    const here = await signedIn(user);
    await signedIn(user, SAFARI_ON_IPHONE);
    await deleteMyAccount(asActor(user), FACTORY_PASSWORD);
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(await loadSessionUser(here.claims)).toBeNull();
  });

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
