// A site's supervising consultant (docs/decisions/027): who may name them, invite them to observe
// and remove an observer, through the real domain functions; what an observer sees of the site
// (its pages, read-only, without the addresses kept for those who run it) and what they may not
// do; and that nobody observes a site without accepting an invitation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";
import { checkSiteItem, getSiteGovernance, recordSiteItem, sendBackSiteItem } from "@/lib/sites/governance";
import { recordSiteItemSchema } from "@/lib/validation/governance";
import { clearConsultant, getConsultantPanel, inviteConsultant, nameConsultant, removeObserver, stopObserving } from "@/lib/sites/consultant";
import { loadProjectSite } from "@/lib/sites/facts";
import { deleteMyAccount } from "@/lib/privacy/delete-account";
import { certificatesOverview } from "@/lib/certificates/available";
import { getSiteOverview } from "@/lib/sites/overview";
import { getSiteProgress, recordProgress } from "@/lib/sites/progress";
import { moveSite } from "@/lib/sites/status";
import { getSiteTeam, removeMember } from "@/lib/sites/team";
import { getDashboardSummary } from "@/lib/users/dashboard";
import { consultantSchema } from "@/lib/validation/consultant";
import { recordProgressSchema } from "@/lib/validation/sites";
import { hostileString } from "../support/hostile";
import { countStatements } from "../support/query-count";
import { createCollaboration, createUser, FACTORY_PASSWORD } from "../support/factories";
import { openInvitation } from "../support/invitations";
import { asActor, refusalOf, siteScenario } from "../support/sites";

const today = () => new Date().toISOString().slice(0, 10);

/** The site, its leads and team, a named consultant who observes it, and another person who observes it. */
async function scenario() {
  const s = await siteScenario();
  const collaborator = await createUser({ name: "Cara Collins", siteId: s.homeHospital.id });
  const { id: collaborationId } = await createCollaboration({ projectSiteId: s.home.id, userId: collaborator.id });
  const consultant = asActor(await createUser({ name: "Dr Helen Okafor", withProfile: false }));
  await nameConsultant(s.siteLead, consultantSchema.parse({ projectSiteId: s.home.id, consultantName: consultant.name, consultantRole: "Consultant radiologist", consultantEmail: consultant.email }));
  await inviteConsultant(s.siteLead, s.home.id);
  await acceptInvitation(consultant, (await openInvitation(consultant.email, { projectSiteId: s.home.id })).id);
  const secondObserver = asActor(await createUser({ name: "Dr Second Observer", withProfile: false }));
  await db.siteObserver.create({ data: { projectSiteId: s.home.id, userId: secondObserver.id } });
  // An invitation to the team waiting for an answer: its address is the site leads' business.
  await inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: "waiting.invitee@example.net", role: "COLLABORATOR" });
  return { ...s, collaborator: asActor(collaborator), collaborationId, consultant, secondObserver };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

const PERSONAS = ["visitor", "unrelated member", "observer", "site lead of another site", "team member", "committee", "admin", "site lead", "project lead"] as const;
type Persona = (typeof PERSONAS)[number];

function actorOf(persona: Persona, s: Scenario): Actor | null {
  return {
    visitor: null,
    "unrelated member": s.member,
    observer: s.consultant,
    "site lead of another site": s.otherSiteLead,
    "team member": s.collaborator,
    committee: s.committee,
    admin: s.admin,
    "site lead": s.siteLead,
    "project lead": s.lead,
  }[persona];
}

