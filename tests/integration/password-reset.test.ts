// "Forgotten your password?": a request that tells nobody whether an account exists, the e-mail
// and its one-hour link, the new password that signs the person out everywhere; and the link an
// administrator can send a member.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { checkResetLink, requestPasswordReset, resetPassword, sendPasswordResetLink, sendRequestedPasswordReset } from "@/lib/accounts/reset-password";
import { sessionKeyOf, startSession } from "@/lib/auth/session-store";
import { loadSessionUser } from "@/lib/auth/session-user";
import { ForbiddenError, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { JOB_SCHEMA, QUEUES } from "@/lib/jobs/queue";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/workers";
import { isLimited, LIMITS } from "@/lib/security/rate-limit";
import { authenticate, signInAccountKey } from "@/lib/users/authenticate";
import { changePassword } from "@/lib/users/change-password";
import { lastEmail, queuedEmails, tokenInLink } from "../support/account-mail";
import { createUser, FACTORY_PASSWORD } from "../support/factories";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf } from "../support/sites";

const HOUR = 3600 * 1000;
let addressCounter = 0;
/** A client address no other test has used, so that each test has its own limit. */
const freshAddress = () => `198.51.100.${++addressCounter}`;
const unknownAddress = () => `nobody.${crypto.randomUUID().slice(0, 8)}@example.net`;

afterEach(async () => stopJobWorkers());

