// The top of the dashboard, role by role: what each person finds waiting, written down
// independently of the query, and that nobody finds another site's, project's or reviewer's
// work. The site lead of the other site and the lead of another project stand for the
// neighbours whose items must never show.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requestToJoin } from "@/lib/collaborations/participation";
import { listSiteRequests } from "@/lib/collaborations/site-requests";
import { eraseAccounts } from "@/lib/privacy/delete-account";
import { placeholderCode } from "@/lib/reference/hospital-requests";
import { getSiteTeam } from "@/lib/sites/team";
import { getRoleWork, ROLE_WORK_LIST_LIMIT, type RoleWork } from "@/lib/users/role-work";
import { createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { createProposalIn } from "../support/proposals";
import { countStatements } from "../support/query-count";
import { asActor, siteScenario } from "../support/sites";

const DAY = 24 * 60 * 60 * 1000;

/** What a person reads at the top of their dashboard, as plain values. */
function seen(work: RoleWork) {
  return {
    requests: work.siteLead.requests.items.map((item) => `${item.hospital}: ${item.requests}`),
    quietSites: work.siteLead.quietSites.items.map((item) => item.hospital),
    awaitingApproval: work.projectLead.awaitingApproval.items.map((item) => `${item.projectTitle}: ${item.sites}`),
    changesRequested: work.projectLead.changesRequested.items.map((item) => item.projectTitle),
    behindTarget: work.projectLead.behindTarget.items.map((item) => item.projectTitle),
    toReview: work.reviewer ? work.reviewer.toReview.items.map((item) => item.projectTitle).sort() : null,
    admin: work.admin,
    total: work.total,
  };
}

const NOTHING = { requests: [], quietSites: [], awaitingApproval: [], changesRequested: [], behindTarget: [] };

describe("what needs each person now", () => {
  const people = {} as Record<
    "member" | "siteLead" | "otherSiteLead" | "projectLead" | "otherProjectLead" | "committee" | "admin",
    Actor
  >;
  let now: Date;
  let title: string;

  beforeAll(async () => {
    const s = await siteScenario();
    title = s.project.title;
    // Twenty days on: the home site has recorded nothing since it was approved, the other site a count two days ago.
    now = new Date(Date.now() + 20 * DAY);
    await reportProgress(s.other.id, s.otherSiteLead.id, 30, new Date(now.getTime() - 2 * DAY));
    // One request to join at each site.
    await requestToJoin(asActor(await createUser({ name: "Rhys Request", siteId: s.homeHospital.id })), s.home.id);
    await requestToJoin(asActor(await createUser({ name: "Olga Other", siteId: s.otherHospital.id })), s.other.id);
    // A third hospital has registered and waits for the project lead's approval.
    await createProjectSite({ projectId: s.project.id, siteId: (await createSite({ name: "Norfolk and Norwich" })).id, status: "REGISTERED" });

    const otherProjectLead = asActor(await createUser({ name: "Olu Other" }));
    await createProposalIn("CHANGES_REQUESTED", { leadId: s.lead.id, title: "Lead's proposal sent back" });
    await createProposalIn("CHANGES_REQUESTED", { leadId: otherProjectLead.id, title: "Another lead's proposal sent back" });
    // The other site's lead also leads a proposal sent back: two roles, two parts.
    await createProposalIn("CHANGES_REQUESTED", { leadId: s.otherSiteLead.id, title: "Site lead's own proposal" });
    // Waiting for review: one for everyone on the committee, one the committee member reviewed, one they lead.
    await createProposalIn("SUBMITTED", { leadId: otherProjectLead.id, title: "Fresh proposal" });
    await createProposalIn("IN_REVIEW", { leadId: otherProjectLead.id, title: "Proposal already reviewed by Helen", reviewerIds: [s.committee.id] });
    await createProposalIn("SUBMITTED", { leadId: s.committee.id, title: "Helen's own proposal" });

    // For administrators: a hospital asked for from a confirmed address, one from an unconfirmed one, and an undelivered e-mail.
    for (const verified of [true, false]) {
      const requester = await createUser({ verified });
      const site = await createSite({ name: `Asked-for hospital ${verified}` });
      await db.site.update({ where: { id: site.id }, data: { listing: "REQUESTED" } });
      await db.hospitalRequest.create({ data: { siteId: site.id, requestedById: requester.id } });
    }
    await db.emailMessage.create({ data: { to: "gone@example.net", subject: "Hello", text: "Hello", html: "<p>Hello</p>", kind: "notification", status: "FAILED" } });
    await db.emailMessage.create({ data: { to: "here@example.net", subject: "Hello", text: "Hello", html: "<p>Hello</p>", kind: "notification", status: "SENT" } });

    Object.assign(people, {
      member: s.member,
      siteLead: s.siteLead,
      otherSiteLead: s.otherSiteLead,
      projectLead: s.lead,
      otherProjectLead,
      committee: s.committee,
      admin: s.admin,
    });
  });

  const expected = () => ({
    member: { ...NOTHING, toReview: null, admin: null, total: 0 },
    siteLead: { ...NOTHING, requests: ["Addenbrooke's Hospital: 1"], quietSites: ["Addenbrooke's Hospital"], toReview: null, admin: null, total: 2 },
    otherSiteLead: { ...NOTHING, requests: ["Ipswich Hospital: 1"], changesRequested: ["Site lead's own proposal"], toReview: null, admin: null, total: 2 },
    projectLead: {
      ...NOTHING,
      awaitingApproval: [`${title}: 1`],
      changesRequested: ["Lead's proposal sent back"],
      // 30 cases of a target of 150 (three sites of 50), well behind after most of the window.
      behindTarget: [title],
      toReview: null,
      admin: null,
      total: 3,
    },
    otherProjectLead: { ...NOTHING, changesRequested: ["Another lead's proposal sent back"], toReview: null, admin: null, total: 1 },
    committee: { ...NOTHING, toReview: ["Fresh proposal"], admin: null, total: 1 },
    admin: {
      ...NOTHING,
      toReview: ["Fresh proposal", "Helen's own proposal", "Proposal already reviewed by Helen"],
      admin: { hospitalRequests: 1, failedEmails: 1 },
      total: 5,
    },
  });

  for (const persona of ["member", "siteLead", "otherSiteLead", "projectLead", "otherProjectLead", "committee", "admin"] as const) {
    it(`${persona} sees only what they may act on, in one statement`, async () => {
      const { result, statements } = await countStatements(() => getRoleWork(people[persona], now));
      expect(seen(result)).toEqual(expected()[persona]);
      expect(statements).toBe(1);
    });
  }

  it("links the work to where it is done, with the numbers the lead needs", async () => {
    const work = await getRoleWork(people.projectLead, now);
    const behind = work.projectLead.behindTarget.items[0]!;
    expect(behind.cases).toBe(30);
    expect(behind.target).toBe(150);
    expect(behind.expected).toBeGreaterThan(30);
    expect(behind.expected).toBeLessThan(150);
    const quiet = (await getRoleWork(people.siteLead, now)).siteLead.quietSites.items[0]!;
    expect(quiet.lastReport).toBeNull();
  });

  it("does not call a site quiet before fourteen days have passed, nor a project behind when it is on target", async () => {
    expect((await getRoleWork(people.siteLead, new Date(Date.now() + 5 * DAY))).siteLead.quietSites.total).toBe(0);
    // Nine days into a window of five months, 30 cases is ahead of the pro-rata share of 150.
    expect((await getRoleWork(people.projectLead, new Date("2026-09-10T12:00:00Z"))).projectLead.behindTarget.total).toBe(0);
  });
});

describe("a committee member with a long queue", () => {
  it(`shows the oldest ${ROLE_WORK_LIST_LIMIT} and counts them all, in one statement`, async () => {
    const committee = asActor(await createUser({ name: "Queue Reader", role: "COMMITTEE" }));
    const lead = await createUser();
    for (let i = 0; i < ROLE_WORK_LIST_LIMIT + 3; i++) await createProposalIn("SUBMITTED", { leadId: lead.id, title: `Queued ${i}` });
    const { result, statements } = await countStatements(() => getRoleWork(committee));
    expect(result.reviewer?.toReview.items).toHaveLength(ROLE_WORK_LIST_LIMIT);
    expect(result.reviewer?.toReview.total).toBeGreaterThanOrEqual(ROLE_WORK_LIST_LIMIT + 3);
    expect(statements).toBe(1);
  });
});

describe("the requester's facts a site lead decides with", () => {
  it("shows the site lead grade, home hospital and region, says when home is elsewhere, and shows others no more than before", async () => {
    const s = await siteScenario();
    const local = await createUser({ name: "Lena Local", siteId: s.homeHospital.id });
    const visitor = await createUser({ name: "Vik Visiting", siteId: s.otherHospital.id });
    await requestToJoin(asActor(local), s.home.id);
    await requestToJoin(asActor(visitor), s.home.id);
    const homeRegion = (await db.deanery.findFirstOrThrow({ where: { id: s.homeHospital.deaneryId } })).name;
    const otherRegion = (await db.deanery.findFirstOrThrow({ where: { id: s.otherHospital.deaneryId } })).name;
    const expected = {
      "Lena Local": { grade: "ST3", homeSite: "Addenbrooke's Hospital", region: homeRegion, homeIsThisSite: true },
      "Vik Visiting": { grade: "ST3", homeSite: "Ipswich Hospital", region: otherRegion, homeIsThisSite: false },
    };

    const listed = await listSiteRequests(s.siteLead);
    expect(Object.fromEntries(listed.map((request) => [request.traineeName, request.requester]))).toEqual(expected);
    // Only what the site lead may see: no e-mail address, GMC number or any other part of the profile.
    expect(Object.keys(listed[0]!.requester).sort()).toEqual(["grade", "homeIsThisSite", "homeSite", "region"]);

    const team = await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode);
    expect(Object.fromEntries(team.requests.map((request) => [request.name, request.requester]))).toEqual(expected);

    // The project lead may answer them acting for the site lead (docs/decisions/026), so sees what deciding needs.
    expect(Object.fromEntries((await getSiteTeam(s.lead, s.project.slug, s.homeHospital.odsCode)).requests.map((request) => [request.name, request.requester]))).toEqual(expected);
    // The other site's lead sees none of these requests; the committee sees the team, not the requesters' hospitals.
    expect(await listSiteRequests(s.otherSiteLead)).toEqual([]);
    for (const viewer of [s.committee, s.admin]) {
      const seenByViewer = await getSiteTeam(viewer, s.project.slug, s.homeHospital.odsCode);
      expect(seenByViewer.requests.map((request) => request.requester)).toEqual([null, null]);
    }
  });
});

