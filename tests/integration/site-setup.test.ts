import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { approveSite, recordApprovals } from "@/lib/sites/approvals";
import { getRegistrationOptions, registerSite, SiteTakenError } from "@/lib/sites/register";
import { moveSite, SITE_LIFECYCLE } from "@/lib/sites/status";
import { recordApprovalsSchema, SITE_MOVE_NAMES } from "@/lib/validation/sites";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { asActor, auditActions, refusalOf, siteScenario } from "../support/sites";

const approvals = (projectSiteId: string, overrides: Record<string, string> = {}) =>
  recordApprovalsSchema.parse({
    projectSiteId,
    approvalReference: "AUD-2026-0042",
    approvingBody: "Clinical audit department",
    approvalDate: "2026-08-01",
    caldicottSignedOff: "on",
    ...overrides,
  });

async function openProject(status: ProjectStatus = "SITE_SETUP") {
  const lead = asActor(await createUser({ name: "Tom Okafor" }));
  const project = await createProject({ status, leadId: lead.id });
  const hospital = await createSite({ name: "Royal Cornwall Hospital" });
  const member = asActor(await createUser({ siteId: hospital.id }));
  return { lead, project, hospital, member };
}

describe("registering a site", () => {
  it("makes the member its site lead, pending the project lead's approval, and records it", async () => {
    const { lead, project, hospital, member } = await openProject();
    const { projectSiteId } = await registerSite(member, { projectId: project.id, siteId: hospital.id });
    const site = await db.projectSite.findUniqueOrThrow({ where: { id: projectSiteId }, include: { collaborations: true } });
    expect(site).toMatchObject({ status: "REGISTERED", leadApprovedAt: null, caseTarget: 50, projectId: project.id, siteId: hospital.id });
    expect(site.collaborations).toEqual([expect.objectContaining({ userId: member.id, role: "SITE_LEAD", status: "CONFIRMED" })]);
    expect(await auditActions(projectSiteId)).toEqual(["site.registered"]);
    expect(await auditActions(site.collaborations[0]!.id)).toEqual(["collaboration.siteLeadRegistered"]);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "site.registered" } })).toBe(1);
  });

  it("is open while the project is open to sites or collecting data, and refused after, changing nothing", async () => {
    for (const status of ["SITE_SETUP", "DATA_COLLECTION"] as const) {
      const { project, hospital, member } = await openProject(status);
      await registerSite(member, { projectId: project.id, siteId: hospital.id });
    }
    const analysis = await openProject("ANALYSIS");
    expect(await refusalOf(registerSite(analysis.member, { projectId: analysis.project.id, siteId: analysis.hospital.id }))).toBeInstanceOf(DomainError);
    const draft = await openProject("DRAFT");
    expect(await refusalOf(registerSite(draft.member, { projectId: draft.project.id, siteId: draft.hospital.id }))).toBeInstanceOf(NotFoundError);
    expect(await db.projectSite.count({ where: { projectId: { in: [analysis.project.id, draft.project.id] } } })).toBe(0);
  });

  it("refuses a hospital already registered, and offers its team instead", async () => {
    const { project, hospital, member } = await openProject();
    const first = await registerSite(member, { projectId: project.id, siteId: hospital.id });
    const second = asActor(await createUser({ siteId: hospital.id }));
    const error = await refusalOf(registerSite(second, { projectId: project.id, siteId: hospital.id }));
    expect(error).toBeInstanceOf(SiteTakenError);
    expect(error).toMatchObject({ projectSiteId: first.projectSiteId, field: "siteId", hospital: "Royal Cornwall Hospital" });
    expect((error as Error).message).toMatch(/already registered for this project. Ask to join its team instead/);
    expect(await db.collaboration.count({ where: { userId: second.id } })).toBe(0);
    // The page no longer offers it, and lists it among the hospitals taking part.
    const options = await getRegistrationOptions(second, project.slug);
    expect(options.regions.flatMap((region) => region.sites).map((site) => site.id)).not.toContain(hospital.id);
    expect(options.registered).toEqual([{ projectSiteId: first.projectSiteId, name: "Royal Cornwall Hospital", city: "Testford" }]);
    expect(options.homeSiteId).toBeNull();
  });

  it("lets one of two members registering the same hospital at the same moment through, and tells the other", async () => {
    const { project, hospital, member } = await openProject();
    const rival = asActor(await createUser({ siteId: hospital.id }));
    const results = await Promise.allSettled([
      registerSite(member, { projectId: project.id, siteId: hospital.id }),
      registerSite(rival, { projectId: project.id, siteId: hospital.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(SiteTakenError);
    expect(await db.projectSite.count({ where: { projectId: project.id, siteId: hospital.id } })).toBe(1);
    expect(await db.collaboration.count({ where: { projectSite: { projectId: project.id }, role: "SITE_LEAD" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "site.registered", actorId: { in: [member.id, rival.id] } } })).toBe(1);
  });

  it("relies on the database's unique (project, site) index, not only on the check", async () => {
    const { project, hospital } = await openProject();
    await createProjectSite({ projectId: project.id, siteId: hospital.id });
    expect(await refusalOf(createProjectSite({ projectId: project.id, siteId: hospital.id }))).toMatchObject({ code: "P2002" });
  });

  it("refuses a member who already takes part in the project at another hospital", async () => {
    const { project, hospital, member } = await openProject();
    const elsewhere = await createProjectSite({ projectId: project.id, status: "ACTIVE" });
    await createCollaboration({ projectSiteId: elsewhere.id, userId: member.id, status: "REQUESTED" });
    expect(await refusalOf(registerSite(member, { projectId: project.id, siteId: hospital.id }))).toMatchObject({
      message: expect.stringMatching(/already take part in this project/),
    });
    expect(await db.projectSite.count({ where: { projectId: project.id, siteId: hospital.id } })).toBe(0);
  });

  it("refuses a visitor and an unknown hospital or project", async () => {
    const { project, hospital, member } = await openProject();
    expect(await refusalOf(registerSite(null, { projectId: project.id, siteId: hospital.id }))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(registerSite(member, { projectId: project.id, siteId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ field: "siteId" });
    expect(await refusalOf(registerSite(member, { projectId: "not-a-uuid", siteId: hospital.id }))).toBeInstanceOf(NotFoundError);
    expect(await db.projectSite.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("local approvals", () => {
  it("are recorded by the site lead as references only, and move a registered site to approvals in progress", async () => {
    const { lead, project, hospital, member } = await openProject();
    const { projectSiteId } = await registerSite(member, { projectId: project.id, siteId: hospital.id });
    await recordApprovals(member, approvals(projectSiteId));
    expect(await db.projectSite.findUniqueOrThrow({ where: { id: projectSiteId } })).toMatchObject({
      status: "APPROVALS_PENDING",
      approvalReference: "AUD-2026-0042",
      approvingBody: "Clinical audit department",
      approvalDate: new Date("2026-08-01T00:00:00Z"),
      caldicottSignedOff: true,
    });
    expect(await auditActions(projectSiteId)).toEqual(["site.registered", "site.approvalsRecorded", "site.startApprovals"]);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "site.approvalsRecorded" } })).toBe(1);
    // Correcting them later keeps the status.
    await recordApprovals(member, approvals(projectSiteId, { approvalReference: "AUD-2026-0043", caldicottSignedOff: "" }));
    expect(await db.projectSite.findUniqueOrThrow({ where: { id: projectSiteId } })).toMatchObject({
      status: "APPROVALS_PENDING",
      approvalReference: "AUD-2026-0043",
      caldicottSignedOff: false,
    });
  });

  it("are checked field by field, with sentences a person can act on", () => {
    const result = recordApprovalsSchema.safeParse({
      projectSiteId: "00000000-0000-4000-8000-000000000000",
      approvalReference: " ",
      approvingBody: "",
      approvalDate: "2999-01-01",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      approvalReference: "Enter the approval reference",
      approvingBody: "Enter the approving body",
      approvalDate: "Date of approval must be today or in the past",
    });
    expect(recordApprovalsSchema.safeParse({ ...approvalsInput(), approvalDate: "2026-02-30" }).error?.issues[0]?.message).toBe(
      "Date of approval must be a real date",
    );
  });
});

const approvalsInput = () => ({
  projectSiteId: "00000000-0000-4000-8000-000000000000",
  approvalReference: "A",
  approvingBody: "B",
  approvalDate: "2026-01-01",
});

describe("the project lead's approval of a site", () => {
  it("is recorded once: approving twice, even at the same moment, is harmless", async () => {
    const { lead, home, siteLead } = await siteScenario({ homeStatus: "APPROVALS_PENDING", approved: false });
    const results = await Promise.all([approveSite(lead, home.id), approveSite(lead, home.id)]);
    expect(results.map((result) => result.alreadyApproved).sort()).toEqual([false, true]);
    const approvedAt = (await db.projectSite.findUniqueOrThrow({ where: { id: home.id } })).leadApprovedAt;
    expect(approvedAt).toBeInstanceOf(Date);
    expect(await approveSite(lead, home.id)).toMatchObject({ alreadyApproved: true, hospital: "Addenbrooke's Hospital" });
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: home.id } })).leadApprovedAt).toEqual(approvedAt);
    expect(await auditActions(home.id)).toEqual(["site.approved"]);
    expect(await db.notification.count({ where: { userId: siteLead.id, kind: "site.approved" } })).toBe(1);
  });

  it("is refused for a withdrawn site", async () => {
    const { lead, project } = await siteScenario();
    const withdrawn = await createProjectSite({ projectId: project.id, status: "WITHDRAWN" });
    expect(await refusalOf(approveSite(lead, withdrawn.id))).toBeInstanceOf(DomainError);
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: withdrawn.id } })).leadApprovedAt).toBeNull();
  });
});