async function jobsFor(email: string, state?: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'email' = $2${state ? " AND state = $3" : ""}`,
    QUEUES.passwordResetRequest.name,
    email,
    ...(state ? [state] : []),
  );
  return rows[0]?.n ?? 0;
}

/** A member who asked for a reset: the link from the e-mail they got. */
async function resetLinkFor(email: string): Promise<string> {
  expect(await sendRequestedPasswordReset(email)).toBe(true);
  return tokenInLink(await lastEmail(email, "account.resetPassword"), "/reset-password");
}

const passwordHashOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

describe("asking for a reset", () => {
  it("does the same database work whether or not an account uses the address, and queues no e-mail for an unknown one", async () => {
    const member = await createUser();
    const stranger = unknownAddress();
    const known = await countStatements(() => requestPasswordReset(member.email, freshAddress()));
    const unknown = await countStatements(() => requestPasswordReset(stranger, freshAddress()));
    expect(unknown.statements).toBe(known.statements);
    expect(known.statements).toBeGreaterThan(0);
    // Neither request wrote an e-mail or a link itself: the worker looks the account up.
    expect(await db.emailMessage.count({ where: { to: { in: [member.email, stranger] } } })).toBe(0);
    expect([await jobsFor(member.email), await jobsFor(stranger)]).toEqual([1, 1]);

    await startJobWorkers();
    await expect.poll(async () => (await queuedEmails(member.email, "account.resetPassword")).length).toBe(1);
    await expect.poll(() => jobsFor(stranger, "completed")).toBe(1);
    expect(await queuedEmails(stranger)).toEqual([]);
    expect(await db.accountToken.count({ where: { email: stranger } })).toBe(0);
  });

  it("e-mails a link to the reset page whose token is stored as a hash and works for one hour", async () => {
    const member = await createUser({ name: "Grace Ndlovu" });
    await sendRequestedPasswordReset(member.email);
    const email = await lastEmail(member.email, "account.resetPassword");
    expect(email.subject).toBe("Reset your RADIANT password");
    expect(email.text).toContain("Dear Grace Ndlovu,");
    expect(email.text).toContain("If you did not expect this e-mail, you can ignore it: your password stays as it is.");
    expect(email.text).toContain("You are getting this e-mail because someone asked to reset the password of the RADIANT account that uses this address");
    const token = tokenInLink(email, "/reset-password");
    expect(email.html).toContain(`href="http://localhost:3000/reset-password/${token}"`);
    expect(email.stored).not.toContain(token);
    expect(email.headers).toBeNull();
    const row = await db.accountToken.findFirstOrThrow({ where: { userId: member.id, purpose: "RESET_PASSWORD" } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(HOUR);
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "user.passwordReset.requested" } })).toBe(1);
  });

  it("for one e-mail address, three an hour; past that the same answer, and nothing queued", async () => {
    const member = await createUser();
    const start = new Date();
    for (let i = 0; i < 4; i++) await requestPasswordReset(member.email, freshAddress(), new Date(start.getTime() + i * 1000));
    expect(await jobsFor(member.email)).toBe(3);
    await requestPasswordReset(member.email, freshAddress(), new Date(start.getTime() + HOUR + 5000));
    expect(await jobsFor(member.email)).toBe(4);
  });

  it("from one client address, twenty an hour whatever e-mail addresses they name; past that nothing queued", async () => {
    const address = freshAddress();
    const named = Array.from({ length: LIMITS.passwordResetsPerAddress.max + 2 }, () => unknownAddress());
    for (const email of named) await requestPasswordReset(email, address);
    const queued = await Promise.all(named.map((email) => jobsFor(email)));
    expect(queued.filter((count) => count === 1)).toHaveLength(LIMITS.passwordResetsPerAddress.max);
    expect(queued.slice(-2)).toEqual([0, 0]);
  });

  it("sends nothing for a deleted account", async () => {
    const member = await createUser();
    await db.user.update({ where: { id: member.id }, data: { deletedAt: new Date() } });
    expect(await sendRequestedPasswordReset(member.email)).toBe(false);
    expect(await queuedEmails(member.email)).toEqual([]);
  });
});

describe("setting a new password with the link", () => {
  it("replaces the password, signs out every session, uses up the other links, audits, and lets a locked-out member sign in", async () => {
    const member = await createUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { sessionVersion: true } });
    const signedIn = await startSession(member.id, "Firefox on Windows");
    const claims = { userId: member.id, sessionVersion: before.sessionVersion, sessionKey: sessionKeyOf(signedIn) };
    expect(await loadSessionUser(claims)).not.toBeNull();
    const older = await resetLinkFor(member.email);
    const token = await resetLinkFor(member.email);
    // Ten wrong guesses have locked the account.
    for (let i = 0; i < LIMITS.signInPerAccount.max; i++) await authenticate({ email: member.email, password: `guess ${i}` }, freshAddress());
    expect(await isLimited(signInAccountKey(member.email), LIMITS.signInPerAccount)).toBe(true);

    expect(await checkResetLink(token)).toEqual({ state: "valid", email: member.email });
    expect(await resetPassword(token, "a brand new pass phrase")).toEqual({ ok: true, email: member.email });

    expect((await authenticate({ email: member.email, password: "a brand new pass phrase" }, freshAddress())).ok).toBe(true);
    expect((await authenticate({ email: member.email, password: FACTORY_PASSWORD }, freshAddress())).ok).toBe(false);
    // A session from before the reset is no longer anyone's.
    expect(await loadSessionUser(claims)).toBeNull();
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
    expect(await checkResetLink(token)).toEqual({ state: "used" });
    expect(await checkResetLink(older)).toEqual({ state: "used" });
    expect(await resetPassword(older, "yet another pass phrase")).toEqual({ ok: false, state: "used" });
    expect(await db.auditEvent.findMany({ where: { entityId: member.id, action: "user.password.reset" }, select: { actorId: true, after: true } })).toEqual([
      { actorId: member.id, after: null },
    ]);
  });

  it("confirms an address that was not confirmed: the person read the e-mail sent to it", async () => {
    const member = await createUser({ verified: false });
    const token = await resetLinkFor(member.email);
    await resetPassword(token, "a brand new pass phrase");
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).emailVerified).toBeInstanceOf(Date);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: member.id, action: "user.password.reset" } })).toMatchObject({ after: { emailVerified: true } });
  });

  it("is refused after an hour, for an unknown or mangled link, or one sent to an address the account has left, and nothing changes", async () => {
    const member = await createUser();
    const hash = await passwordHashOf(member.id);
    const token = await resetLinkFor(member.email);
    const later = new Date(Date.now() + HOUR + 60_000);
    expect(await checkResetLink(token, later)).toEqual({ state: "expired" });
    expect(await resetPassword(token, "a brand new pass phrase", later)).toEqual({ ok: false, state: "expired" });
    for (const wrong of ["B".repeat(43), token.slice(1), "<script>", "x".repeat(5000)]) {
      expect(await resetPassword(wrong, "a brand new pass phrase")).toEqual({ ok: false, state: "unknown" });
    }
    await db.user.update({ where: { id: member.id }, data: { email: `elsewhere.${member.email}` } });
    expect(await resetPassword(token, "a brand new pass phrase")).toEqual({ ok: false, state: "unknown" });
    expect(await passwordHashOf(member.id)).toBe(hash);
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "user.password.reset" } })).toBe(0);
  });

  it("pressed twice at the same moment, sets one password", async () => {
    const member = await createUser();
    const token = await resetLinkFor(member.email);
    const results = await Promise.all([resetPassword(token, "first new pass phrase"), resetPassword(token, "second new pass phrase")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "user.password.reset" } })).toBe(1);
  });

  it("stops working once the password is changed from the account page", async () => {
    const member = await createUser();
    const token = await resetLinkFor(member.email);
    await changePassword(asActor(member), { currentPassword: FACTORY_PASSWORD, newPassword: "changed the usual way" });
    expect(await checkResetLink(token)).toEqual({ state: "used" });
  });
});

describe("an administrator sending a member a reset link", () => {
  const actorOf = async (role: GlobalRole): Promise<AuthzActor> => {
    const user = await createUser({ role });
    return { id: user.id, role: user.role, emailVerified: user.emailVerified };
  };
  // Written down, not read from the permission table.
  const PERSONAS: [string, () => Promise<AuthzActor | null>, boolean][] = [
    ["visitor", async () => null, false],
    ["member", () => actorOf("MEMBER"), false],
    ["committee member", () => actorOf("COMMITTEE"), false],
    ["administrator", () => actorOf("ADMIN"), true],
  ];
  for (const [persona, make, allowed] of PERSONAS) {
    it(`${persona}: ${allowed ? "may" : "may not"} send one`, async () => {
      const actor = await make();
      const member = await createUser({ name: "Locked Out" });
      const attempt = sendPasswordResetLink(actor, member.id);
      if (allowed) {
        await expect(attempt).resolves.toEqual({ name: "Locked Out", email: member.email });
        expect(await queuedEmails(member.email, "account.resetPassword.byAdmin")).toHaveLength(1);
      } else {
        expect(await refusalOf(attempt)).toBeInstanceOf(ForbiddenError);
        expect(await queuedEmails(member.email)).toEqual([]);
        expect(await db.accountToken.count({ where: { userId: member.id } })).toBe(0);
        expect(await db.auditEvent.count({ where: { entityId: member.id } })).toBe(0);
      }
    });
  }

  it("e-mails the member a link only they see, says who sent it, and is audited; the password stays until they choose one", async () => {
    const admin = await createUser({ role: "ADMIN", name: "Sam Whitfield" });
    const member = await createUser({ name: "Forgetful Member" });
    const hash = await passwordHashOf(member.id);
    const answer = await sendPasswordResetLink(asActor(admin), member.id);
    const email = await lastEmail(member.email, "account.resetPassword.byAdmin");
    const token = tokenInLink(email, "/reset-password");
    expect(JSON.stringify(answer)).not.toContain(token);
    expect(email.text).toContain("Sam Whitfield, an administrator of RADIANT, has sent you a link to set a new password");
    expect(email.text).toContain("You are getting this e-mail because an administrator of RADIANT sent a password-reset link");
    expect(await passwordHashOf(member.id)).toBe(hash);
    expect(await db.auditEvent.findMany({ where: { entityId: member.id }, select: { actorId: true, action: true } })).toEqual([
      { actorId: admin.id, action: "user.passwordReset.sent" },
    ]);
    expect((await resetPassword(token, "chosen by the member")).ok).toBe(true);
  });

  it("finds no deleted or unknown member", async () => {
    const admin = asActor(await createUser({ role: "ADMIN" }));
    const gone = await createUser();
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect(await refusalOf(sendPasswordResetLink(admin, gone.id))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(sendPasswordResetLink(admin, "00000000-0000-4000-8000-000000000000"))).toBeInstanceOf(NotFoundError);
    expect(await queuedEmails(gone.email)).toEqual([]);
  });
});
