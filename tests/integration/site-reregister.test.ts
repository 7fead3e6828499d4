// A hospital that withdrew from a project registers again: the same
// (project, site) row opens again, its counts kept, with the member who
// registers it as site lead, under the same race safety as a first
// registration. Its former team does not come back with it, and its new lead
// sees who they were only once the project lead has approved the returning
// site (docs/decisions/011): the home hospital is a claim anyone can make.
import { seedChecklist } from "../support/governance";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { requestToJoin } from "@/lib/collaborations/participation";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { inviteToSite } from "@/lib/invitations/send";
import { approveSite } from "@/lib/sites/approvals";
import { exportAuthorshipText, exportCollaboratorsCsv, exportSitesCsv } from "@/lib/sites/exports";
import { getNationalView } from "@/lib/sites/national";
import { getSiteOverview } from "@/lib/sites/overview";
import { EARLIER_REPORTER, getSiteProgress } from "@/lib/sites/progress";
import { getRegistrationOptions, registerSite, SiteTakenError } from "@/lib/sites/register";
import { getSiteTeam } from "@/lib/sites/team";
import { updateOwnProfile } from "@/lib/trainees/profile";
import { nationalSearchSchema } from "@/lib/validation/sites";
import { profileSchema } from "@/lib/validation/profile";
import { parseCsv } from "../support/csv";
import { createCollaboration, createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { openInvitation } from "../support/invitations";
import { asActor, auditActions, refusalOf } from "../support/sites";

/** A project at a hospital that withdrew after a first run: approved, with a site lead, a collaborator, a request and a count. */
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
  await seedChecklist(site.id, { checkedById: lead.id });
  const formerLead = asActor(await createUser({ name: "Owen Price", email: `owen.price.${randomUUID().slice(0, 8)}@example.net`, siteId: hospital.id }));
  const formerLeadRow = await createCollaboration({ projectSiteId: site.id, userId: formerLead.id, role: "SITE_LEAD" });
  const collaborator = asActor(await createUser({ name: "Cara Collins", email: `cara.collins.${randomUUID().slice(0, 8)}@example.net`, siteId: hospital.id }));
  const collaboratorRow = await createCollaboration({ projectSiteId: site.id, userId: collaborator.id });
  const asker = asActor(await createUser({ name: "Ravi Asker", email: `ravi.asker.${randomUUID().slice(0, 8)}@example.net`, siteId: hospital.id }));
  const askerRow = await createCollaboration({ projectSiteId: site.id, userId: asker.id, status: "REQUESTED" });
  const declined = asActor(await createUser({ name: "Dora Declined", email: `dora.declined.${randomUUID().slice(0, 8)}@example.net`, siteId: hospital.id }));
  await db.collaboration.create({
    data: { projectSiteId: site.id, userId: declined.id, status: "DECLINED", decidedAt: new Date("2026-08-10T10:00:00Z") },
  });
  await reportProgress(site.id, formerLead.id, 7, new Date("2026-09-10T12:00:00Z"));
  const member = asActor(await createUser({ name: "Nia Williams", siteId: hospital.id }));
  return { lead, project, hospital, site, formerLead, formerLeadRow, collaborator, collaboratorRow, asker, askerRow, declined, member };
}

type Withdrawn = Awaited<ReturnType<typeof withdrawnHospital>>;

const register = (actor: Actor, s: { project: { id: string }; hospital: { id: string } }) => registerSite(actor, { projectId: s.project.id, siteId: s.hospital.id });

/** Everything said about the earlier team that could show: their names and their addresses. */
const EARLIER_PEOPLE = /Owen Price|owen\.price\.|Cara Collins|cara\.collins\.|Ravi Asker|ravi\.asker\.|Dora Declined|dora\.declined\./;

