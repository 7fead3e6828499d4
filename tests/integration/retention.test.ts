// Retention, as the scheduled tasks run it, at chosen moments: unused accounts are warned once,
// signing in withdraws the warning, an account still unused after the grace period is erased as
// its owner's own deletion erases it, and old links, rate-limit counts, sessions and closed
// invitations are removed, each only once past its period (lib/privacy/retention.ts).
import { describe, expect, it } from "vitest";
import { startSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { SCHEDULED_TASKS } from "@/lib/jobs/tasks";
import { purgeExpiredSessions } from "@/lib/auth/session-store";
import { deleteMyAccount, FORMER_MEMBER_NAME } from "@/lib/privacy/delete-account";
import { exportMyData } from "@/lib/privacy/export";
import { eraseInactiveAccounts, warnInactiveAccounts } from "@/lib/privacy/inactive-accounts";
import { purgeClosedInvitations, purgeOldAccountLinks, purgeOldRateLimits } from "@/lib/privacy/purge";
import { authenticate } from "@/lib/users/authenticate";
import { createCollaboration, createProject, createProjectSite, createUser, FACTORY_PASSWORD } from "../support/factories";
import { countStatements } from "../support/query-count";
import { asActor } from "../support/sites";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);
const daysAfter = (start: Date, days: number) => new Date(start.getTime() + days * DAY);

// Each test works in its own era, years apart, and sets its members' sign-in dates in it:
// members made by other tests signed up "later" than this test's now and are never due in it.

/** A member whose last use (sign-in, or sign-up when `lastSignInAt` is null) is as given. */
async function memberLastUsed(createdAt: Date, lastSignInAt: Date | null, overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  await db.user.update({ where: { id: user.id }, data: { createdAt, lastSignInAt } });
  return user;
}

const warningsTo = (userId: string) => db.emailMessage.findMany({ where: { userId, kind: "account.inactivityWarning" } });
const stateOf = (userId: string) =>
  db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, deletedAt: true, inactivityWarnedAt: true, lastSignInAt: true } });

