import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { approveSite } from "@/lib/sites/approvals";
import { recordSiteItem } from "@/lib/sites/governance";
import { getRegistrationOptions, registerSite, SiteTakenError } from "@/lib/sites/register";
import { moveSite, SITE_LIFECYCLE } from "@/lib/sites/status";
import { SITE_MOVE_NAMES } from "@/lib/validation/sites";
import { recordSiteItemSchema } from "@/lib/validation/governance";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { asActor, auditActions, refusalOf, siteScenario } from "../support/sites";
import { seedChecklist } from "../support/governance";

const item = (projectSiteId: string, kind: "LOCAL_AUDIT_REGISTRATION" | "CALDICOTT_APPROVAL", overrides: Record<string, string> = {}) =>
  recordSiteItemSchema.parse({ projectSiteId, kind, reference: kind === "CALDICOTT_APPROVAL" ? "CG-2026-11" : "AUD-2026-0042", date: "2026-08-01", ...overrides });

/** The site lead records both items of a locally registered project's checklist. */
async function recordBoth(actor: Parameters<typeof recordSiteItem>[0], projectSiteId: string) {
  await recordSiteItem(actor, item(projectSiteId, "LOCAL_AUDIT_REGISTRATION"));
  await recordSiteItem(actor, item(projectSiteId, "CALDICOTT_APPROVAL"));
}

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

describe("local approvals, as the checklist's items", () => {
  it("are recorded by the site lead as references only, and move a registered site to approvals in progress", async () => {
    const { lead, project, hospital, member } = await openProject();
    const { projectSiteId } = await registerSite(member, { projectId: project.id, siteId: hospital.id });
    await recordSiteItem(member, item(projectSiteId, "LOCAL_AUDIT_REGISTRATION"));
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: projectSiteId } })).status).toBe("APPROVALS_PENDING");
    expect(await db.siteGovernanceItem.findMany({ where: { projectSiteId }, select: { kind: true, reference: true, date: true, state: true, recordedById: true } })).toEqual([
      { kind: "LOCAL_AUDIT_REGISTRATION", reference: "AUD-2026-0042", date: new Date("2026-08-01T00:00:00Z"), state: "RECORDED", recordedById: member.id },
    ]);
    expect(await auditActions(projectSiteId)).toEqual(["site.registered", "site.governanceRecorded", "site.startApprovals"]);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "site.approvalsRecorded" } })).toBe(1);
    // Correcting it later keeps the status.
    await recordSiteItem(member, item(projectSiteId, "LOCAL_AUDIT_REGISTRATION", { reference: "AUD-2026-0043" }));
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: projectSiteId } })).status).toBe("APPROVALS_PENDING");
    expect((await db.siteGovernanceItem.findFirstOrThrow({ where: { projectSiteId } })).reference).toBe("AUD-2026-0043");
  });

  it("are checked field by field, with sentences a person can act on", () => {
    const result = recordSiteItemSchema.safeParse({
      projectSiteId: "00000000-0000-4000-8000-000000000000",
      kind: "LOCAL_AUDIT_REGISTRATION",
      reference: " ",
      date: "2999-01-01",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({ reference: "Enter the reference", date: "Date must be today or in the past" });
    expect(recordSiteItemSchema.safeParse({ ...item("00000000-0000-4000-8000-000000000000", "CALDICOTT_APPROVAL"), date: "2026-02-30" }).error?.issues[0]?.message).toBe(
      "Date must be a real date",
    );
  });
});

describe("the project lead's approval of a site", () => {
  it("is recorded once: approving twice, even at the same moment, is harmless", async () => {
    const { lead, home, siteLead } = await siteScenario({ homeStatus: "APPROVALS_PENDING", approved: false });
    await seedChecklist(home.id, { state: "RECORDED" });
    const results = await Promise.all([approveSite(lead, home.id), approveSite(lead, home.id)]);
    expect(results.map((result) => result.alreadyApproved).sort()).toEqual([false, true]);
    const approvedAt = (await db.projectSite.findUniqueOrThrow({ where: { id: home.id } })).leadApprovedAt;
    expect(approvedAt).toBeInstanceOf(Date);
    expect(await approveSite(lead, home.id)).toMatchObject({ alreadyApproved: true, hospital: "Addenbrooke's Hospital" });
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: home.id } })).leadApprovedAt).toEqual(approvedAt);
    // Approving is checking every item recorded: each check is recorded, and the approval once.
    expect(await auditActions(home.id)).toEqual(["site.governanceChecked", "site.governanceChecked", "site.approved"]);
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
  it("becomes active only with every item of the checklist recorded and checked by the project lead", async () => {
    const { lead, project, hospital, member } = await openProject();
    const { projectSiteId } = await registerSite(member, { projectId: project.id, siteId: hospital.id });
    expect(await refusalOf(moveSite(member, projectSiteId, "activate"))).toMatchObject({ message: expect.stringMatching(/while the site is registered/) });
    await moveSite(member, projectSiteId, "startApprovals");
    expect(await refusalOf(moveSite(member, projectSiteId, "activate"))).toMatchObject({ message: expect.stringMatching(/local audit registration is not recorded yet/) });
    await recordBoth(member, projectSiteId);
    expect(await refusalOf(moveSite(member, projectSiteId, "activate"))).toMatchObject({ message: expect.stringMatching(/waiting for the project lead to check it/) });
    await approveSite(lead, projectSiteId);
    expect(await moveSite(member, projectSiteId, "activate")).toMatchObject({ from: "APPROVALS_PENDING", to: "ACTIVE" });
    expect((await auditActions(projectSiteId)).filter((action) => action.startsWith("site."))).toEqual([
      "site.registered",
      "site.startApprovals",
      "site.governanceRecorded",
      "site.governanceRecorded",
      "site.governanceChecked",
      "site.governanceChecked",
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
        await db.projectSite.update({ where: { id: site.id }, data: { leadApprovedAt: new Date(), leadApprovedById: lead.id } });
        await seedChecklist(site.id, { checkedById: lead.id });
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
