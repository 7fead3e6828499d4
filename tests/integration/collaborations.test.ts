import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { DomainError, NotFoundError } from "@/lib/errors";
import { getMyResearch } from "@/lib/collaborations/my-research";
import { activeCollaboration, getJoinPanel } from "@/lib/collaborations/panel";
import { leaveProject, registerInterest, requestToJoin } from "@/lib/collaborations/participation";
import { decideRequest, listSiteRequests } from "@/lib/collaborations/site-requests";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { countStatements } from "../support/query-count";

const asActor = (user: { id: string; name: string; email: string; role: Actor["role"]; emailVerified: Date | null }): Actor => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  emailVerified: user.emailVerified,
});

/** A project at two hospitals, each with a confirmed site lead, and a trainee at the first. */
async function scenario(status: ProjectStatus = "DATA_COLLECTION") {
  const home = await createSite({ name: "Addenbrooke's Hospital" });
  const other = await createSite({ name: "Ipswich Hospital" });
  const lead = await createUser();
  const project = await createProject({ status, leadId: lead.id });
  const homeSite = await createProjectSite({ projectId: project.id, siteId: home.id });
  const otherSite = await createProjectSite({ projectId: project.id, siteId: other.id });
  const siteLead = await createUser({ siteId: home.id });
  const otherSiteLead = await createUser({ siteId: other.id });
  await createCollaboration({ projectSiteId: homeSite.id, userId: siteLead.id, role: "SITE_LEAD" });
  await createCollaboration({ projectSiteId: otherSite.id, userId: otherSiteLead.id, role: "SITE_LEAD" });
  const trainee = await createUser({ siteId: home.id });
  return {
    home,
    project,
    homeSite,
    otherSite,
    lead: asActor(lead),
    siteLead: asActor(siteLead),
    otherSiteLead: asActor(otherSiteLead),
    trainee: asActor(trainee),
  };
}

const rowsOf = (userId: string, projectId: string) =>
  db.collaboration.findMany({ where: { userId, projectSite: { projectId } }, orderBy: { requestedAt: "asc" } });
const auditsOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("asking to join", () => {
  it("creates a request that waits for the site lead, and records it", async () => {
    const { project, homeSite, trainee, siteLead, otherSiteLead } = await scenario();
    const id = await requestToJoin(trainee, homeSite.id);
    const [row] = await rowsOf(trainee.id, project.id);
    expect(await db.notification.count({ where: { userId: siteLead.id, kind: "collaboration.requested" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: otherSiteLead.id } })).toBe(0);
    expect(row).toMatchObject({ id, status: "REQUESTED", role: "COLLABORATOR", projectSiteId: homeSite.id });
    expect((await auditsOf(id)).map((event) => [event.action, event.actorId])).toEqual([["collaboration.requested", trainee.id]]);
  });

  it("preselects the home hospital and lists every registered site that has not withdrawn", async () => {
    const { project, homeSite, trainee } = await scenario();
    await createProjectSite({ projectId: project.id, status: "WITHDRAWN" });
    await createProjectSite({ projectId: project.id, status: "REGISTERED" });
    const panel = await getJoinPanel(trainee, project.slug);
    expect(panel?.sites).toHaveLength(3);
    expect(panel?.sites.find((site) => site.isHome)?.projectSiteId).toBe(homeSite.id);
    expect(panel?.sites.find((site) => site.isHome)?.collaborators).toBe(1);
    expect(panel).toMatchObject({ open: true, homeRegistered: true, missing: [], demand: null });
  });

  it("allows any registered site, but refuses a withdrawn one and a project no longer collecting", async () => {
    const { project, otherSite, trainee } = await scenario();
    const withdrawn = await createProjectSite({ projectId: project.id, status: "WITHDRAWN" });
    expect(await refusal(requestToJoin(trainee, withdrawn.id))).toBeInstanceOf(DomainError);
    await requestToJoin(trainee, otherSite.id);
    const analysis = await scenario("ANALYSIS");
    expect(await refusal(requestToJoin(analysis.trainee, analysis.homeSite.id))).toMatchObject({
      message: expect.stringMatching(/finished collecting data/),
    });
    const draft = await scenario("DRAFT");
    expect(await refusal(requestToJoin(draft.trainee, draft.homeSite.id))).toBeInstanceOf(NotFoundError);
    expect(await db.collaboration.count({ where: { userId: { in: [analysis.trainee.id, draft.trainee.id] } } })).toBe(0);
  });

  it("needs grade, region and home hospital first", async () => {
    const { homeSite } = await scenario();
    const noProfile = asActor(await createUser({ withProfile: false }));
    expect(await refusal(requestToJoin(noProfile, homeSite.id))).toMatchObject({
      message: "Add your grade, training region and home hospital to your profile before you ask to join a project.",
    });
    expect(await db.collaboration.count({ where: { userId: noProfile.id } })).toBe(0);
  });

  it("refuses a second press of the button with a message and keeps one request", async () => {
    const { project, homeSite, trainee } = await scenario();
    await requestToJoin(trainee, homeSite.id);
    expect(await refusal(requestToJoin(trainee, homeSite.id))).toMatchObject({ message: expect.stringMatching(/already asked/) });
    expect(await rowsOf(trainee.id, project.id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { actorId: trainee.id, action: "collaboration.requested" } })).toBe(1);
  });

  it("keeps one request when two tabs submit at the same moment, at the same site or at two sites", async () => {
    const { project, homeSite, otherSite, trainee } = await scenario();
    const same = await Promise.allSettled([requestToJoin(trainee, homeSite.id), requestToJoin(trainee, homeSite.id)]);
    expect(same.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failed = same.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(DomainError);

    const second = await scenario();
    const both = await Promise.allSettled([
      requestToJoin(second.trainee, second.homeSite.id),
      requestToJoin(second.trainee, second.otherSite.id),
    ]);
    expect(both.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await rowsOf(second.trainee.id, second.project.id)).toHaveLength(1);
    expect(await rowsOf(trainee.id, project.id)).toHaveLength(1);
    void otherSite;
  });

  it("the database refuses a duplicate row even without the application's check", async () => {
    const { homeSite, trainee } = await scenario();
    await createCollaboration({ projectSiteId: homeSite.id, userId: trainee.id, status: "REQUESTED" });
    const error = await refusal(createCollaboration({ projectSiteId: homeSite.id, userId: trainee.id, status: "REQUESTED" }));
    expect(error).toMatchObject({ code: "P2002" });
  });

  it("allows one active collaboration per project: a second site is refused until the first is left", async () => {
    const { project, homeSite, otherSite, trainee } = await scenario();
    const first = await requestToJoin(trainee, homeSite.id);
    expect(await refusal(requestToJoin(trainee, otherSite.id))).toMatchObject({
      message: expect.stringMatching(/already take part in this project at Addenbrooke's Hospital/),
    });
    await leaveProject(trainee, first);
    await requestToJoin(trainee, otherSite.id);
    // Asking again at the first site after leaving reuses its row.
    expect((await rowsOf(trainee.id, project.id)).map((row) => row.status).sort()).toEqual(["LEFT", "REQUESTED"]);
  });
});

describe("after a hospital withdraws", () => {
  it("its team may join the project at another hospital, and their place at the withdrawn one stays on the record", async () => {
    const { project, homeSite, otherSite, trainee } = await scenario();
    await createCollaboration({ projectSiteId: homeSite.id, userId: trainee.id, status: "CONFIRMED" });
    expect(await refusal(requestToJoin(trainee, otherSite.id))).toMatchObject({ message: expect.stringMatching(/already take part/) });
    await db.projectSite.update({ where: { id: homeSite.id }, data: { status: "WITHDRAWN" } });
    // The project page offers to join again rather than saying they take part at the withdrawn hospital.
    const panel = (await getJoinPanel(trainee, project.slug))!;
    expect(activeCollaboration(panel)).toBeNull();
    expect(panel.mine).toEqual([expect.objectContaining({ site: "Addenbrooke's Hospital", status: "CONFIRMED", siteWithdrawn: true })]);
    await requestToJoin(trainee, otherSite.id);
    expect(activeCollaboration((await getJoinPanel(trainee, project.slug))!)).toMatchObject({ site: "Ipswich Hospital", status: "REQUESTED" });
    expect((await rowsOf(trainee.id, project.id)).map((row) => row.status).sort()).toEqual(["CONFIRMED", "REQUESTED"]);
  });
});

describe("requests at a hospital that withdrew", () => {
  it("are not listed to its site lead and cannot be confirmed, so nobody joins a closed team", async () => {
    const { homeSite, siteLead, trainee } = await scenario();
    const requestId = await requestToJoin(trainee, homeSite.id);
    await db.projectSite.update({ where: { id: homeSite.id }, data: { status: "WITHDRAWN" } });
    expect((await listSiteRequests(siteLead)).map((request) => request.id)).not.toContain(requestId);
    expect(await refusal(decideRequest(siteLead, requestId, "CONFIRM"))).toMatchObject({
      message: "This site has withdrawn from the project or finished, so it confirms nobody new.",
    });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REQUESTED" });
  });
});

describe("the site lead's answer", () => {
  it("lists requests at the sites they lead only, and confirms or declines them with a record and a notification", async () => {
    const { homeSite, otherSite, siteLead, otherSiteLead, trainee, project } = await scenario();
    const other = asActor(await createUser());
    const id = await requestToJoin(trainee, homeSite.id);
    const elsewhere = await requestToJoin(other, otherSite.id);
    expect((await listSiteRequests(siteLead)).map((request) => request.id)).toEqual([id]);
    expect((await listSiteRequests(otherSiteLead)).map((request) => request.id)).toEqual([elsewhere]);
    expect(await listSiteRequests(trainee)).toEqual([]);

    await decideRequest(siteLead, id, "CONFIRM");
    await decideRequest(otherSiteLead, elsewhere, "DECLINE");
    expect((await rowsOf(trainee.id, project.id))[0]).toMatchObject({ status: "CONFIRMED", decidedAt: expect.any(Date) });
    expect((await rowsOf(other.id, project.id))[0]).toMatchObject({ status: "DECLINED" });
    expect((await auditsOf(id)).map((event) => [event.action, event.actorId])).toEqual([
      ["collaboration.requested", trainee.id],
      ["collaboration.confirmed", siteLead.id],
    ]);
    expect(await db.notification.count({ where: { userId: trainee.id, kind: "collaboration.confirmed" } })).toBe(1);
    // Answered requests leave the list, and cannot be answered twice.
    expect(await listSiteRequests(siteLead)).toEqual([]);
    expect(await refusal(decideRequest(siteLead, id, "DECLINE"))).toMatchObject({ message: expect.stringMatching(/already been answered/) });
    // A declined site cannot be asked again; another can.
    expect(await refusal(requestToJoin(other, otherSite.id))).toMatchObject({ message: expect.stringMatching(/declined/) });
  });

  it("refuses anyone who is not a confirmed site lead of that site (or a project lead acting for them), and changes nothing", async () => {
    const { homeSite, otherSiteLead, trainee, project } = await scenario();
    const id = await requestToJoin(trainee, homeSite.id);
    const unconfirmedLead = asActor(await createUser());
    await createCollaboration({ projectSiteId: homeSite.id, userId: unconfirmedLead.id, role: "SITE_LEAD", status: "REQUESTED" });
    // The project's lead may answer, acting for the site lead (tests/integration/site-continuity.test.ts).
    for (const actor of [otherSiteLead, trainee, unconfirmedLead]) {
      expect(await refusal(decideRequest(actor, id, "CONFIRM"))).toBeInstanceOf(ForbiddenError);
    }
    expect((await rowsOf(trainee.id, project.id))[0]?.status).toBe("REQUESTED");
    expect((await auditsOf(id)).map((event) => event.action)).toEqual(["collaboration.requested"]);
  });

  it("respects the project's team cap, even for two confirmations at once", async () => {
    const { homeSite, siteLead, project } = await scenario();
    await db.project.update({ where: { id: project.id }, data: { teamCap: 1 } });
    const a = await requestToJoin(asActor(await createUser()), homeSite.id);
    const b = await requestToJoin(asActor(await createUser()), homeSite.id);
    const results = await Promise.allSettled([decideRequest(siteLead, a, "CONFIRM"), decideRequest(siteLead, b, "CONFIRM")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.collaboration.count({ where: { projectSiteId: homeSite.id, role: "COLLABORATOR", status: "CONFIRMED" } })).toBe(1);
  });
});

describe("leaving", () => {
  it("is possible until data collection ends, and is recorded", async () => {
    const { homeSite, siteLead, trainee } = await scenario();
    const id = await requestToJoin(trainee, homeSite.id);
    await decideRequest(siteLead, id, "CONFIRM");
    await leaveProject(trainee, id);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "LEFT" });
    expect((await auditsOf(id)).at(-1)).toMatchObject({ action: "collaboration.left", actorId: trainee.id });
    expect(await refusal(leaveProject(trainee, id))).toBeInstanceOf(DomainError);

    const finished = await scenario("ANALYSIS");
    const done = await createCollaboration({ projectSiteId: finished.homeSite.id, userId: finished.trainee.id });
    expect(await refusal(leaveProject(finished.trainee, done.id))).toMatchObject({ message: expect.stringMatching(/Data collection has ended/) });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("refuses another trainee's collaboration id and changes nothing", async () => {
    const { homeSite, trainee } = await scenario();
    const intruder = asActor(await createUser());
    const id = await requestToJoin(trainee, homeSite.id);
    expect(await refusal(leaveProject(intruder, id))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(leaveProject(intruder, "00000000-0000-4000-8000-000000000000"))).toBeInstanceOf(NotFoundError);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REQUESTED" });
    expect((await auditsOf(id)).map((event) => event.action)).toEqual(["collaboration.requested"]);
    expect((await getMyResearch(intruder)).collaborations).toEqual([]);
  });
});

describe("interest from a hospital that is not registered", () => {
  it("is registered once and shown to the project's leads only, by hospital", async () => {
    const { project, lead, trainee } = await scenario();
    const unregistered = await createSite({ name: "West Suffolk Hospital" });
    const a = asActor(await createUser({ siteId: unregistered.id }));
    const b = asActor(await createUser({ siteId: unregistered.id }));
    await registerInterest(a, project.id);
    await registerInterest(b, project.id);
    expect(await refusal(registerInterest(a, project.id))).toMatchObject({ message: expect.stringMatching(/already registered/) });
    // A trainee whose hospital takes part is sent to the join form instead.
    expect(await refusal(registerInterest(trainee, project.id))).toMatchObject({ message: expect.stringMatching(/ask to join instead/) });
    expect((await getJoinPanel(lead, project.slug))?.demand).toEqual([{ site: "West Suffolk Hospital", city: "Testford", count: 2 }]);
    expect((await getJoinPanel(a, project.slug))?.demand).toBeNull();
    expect((await getJoinPanel(a, project.slug))?.interestRegistered).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "siteInterest.registered", actorId: { in: [a.id, b.id] } } })).toBe(2);
  });
});