describe("a requester whose home hospital is one they asked to have added", () => {
  it("is shown to the site lead as from elsewhere, without the name only that member and administrators see", async () => {
    const s = await siteScenario();
    // Pending: listing REQUESTED. Declined: RETIRED, kept on the profile, its code still the placeholder (docs/decisions/016).
    const people: { name: string; hospital: string }[] = [];
    for (const [name, listing, status] of [
      ["Pat Pending", "REQUESTED", "PENDING"],
      ["Dee Declined", "RETIRED", "DECLINED"],
    ] as const) {
      const hospital = `${name}'s private clinic`;
      const requester = await createUser({ name, withProfile: false });
      const site = await db.site.create({
        data: { name: hospital, trust: "Unknown", odsCode: placeholderCode(undefined), city: "Testford", listing, deaneryId: s.homeHospital.deaneryId },
      });
      await db.hospitalRequest.create({ data: { siteId: site.id, requestedById: requester.id, status } });
      await db.traineeProfile.create({ data: { userId: requester.id, grade: "ST2", deaneryId: site.deaneryId, homeSiteId: site.id } });
      await requestToJoin(asActor(requester), s.home.id);
      people.push({ name, hospital });
    }
    const region = (await db.deanery.findFirstOrThrow({ where: { id: s.homeHospital.deaneryId } })).name;
    const elsewhere = { grade: "ST2", homeSite: null, region, homeIsThisSite: false };

    const listed = await listSiteRequests(s.siteLead);
    const team = await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode);
    for (const { name, hospital } of people) {
      expect(listed.find((request) => request.traineeName === name)?.requester).toEqual(elsewhere);
      expect(team.requests.find((request) => request.name === name)?.requester).toEqual(elsewhere);
      expect(JSON.stringify([listed, team])).not.toContain(hospital);
    }
  });
});