/** A member whose home hospital is elsewhere, who points their profile at the withdrawn hospital: all it takes to claim it. */
async function claimant(s: Withdrawn): Promise<Actor> {
  const stranger = asActor(await createUser({ name: "Sam Claimant" }));
  const form = {
    name: "Sam Claimant",
    grade: "ST4",
    deaneryId: s.hospital.deaneryId,
    homeSiteId: s.hospital.id,
    gmcNumber: "",
    orcid: "",
    modalities: ["CT"],
    subspecialties: [],
    contactConsent: "on",
    authorSurname: "",
    authorInitials: "",
  };
  expect(await updateOwnProfile(stranger, profileSchema.parse(form))).toEqual({ ok: true });
  return stranger;
}

async function snapshot() {
  const [sites, collaborations, reports, notifications, audits, invitations] = await Promise.all([
    db.projectSite.findMany({ orderBy: { id: "asc" } }),
    db.collaboration.findMany({ orderBy: { id: "asc" } }),
    db.progressReport.count(),
    db.notification.count(),
    db.auditEvent.count(),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ sites, collaborations, reports, notifications, audits, invitations });
}

const teamOf = (projectSiteId: string) =>
  db.collaboration.findMany({ where: { projectSiteId, status: { in: ["REQUESTED", "CONFIRMED"] } }, select: { userId: true, role: true, status: true } });