describe("a site's status", () => {
  it("becomes active only with approvals recorded and the project lead's approval", async () => {
    const { lead, project, hospital, member } = await openProject();
    const { projectSiteId } = await registerSite(member, { projectId: project.id, siteId: hospital.id });
    expect(await refusalOf(moveSite(member, projectSiteId, "activate"))).toMatchObject({ message: expect.stringMatching(/while the site is registered/) });
    await moveSite(member, projectSiteId, "startApprovals");
    expect(await refusalOf(moveSite(member, projectSiteId, "activate"))).toMatchObject({ message: expect.stringMatching(/^Record the site's local approvals/) });
    await recordApprovals(member, approvals(projectSiteId));
    expect(await refusalOf(moveSite(member, projectSiteId, "activate"))).toMatchObject({ message: expect.stringMatching(/project lead has not approved/) });
    await approveSite(lead, projectSiteId);
    expect(await moveSite(member, projectSiteId, "activate")).toMatchObject({ from: "APPROVALS_PENDING", to: "ACTIVE" });
    expect((await auditActions(projectSiteId)).filter((action) => action.startsWith("site."))).toEqual([
      "site.registered",
      "site.startApprovals",
      "site.approvalsRecorded",
      "site.approved",
      "site.activate",
    ]);
  });

  it("moves only as the table allows, from every status", async () => {
    const statuses: ProjectSiteStatus[] = ["REGISTERED", "APPROVALS_PENDING", "ACTIVE", "COMPLETE", "WITHDRAWN"];
    const { project, siteLead, lead } = await siteScenario();
    for (const status of statuses) {
      for (const move of SITE_MOVE_NAMES) {
        const site = await createProjectSite({ projectId: project.id, status });
        await db.projectSite.update({
          where: { id: site.id },
          data: { leadApprovedAt: new Date(), leadApprovedById: lead.id, approvalReference: "R", approvingBody: "B", approvalDate: new Date("2026-01-01") },
        });
        await createCollaboration({ projectSiteId: site.id, userId: siteLead.id, role: "SITE_LEAD" });
        const transition = SITE_LIFECYCLE.find((row) => row.action === move)!;
        const result = await moveSite(siteLead, site.id, move).catch((error: unknown) => error);
        const after = (await db.projectSite.findUniqueOrThrow({ where: { id: site.id } })).status;
        if (transition.from.includes(status)) {
          expect(result, `${move} from ${status}`).toMatchObject({ from: status, to: transition.to });
          expect(after).toBe(transition.to);
        } else {
          expect(result, `${move} from ${status}`).toBeInstanceOf(DomainError);
          expect(after).toBe(status);
          expect(await auditActions(site.id)).toEqual([]);
        }
      }
    }
  });

  it("lets one of two identical moves at the same moment through", async () => {
    const { home, siteLead } = await siteScenario({ homeStatus: "APPROVALS_PENDING" });
    const results = await Promise.allSettled([moveSite(siteLead, home.id, "activate"), moveSite(siteLead, home.id, "activate")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await auditActions(home.id)).toEqual(["site.activate"]);
  });

  it("cannot be completed before data collection or moved once the project is over", async () => {
    const setup = await siteScenario({ projectStatus: "SITE_SETUP" });
    expect(await refusalOf(moveSite(setup.siteLead, setup.home.id, "complete"))).toMatchObject({ message: expect.stringMatching(/at this stage of the project/) });
    const done = await siteScenario({ projectStatus: "COMPLETED" });
    expect(await refusalOf(moveSite(done.siteLead, done.home.id, "withdraw"))).toBeInstanceOf(DomainError);
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: done.home.id } })).status).toBe("ACTIVE");
  });
});
