import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { DEANERIES } from "@/prisma/seed-data";
import { buildSeedPlan, DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountLines } from "./plan";

const today = new Date("2026-11-26T09:00:00Z");

describe("the demo seed", () => {
  const plan = buildSeedPlan("demo", "hash", today);

  it("is the same every time it is built for the same day", () => {
    expect(buildSeedPlan("demo", "hash", today)).toEqual(plan);
  });

  it("covers the UK: every training region, at least 40 hospitals and 150 trainees", () => {
    expect(plan.deaneries).toHaveLength(DEANERIES.length);
    expect(new Set(plan.deaneries.map((d) => d.nation))).toEqual(new Set(["ENGLAND", "SCOTLAND", "WALES", "NORTHERN_IRELAND"]));
    expect(plan.sites.length).toBeGreaterThanOrEqual(40);
    expect(plan.profiles.length).toBeGreaterThanOrEqual(150);
    const grades = new Set(plan.profiles.map((profile) => profile.grade));
    for (const grade of ["ST1", "ST2", "ST3", "ST4", "ST5", "ST6"]) expect(grades).toContain(grade);
  });

  it("has projects in every lifecycle state and project sites in every status", () => {
    expect(plan.projects.length).toBeGreaterThanOrEqual(12);
    expect(new Set(plan.projects.map((p) => p.status))).toEqual(new Set(Object.values(ProjectStatus)));
    expect(new Set(plan.projectSites.map((s) => s.status))).toEqual(new Set(Object.values(ProjectSiteStatus)));
  });

  it("never has two rows where the database allows one", () => {
    const unique = <T,>(values: T[]) => new Set(values).size === values.length;
    expect(unique(plan.users.map((u) => u.email))).toBe(true);
    expect(unique(plan.projects.map((p) => p.slug))).toBe(true);
    expect(unique(plan.sites.map((s) => s.odsCode))).toBe(true);
    expect(unique(plan.projectSites.map((s) => `${s.projectId}/${s.siteId}`))).toBe(true);
    expect(unique(plan.collaborations.map((c) => `${c.projectSiteId}/${c.userId}`))).toBe(true);
    expect(unique(plan.profiles.map((p) => p.gmcNumber).filter(Boolean))).toBe(true);
  });

  it("tells the demo story: the lead's project is collecting data at 10+ hospitals, one led by the site lead", () => {
    const id = (email: string) => plan.users.find((u) => u.email === email)!.id;
    const lead = id(DEMO_ACCOUNTS.lead.email);
    const flagship = plan.projects.find((p) => p.createdById === lead && p.status === "DATA_COLLECTION")!;
    const sites = plan.projectSites.filter((s) => s.projectId === flagship.id);
    expect(sites.length).toBeGreaterThanOrEqual(10);
    const siteIds = new Set(sites.map((s) => s.id));
    expect(plan.progressReports.filter((r) => siteIds.has(r.projectSiteId)).length).toBeGreaterThan(sites.length);
    const siteLed = plan.collaborations.find(
      (c) => c.userId === id(DEMO_ACCOUNTS.siteLead.email) && c.role === "SITE_LEAD" && siteIds.has(c.projectSiteId),
    );
    expect(siteLed?.status).toBe("CONFIRMED");
  });

  it("gives the demo trainee collaborations in several states and leaves proposals for the committee", () => {
    const trainee = plan.users.find((u) => u.email === DEMO_ACCOUNTS.trainee.email)!.id;
    const states = new Set(plan.collaborations.filter((c) => c.userId === trainee).map((c) => c.status));
    expect(states.size).toBeGreaterThanOrEqual(3);
    const awaiting = plan.projects.filter((p) => p.status === "SUBMITTED" || p.status === "IN_REVIEW");
    expect(awaiting.length).toBeGreaterThanOrEqual(2);
  });

  it("gives every submitted proposal its versions, one per review round, and no lead reviews their own", () => {
    for (const project of plan.projects) {
      // Review rounds are the proposal's versions; an approved amendment's version (kind AMENDMENT) follows them.
      const versions = plan.projectVersions.filter((v) => v.projectId === project.id && v.kind !== "AMENDMENT").map((v) => v.number);
      const rounds = plan.reviews.filter((r) => r.projectId === project.id).map((r) => (r.round as number | undefined) ?? 1);
      if (project.status === "DRAFT") expect(versions).toEqual([]);
      else expect(versions).toEqual(Array.from({ length: Math.max(1, ...rounds) }, (_, i) => i + 1));
      const leads = plan.projectLeads.filter((l) => l.projectId === project.id).map((l) => l.userId);
      for (const review of plan.reviews.filter((r) => r.projectId === project.id)) expect(leads).not.toContain(review.reviewerId);
    }
    const inReview = plan.projects.find((p) => p.status === "IN_REVIEW")!;
    expect(plan.projectVersions.filter((v) => v.projectId === inReview.id)).toHaveLength(2);
  });

  it("tells the demo committee member about each proposal awaiting review, which they have not reviewed yet", () => {
    const committee = plan.users.find((u) => u.email === DEMO_ACCOUNTS.committee.email)!.id;
    const awaiting = plan.projects.filter((p) => p.status === "SUBMITTED" || p.status === "IN_REVIEW").map((p) => p.id);
    const told = plan.notifications.filter((n) => n.userId === committee).map((n) => n.projectId);
    expect(new Set(told)).toEqual(new Set(awaiting));
    expect(plan.reviews.filter((r) => r.reviewerId === committee)).toEqual([]);
  });

  it("keeps progress cumulative: a site's count never goes down", () => {
    const bySite = new Map<string, { at: number; count: number }[]>();
    for (const report of plan.progressReports) {
      const list = bySite.get(report.projectSiteId) ?? [];
      list.push({ at: new Date(report.reportedAt as Date).getTime(), count: report.cumulativeCases });
      bySite.set(report.projectSiteId, list);
    }
    for (const reports of bySite.values()) {
      const counts = reports.sort((a, b) => a.at - b.at).map((r) => r.count);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
  });

  it("shows administrators a trainee's request for a missing hospital, their home hospital meanwhile, on no project", () => {
    expect(plan.hospitalRequests).toHaveLength(1);
    const request = plan.hospitalRequests[0]!;
    const site = plan.sites.find((candidate) => candidate.id === request.siteId)!;
    expect(site).toMatchObject({ listing: "REQUESTED", name: expect.stringMatching(/Community Hospital$/) });
    expect(site.odsCode).toMatch(/^REQ--[0-9a-f]{12}$/);
    const profile = plan.profiles.find((candidate) => candidate.userId === request.requestedById)!;
    expect(profile).toMatchObject({ homeSiteId: site.id, deaneryId: site.deaneryId });
    expect(plan.users.find((user) => user.id === request.requestedById)!.emailVerified).toBeInstanceOf(Date);
    expect(plan.projectSites.filter((projectSite) => projectSite.siteId === site.id)).toEqual([]);
    expect(plan.collaborations.filter((collaboration) => collaboration.userId === request.requestedById)).toEqual([]);
  });
});

describe("the large seed", () => {
  it("is big enough to measure: 5,000 trainees, 400 sites, 150 projects, 3,000 project sites, 50,000 reports", () => {
    const plan = buildSeedPlan("large", "hash", today);
    expect(plan.profiles.length).toBeGreaterThanOrEqual(5000);
    expect(plan.sites.length).toBeGreaterThanOrEqual(400);
    expect(plan.projects.length).toBeGreaterThanOrEqual(150);
    expect(plan.projectSites.length).toBeGreaterThanOrEqual(3000);
    expect(plan.progressReports.length).toBeGreaterThanOrEqual(50_000);
  });
});

describe("the huge seed", () => {
  it("is ten times the large one over the same hospitals, with the largest project at every one, and nothing dated in the future", () => {
    const plan = buildSeedPlan("huge", "hash", today);
    const listed = plan.sites.filter((site) => site.listing !== "REQUESTED");
    expect(plan.profiles.length).toBe(50_000);
    expect(listed.length).toBe(420);
    expect(plan.projects.length).toBeGreaterThanOrEqual(1500);
    expect(plan.projectSites.length).toBeGreaterThanOrEqual(32_000);
    expect(plan.progressReports.length).toBeGreaterThanOrEqual(500_000);
    const flagshipHospitals = new Set(plan.projectSites.filter((site) => site.projectId === plan.projects[0]!.id).map((site) => site.siteId));
    expect(listed.filter((site) => !flagshipHospitals.has(site.id))).toEqual([]);
    // The large seed's orderings are checked in full above; here, in one pass, that its dates are all past.
    const latest = (dates: unknown[]) => dates.reduce<number>((most, date) => Math.max(most, time(date) ?? 0), 0);
    expect(latest(plan.progressReports.map((report) => report.reportedAt))).toBeLessThanOrEqual(today.getTime());
    expect(latest(plan.projectSites.map((site) => site.registeredAt))).toBeLessThanOrEqual(today.getTime());
    expect(latest(plan.collaborations.map((collaboration) => collaboration.decidedAt))).toBeLessThanOrEqual(today.getTime());
    expect(latest(plan.users.map((user) => user.createdAt))).toBeLessThanOrEqual(today.getTime());
  }, 300_000);
});

type Plan = ReturnType<typeof buildSeedPlan>;
const time = (value: unknown) => (value ? new Date(value as Date).getTime() : null);

/** Every ordering a reader of the demo data would trip over if it were broken. */
function orderingProblems(plan: Plan, today: Date): string[] {
  const now = today.getTime();
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && problems.length < 20) problems.push(what);
  };
  const past = (value: unknown, what: string) => {
    const at = time(value);
    if (at !== null) check(at <= now, `${what} is in the future (${new Date(at).toISOString()})`);
  };
  for (const user of plan.users) {
    past(user.createdAt, `account ${user.email} created`);
    past(user.emailVerified, `account ${user.email} confirmed`);
  }
  for (const site of plan.sites) past(site.createdAt, `hospital ${site.name} added`);
  for (const project of plan.projects) {
    past(project.createdAt, `${project.slug} created`);
    past(project.submittedAt, `${project.slug} submitted`);
    const start = time(project.collectionStart);
    const end = time(project.collectionEnd);
    // Meant to be in the future: a window that has not opened, or has not closed yet.
    if (project.status === "DATA_COLLECTION") check(start! <= now && now < end!, `${project.slug} collecting outside its window`);
    if (project.status === "ANALYSIS" || project.status === "COMPLETED") check(end! <= now, `${project.slug} finished collecting in the future`);
    if (project.submittedAt) check(time(project.createdAt)! <= time(project.submittedAt)!, `${project.slug} submitted before it was created`);
  }
  for (const lead of plan.projectLeads) past(lead.addedAt, "a lead added");
  for (const version of plan.projectVersions) past(version.submittedAt, `version ${version.number} submitted`);
  for (const review of plan.reviews) past(review.createdAt, "a review");
  for (const decision of plan.decisions) past(decision.decidedAt, "a decision");
  for (const notification of plan.notifications) past(notification.createdAt, `notice ${notification.kind}`);
  for (const request of plan.hospitalRequests) past(request.createdAt, "a hospital request");
  for (const site of plan.projectSites) {
    past(site.registeredAt, "a site registered");
    past(site.approvalDate, "a site's approval");
    past(site.leadApprovedAt, "a lead's acceptance of a site");
  }
  for (const collaboration of plan.collaborations) {
    past(collaboration.requestedAt, "a join request");
    past(collaboration.decidedAt, "a join decision");
  }
  for (const report of plan.progressReports) past(report.reportedAt, "a progress report");

  // The life of a proposal: created, submitted (version n), reviewed in round n, decided.
  for (const project of plan.projects) {
    const versions = plan.projectVersions.filter((v) => v.projectId === project.id);
    for (const version of versions) check(time(version.submittedAt)! >= time(project.createdAt)!, `${project.slug} version ${version.number} before the project`);
    const reviews = plan.reviews.filter((r) => r.projectId === project.id);
    for (const review of reviews) {
      const version = versions.find((v) => v.number === ((review.round as number | undefined) ?? 1));
      check(version !== undefined && time(review.createdAt)! >= time(version.submittedAt)!, `${project.slug} reviewed in round ${review.round} before it was submitted`);
    }
    const decisions = plan.decisions.filter((d) => d.projectId === project.id).map((d) => time(d.decidedAt)!).sort((a, b) => a - b);
    decisions.forEach((decidedAt, i) => {
      const round = reviews.filter((r) => ((r.round as number | undefined) ?? 1) === i + 1);
      check(round.length > 0 && round.every((r) => time(r.createdAt)! <= decidedAt), `${project.slug} decided before its reviews (round ${i + 1})`);
    });
    for (const notification of plan.notifications.filter((n) => n.projectId === project.id && n.kind === "proposal.changesRequested")) {
      check(decisions.length > 0 && time(notification.createdAt)! >= decisions.at(-1)!, `${project.slug}: told of changes before the decision`);
    }
    // Sites register after the committee's approval, are approved after registering, report after both.
    const approvedAt = decisions.at(-1);
    for (const site of plan.projectSites.filter((s) => s.projectId === project.id)) {
      const registered = time(site.registeredAt)!;
      check(approvedAt !== undefined && registered >= approvedAt, `${project.slug}: a site registered before the project was approved`);
      if (site.approvalDate) check(time(site.approvalDate)! >= registered, `${project.slug}: a site approved before it registered`);
      if (site.leadApprovedAt) check(time(site.leadApprovedAt)! >= registered, `${project.slug}: a site accepted before it registered`);
      for (const collaboration of plan.collaborations.filter((c) => c.projectSiteId === site.id)) {
        check(time(collaboration.requestedAt)! >= registered, `${project.slug}: asked to join a site before it registered`);
        if (collaboration.decidedAt) check(time(collaboration.decidedAt)! >= time(collaboration.requestedAt)!, `${project.slug}: a join confirmed before it was asked`);
      }
      const team = plan.collaborations.filter((c) => c.projectSiteId === site.id);
      for (const report of plan.progressReports.filter((r) => r.projectSiteId === site.id)) {
        const at = time(report.reportedAt)!;
        const reporter = team.find((c) => c.userId === report.reportedById);
        // A lead of the project may record cases for an absent site lead (docs/decisions/026).
        const projectLead = plan.projectLeads.some((lead) => lead.projectId === project.id && lead.userId === report.reportedById);
        check(projectLead || (reporter?.decidedAt != null && time(reporter.decidedAt)! <= at), `${project.slug}: progress reported by someone not yet on the team`);
        check(site.approvalDate != null && at >= time(site.approvalDate)!, `${project.slug}: progress before the site's approval`);
        check(at >= time(project.collectionStart)!, `${project.slug}: progress before collection started`);
        check(at <= time(project.collectionEnd)!, `${project.slug}: progress after collection ended`);
      }
    }
  }

  // An account exists before anything its owner did or was told.
  const created = new Map(plan.users.map((u) => [u.id as string, time(u.createdAt)!]));
  const acted = (userId: unknown, at: unknown, what: string) => {
    if (typeof userId === "string" && at) check(created.get(userId)! <= time(at)!, `${what} by an account not yet created`);
  };
  for (const p of plan.projects) acted(p.createdById, p.createdAt, "a project created");
  for (const l of plan.projectLeads) acted(l.userId, l.addedAt, "a lead added");
  for (const v of plan.projectVersions) acted(v.submittedById, v.submittedAt, "a version submitted");
  for (const r of plan.reviews) acted(r.reviewerId, r.createdAt, "a review");
  for (const d of plan.decisions) acted(d.decidedById, d.decidedAt, "a decision");
  for (const s of plan.projectSites) acted(s.leadApprovedById, s.leadApprovedAt, "a site accepted");
  for (const c of plan.collaborations) acted(c.userId, c.requestedAt, "a join request");
  for (const r of plan.progressReports) acted(r.reportedById, r.reportedAt, "a progress report");
  for (const n of plan.notifications) acted(n.userId, n.createdAt, "a notice received");
  for (const h of plan.hospitalRequests) acted(h.requestedById, h.createdAt, "a hospital request");
  return problems;
}

