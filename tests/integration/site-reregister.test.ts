// A hospital that withdrew from a project registers again: the same
// (project, site) row opens again, its history kept, with the member who
// registers it as site lead, under the same race safety as a first registration.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { getRegistrationOptions, registerSite, SiteTakenError } from "@/lib/sites/register";
import { createCollaboration, createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { asActor, auditActions, refusalOf } from "../support/sites";

/** A project at a hospital that withdrew after a first run: approved, with a site lead, a collaborator and a count. */
async function withdrawnHospital(options: { projectStatus?: ProjectStatus; siteStatus?: ProjectSiteStatus } = {}) {
  const lead = asActor(await createUser({ name: "Tom Okafor" }));
  const project = await createProject({ status: options.projectStatus ?? "DATA_COLLECTION", leadId: lead.id });
  const hospital = await createSite({ name: "Royal Cornwall Hospital" });
  const site = await createProjectSite({ projectId: project.id, siteId: hospital.id, status: options.siteStatus ?? "WITHDRAWN", caseTarget: 40 });
  await db.projectSite.update({
    where: { id: site.id },
    data: {
      registeredAt: new Date("2026-07-01T09:00:00Z"),
      approvalReference: "AUD-2026-0001",
      approvingBody: "Clinical audit department",
      approvalDate: new Date("2026-08-01"),
      caldicottSignedOff: true,
      leadApprovedAt: new Date("2026-08-02T10:00:00Z"),
      leadApprovedById: lead.id,
    },
  });
  const formerLead = asActor(await createUser({ name: "Owen Price", siteId: hospital.id }));
  const formerLeadRow = await createCollaboration({ projectSiteId: site.id, userId: formerLead.id, role: "SITE_LEAD" });
  const collaborator = asActor(await createUser({ name: "Cara Collins", siteId: hospital.id }));
  const collaboratorRow = await createCollaboration({ projectSiteId: site.id, userId: collaborator.id });
  await reportProgress(site.id, formerLead.id, 7, new Date("2026-09-10T12:00:00Z"));
  const member = asActor(await createUser({ name: "Nia Williams", siteId: hospital.id }));
  return { lead, project, hospital, site, formerLead, formerLeadRow, collaborator, collaboratorRow, member };
}

const register = (actor: Actor, s: { project: { id: string }; hospital: { id: string } }) => registerSite(actor, { projectId: s.project.id, siteId: s.hospital.id });

async function snapshot() {
  const [sites, collaborations, reports, notifications, audits] = await Promise.all([
    db.projectSite.findMany({ orderBy: { id: "asc" } }),
    db.collaboration.findMany({ orderBy: { id: "asc" } }),
    db.progressReport.count(),
    db.notification.count(),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ sites, collaborations, reports, notifications, audits });
}

describe("registering again a hospital that withdrew", () => {
  it("opens the same row again, with the member as its site lead, its history kept and the ended registration's approvals cleared", async () => {
    const s = await withdrawnHospital();
    const { projectSiteId, odsCode } = await register(s.member, s);
    expect(projectSiteId).toBe(s.site.id);
    expect(odsCode).toBe(s.hospital.odsCode);
    expect(await db.projectSite.count({ where: { projectId: s.project.id, siteId: s.hospital.id } })).toBe(1);
    const site = await db.projectSite.findUniqueOrThrow({ where: { id: s.site.id } });
    expect(site).toMatchObject({
      status: "REGISTERED",
      caseTarget: 40,
      approvalReference: null,
      approvingBody: null,
      approvalDate: null,
      caldicottSignedOff: false,
      leadApprovedAt: null,
      leadApprovedById: null,
    });
    expect(site.registeredAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The cases submitted before stay: the count carries on from them.
    expect(await db.progressReport.findMany({ where: { projectSiteId: s.site.id }, select: { cumulativeCases: true } })).toEqual([{ cumulativeCases: 7 }]);

    // The member leads it; the earlier site lead stays on the team as a collaborator; the rest of the team stays as it was.
    const team = await db.collaboration.findMany({ where: { projectSiteId: s.site.id }, select: { userId: true, role: true, status: true } });
    expect(team).toEqual(
      expect.arrayContaining([
        { userId: s.member.id, role: "SITE_LEAD", status: "CONFIRMED" },
        { userId: s.formerLead.id, role: "COLLABORATOR", status: "CONFIRMED" },
        { userId: s.collaborator.id, role: "COLLABORATOR", status: "CONFIRMED" },
      ]),
    );
    expect(team).toHaveLength(3);

    // Recorded with what it was before, and told to the project lead and the earlier site lead.
    expect(await auditActions(s.site.id)).toEqual(["site.registeredAgain"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: s.site.id, action: "site.registeredAgain" } });
    expect(event.actorId).toBe(s.member.id);
    expect(event.before).toMatchObject({
      status: "WITHDRAWN",
      registeredAt: "2026-07-01T09:00:00.000Z",
      approvalReference: "AUD-2026-0001",
      approvingBody: "Clinical audit department",
      approvalDate: "2026-08-01",
      caldicottSignedOff: true,
      leadApprovedAt: "2026-08-02T10:00:00.000Z",
      leadApprovedById: s.lead.id,
    });
    expect(event.after).toMatchObject({ status: "REGISTERED", approvalReference: null, leadApprovedAt: null });
    expect(await auditActions(s.formerLeadRow.id)).toEqual(["collaboration.roleChanged"]);
    expect(await auditActions(s.collaboratorRow.id)).toEqual([]);
    const leadRow = await db.collaboration.findUniqueOrThrow({ where: { projectSiteId_userId: { projectSiteId: s.site.id, userId: s.member.id } } });
    expect(await auditActions(leadRow.id)).toEqual(["collaboration.siteLeadRegistered"]);
    expect(await db.notification.findMany({ where: { userId: s.lead.id }, select: { kind: true, message: true } })).toEqual([
      { kind: "site.registered", message: expect.stringMatching(/^Royal Cornwall Hospital registered again for .* after it withdrew/) },
    ]);
    expect(await db.notification.count({ where: { userId: s.formerLead.id, message: { contains: "You stay on its team as a collaborator" } } })).toBe(1);
  });

  it("is offered on the registration page like a hospital not yet taking part, not as a team to join", async () => {
    const s = await withdrawnHospital();
    const options = await getRegistrationOptions(s.member, s.project.slug);
    expect(options.regions.flatMap((region) => region.sites)).toContainEqual({ id: s.hospital.id, name: "Royal Cornwall Hospital", city: "Testford", withdrawn: true });
    expect(options.registered).toEqual([]);
    expect(options.homeSiteId).toBe(s.hospital.id);
    expect(options.mine).toBeNull();
    // Once registered again, it is taking part: a team to join, no longer a hospital to register.
    await register(s.member, s);
    const after = await getRegistrationOptions(asActor(await createUser({ siteId: s.hospital.id })), s.project.slug);
    expect(after.regions.flatMap((region) => region.sites).map((site) => site.id)).not.toContain(s.hospital.id);
    expect(after.registered).toEqual([{ projectSiteId: s.site.id, name: "Royal Cornwall Hospital", city: "Testford" }]);
  });

  it("lets the earlier site lead, still on its team, register it again, or another hospital, as the withdrawal freed them", async () => {
    const s = await withdrawnHospital();
    const elsewhere = await createSite({ name: "Treliske Annexe" });
    const options = await getRegistrationOptions(s.formerLead, s.project.slug);
    expect(options.mine).toBeNull();
    expect(options.formerTeams).toEqual(["Royal Cornwall Hospital"]);
    const offered = options.regions.flatMap((region) => region.sites);
    expect(offered.find((site) => site.id === s.hospital.id)).toMatchObject({ withdrawn: true });
    expect(offered.map((site) => site.id)).toContain(elsewhere.id);
    expect(options.homeSiteId).toBe(s.hospital.id);

    await register(s.formerLead, s);
    expect(await db.collaboration.findMany({ where: { projectSiteId: s.site.id }, select: { userId: true, role: true, status: true } })).toEqual(
      expect.arrayContaining([
        { userId: s.formerLead.id, role: "SITE_LEAD", status: "CONFIRMED" },
        { userId: s.collaborator.id, role: "COLLABORATOR", status: "CONFIRMED" },
      ]),
    );
    // Their collaboration did not change, so nothing is recorded against it.
    expect(await auditActions(s.formerLeadRow.id)).toEqual([]);
    expect(await auditActions(s.site.id)).toEqual(["site.registeredAgain"]);
    // Now they take part there again: no second hospital.
    expect(await refusalOf(registerSite(s.formerLead, { projectId: s.project.id, siteId: elsewhere.id }))).toMatchObject({
      field: "siteId",
      message: "You already take part in this project at Royal Cornwall Hospital. A member takes part at one hospital per project.",
    });
  });

  it("is refused to a member who neither works there nor was on its team, who would otherwise get the team's details", async () => {
    const s = await withdrawnHospital();
    const stranger = asActor(await createUser({ name: "Sam Stranger" }));
    const before = await snapshot();
    const options = await getRegistrationOptions(stranger, s.project.slug);
    expect(options.regions.flatMap((region) => region.sites).map((site) => site.id)).not.toContain(s.hospital.id);
    expect(await refusalOf(register(stranger, s))).toMatchObject({
      field: "siteId",
      message:
        "Royal Cornwall Hospital withdrew from this project. As it comes back with its team, it can be registered again only by someone on that team or whose home hospital it is (set in your profile).",
    });
    expect(await snapshot()).toBe(before);
  });

  it("ends the old place of a team member who has since joined elsewhere, so nobody is on two teams", async () => {
    const s = await withdrawnHospital();
    const other = await createProjectSite({ projectId: s.project.id, siteId: (await createSite({ name: "Derriford Hospital" })).id, status: "ACTIVE" });
    const move = await db.collaboration.create({ data: { projectSiteId: other.id, userId: s.collaborator.id, status: "CONFIRMED" } });
    await register(s.formerLead, s);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: s.collaboratorRow.id } })).toMatchObject({ status: "LEFT" });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: move.id } })).toMatchObject({ status: "CONFIRMED" });
    expect(await auditActions(s.collaboratorRow.id)).toEqual(["collaboration.left"]);
    expect(await db.notification.findMany({ where: { userId: s.collaborator.id }, select: { kind: true, message: true } })).toEqual([
      {
        kind: "collaboration.removed",
        message: `Royal Cornwall Hospital registered again for "${s.project.title}". You take part at another hospital now, so you are no longer on its team.`,
      },
    ]);
    expect(await db.collaboration.count({ where: { userId: s.collaborator.id, status: "CONFIRMED", projectSite: { projectId: s.project.id } } })).toBe(1);
  });

  it("keeps a confirmed member who had only asked to join elsewhere, withdrawing that request, and tells everyone coming back who registered it", async () => {
    const s = await withdrawnHospital();
    const other = await createProjectSite({ projectId: s.project.id, siteId: (await createSite({ name: "Derriford Hospital" })).id, status: "ACTIVE" });
    const asked = await db.collaboration.create({ data: { projectSiteId: other.id, userId: s.collaborator.id, status: "REQUESTED" } });
    await register(s.member, s);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: s.collaboratorRow.id } })).toMatchObject({ status: "CONFIRMED" });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({ status: "LEFT" });
    const messages = (await db.notification.findMany({ where: { userId: s.collaborator.id }, select: { message: true } })).map((n) => n.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/your request to join at another hospital was withdrawn/),
        expect.stringMatching(/you are back on its team\. Its new site lead is Nia Williams\./),
      ]),
    );
  });

  it("makes the member's earlier collaboration at the hospital (they had left) their site lead one", async () => {
    const s = await withdrawnHospital();
    const earlier = await createCollaboration({ projectSiteId: s.site.id, userId: s.member.id, status: "LEFT" });
    await register(s.member, s);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({ role: "SITE_LEAD", status: "CONFIRMED" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: earlier.id } });
    expect(event).toMatchObject({ action: "collaboration.siteLeadRegistered", before: { role: "COLLABORATOR", status: "LEFT" } });
  });

  it("still refuses a hospital that is registered or active, with its team to join instead", async () => {
    for (const siteStatus of ["REGISTERED", "ACTIVE"] as const) {
      const s = await withdrawnHospital({ siteStatus });
      const before = await snapshot();
      const error = await refusalOf(register(s.member, s));
      expect(error).toBeInstanceOf(SiteTakenError);
      expect(error).toMatchObject({ projectSiteId: s.site.id, field: "siteId" });
      expect(await snapshot()).toBe(before);
    }
  });

  it("refuses a second registration once it has registered again", async () => {
    const s = await withdrawnHospital();
    await register(s.member, s);
    const second = asActor(await createUser({ siteId: s.hospital.id }));
    const before = await snapshot();
    const error = await refusalOf(register(second, s));
    expect(error).toBeInstanceOf(SiteTakenError);
    expect((error as Error).message).toMatch(/already registered for this project. Ask to join its team instead/);
    expect(await snapshot()).toBe(before);
    expect(await db.collaboration.count({ where: { projectSiteId: s.site.id, role: "SITE_LEAD", status: "CONFIRMED" } })).toBe(1);
    expect(await auditActions(s.site.id)).toEqual(["site.registeredAgain"]);
  });

  it("lets one of two members registering it again at the same moment through, and tells the other", async () => {
    const s = await withdrawnHospital();
    const rival = asActor(await createUser({ siteId: s.hospital.id }));
    const results = await Promise.allSettled([register(s.member, s), register(rival, s)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(SiteTakenError);
    expect(await db.projectSite.count({ where: { projectId: s.project.id, siteId: s.hospital.id } })).toBe(1);
    const leads = await db.collaboration.findMany({ where: { projectSiteId: s.site.id, role: "SITE_LEAD", status: "CONFIRMED" }, select: { userId: true } });
    expect(leads).toHaveLength(1);
    expect([s.member.id, rival.id]).toContain(leads[0]!.userId);
    expect(await auditActions(s.site.id)).toEqual(["site.registeredAgain"]);
    expect(await db.collaboration.count({ where: { userId: { in: [s.member.id, rival.id] } } })).toBe(1);
  });

  it("is refused, changing nothing, once the project takes no new sites", async () => {
    const s = await withdrawnHospital({ projectStatus: "ANALYSIS" });
    const before = await snapshot();
    expect(await refusalOf(register(s.member, s))).toBeInstanceOf(DomainError);
    expect(await snapshot()).toBe(before);
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: s.site.id } })).status).toBe("WITHDRAWN");
  });
});