describe("a requester who erased their account", () => {
  it("no longer waits on the site lead: not on the dashboard, the requests page or the team page", async () => {
    const s = await siteScenario();
    const gone = await createUser({ name: "Gwen Gone", siteId: s.homeHospital.id });
    await requestToJoin(asActor(gone), s.home.id);
    expect((await getRoleWork(s.siteLead)).siteLead.requests.all).toBe(1);

    await db.$transaction((tx) => eraseAccounts(tx, [gone.id], { kind: "member" }));

    const work = await getRoleWork(s.siteLead);
    expect(work.siteLead.requests.all).toBe(0);
    expect(work.total).toBe(0);
    expect(await listSiteRequests(s.siteLead)).toEqual([]);
    expect((await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode)).requests).toEqual([]);
  });
});

describe("requests at a site that withdrew", () => {
  it("no longer show the former site lead the requester's home hospital and region: nothing can be decided there", async () => {
    const s = await siteScenario();
    const asker = await createUser({ name: "Wyn Waiting", siteId: s.otherHospital.id });
    await requestToJoin(asActor(asker), s.home.id);
    await db.projectSite.update({ where: { id: s.home.id }, data: { status: "WITHDRAWN" } });

    const team = await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode);
    expect(team.open).toBe(false);
    expect(team.requests.map((request) => [request.name, request.requester])).toEqual([["Wyn Waiting", null]]);
    expect(JSON.stringify(team)).not.toContain("Ipswich");
    expect(await listSiteRequests(s.siteLead)).toEqual([]);
    expect((await getRoleWork(s.siteLead)).siteLead.requests.all).toBe(0);
  });
});