describe("an account nobody uses", () => {
  it("is warned once by e-mail, with a plain-text part and a link to sign in; a recent account is left alone", async () => {
    const now = at("2024-06-01T04:20:00Z");
    const unused = await memberLastUsed(at("2020-02-01T00:00:00Z"), at("2021-05-20T09:00:00Z"), { name: "Oluwaseun Adeyemi" });
    const neverSignedIn = await memberLastUsed(at("2021-01-10T00:00:00Z"), null);
    const recent = await memberLastUsed(at("2020-02-01T00:00:00Z"), at("2021-06-02T09:00:00Z"));
    const justSignedUp = await memberLastUsed(at("2024-05-01T00:00:00Z"), null);

    expect(await warnInactiveAccounts(now)).toBe(2);

    const [warning, ...more] = await warningsTo(unused.id);
    expect(more).toEqual([]);
    expect(warning!.to).toBe(unused.email);
    expect(warning!.subject).toBe("Your RADIANT account will be erased on 1 Jul 2024 unless you sign in");
    expect(warning!.text).toContain("Dear Oluwaseun Adeyemi,");
    expect(warning!.text).toContain(`Nobody has signed in to your RADIANT account (${unused.email}) since 20 May 2021.`);
    expect(warning!.text).toContain("sign in before 1 Jul 2024");
    expect(warning!.text).toContain("Sign in to keep your account:\nhttp://localhost:3000/signin");
    expect(warning!.html).toContain('href="http://localhost:3000/signin"');
    expect((await stateOf(unused.id)).inactivityWarnedAt).toEqual(now);
    expect(await warningsTo(neverSignedIn.id)).toHaveLength(1);
    expect(await warningsTo(recent.id)).toEqual([]);
    expect(await warningsTo(justSignedUp.id)).toEqual([]);
    expect((await stateOf(recent.id)).inactivityWarnedAt).toBeNull();

    // The next night's run, and a second run the same night, tell nobody twice.
    expect(await warnInactiveAccounts(now)).toBe(0);
    expect(await warnInactiveAccounts(daysAfter(now, 1))).toBe(0);
    expect(await warningsTo(unused.id)).toHaveLength(1);
    expect(await warningsTo(neverSignedIn.id)).toHaveLength(1);
  });

  it("is kept when its member signs in after the warning, and the warning is withdrawn", async () => {
    const now = at("2019-06-01T04:20:00Z");
    const member = await memberLastUsed(at("2015-01-01T00:00:00Z"), at("2016-01-01T00:00:00Z"));
    await warnInactiveAccounts(now);
    expect((await stateOf(member.id)).inactivityWarnedAt).toEqual(now);

    const signedIn = daysAfter(now, 10);
    // Signing in records it on the member in the same single statement that opens the session.
    const signIn = await countStatements(() => startSession(member.id, "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0", signedIn));
    expect(signIn.statements).toBe(1);
    expect(await db.session.count({ where: { userId: member.id, createdAt: signedIn } })).toBe(1);
    expect(await stateOf(member.id)).toMatchObject({ inactivityWarnedAt: null, lastSignInAt: signedIn });
    // What the rule counts from is part of what the member can see and download.
    expect((await exportMyData(asActor(member))).account).toMatchObject({ lastSignInAt: signedIn.toISOString(), inactivityWarnedAt: null });

    expect(await eraseInactiveAccounts(daysAfter(now, 31))).toBe(0);
    expect(await stateOf(member.id)).toMatchObject({ name: member.name, deletedAt: null });
    expect(await authenticate({ email: member.email, password: FACTORY_PASSWORD })).toMatchObject({ ok: true });
  });

  it("is erased once the grace period after the warning has passed, and not a day before", async () => {
    const now = at("2014-06-01T04:20:00Z");
    const member = await memberLastUsed(at("2010-01-01T00:00:00Z"), at("2011-01-01T00:00:00Z"), { name: "Siobhán Ní Bhriain" });
    await warnInactiveAccounts(now);

    expect(await eraseInactiveAccounts(daysAfter(now, 29))).toBe(0);
    expect(await stateOf(member.id)).toMatchObject({ name: "Siobhán Ní Bhriain", deletedAt: null });

    const erasedAt = daysAfter(now, 30);
    expect(await eraseInactiveAccounts(erasedAt)).toBe(1);
    expect(await stateOf(member.id)).toMatchObject({ name: FORMER_MEMBER_NAME, deletedAt: erasedAt });
    expect(await authenticate({ email: member.email, password: FACTORY_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    // The warning held the name and address: it goes with them.
    expect(await db.emailMessage.count({ where: { to: member.email } })).toBe(0);
    const audited = await db.auditEvent.findMany({ where: { entityId: member.id, action: "user.deleted" }, select: { actorId: true, after: true } });
    expect(audited).toEqual([{ actorId: null, after: { reason: "No sign-in for 3 years and none in the 30 days after the warning" } }]);

    // Run again: nothing more happens to it.
    expect(await eraseInactiveAccounts(daysAfter(erasedAt, 1))).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "user.deleted" } })).toBe(1);
  });

  it("is erased exactly as deleting it oneself erases it, keeping the same contributions", async () => {
    const now = at("2009-06-01T04:20:00Z");
    let n = 0;
    /** A member with everything erasure touches: GMC number, ORCID iD, a contribution with a certificate, a notification, a session, a link. */
    async function fullMember(name: string) {
      const user = await memberLastUsed(at("2005-01-01T00:00:00Z"), at("2006-01-01T00:00:00Z"), { name });
      n += 1;
      await db.traineeProfile.update({
        where: { userId: user.id },
        data: { gmcNumber: String(7100000 + n), orcid: `0000-0003-1825-${String(n).padStart(4, "0")}`, authorSurname: "Surname", authorInitials: "AB", contactConsent: true, modalities: ["CT"] },
      });
      const project = await createProject({ title: `Erasure study ${n}` });
      const projectSite = await createProjectSite({ projectId: project.id });
      const collaboration = await createCollaboration({ projectSiteId: projectSite.id, userId: user.id });
      await db.certificate.create({
        data: { code: `RET${n}${user.id.slice(0, 6)}`, holderId: user.id, subject: `participant:${project.id}:${user.id}`, fingerprint: "f", collaborationId: collaboration.id, statement: { traineeName: name, gmcNumber: String(7100000 + n), projectTitle: "Erasure study" } },
      });
      await db.notification.create({ data: { userId: user.id, kind: "test", message: `Hello ${name}` } });
      await db.accountToken.create({ data: { userId: user.id, purpose: "RESET_PASSWORD", tokenHash: `hash-${user.id}`, email: user.email, expiresAt: daysAfter(now, 1) } });
      await db.session.create({ data: { userId: user.id, sessionToken: `session-${user.id}`, expires: daysAfter(now, 365 * 20) } });
      return user;
    }
    /** What is left of a member, without what differs by nature (ids, the moment, who acted). */
    async function footprint(userId: string) {
      const user = await db.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          name: true,
          email: true,
          passwordHash: true,
          image: true,
          emailVerified: true,
          lastSignInAt: true,
          inactivityWarnedAt: true,
          role: true,
          deletedAt: true,
          profile: { select: { gmcNumber: true, orcid: true, authorSurname: true, authorInitials: true, modalities: true, subspecialties: true, contactConsent: true, grade: true } },
          collaborations: { select: { status: true, role: true, certificates: { select: { statement: true } } } },
          _count: { select: { notifications: true, sessions: true, accountTokens: true, emails: true, siteInterests: true } },
        },
      });
      return { ...user, email: user.email.replace(userId, "<id>"), deletedAt: user.deletedAt !== null };
    }

    const byThemselves = await fullMember("Aroha Ngata");
    const byRetention = await fullMember("Aroha Ngata");
    await warnInactiveAccounts(now);
    await deleteMyAccount(asActor(byThemselves), FACTORY_PASSWORD);
    await eraseInactiveAccounts(daysAfter(now, 30));

    const erased = await footprint(byRetention.id);
    expect(erased).toEqual(await footprint(byThemselves.id));
    expect(erased).toMatchObject({
      name: FORMER_MEMBER_NAME,
      email: "deleted-<id>@deleted.invalid",
      passwordHash: null,
      deletedAt: true,
      profile: { gmcNumber: null, orcid: null, contactConsent: false },
      collaborations: [{ status: "CONFIRMED", role: "COLLABORATOR", certificates: [{ statement: { traineeName: FORMER_MEMBER_NAME, gmcNumber: null, projectTitle: "Erasure study" } }] }],
      _count: { notifications: 0, sessions: 0, accountTokens: 0, emails: 0 },
    });
  });

  it("keeps the last administrator, and erases an unused administrator while another remains", async () => {
    const now = at("2004-06-01T04:20:00Z");
    const first = await memberLastUsed(at("2000-01-01T00:00:00Z"), at("2000-06-01T00:00:00Z"), { role: "ADMIN" });
    const second = await memberLastUsed(at("2000-01-01T00:00:00Z"), at("2000-06-01T00:00:00Z"), { role: "ADMIN" });
    // Nobody else runs this portal.
    await db.user.updateMany({ where: { role: "ADMIN", id: { notIn: [first.id, second.id] } }, data: { role: "MEMBER" } });

    await warnInactiveAccounts(now);
    expect(await warningsTo(first.id)).toHaveLength(1);
    expect(await warningsTo(second.id)).toHaveLength(1);
    expect(await eraseInactiveAccounts(daysAfter(now, 31))).toBe(0);
    expect((await stateOf(first.id)).deletedAt).toBeNull();
    expect((await stateOf(second.id)).deletedAt).toBeNull();

    await startSession(second.id, null, daysAfter(now, 40));
    expect(await eraseInactiveAccounts(daysAfter(now, 41))).toBe(1);
    expect((await stateOf(first.id)).deletedAt).not.toBeNull();
    expect((await stateOf(second.id)).deletedAt).toBeNull();
  });

  it("is not warned while its member leads a live project, and is once the project has ended", async () => {
    const now = at("1999-06-01T04:20:00Z");
    const lead = await memberLastUsed(at("1995-01-01T00:00:00Z"), null);
    const coLead = await memberLastUsed(at("1995-01-01T00:00:00Z"), null);
    const project = await createProject({ leadId: lead.id, status: "DATA_COLLECTION" });
    await db.projectLead.create({ data: { projectId: project.id, userId: coLead.id, role: "CO_LEAD" } });

    expect(await warnInactiveAccounts(now)).toBe(0);
    expect(await eraseInactiveAccounts(daysAfter(now, 60))).toBe(0);
    expect(await warningsTo(lead.id)).toEqual([]);

    await db.project.update({ where: { id: project.id }, data: { status: "COMPLETED" } });
    expect(await warnInactiveAccounts(daysAfter(now, 61))).toBe(2);
    expect(await warningsTo(lead.id)).toHaveLength(1);
    expect(await warningsTo(coLead.id)).toHaveLength(1);
  });

  it("costs the same statements to warn and to erase 3 accounts as 30", async () => {
    const now = at("1994-06-01T04:20:00Z");
    const unused = async (count: number) => {
      for (let i = 0; i < count; i++) await memberLastUsed(at("1990-01-01T00:00:00Z"), at("1990-06-01T00:00:00Z"));
    };
    await unused(3);
    const smallWarn = await countStatements(() => warnInactiveAccounts(now));
    const smallErase = await countStatements(() => eraseInactiveAccounts(daysAfter(now, 30)));
    await unused(30);
    const largeWarn = await countStatements(() => warnInactiveAccounts(daysAfter(now, 31)));
    const largeErase = await countStatements(() => eraseInactiveAccounts(daysAfter(now, 61)));
    expect([smallWarn.result, smallErase.result, largeWarn.result, largeErase.result]).toEqual([3, 3, 30, 30]);
    expect(largeWarn.statements).toBe(smallWarn.statements);
    expect(largeErase.statements).toBe(smallErase.statements);
  });
});