/** Everything a consultant command could change. */
async function siteState(projectSiteId: string) {
  const [site, observers, invitations, audits] = await Promise.all([
    db.projectSite.findUniqueOrThrow({ where: { id: projectSiteId }, select: { consultantName: true, consultantRole: true, consultantEmail: true, status: true } }),
    db.siteObserver.findMany({ where: { projectSiteId }, select: { userId: true }, orderBy: { userId: "asc" } }),
    db.invitation.findMany({ where: { projectSiteId }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { site, observers, invitations, audits };
}

const ALLOWED: readonly Persona[] = ["site lead", "project lead"];

describe.each([
  {
    command: "name the consultant",
    attempt: (actor: Actor | null, s: Scenario) =>
      nameConsultant(actor, consultantSchema.parse({ projectSiteId: s.home.id, consultantName: "Dr Someone Else", consultantEmail: "someone.else@example.net" })),
  },
  { command: "clear the consultant", attempt: (actor: Actor | null, s: Scenario) => clearConsultant(actor, s.home.id) },
  {
    command: "invite the consultant to observe",
    attempt: async (actor: Actor | null, s: Scenario) => {
      // A consultant who does not observe yet, so that the invitation can go.
      await db.siteObserver.delete({ where: { projectSiteId_userId: { projectSiteId: s.home.id, userId: s.consultant.id } } });
      return inviteConsultant(actor, s.home.id);
    },
    prepared: true,
  },
  { command: "remove an observer", attempt: (actor: Actor | null, s: Scenario) => removeObserver(actor, { projectSiteId: s.home.id, userId: s.secondObserver.id }) },
])("who may $command", ({ attempt, prepared }) => {
  it.each(PERSONAS)("%s", async (persona) => {
    const s = await scenario();
    const actor = actorOf(persona, s);
    if (!ALLOWED.includes(persona)) {
      // The attempt's own preparation aside, a refusal changes nothing.
      const before = prepared ? null : await siteState(s.home.id);
      const error = await refusalOf(attempt(actor, s));
      expect(error).toBeInstanceOf(ForbiddenError);
      if (before) expect(await siteState(s.home.id)).toEqual(before);
    } else {
      const before = await siteState(s.home.id);
      await attempt(actor, s);
      expect(await siteState(s.home.id)).not.toEqual(before);
    }
  });
});

describe("ids in forms and addresses", () => {
  it("another site's lead sending this site's ids, or ids of nothing, changes nothing", async () => {
    const s = await scenario();
    const before = await siteState(s.home.id);
    expect(await refusalOf(nameConsultant(s.otherSiteLead, { projectSiteId: s.home.id, consultantName: "Dr Mallory" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(inviteConsultant(s.otherSiteLead, s.home.id))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(removeObserver(s.otherSiteLead, { projectSiteId: s.home.id, userId: s.consultant.id }))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(nameConsultant(s.siteLead, { projectSiteId: "not-a-uuid", consultantName: "Dr Mallory" }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(removeObserver(s.siteLead, { projectSiteId: s.home.id, userId: "1; DROP TABLE" }))).toBeInstanceOf(NotFoundError);
    // Their own site's form, with an observer of this one: not an observer there.
    expect(await refusalOf(removeObserver(s.otherSiteLead, { projectSiteId: s.other.id, userId: s.consultant.id }))).toBeInstanceOf(NotFoundError);
    expect(await siteState(s.home.id)).toEqual(before);
    // And their own site is not observed by this site's consultant for having been asked.
    await expect(getSiteOverview(s.consultant, s.project.slug, s.otherHospital.odsCode)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("observing a site", () => {
  it("grants nothing before the consultant accepts, and nothing after declining", async () => {
    const s = await siteScenario();
    const consultant = asActor(await createUser({ name: "Dr Slow Answer", withProfile: false }));
    await nameConsultant(s.lead, { projectSiteId: s.home.id, consultantName: consultant.name, consultantEmail: consultant.email });
    expect(await inviteConsultant(s.lead, s.home.id)).toEqual({ sent: true });
    // Asked twice, the same invitation stands and nothing is sent again.
    expect(await inviteConsultant(s.siteLead, s.home.id)).toEqual({ sent: false });
    await expect(getSiteOverview(consultant, s.project.slug, s.homeHospital.odsCode)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.siteObserver.count({ where: { projectSiteId: s.home.id } })).toBe(0);
    expect((await getDashboardSummary(consultant)).observing).toEqual([]);
    const invitation = await openInvitation(consultant.email, { projectSiteId: s.home.id });
    expect(invitation.kind).toBe("SITE_OBSERVER");
    await declineInvitation(consultant, invitation.id);
    await expect(getSiteOverview(consultant, s.project.slug, s.homeHospital.odsCode)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.siteObserver.count({ where: { projectSiteId: s.home.id } })).toBe(0);
  });

  it("lets the observer see the site's pages without any address kept for its leads", async () => {
    const s = await scenario();
    const { consultant } = s;
    const overview = await getSiteOverview(consultant, s.project.slug, s.homeHospital.odsCode);
    expect(overview).toMatchObject({ canChangeStatus: false, canApprove: false, isSiteLead: false });
    // The checklist is shown to them, with nothing to record, check or send back.
    expect(await getSiteGovernance(consultant, overview.facts)).toMatchObject({ canRecord: false, canCheck: false });
    const panel = await getConsultantPanel(consultant, overview.facts);
    expect(panel).toMatchObject({ canEdit: false, canInvite: false, isObserver: true, invitation: null });
    expect(panel.consultant).toEqual({ name: consultant.name, role: "Consultant radiologist", email: null });
    const asking = await createUser({ name: "Ravi Requester", siteId: s.homeHospital.id });
    await createCollaboration({ projectSiteId: s.home.id, userId: asking.id, status: "REQUESTED" });
    const team = await getSiteTeam(consultant, s.project.slug, s.homeHospital.odsCode);
    expect(team.canManage).toBe(false);
    // Who asked to join is for those who run the site: the observer is not shown the requests at all.
    expect(team).toMatchObject({ seesRequests: false, requests: [], past: [] });
    expect(JSON.stringify(team)).not.toContain("Ravi Requester");
    expect(team.members.map((member) => member.name)).toEqual(expect.arrayContaining(["Catriona MacLeod", "Cara Collins"]));
    expect(team.members.every((member) => member.email === "")).toBe(true);
    expect(team.invitations).toEqual([]);
    expect(JSON.stringify(team)).not.toContain("waiting.invitee@example.net");
    expect(JSON.stringify(team)).not.toContain(s.siteLead.email);
    const progress = await getSiteProgress(consultant, s.project.slug, s.homeHospital.odsCode);
    expect(progress.canRecord).toBe(false);
    // The site's leads still see what is theirs.
    const leadsTeam = await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode);
    expect(leadsTeam.requests.map((request) => request.name)).toEqual(["Ravi Requester"]);
    expect(leadsTeam.invitations.map((invitation) => invitation.email)).toContain("waiting.invitee@example.net");
    expect(leadsTeam.members.find((member) => member.name === "Catriona MacLeod")?.email).toBe(s.siteLead.email);
    expect((await getConsultantPanel(s.siteLead, overview.facts)).consultant?.email).toBe(consultant.email);
    // The observer finds the site from their dashboard.
    expect((await getDashboardSummary(consultant)).observing).toEqual([
      { path: `/dashboard/projects/${s.project.slug}/sites/${s.homeHospital.odsCode}`, hospital: "Addenbrooke's Hospital", project: s.project.title },
    ]);
  });

  it("refuses the observer every site lead's action, changing nothing", async () => {
    const s = await scenario();
    const { consultant } = s;
    const before = await siteState(s.home.id);
    const reports = await db.progressReport.count();
    const team = await db.collaboration.findMany({ where: { projectSiteId: s.home.id }, select: { id: true, status: true, role: true }, orderBy: { id: "asc" } });
    // Each attempt starts only when awaited, so a refusal never rejects unobserved.
    const attempts = [
      () => recordProgress(consultant, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "5", reportedOn: today() })),
      () => moveSite(consultant, s.home.id, "complete"),
      () => moveSite(consultant, s.home.id, "withdraw"),
      () => inviteToSite(consultant, { projectSiteId: s.home.id, email: "friend@example.net", role: "COLLABORATOR" }),
      () => removeMember(consultant, s.home.id, s.collaborationId),
      () => recordSiteItem(consultant, recordSiteItemSchema.parse({ projectSiteId: s.home.id, kind: "LOCAL_AUDIT_REGISTRATION", reference: "X", date: "2026-08-01" })),
      () => checkSiteItem(consultant, { projectSiteId: s.home.id, kind: "LOCAL_AUDIT_REGISTRATION" }),
      () => sendBackSiteItem(consultant, { projectSiteId: s.home.id, kind: "LOCAL_AUDIT_REGISTRATION", reason: "No" }),
      () => nameConsultant(consultant, { projectSiteId: s.home.id, consultantName: "Dr Me Instead" }),
      () => inviteConsultant(consultant, s.home.id),
      () => removeObserver(consultant, { projectSiteId: s.home.id, userId: s.secondObserver.id }),
    ];
    for (const attempt of attempts) expect(await refusalOf(attempt())).toBeInstanceOf(ForbiddenError);
    expect(await siteState(s.home.id)).toEqual(before);
    expect(await db.progressReport.count()).toBe(reports);
    expect(await db.collaboration.findMany({ where: { projectSiteId: s.home.id }, select: { id: true, status: true, role: true }, orderBy: { id: "asc" } })).toEqual(team);
  });

  it("ends when the observer stops or a lead removes them", async () => {
    const s = await scenario();
    await stopObserving(s.consultant, s.home.id);
    await expect(getSiteOverview(s.consultant, s.project.slug, s.homeHospital.odsCode)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(stopObserving(s.consultant, s.home.id))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(stopObserving(s.siteLead, s.home.id))).toMatchObject({ message: "You do not observe this site." });
    expect(await removeObserver(s.lead, { projectSiteId: s.home.id, userId: s.secondObserver.id })).toEqual({ name: "Dr Second Observer" });
    await expect(getSiteOverview(s.secondObserver, s.project.slug, s.homeHospital.odsCode)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(removeObserver(s.lead, { projectSiteId: s.home.id, userId: s.secondObserver.id }))).toBeInstanceOf(NotFoundError);
    const actions = (await db.auditEvent.findMany({ where: { entityId: s.home.id }, select: { action: true }, orderBy: { id: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["site.consultantNamed", "site.observerAdded", "site.observerLeft", "site.observerRemoved"]));
  });

  it("ends when the observer erases their account: the site no longer lists them", async () => {
    const s = await scenario();
    await deleteMyAccount(s.consultant, FACTORY_PASSWORD);
    expect(await db.siteObserver.findMany({ where: { projectSiteId: s.home.id }, select: { userId: true } })).toEqual([{ userId: s.secondObserver.id }]);
  });

  it("is for someone outside the team: not the inviter, a lead of the project, or a member of the team", async () => {
    const s = await scenario();
    const name = (email: string) => nameConsultant(s.siteLead, consultantSchema.parse({ projectSiteId: s.home.id, consultantName: "Dr Someone", consultantEmail: email }));
    await name(s.siteLead.email);
    expect(await refusalOf(inviteConsultant(s.siteLead, s.home.id))).toMatchObject({ message: expect.stringContaining("you cannot invite yourself") });
    await name(s.collaborator.email);
    await inviteConsultant(s.siteLead, s.home.id);
    expect(await refusalOf(acceptInvitation(s.collaborator, (await openInvitation(s.collaborator.email, { projectSiteId: s.home.id })).id))).toMatchObject({
      message: "You are in the team at Addenbrooke's Hospital: the invitation to observe is for the site's supervising consultant.",
    });
    await name(s.lead.email);
    await inviteConsultant(s.siteLead, s.home.id);
    expect(await refusalOf(acceptInvitation(s.lead, (await openInvitation(s.lead.email, { projectSiteId: s.home.id })).id))).toMatchObject({
      message: expect.stringContaining("the invitation to observe is for the site's supervising consultant"),
    });
    const observers = await db.siteObserver.findMany({ where: { projectSiteId: s.home.id }, select: { userId: true } });
    expect(observers.map((o) => o.userId).sort()).toEqual([s.consultant.id, s.secondObserver.id].sort());
  });

  it("offers a consultant's certificate only to the observer the site names as its consultant", async () => {
    const s = await scenario();
    const kinds = async (actor: Actor) => (await certificatesOverview(actor)).available.map((certificate) => certificate.kind);
    expect(await kinds(s.consultant)).toContain("CONSULTANT");
    expect(await kinds(s.secondObserver)).not.toContain("CONSULTANT");
    await clearConsultant(s.siteLead, s.home.id);
    expect(await kinds(s.consultant)).not.toContain("CONSULTANT");
  });

  it("refuses an invitation with no consultant, no address, or one who observes already", async () => {
    const s = await scenario();
    expect(await refusalOf(inviteConsultant(s.siteLead, s.home.id))).toMatchObject({ message: "Dr Helen Okafor already observes the site." });
    await nameConsultant(s.siteLead, { projectSiteId: s.home.id, consultantName: "Dr No Address" });
    expect(await refusalOf(inviteConsultant(s.siteLead, s.home.id))).toBeInstanceOf(DomainError);
    await clearConsultant(s.siteLead, s.home.id);
    expect((await loadProjectSite(s.home.id)).consultant).toBeNull();
    expect(await refusalOf(inviteConsultant(s.siteLead, s.home.id))).toMatchObject({ message: "Name the site's supervising consultant first." });
    expect(await refusalOf(clearConsultant(s.siteLead, s.home.id))).toBeInstanceOf(DomainError);
  });

  it("withdraws the open invitation when the consultant's address changes", async () => {
    const s = await siteScenario();
    await nameConsultant(s.siteLead, { projectSiteId: s.home.id, consultantName: "Dr First", consultantEmail: "first.consultant@example.net" });
    await inviteConsultant(s.siteLead, s.home.id);
    await nameConsultant(s.siteLead, { projectSiteId: s.home.id, consultantName: "Dr Second", consultantEmail: "second.consultant@example.net" });
    const first = await db.invitation.findFirstOrThrow({ where: { projectSiteId: s.home.id, email: "first.consultant@example.net" } });
    expect(first.status).toBe("WITHDRAWN");
  });
});

describe("hostile input on the consultant's form", () => {
  it("stores exactly what was accepted, or refuses with a message and changes nothing", async () => {
    const s = await siteScenario();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, hostileString, async (name, role, email) => {
        const parsed = consultantSchema.safeParse({ projectSiteId: s.home.id, consultantName: name, consultantRole: role, consultantEmail: email });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) expect(issue.message).not.toMatch(/Invalid input|expected|received/i);
          return;
        }
        await nameConsultant(s.siteLead, parsed.data);
        accepted++;
        const site = await db.projectSite.findUniqueOrThrow({ where: { id: s.home.id } });
        expect(site.consultantName).toBe(parsed.data.consultantName);
        expect(site.consultantRole).toBe(parsed.data.consultantRole ?? null);
        expect(site.consultantEmail).toBe(parsed.data.consultantEmail ?? null);
      }),
      // Few random inputs make a valid form (the e-mail must be blank or an address): these always do.
      { numRuns: 60, examples: [["Dr Aoife Ní Bhriain", "Consultant radiologist", ""], ["Dr José <b>Núñez</b>", "", "jose.nunez@nhs.example.net"]] },
    );
    expect(accepted).toBeGreaterThanOrEqual(2);
  });
});

describe("statements of the site's pages", () => {
  it("do not grow with the number of observers", async () => {
    const s = await scenario();
    const count = async (actor: Actor) => ({
      overview: (await countStatements(async () => getConsultantPanel(actor, (await getSiteOverview(actor, s.project.slug, s.homeHospital.odsCode)).facts))).statements,
      team: (await countStatements(() => getSiteTeam(actor, s.project.slug, s.homeHospital.odsCode))).statements,
      dashboard: (await countStatements(() => getDashboardSummary(actor))).statements,
    });
    const few = { lead: await count(s.siteLead), observer: await count(s.consultant) };
    for (let i = 0; i < 5; i++) {
      const extra = await createUser({ name: `Dr Extra ${i}`, withProfile: false });
      await db.siteObserver.create({ data: { projectSiteId: s.home.id, userId: extra.id } });
    }
    expect({ lead: await count(s.siteLead), observer: await count(s.consultant) }).toEqual(few);
    expect(few.lead.overview).toBeLessThanOrEqual(5);
  });
});
