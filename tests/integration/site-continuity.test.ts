// A site never freezes (docs/decisions/026): who may hand a site over, appoint a site lead or act
// for an absent one, through the real commands; what a handover does to the team; and that acting
// for the site lead is recorded and told. A refusal changes nothing at all.
import { describeAuthzTable, type TableAction } from "@/tests/support/authz-table";
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { requestToJoin } from "@/lib/collaborations/participation";
import { acceptInvitation, withdrawInvitation } from "@/lib/invitations/lifecycle";
import { appointSiteLead, getSiteContinuity, handOverSite } from "@/lib/sites/continuity";
import { loadProjectSite } from "@/lib/sites/facts";
import { getSiteOverview } from "@/lib/sites/overview";
import { getSiteProgress, recordProgress } from "@/lib/sites/progress";
import { decideTeamRequest, getSiteTeam, removeMember } from "@/lib/sites/team";
import { appointLeadSchema, handOverSchema } from "@/lib/validation/continuity";
import { recordProgressSchema } from "@/lib/validation/sites";
import { createCollaboration, createProject, createUser } from "../support/factories";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf, siteScenario } from "../support/sites";

async function scenario() {
  const base = await siteScenario();
  const cara = asActor(await createUser({ name: "Cara Collins", siteId: base.homeHospital.id }));
  const { id: caraPlace } = await createCollaboration({ projectSiteId: base.home.id, userId: cara.id });
  const requester = asActor(await createUser({ name: "Rhys Request" }));
  const requestId = await requestToJoin(requester, base.home.id);
  const otherMember = await createUser({ name: "Olive Other" });
  const { id: otherPlace } = await createCollaboration({ projectSiteId: base.other.id, userId: otherMember.id });
  const otherProjectLead = asActor(await createUser({ name: "Olu Other" }));
  await createProject({ leadId: otherProjectLead.id });
  return { ...base, cara, caraPlace, requester, requestId, otherPlace, otherProjectLead };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

const PERSONAS = ["visitor", "unrelated member", "the team member", "another project's lead", "site lead of another site", "site lead", "project lead", "committee", "admin"] as const;
type Persona = (typeof PERSONAS)[number];

function actorOf(persona: Persona, s: Scenario): Actor | null {
  const actors: Record<Persona, Actor | null> = {
    visitor: null,
    "unrelated member": s.member,
    "the team member": s.cara,
    "another project's lead": s.otherProjectLead,
    "site lead of another site": s.otherSiteLead,
    "site lead": s.siteLead,
    "project lead": s.lead,
    committee: s.committee,
    admin: s.admin,
  };
  return actors[persona];
}

const today = () => new Date().toISOString().slice(0, 10);

const ACTIONS: TableAction<Persona, Scenario>[] = [
  {
    name: "hand the site over",
    allowed: ["site lead"],
    attempt: (actor, s) => handOverSite(actor, handOverSchema.parse({ projectSiteId: s.home.id, collaborationId: s.caraPlace })),
  },
  {
    name: "appoint a team member in place of the site lead",
    allowed: ["project lead"],
    attempt: (actor, s) => appointSiteLead(actor, appointLeadSchema.parse({ projectSiteId: s.home.id, member: s.caraPlace, replacesId: s.siteLead.id })),
  },
  {
    name: "appoint a site lead by e-mail",
    allowed: ["project lead"],
    attempt: (actor, s) => appointSiteLead(actor, appointLeadSchema.parse({ projectSiteId: s.home.id, member: "EMAIL", email: "new.lead@example.net" })),
  },
  { name: "confirm a request", allowed: ["site lead", "project lead"], attempt: (actor, s) => decideTeamRequest(actor, s.home.id, s.requestId, "CONFIRM") },
  { name: "decline a request", allowed: ["site lead", "project lead"], attempt: (actor, s) => decideTeamRequest(actor, s.home.id, s.requestId, "DECLINE") },
  {
    name: "record cases",
    allowed: ["site lead", "project lead"],
    attempt: (actor, s) => recordProgress(actor, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "5", reportedOn: today() })),
  },
];

/** Everything these commands could change, as text to compare. */
async function snapshot() {
  const [collaborations, reports, notifications, audits, invitations, emails] = await Promise.all([
    db.collaboration.findMany({ orderBy: { id: "asc" } }),
    db.progressReport.count(),
    db.notification.count(),
    db.auditEvent.count(),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.emailMessage.count(),
  ]);
  return JSON.stringify({ collaborations, reports, notifications, audits, invitations, emails });
}