describe("the clean-up of old records", () => {
  it("removes links a week after they stopped working or were used, and keeps the rest", async () => {
    const now = at("2026-03-01T03:40:00Z");
    const member = await createUser();
    const link = (name: string, expiresAt: Date, usedAt: Date | null = null) =>
      db.accountToken.create({ data: { userId: member.id, purpose: "VERIFY_EMAIL", tokenHash: `${name}:${member.id}`, email: member.email, expiresAt, usedAt } });
    await link("expired-8-days", daysAfter(now, -8));
    await link("expired-6-days", daysAfter(now, -6));
    await link("used-8-days", daysAfter(now, -7.5), daysAfter(now, -8));
    await link("live", daysAfter(now, 1));

    expect(await purgeOldAccountLinks(now)).toBe(2);
    const left = await db.accountToken.findMany({ where: { userId: member.id }, select: { tokenHash: true } });
    expect(left.map((row) => row.tokenHash.split(":")[0]).sort()).toEqual(["expired-6-days", "live"]);
  });

  it("removes rate-limit counts a day after their window began, and keeps newer ones counting", async () => {
    const now = at("2026-03-01T03:45:00Z");
    await db.rateLimit.createMany({
      data: [
        { key: "sign-in:account:old@example.net", count: 7, windowStart: new Date(now.getTime() - 25 * HOUR) },
        { key: "sign-in:account:recent@example.net", count: 7, windowStart: new Date(now.getTime() - 23 * HOUR) },
      ],
    });
    await purgeOldRateLimits(now);
    const keys = ["sign-in:account:old@example.net", "sign-in:account:recent@example.net"];
    expect((await db.rateLimit.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((row) => row.key)).toEqual([
      "sign-in:account:recent@example.net",
    ]);
  });

  it("removes sessions once they have ended, and keeps live ones", async () => {
    const now = at("2026-03-01T03:15:00Z");
    const member = await createUser();
    await db.session.createMany({
      data: [
        { userId: member.id, sessionToken: `ended-${member.id}`, expires: new Date(now.getTime() - HOUR) },
        { userId: member.id, sessionToken: `live-${member.id}`, expires: new Date(now.getTime() + HOUR) },
      ],
    });
    await purgeExpiredSessions(now);
    expect((await db.session.findMany({ where: { userId: member.id }, select: { sessionToken: true } })).map((row) => row.sessionToken)).toEqual([`live-${member.id}`]);
  });

  it("removes invitations 90 days after they closed, and keeps open and accepted ones", async () => {
    const now = at("2026-03-01T03:50:00Z");
    const inviter = await createUser();
    const project = await createProject({ leadId: inviter.id });
    const invitation = (email: string, status: "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN" | "EXPIRED", closed: Date | null, expiresAt = daysAfter(now, 10)) =>
      db.invitation.create({ data: { kind: "CO_LEAD", projectId: project.id, email, invitedById: inviter.id, status, decidedAt: closed, expiresAt } });
    await invitation("declined-long-ago@example.net", "DECLINED", daysAfter(now, -91));
    await invitation("withdrawn-long-ago@example.net", "WITHDRAWN", daysAfter(now, -100));
    await invitation("expired-long-ago@example.net", "EXPIRED", daysAfter(now, -95), daysAfter(now, -95));
    await invitation("never-marked@example.net", "PENDING", null, daysAfter(now, -120));
    await invitation("declined-lately@example.net", "DECLINED", daysAfter(now, -89));
    await invitation("open@example.net", "PENDING", null);
    await invitation("accepted-long-ago@example.net", "ACCEPTED", daysAfter(now, -400));

    expect(await purgeClosedInvitations(now)).toBe(4);
    const left = await db.invitation.findMany({ where: { projectId: project.id }, select: { email: true }, orderBy: { email: "asc" } });
    expect(left.map((row) => row.email)).toEqual(["accepted-long-ago@example.net", "declined-lately@example.net", "open@example.net"]);
  });

  it("runs every night, with the unused accounts erased before new ones are warned", () => {
    const names = SCHEDULED_TASKS.map((task) => task.name);
    for (const name of ["erase-inactive-accounts", "warn-inactive-accounts", "purge-old-account-links", "purge-old-rate-limits", "purge-closed-invitations", "purge-expired-sessions"]) {
      expect(names).toContain(name);
    }
    const minuteOf = (name: string) => {
      const [minute, hour] = SCHEDULED_TASKS.find((task) => task.name === name)!.cron.split(" ");
      return Number(hour) * 60 + Number(minute);
    };
    expect(minuteOf("erase-inactive-accounts")).toBeLessThan(minuteOf("warn-inactive-accounts"));
  });
});