describe("the seeds' dates, on whatever day they are loaded", () => {
  // Month ends, a leap day, the turn of a year, just after and just before midnight.
  const days = ["2026-11-26T09:00:00Z", "2028-02-29T23:59:59Z", "2027-03-01T00:00:01Z", "2026-12-31T12:00:00Z", "2027-01-01T00:30:00Z", "2026-04-30T17:45:00Z"];
  for (const day of days) {
    it(`puts nothing in the future and nothing out of order in the demo data loaded on ${day}`, () => {
      expect(orderingProblems(buildSeedPlan("demo", "hash", new Date(day)), new Date(day))).toEqual([]);
    });
  }
  for (const day of [days[0]!, days[1]!]) {
    it(`puts nothing in the future and nothing out of order in the large data loaded on ${day}`, () => {
      expect(orderingProblems(buildSeedPlan("large", "hash", new Date(day)), new Date(day))).toEqual([]);
    }, 60_000);
  }

  it("is dated from the day it is loaded: a week later, everything moves a week", () => {
    const first = buildSeedPlan("demo", "hash", new Date("2026-11-26T09:00:00Z"));
    const later = buildSeedPlan("demo", "hash", new Date("2026-12-03T15:00:00Z"));
    expect(later.projects.map((p) => p.slug)).toEqual(first.projects.map((p) => p.slug));
    expect(time(later.projects[0]!.collectionStart)! - time(first.projects[0]!.collectionStart)!).toBe(7 * 24 * 60 * 60 * 1000);
    expect(time(later.progressReports[0]!.reportedAt)! - time(first.progressReports[0]!.reportedAt)!).toBe(7 * 24 * 60 * 60 * 1000);
  });
});