describeAuthzTable("keeping a site led: who may do what", { personas: PERSONAS, actions: ACTIONS, scenario, actorOf, snapshot });

describe("ids in forms that are not this site's", () => {
  it("refuses a collaboration of another site, a site lead of another site, and a request of another site, changing nothing", async () => {
    const s = await scenario();
    const otherRequester = asActor(await createUser());
    const otherRequest = await requestToJoin(otherRequester, s.other.id);
    const before = await snapshot();
    expect(await refusalOf(handOverSite(s.siteLead, { projectSiteId: s.home.id, collaborationId: s.otherPlace }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(appointSiteLead(s.lead, { projectSiteId: s.home.id, invitee: { by: "member", collaborationId: s.otherPlace }, replacesId: null }))).toBeInstanceOf(
      NotFoundError,
    );
    const replacing = await refusalOf(
      appointSiteLead(s.lead, { projectSiteId: s.home.id, invitee: { by: "member", collaborationId: s.caraPlace }, replacesId: s.otherSiteLead.id }),
    );
    expect(replacing).toBeInstanceOf(DomainError);
    expect((replacing as DomainError).field).toBe("replacesId");
    expect(await refusalOf(decideTeamRequest(s.lead, s.home.id, otherRequest, "CONFIRM"))).toBeInstanceOf(NotFoundError);
    // A site of another project: its lead holds a session, and sends this site's id.
    expect(await refusalOf(appointSiteLead(s.otherProjectLead, { projectSiteId: s.home.id, invitee: { by: "email", email: "x@example.net" }, replacesId: null }))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await snapshot()).toBe(before);
  });

  it("refuses handing over to oneself, to a site lead, or to a request", async () => {
    const s = await scenario();
    const mine = await db.collaboration.findFirstOrThrow({ where: { projectSiteId: s.home.id, userId: s.siteLead.id } });
    const before = await snapshot();
    expect(await refusalOf(handOverSite(s.siteLead, { projectSiteId: s.home.id, collaborationId: mine.id }))).toBeInstanceOf(DomainError);
    expect(await refusalOf(handOverSite(s.siteLead, { projectSiteId: s.home.id, collaborationId: s.requestId }))).toBeInstanceOf(DomainError);
    expect(await snapshot()).toBe(before);
  });
});

const leadsOf = async (projectSiteId: string) =>
  (await db.collaboration.findMany({ where: { projectSiteId, status: "CONFIRMED", role: "SITE_LEAD" }, select: { userId: true } })).map((row) => row.userId).sort();
const roleOf = async (projectSiteId: string, userId: string) =>
  (await db.collaboration.findFirstOrThrow({ where: { projectSiteId, userId }, select: { role: true, status: true } }));
const openLeadInvitation = (projectSiteId: string) => db.invitation.findFirstOrThrow({ where: { projectSiteId, kind: "SITE_LEAD", status: "PENDING" } });

describe("a handover", () => {
  it("changes nothing until accepted, then swaps the site lead for the member, who is told, and keeps one site lead", async () => {
    const s = await scenario();
    const { name, sent } = await handOverSite(s.siteLead, { projectSiteId: s.home.id, collaborationId: s.caraPlace });
    expect({ name, sent }).toEqual({ name: "Cara Collins", sent: true });
    const invitation = await openLeadInvitation(s.home.id);
    expect(invitation.replacesId).toBe(s.siteLead.id);
    expect(invitation.inviteeId).toBe(s.cara.id);
    expect(await leadsOf(s.home.id)).toEqual([s.siteLead.id]);
    const offered = await db.notification.findFirstOrThrow({ where: { userId: s.cara.id, kind: "invitation.received" } });
    expect(offered.message).toContain("in place of Catriona MacLeod");

    const accepted = await acceptInvitation(s.cara, invitation.id);
    expect(accepted.message).toContain("a site lead at Addenbrooke's Hospital");
    expect(await leadsOf(s.home.id)).toEqual([s.cara.id]);
    expect(await roleOf(s.home.id, s.siteLead.id)).toEqual({ role: "COLLABORATOR", status: "CONFIRMED" });
    const told = await db.notification.findFirstOrThrow({ where: { userId: s.siteLead.id, kind: "collaboration.roleChanged" } });
    expect(told.message).toContain("Cara Collins is now a site lead at Addenbrooke's Hospital");
    const handedOver = await db.auditEvent.findFirstOrThrow({ where: { action: "site.handedOver", entityId: s.home.id } });
    expect(handedOver.after).toMatchObject({ siteLeadId: s.cara.id, formerSiteLeadId: s.siteLead.id, invitationId: invitation.id });
    // The former site lead may now do what a collaborator does, and no longer what a site lead does.
    expect(await refusalOf(handOverSite(s.siteLead, { projectSiteId: s.home.id, collaborationId: s.caraPlace }))).toBeInstanceOf(ForbiddenError);
  });

  it("keeps two site leads as two", async () => {
    const s = await scenario();
    const second = asActor(await createUser({ name: "Sol Second" }));
    await createCollaboration({ projectSiteId: s.home.id, userId: second.id, role: "SITE_LEAD" });
    await handOverSite(s.siteLead, { projectSiteId: s.home.id, collaborationId: s.caraPlace });
    await acceptInvitation(s.cara, (await openLeadInvitation(s.home.id)).id);
    expect(await leadsOf(s.home.id)).toEqual([second.id, s.cara.id].sort());
  });

  it("demotes nobody when the one replaced is no longer a site lead, and then needs room", async () => {
    const s = await scenario();
    const second = asActor(await createUser({ name: "Sol Second" }));
    await createCollaboration({ projectSiteId: s.home.id, userId: second.id, role: "SITE_LEAD" });
    await handOverSite(s.siteLead, { projectSiteId: s.home.id, collaborationId: s.caraPlace });
    const invitation = await openLeadInvitation(s.home.id);
    const place = await db.collaboration.findFirstOrThrow({ where: { projectSiteId: s.home.id, userId: s.siteLead.id } });
    await removeMember(second, s.home.id, place.id);
    await acceptInvitation(s.cara, invitation.id);
    expect(await leadsOf(s.home.id)).toEqual([second.id, s.cara.id].sort());
    expect(await roleOf(s.home.id, s.siteLead.id)).toEqual({ role: "SITE_LEAD", status: "LEFT" });
    expect(await db.auditEvent.count({ where: { action: "site.handedOver", entityId: s.home.id } })).toBe(0);
  });

  it("by a project lead, in place of a site lead, is the same swap; without a replacement a full site is refused", async () => {
    const s = await scenario();
    const second = asActor(await createUser({ name: "Sol Second" }));
    await createCollaboration({ projectSiteId: s.home.id, userId: second.id, role: "SITE_LEAD" });
    const before = await snapshot();
    const full = await refusalOf(appointSiteLead(s.lead, { projectSiteId: s.home.id, invitee: { by: "member", collaborationId: s.caraPlace }, replacesId: null }));
    expect((full as DomainError).message).toContain("Choose the site lead they replace");
    expect(await snapshot()).toBe(before);
    await appointSiteLead(s.lead, { projectSiteId: s.home.id, invitee: { by: "member", collaborationId: s.caraPlace }, replacesId: s.siteLead.id });
    await acceptInvitation(s.cara, (await openLeadInvitation(s.home.id)).id);
    expect(await leadsOf(s.home.id)).toEqual([second.id, s.cara.id].sort());
    expect(await roleOf(s.home.id, s.siteLead.id)).toEqual({ role: "COLLABORATOR", status: "CONFIRMED" });
  });
});

describe("acting for the site lead", () => {
  it("is audited as such and told to the site lead, when the project lead confirms a request and records cases", async () => {
    const s = await scenario();
    await decideTeamRequest(s.lead, s.home.id, s.requestId, "CONFIRM");
    const confirmed = await db.auditEvent.findFirstOrThrow({ where: { entityId: s.requestId, action: "collaboration.confirmedActingFor" } });
    expect(confirmed.actorId).toBe(s.lead.id);
    expect(confirmed.after).toMatchObject({ status: "CONFIRMED", actingFor: [s.siteLead.id] });
    await recordProgress(s.lead, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "7", reportedOn: today() }));
    const recorded = await db.auditEvent.findFirstOrThrow({ where: { entityId: s.home.id, action: "site.progressRecordedActingFor" } });
    expect(recorded.after).toMatchObject({ cumulativeCases: 7, actingFor: [s.siteLead.id] });
    const told = await db.notification.findMany({ where: { userId: s.siteLead.id, kind: "site.actedFor" }, orderBy: { createdAt: "asc" } });
    expect(told.map((n) => n.message)).toEqual([
      expect.stringContaining("Tom Okafor, a lead of"),
      expect.stringContaining("recorded 7 cases submitted so far at Addenbrooke's Hospital, acting for you"),
    ]);
    expect(told[0]!.message).toContain("confirmed Rhys Request's request to join");
    const team = await getSiteTeam(s.lead, s.project.slug, s.homeHospital.odsCode);
    expect(team.actingFor).toBe(true);
    expect((await getSiteProgress(s.lead, s.project.slug, s.homeHospital.odsCode)).actingFor).toBe(true);
  });

  it("is not acting for when the project lead also leads the site: no notice, no note to themselves", async () => {
    const s = await scenario();
    await createCollaboration({ projectSiteId: s.home.id, userId: s.lead.id, role: "SITE_LEAD" });
    await decideTeamRequest(s.lead, s.home.id, s.requestId, "DECLINE");
    expect(await db.auditEvent.count({ where: { entityId: s.requestId, action: "collaboration.declined" } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "site.actedFor", userId: { in: [s.lead.id, s.siteLead.id] } } })).toBe(0);
    expect((await getSiteTeam(s.lead, s.project.slug, s.homeHospital.odsCode)).actingFor).toBe(false);
    expect((await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode)).actingFor).toBe(false);
  });
});