describe("a member who claims a withdrawn hospital as their home hospital and registers it again", () => {
  it("leads it alone: none of its former team is back, and their names and addresses show nowhere until the project lead approves", async () => {
    const s = await withdrawnHospital();
    const sam = await claimant(s);
    const { projectSiteId } = await register(sam, s);
    expect(projectSiteId).toBe(s.site.id);

    // Nobody from before is on the team, confirmed or asking; only the registrant.
    expect(await teamOf(s.site.id)).toEqual([{ userId: sam.id, role: "SITE_LEAD", status: "CONFIRMED" }]);
    for (const row of [s.formerLeadRow, s.collaboratorRow, s.askerRow]) {
      expect(await db.collaboration.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, role: true } })).toMatchObject({ status: "LEFT" });
      expect(await auditActions(row.id)).toEqual(["collaboration.left"]);
    }

    // The team page: themselves only, and a word that there was a team before.
    const team = await getSiteTeam(sam, s.project.slug, s.hospital.odsCode);
    expect(team.members.map((member) => member.name)).toEqual(["Sam Claimant"]);
    expect(team.requests).toEqual([]);
    expect(team.past).toEqual([]);
    expect(team.invitations).toEqual([]);
    expect(team.earlierHidden).toBe(4);
    expect(JSON.stringify(team)).not.toMatch(EARLIER_PEOPLE);

    // The progress page: the counts carry on, without who reported them or what they wrote.
    await db.progressReport.updateMany({ where: { projectSite: { projectId: s.project.id } }, data: { note: "Owen Price counted these", correctionReason: "Owen Price miscounted" } });
    const progress = await getSiteProgress(sam, s.project.slug, s.hospital.odsCode);
    expect(progress.history.map((entry) => [entry.cumulativeCases, entry.reportedBy])).toEqual([[7, EARLIER_REPORTER]]);
    expect(JSON.stringify(progress)).not.toMatch(EARLIER_PEOPLE);

    // The exports are the project leads': refused to the site lead, and the former team is not in them either.
    const exports = [
      () => exportCollaboratorsCsv(sam, s.project.slug),
      () => exportSitesCsv(sam, s.project.slug),
      () => exportAuthorshipText(sam, s.project.slug, "hospital"),
    ];
    for (const attempt of exports) expect(await refusalOf(attempt())).toBeInstanceOf(ForbiddenError);
    const collaborators = parseCsv((await exportCollaboratorsCsv(s.lead, s.project.slug)).body);
    expect(collaborators.slice(1).map((row) => row[3])).toEqual(["Sam Claimant"]);
    const sites = parseCsv((await exportSitesCsv(s.lead, s.project.slug)).body);
    expect(sites[1]!.slice(0, 7)).toEqual(["Royal Cornwall Hospital", "Testford", s.hospital.odsCode, expect.any(String), "Registered", "Sam Claimant", "1"]);
    expect((await exportSitesCsv(s.lead, s.project.slug)).body).not.toMatch(EARLIER_PEOPLE);

    // The former members are not told anything (nothing they asked for); the project lead is, with whose word it rests on.
    for (const former of [s.formerLead, s.collaborator, s.asker, s.declined]) {
      expect(await db.notification.count({ where: { userId: former.id } })).toBe(0);
    }
    expect(await db.notification.findMany({ where: { userId: s.lead.id }, select: { kind: true, message: true } })).toEqual([
      {
        kind: "site.registered",
        message: expect.stringMatching(
          /^Royal Cornwall Hospital registered again for .* after it withdrew, by Sam Claimant, who says they work there\. Its former team is not back on it; Sam Claimant sees who they were once you approve the site\./,
        ),
      },
    ]);
  });

  it("waits for the project lead, who sees its former team and, on approving it, lets its new lead see them too, still off the team", async () => {
    const s = await withdrawnHospital();
    const sam = await claimant(s);
    await register(sam, s);

    // The project lead finds it among the sites waiting for approval, and sees who was on it before.
    const national = await getNationalView(s.lead, s.project.slug, nationalSearchSchema.parse({}));
    expect(national.awaitingApproval.rows.map((row) => [row.hospital, row.siteLeads, row.teamSize])).toEqual([["Royal Cornwall Hospital", ["Sam Claimant"], 1]]);
    const leadsView = await getSiteTeam(s.lead, s.project.slug, s.hospital.odsCode);
    expect(leadsView.past.map((member) => member.name).sort()).toEqual(["Cara Collins", "Dora Declined", "Owen Price", "Ravi Asker"]);
    expect(leadsView.earlierHidden).toBe(0);
    expect((await getSiteProgress(s.lead, s.project.slug, s.hospital.odsCode)).history[0]!.reportedBy).toBe("Owen Price");

    // The new site lead records the checklist again, and the lead approves it (checks every item).
    await seedChecklist(s.site.id, { state: "RECORDED", recordedById: sam.id });
    await approveSite(s.lead, s.site.id);
    const team = await getSiteTeam(sam, s.project.slug, s.hospital.odsCode);
    expect(team.members.map((member) => member.name)).toEqual(["Sam Claimant"]);
    expect(team.past.map((member) => [member.name, member.status]).sort()).toEqual([
      ["Cara Collins", "LEFT"],
      ["Dora Declined", "DECLINED"],
      ["Owen Price", "LEFT"],
      ["Ravi Asker", "LEFT"],
    ]);
    expect(team.earlierHidden).toBe(0);
    expect((await getSiteProgress(sam, s.project.slug, s.hospital.odsCode)).history[0]!.reportedBy).toBe("Owen Price");

    // They come back only by accepting: an invitation puts nobody on the team.
    await inviteToSite(sam, { projectSiteId: s.site.id, email: s.collaborator.email, role: "COLLABORATOR" });
    expect(await openInvitation(s.collaborator.email, { projectSiteId: s.site.id })).toMatchObject({ kind: "TEAM_MEMBER" });
    expect(await teamOf(s.site.id)).toEqual([{ userId: sam.id, role: "SITE_LEAD", status: "CONFIRMED" }]);
  });

  it("lets former members ask to join again as anyone does, even one the earlier site lead declined", async () => {
    const s = await withdrawnHospital();
    const sam = await claimant(s);
    await register(sam, s);
    await requestToJoin(s.collaborator, s.site.id);
    await requestToJoin(s.declined, s.site.id);
    const team = await getSiteTeam(sam, s.project.slug, s.hospital.odsCode);
    // Asking is their own act: the new lead sees their request (name and grade), to answer it.
    expect(team.requests.map((request) => request.name).sort()).toEqual(["Cara Collins", "Dora Declined"]);
    expect(team.earlierHidden).toBe(2);
    // A refusal by the lead of this registration still stands.
    await db.collaboration.updateMany({ where: { projectSiteId: s.site.id, userId: s.declined.id }, data: { status: "DECLINED", decidedAt: new Date() } });
    expect(await refusalOf(requestToJoin(s.declined, s.site.id))).toMatchObject({ message: expect.stringMatching(/declined your request/) });
  });

  it("shows its new lead no earlier reporter on the site's own page either", async () => {
    const s = await withdrawnHospital();
    const sam = await claimant(s);
    await register(sam, s);
    const overview = await getSiteOverview(sam, s.project.slug, s.hospital.odsCode);
    expect(overview.history.map((entry) => entry.cumulativeCases)).toEqual([7]);
    expect(JSON.stringify(overview)).not.toMatch(EARLIER_PEOPLE);
    // The project lead sees who reported it.
    expect((await getSiteOverview(s.lead, s.project.slug, s.hospital.odsCode)).history[0]!.reportedBy).toBe("Owen Price");
  });

  it("neither tells its new lead that someone declined the earlier lead's invitation, nor holds that refusal against the new one", async () => {
    const s = await withdrawnHospital();
    // Before the hospital withdrew, its earlier lead invited an address to the team, and it was declined.
    await db.invitation.create({
      data: {
        kind: "TEAM_MEMBER",
        projectId: s.project.id,
        projectSiteId: s.site.id,
        email: s.collaborator.email.toLowerCase(),
        inviteeId: s.collaborator.id,
        invitedById: s.formerLead.id,
        status: "DECLINED",
        createdAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000),
        decidedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
        expiresAt: new Date(Date.now() + 11 * 24 * 60 * 60 * 1000),
      },
    });
    const sam = await claimant(s);
    await register(sam, s);
    // Not yet approved: the answer is the same as for anyone; the person is asked afresh, and accepts or not.
    expect(await inviteToSite(sam, { projectSiteId: s.site.id, email: s.collaborator.email, role: "COLLABORATOR" })).toEqual({ outcome: "invited" });
    expect(await openInvitation(s.collaborator.email, { projectSiteId: s.site.id })).toMatchObject({ kind: "TEAM_MEMBER", invitedById: sam.id });
    expect(await teamOf(s.site.id)).toEqual([{ userId: sam.id, role: "SITE_LEAD", status: "CONFIRMED" }]);
  });

  it("withdraws the invitations its earlier team had sent and nobody had answered", async () => {
    const s = await withdrawnHospital();
    const invitation = await db.invitation.create({
      data: {
        kind: "TEAM_MEMBER",
        projectId: s.project.id,
        projectSiteId: s.site.id,
        email: "invited.earlier@example.net",
        invitedById: s.formerLead.id,
        expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      },
    });
    const sam = await claimant(s);
    await register(sam, s);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await auditActions(invitation.id)).toEqual(["invitation.withdrawn"]);
    expect(JSON.stringify(await getSiteTeam(sam, s.project.slug, s.hospital.odsCode))).not.toContain("invited.earlier@");
  });
});

