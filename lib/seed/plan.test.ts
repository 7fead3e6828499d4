import { describe, expect, it } from "vitest";
import { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { DEANERIES } from "@/prisma/seed-data";
import { buildSeedPlan, DEMO_ACCOUNTS } from "./plan";

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
      const versions = plan.projectVersions.filter((v) => v.projectId === project.id).map((v) => v.number);
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