describe("what a project lead may not do for themselves, or have undone by the one replaced", () => {
  it("does not answer their own request to join acting for the site lead, nor appoint themselves", async () => {
    const s = await scenario();
    const { id: own } = await createCollaboration({ projectSiteId: s.home.id, userId: s.lead.id, status: "REQUESTED" });
    const before = await snapshot();
    const answered = await refusalOf(decideTeamRequest(s.lead, s.home.id, own, "CONFIRM"));
    expect((answered as DomainError).message).toBe("Your own request to join is for the site lead to answer, not you acting for them.");
    const appointed = await refusalOf(
      appointSiteLead(s.lead, appointLeadSchema.parse({ projectSiteId: s.home.id, member: "EMAIL", email: s.lead.email, replacesId: s.siteLead.id })),
    );
    expect((appointed as DomainError).message).toContain("You cannot appoint yourself");
    expect(await snapshot()).toBe(before);
  });

  it("lets the project's leads, not the site lead it replaces, take back an appointment", async () => {
    const s = await scenario();
    await appointSiteLead(s.lead, { projectSiteId: s.home.id, invitee: { by: "member", collaborationId: s.caraPlace }, replacesId: s.siteLead.id });
    const invitation = await openLeadInvitation(s.home.id);
    expect(await refusalOf(withdrawInvitation(s.siteLead, invitation.id))).toBeInstanceOf(ForbiddenError);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("PENDING");
    await withdrawInvitation(s.lead, invitation.id);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).status).toBe("WITHDRAWN");
  });
});