describe("registering again a hospital that withdrew", () => {
  it("opens the same row again, with the member as its site lead, its counts kept and the ended registration's approvals cleared", async () => {
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
    // Its governance checklist starts again: the new site lead records each item.
    expect(await db.siteGovernanceItem.count({ where: { projectSiteId: s.site.id } })).toBe(0);
    // The cases submitted before stay: the count carries on from them.
    expect(await db.progressReport.findMany({ where: { projectSiteId: s.site.id }, select: { cumulativeCases: true } })).toEqual([{ cumulativeCases: 7 }]);

    // The member leads it, alone: the earlier team's places ended with the registration they belonged to.
    expect(await teamOf(s.site.id)).toEqual([{ userId: s.member.id, role: "SITE_LEAD", status: "CONFIRMED" }]);

    // Recorded with what it was before.
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
    const left = await db.auditEvent.findFirstOrThrow({ where: { entityId: s.formerLeadRow.id } });
    expect(left).toMatchObject({ actorId: s.member.id, action: "collaboration.left", before: { status: "CONFIRMED", role: "SITE_LEAD" }, after: { status: "LEFT" } });
    const leadRow = await db.collaboration.findUniqueOrThrow({ where: { projectSiteId_userId: { projectSiteId: s.site.id, userId: s.member.id } } });
    expect(await auditActions(leadRow.id)).toEqual(["collaboration.siteLeadRegistered"]);
  });

  it("is offered on the registration page to any member, like a hospital not yet taking part, not as a team to join", async () => {
    const s = await withdrawnHospital();
    const options = await getRegistrationOptions(s.member, s.project.slug);
    expect(options.regions.flatMap((region) => region.sites)).toContainEqual({ id: s.hospital.id, name: "Royal Cornwall Hospital", city: "Testford", withdrawn: true });
    expect(options.registered).toEqual([]);
    expect(options.homeSiteId).toBe(s.hospital.id);
    expect(options.mine).toBeNull();
    // It brings nobody's place or details with it, so it needs no claim to work there.
    const elsewhere = await getRegistrationOptions(asActor(await createUser({ name: "Eve Elsewhere" })), s.project.slug);
    expect(elsewhere.regions.flatMap((region) => region.sites).map((site) => site.id)).toContain(s.hospital.id);
    // Once registered again, it is taking part: a team to join, no longer a hospital to register.
    await register(s.member, s);
    const after = await getRegistrationOptions(asActor(await createUser({ siteId: s.hospital.id })), s.project.slug);
    expect(after.regions.flatMap((region) => region.sites).map((site) => site.id)).not.toContain(s.hospital.id);
    expect(after.registered).toEqual([{ projectSiteId: s.site.id, name: "Royal Cornwall Hospital", city: "Testford" }]);
  });

  it("gives a former team member who registers it again only their own place back, as its site lead", async () => {
    const s = await withdrawnHospital();
    const elsewhere = await createSite({ name: "Treliske Annexe" });
    const options = await getRegistrationOptions(s.collaborator, s.project.slug);
    expect(options.mine).toBeNull();
    expect(options.formerTeams).toEqual(["Royal Cornwall Hospital"]);
    const offered = options.regions.flatMap((region) => region.sites);
    expect(offered.find((site) => site.id === s.hospital.id)).toMatchObject({ withdrawn: true });
    expect(offered.map((site) => site.id)).toContain(elsewhere.id);

    await register(s.collaborator, s);
    expect(await teamOf(s.site.id)).toEqual([{ userId: s.collaborator.id, role: "SITE_LEAD", status: "CONFIRMED" }]);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: s.collaboratorRow.id } })).toMatchObject({ role: "SITE_LEAD", status: "CONFIRMED" });
    expect(await auditActions(s.collaboratorRow.id)).toEqual(["collaboration.siteLeadRegistered"]);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: s.formerLeadRow.id } })).toMatchObject({ role: "SITE_LEAD", status: "LEFT" });
    // A former member too sees the rest of the earlier team only once the project lead approves.
    const team = await getSiteTeam(s.collaborator, s.project.slug, s.hospital.odsCode);
    expect(team.members.map((member) => member.name)).toEqual(["Cara Collins"]);
    expect(JSON.stringify(team)).not.toMatch(/Owen Price|Ravi Asker|Dora Declined/);
    // Now they take part there again: no second hospital.
    expect(await refusalOf(registerSite(s.collaborator, { projectId: s.project.id, siteId: elsewhere.id }))).toMatchObject({
      field: "siteId",
      message: "You already take part in this project at Royal Cornwall Hospital. A member takes part at one hospital per project.",
    });
  });

  it("leaves alone where a former member takes part or asks to now, and ends only their place at the withdrawn hospital", async () => {
    const s = await withdrawnHospital();
    const other = await createProjectSite({ projectId: s.project.id, siteId: (await createSite({ name: "Derriford Hospital" })).id, status: "ACTIVE" });
    const moved = await db.collaboration.create({ data: { projectSiteId: other.id, userId: s.collaborator.id, status: "CONFIRMED" } });
    const asked = await db.collaboration.create({ data: { projectSiteId: other.id, userId: s.formerLead.id, status: "REQUESTED" } });
    await register(s.member, s);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({ status: "CONFIRMED" });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({ status: "REQUESTED" });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: s.collaboratorRow.id } })).toMatchObject({ status: "LEFT" });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: s.formerLeadRow.id } })).toMatchObject({ status: "LEFT" });
    expect(await db.notification.count({ where: { userId: { in: [s.collaborator.id, s.formerLead.id] } } })).toBe(0);
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