describe("the README's account of the demo data", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const plan = buildSeedPlan("demo", "hash", today);

  it("counts the lead's hospitals as the national view does: the ones taking part, and the one that withdrew", () => {
    const lead = plan.users.find((u) => u.email === DEMO_ACCOUNTS.lead.email)!.id;
    const flagship = plan.projects.find((p) => p.createdById === lead && p.status === "DATA_COLLECTION")!;
    const sites = plan.projectSites.filter((s) => s.projectId === flagship.id);
    const taking = sites.filter((s) => s.status !== "WITHDRAWN").length;
    const line = readme.split("\n").find((l) => l.includes("`lead@example.org`"))!;
    expect(line).toContain(`${taking} hospitals taking part`);
    expect(line).toContain(`${sites.length - taking} withdrew`);
  });

  it("gives the large seed's size as it is", () => {
    const large = buildSeedPlan("large", "hash", today);
    const line = readme.split("\n").find((l) => l.includes("benchmark data set"))!;
    const thousands = (n: number) => n.toLocaleString("en-GB");
    expect(line).toContain(`${thousands(large.profiles.length)} trainees`);
    expect(line).toContain(`${thousands(large.projects.length)} projects`);
    expect(line).toContain(`${thousands(large.projectSites.length)} project sites`);
    expect(line).toContain(`${thousands(Math.floor(large.progressReports.length / 1000) * 1000)} progress reports`);
    expect(line).toContain(`${thousands(large.sites.filter((s) => s.listing !== "REQUESTED").length)} hospitals`);
  }, 60_000);
});