describe("removing a member", () => {
  it("records when their place ended", async () => {
    const s = await scenario();
    const now = new Date("2026-11-02T10:00:00Z");
    await removeMember(s.siteLead, s.home.id, s.caraPlace, now);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: s.caraPlace }, select: { status: true, endedAt: true } })).toEqual({ status: "LEFT", endedAt: now });
  });
});

describe("the statements of the pages changed", () => {
  it("are as many for a large team as for a small one", async () => {
    const measure = async (size: number) => {
      const s = await scenario();
      for (let i = 0; i < size; i++) await createCollaboration({ projectSiteId: s.home.id, userId: (await createUser()).id });
      for (let i = 0; i < size; i++) await requestToJoin(asActor(await createUser()), s.home.id);
      const { slug } = s.project;
      const ods = s.homeHospital.odsCode;
      const facts = await loadProjectSite(s.home.id);
      return {
        overview: (await countStatements(() => getSiteOverview(s.lead, slug, ods))).statements,
        continuityLead: (await countStatements(() => getSiteContinuity(s.lead, facts))).statements,
        continuitySiteLead: (await countStatements(() => getSiteContinuity(s.siteLead, facts))).statements,
        continuityCommittee: (await countStatements(() => getSiteContinuity(s.committee, facts))).statements,
        team: (await countStatements(() => getSiteTeam(s.lead, slug, ods))).statements,
        progress: (await countStatements(() => getSiteProgress(s.lead, slug, ods))).statements,
      };
    };
    const small = await measure(1);
    const large = await measure(12);
    expect(large).toEqual(small);
    // The site's page reads both, plus the session, within the budget of 10.
    expect(large.overview + large.continuityLead).toBeLessThanOrEqual(9);
    expect(large.continuityLead).toBe(2);
    expect(large.continuityCommittee).toBe(0);
  });
});