describe("only hospitals on the list are registered", () => {
  async function project() {
    const lead = asActor(await createUser({ name: "Tom Okafor" }));
    const p = await createProject({ status: "SITE_SETUP", leadId: lead.id });
    const listed = await createSite({ name: "Derriford Hospital" });
    const member = asActor(await createUser({ name: "Nia Williams", siteId: listed.id }));
    return { project: p, listed, member };
  }

  it("offers neither a retired nor a requested hospital, even as the member's home hospital", async () => {
    const s = await project();
    const retired = await createSite({ name: "St Old's Hospital" });
    await db.site.update({ where: { id: retired.id }, data: { listing: "RETIRED", retiredAt: new Date() } });
    const requested = await createSite({ name: "New Cottage Hospital" });
    await db.site.update({ where: { id: requested.id }, data: { listing: "REQUESTED" } });
    const offered = (await getRegistrationOptions(s.member, s.project.slug)).regions.flatMap((region) => region.sites).map((site) => site.id);
    expect(offered).toContain(s.listed.id);
    expect(offered).not.toContain(retired.id);
    expect(offered).not.toContain(requested.id);
    const requester = asActor(await createUser({ siteId: requested.id }));
    expect((await getRegistrationOptions(requester, s.project.slug)).homeSiteId).toBeNull();
  });

  it.each([
    ["a requested hospital", "REQUESTED", "New Cottage Hospital is waiting for an administrator to add it to the list of hospitals. You can register it once it is on the list."],
    ["a retired hospital", "RETIRED", "New Cottage Hospital is no longer on the list of hospitals, so it cannot be registered. Choose your hospital from the list."],
  ] as const)("refuses %s sent by its id, changing nothing", async (_name, listing, message) => {
    const s = await project();
    const hospital = await createSite({ name: "New Cottage Hospital" });
    await db.site.update({ where: { id: hospital.id }, data: { listing } });
    const before = await snapshot();
    expect(await refusalOf(registerSite(s.member, { projectId: s.project.id, siteId: hospital.id }))).toMatchObject({ field: "siteId", message });
    expect(await snapshot()).toBe(before);
  });

  it("names the hospital a retired one was merged into, and refuses a withdrawn site whose hospital has since retired", async () => {
    const s = await project();
    const merged = await createSite({ name: "Old Derriford Annexe" });
    await db.site.update({ where: { id: merged.id }, data: { listing: "RETIRED", retiredAt: new Date(), mergedIntoId: s.listed.id } });
    await createProjectSite({ projectId: s.project.id, siteId: merged.id, status: "WITHDRAWN" });
    const before = await snapshot();
    expect(await refusalOf(registerSite(s.member, { projectId: s.project.id, siteId: merged.id }))).toMatchObject({
      field: "siteId",
      message: "Old Derriford Annexe is no longer on the list of hospitals: it is now part of Derriford Hospital. Register Derriford Hospital instead.",
    });
    expect(await snapshot()).toBe(before);
  });
});