describe("the demo accounts printed by npm run dev", () => {
  const lines = demoAccountLines();
  const plan = buildSeedPlan("demo", "hash", today);

  it("lists every seeded demo account, with the part it plays and the password that signs it in", () => {
    expect(lines[0]).toContain(DEMO_PASSWORD);
    const listed = lines.slice(1).map((line) => line.trim().split(/\s{2,}/));
    expect(listed.map(([email]) => email)).toEqual(Object.values(DEMO_ACCOUNTS).map((account) => account.email));
    const roleWords = { MEMBER: /^(trainee|project lead|site lead)$/, COMMITTEE: /^committee member$/, ADMIN: /^administrator$/ };
    for (const [email, part] of listed) {
      const user = plan.users.find((candidate) => candidate.email === email);
      expect(user, `${email} is seeded`).toBeDefined();
      expect(part).toMatch(roleWords[user!.role as keyof typeof roleWords]);
    }
  });

  it("names the parts the demo story gives them: the flagship's lead and its site lead", () => {
    const partOf = (email: string) => lines.find((line) => line.includes(email))!.trim().split(/\s{2,}/)[1];
    const id = (email: string) => plan.users.find((u) => u.email === email)!.id;
    const flagship = plan.projects[0]!;
    expect(plan.projectLeads.find((l) => l.projectId === flagship.id && l.role === "LEAD")!.userId).toBe(id(DEMO_ACCOUNTS.lead.email));
    expect(partOf(DEMO_ACCOUNTS.lead.email)).toBe("project lead");
    expect(plan.collaborations.some((c) => c.userId === id(DEMO_ACCOUNTS.siteLead.email) && c.role === "SITE_LEAD")).toBe(true);
    expect(partOf(DEMO_ACCOUNTS.siteLead.email)).toBe("site lead");
  });
});