describe("my research", () => {
  it("lists every collaboration with its site, role, project status, contribution and history", async () => {
    const { homeSite, siteLead, trainee, project } = await scenario();
    const id = await requestToJoin(trainee, homeSite.id);
    await decideRequest(siteLead, id, "CONFIRM");
    await db.collaboration.update({ where: { id }, data: { contribution: "Data collection" } });
    const research = await getMyResearch(trainee);
    expect(research.collaborations).toHaveLength(1);
    expect(research.collaborations[0]).toMatchObject({
      id,
      status: "CONFIRMED",
      role: "COLLABORATOR",
      site: "Addenbrooke's Hospital",
      contribution: "Data collection",
      project: { title: project.title, status: "DATA_COLLECTION" },
      canLeave: true,
      certificateAvailable: false,
    });
    expect(research.collaborations[0]!.history.map((entry) => [entry.action, entry.byThemselves])).toEqual([
      ["collaboration.requested", true],
      ["collaboration.confirmed", false],
    ]);
  });
});

describe("query budget", () => {
  it("the join panel, the site lead's list and my research cost the same on 10 times the data", async () => {
    const { project, homeSite, siteLead, trainee, lead } = await scenario();
    await requestToJoin(trainee, homeSite.id);
    const measure = async () => ({
      panel: (await countStatements(() => getJoinPanel(trainee, project.slug))).statements,
      leadPanel: (await countStatements(() => getJoinPanel(lead, project.slug))).statements,
      requests: (await countStatements(() => listSiteRequests(siteLead))).statements,
      research: (await countStatements(() => getMyResearch(trainee))).statements,
    });
    const small = await measure();
    for (let i = 0; i < 10; i++) {
      const extra = await createProject({ status: "DATA_COLLECTION" });
      const extraSite = await createProjectSite({ projectId: extra.id });
      await createCollaboration({ projectSiteId: extraSite.id, userId: trainee.id });
      await createCollaboration({ projectSiteId: extraSite.id, userId: siteLead.id, role: "SITE_LEAD" });
      const site = await createProjectSite({ projectId: project.id });
      await createCollaboration({ projectSiteId: site.id, userId: (await createUser()).id });
      await requestToJoin(asActor(await createUser()), homeSite.id);
      await createCollaboration({ projectSiteId: extraSite.id, userId: (await createUser()).id, status: "REQUESTED" });
      await registerInterest(asActor(await createUser()), project.id);
    }
    const large = await measure();
    expect(large).toEqual(small);
    expect(small.panel).toBeLessThanOrEqual(8);
    expect(small.research).toBeLessThanOrEqual(3);
  });
});
