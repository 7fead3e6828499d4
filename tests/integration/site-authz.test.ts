// Who may do what when running a study, row by row through the real domain
// functions: every kind of person against every site action, each on a fresh
// project. A refusal must change nothing at all in the database. The site
// lead of another site stands for the ids-in-forms attack: they hold a valid
// session and send this site's ids.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { requestToJoin } from "@/lib/collaborations/participation";
import { approveSite } from "@/lib/sites/approvals";
import { recordSiteItem } from "@/lib/sites/governance";
import { recordSiteItemSchema } from "@/lib/validation/governance";
import { seedChecklist } from "../support/governance";
import { exportAuthorshipText, exportCollaboratorsCsv, exportSitesCsv, getAuthorshipList } from "@/lib/sites/exports";
import { getMessageSitesPage, messageSites } from "@/lib/sites/message";
import { getNationalView } from "@/lib/sites/national";
import { getSiteOverview } from "@/lib/sites/overview";
import { EARLIER_REPORTER, getSiteProgress, recordProgress } from "@/lib/sites/progress";
import { getRegistrationOptions, registerSite } from "@/lib/sites/register";
import { moveSite } from "@/lib/sites/status";
import { inviteToSite } from "@/lib/invitations/send";
import { decideTeamRequest, getSiteTeam, recordContribution, removeMember } from "@/lib/sites/team";
import { nationalSearchSchema, recordProgressSchema } from "@/lib/validation/sites";
import { createCollaboration, createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { asActor, siteScenario } from "../support/sites";

type Scenario = Awaited<ReturnType<typeof siteScenario>> & {
  outsider: Actor;
  otherProjectLead: Actor;
  collaboratorId: string;
  requestId: string;
  /** A hospital that withdrew, with its former site lead still on its team. */
  withdrawn: { hospitalId: string; projectSiteId: string; odsCode: string; formerLead: Actor };
  retiredHospitalId: string;
  requestedHospitalId: string;
};

const PERSONAS = ["visitor", "unrelated member", "another project's lead", "site lead of another site", "site lead", "project lead", "committee", "admin"] as const;
type Persona = (typeof PERSONAS)[number];

function actorOf(persona: Persona, s: Scenario): Actor | null {
  switch (persona) {
    case "visitor":
      return null;
    case "unrelated member":
      return s.outsider;
    case "another project's lead":
      return s.otherProjectLead;
    case "site lead of another site":
      return s.otherSiteLead;
    case "site lead":
      return s.siteLead;
    case "project lead":
      return s.lead;
    case "committee":
      return s.committee;
    case "admin":
      return s.admin;
  }
}

async function scenario(): Promise<Scenario> {
  const base = await siteScenario({ homeStatus: "APPROVALS_PENDING", approved: false });
  // Its checklist recorded, waiting for the lead's check.
  await seedChecklist(base.home.id, { state: "RECORDED", recordedById: base.siteLead.id });
  const outsider = asActor(await createUser({ name: "Una Related" }));
  const otherProjectLead = asActor(await createUser({ name: "Olu Other" }));
  await createProject({ leadId: otherProjectLead.id });
  const collaborator = await createUser({ name: "Cara Collins" });
  const { id: collaboratorId } = await createCollaboration({ projectSiteId: base.home.id, userId: collaborator.id });
  const requester = asActor(await createUser({ name: "Rhys Request" }));
  const requestId = await requestToJoin(requester, base.home.id);
  const withdrawnHospital = await createSite({ name: "Royal Cornwall Hospital" });
  const withdrawnSite = await createProjectSite({ projectId: base.project.id, siteId: withdrawnHospital.id, status: "WITHDRAWN" });
  const formerLead = asActor(await createUser({ name: "Fay Former", siteId: withdrawnHospital.id }));
  await createCollaboration({ projectSiteId: withdrawnSite.id, userId: formerLead.id, role: "SITE_LEAD" });
  await reportProgress(withdrawnSite.id, formerLead.id, 12, new Date("2026-09-01T12:00:00Z"));
  const retired = await createSite({ name: "St Old's Hospital" });
  await db.site.update({ where: { id: retired.id }, data: { listing: "RETIRED", retiredAt: new Date() } });
  const requested = await createSite({ name: "New Cottage Hospital" });
  await db.site.update({ where: { id: requested.id }, data: { listing: "REQUESTED" } });
  return {
    ...base,
    outsider,
    otherProjectLead,
    collaboratorId,
    requestId,
    withdrawn: { hospitalId: withdrawnHospital.id, projectSiteId: withdrawnSite.id, odsCode: withdrawnHospital.odsCode, formerLead },
    retiredHospitalId: retired.id,
    requestedHospitalId: requested.id,
  };
}

const SITE_LEAD_ONLY: Persona[] = ["site lead"];
const SITE_VIEWERS: Persona[] = ["site lead", "project lead", "committee", "admin"];
const NATIONAL_VIEWERS: Persona[] = ["project lead", "committee", "admin"];
const EXPORTERS: Persona[] = ["project lead", "admin"];
const SIGNED_IN: Persona[] = PERSONAS.filter((persona) => persona !== "visitor");

const today = () => new Date().toISOString().slice(0, 10);

const ACTIONS: { name: string; allowed: Persona[]; attempt: (actor: Actor | null, s: Scenario) => Promise<unknown> }[] = [
  {
    name: "register a hospital",
    // Site leads take part already, at one hospital per project: refused by that rule.
    allowed: ["unrelated member", "another project's lead", "project lead", "committee", "admin"],
    attempt: async (actor, s) => registerSite(actor, { projectId: s.project.id, siteId: (await createSite()).id }),
  },
  {
    name: "register again a hospital that withdrew",
    // It brings back nobody's place or details, so it is open as a new hospital is (docs/decisions/011): no claim to work there needed.
    allowed: ["unrelated member", "another project's lead", "project lead", "committee", "admin"],
    attempt: (actor, s) => registerSite(actor, { projectId: s.project.id, siteId: s.withdrawn.hospitalId }),
  },
  { name: "register a retired hospital", allowed: [], attempt: (actor, s) => registerSite(actor, { projectId: s.project.id, siteId: s.retiredHospitalId }) },
  { name: "register a requested hospital", allowed: [], attempt: (actor, s) => registerSite(actor, { projectId: s.project.id, siteId: s.requestedHospitalId }) },
  { name: "see the registration page", allowed: SIGNED_IN, attempt: (actor, s) => getRegistrationOptions(actor, s.project.slug) },
  {
    name: "record approvals",
    allowed: SITE_LEAD_ONLY,
    attempt: (actor, s) =>
      recordSiteItem(actor, recordSiteItemSchema.parse({ projectSiteId: s.home.id, kind: "LOCAL_AUDIT_REGISTRATION", reference: "HACK", date: "2026-01-01" })),
  },
  { name: "withdraw the site", allowed: SITE_LEAD_ONLY, attempt: (actor, s) => moveSite(actor, s.home.id, "withdraw") },
  { name: "approve the site", allowed: ["project lead"], attempt: (actor, s) => approveSite(actor, s.home.id) },
  {
    name: "invite to the team",
    allowed: SITE_LEAD_ONLY,
    attempt: async (actor, s) => inviteToSite(actor, { projectSiteId: s.home.id, email: (await createUser()).email, role: "SITE_LEAD" }),
  },
  { name: "remove a member", allowed: SITE_LEAD_ONLY, attempt: (actor, s) => removeMember(actor, s.home.id, s.collaboratorId) },
  {
    name: "record a contribution",
    allowed: SITE_LEAD_ONLY,
    attempt: (actor, s) => recordContribution(actor, { projectSiteId: s.home.id, collaborationId: s.collaboratorId, contribution: "Edited" }),
  },
  // A project lead may act for the site lead (docs/decisions/026; tests/integration/site-continuity.test.ts).
  { name: "confirm a request", allowed: ["site lead", "project lead"], attempt: (actor, s) => decideTeamRequest(actor, s.home.id, s.requestId, "CONFIRM") },
  {
    name: "record progress",
    allowed: [],
    // The home site is not active yet: even its lead is refused, by the rule rather than the permission.
    attempt: (actor, s) => recordProgress(actor, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "5", reportedOn: today() })),
  },
  {
    name: "record progress at an active site",
    allowed: ["site lead", "project lead"],
    attempt: (actor, s) => recordProgress(actor, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "5", reportedOn: today() })),
  },
  { name: "see the site", allowed: SITE_VIEWERS, attempt: (actor, s) => getSiteOverview(actor, s.project.slug, s.homeHospital.odsCode) },
  { name: "see the site's team", allowed: SITE_VIEWERS, attempt: (actor, s) => getSiteTeam(actor, s.project.slug, s.homeHospital.odsCode) },
  { name: "see the site's progress", allowed: SITE_VIEWERS, attempt: (actor, s) => getSiteProgress(actor, s.project.slug, s.homeHospital.odsCode) },
  { name: "see the national view", allowed: NATIONAL_VIEWERS, attempt: (actor, s) => getNationalView(actor, s.project.slug, nationalSearchSchema.parse({})) },
  { name: "see the authorship list", allowed: EXPORTERS, attempt: (actor, s) => getAuthorshipList(actor, s.project.slug, "hospital") },
  { name: "download the authorship list", allowed: EXPORTERS, attempt: (actor, s) => exportAuthorshipText(actor, s.project.slug, "role") },
  { name: "download the sites", allowed: EXPORTERS, attempt: (actor, s) => exportSitesCsv(actor, s.project.slug) },
  { name: "download the collaborators", allowed: EXPORTERS, attempt: (actor, s) => exportCollaboratorsCsv(actor, s.project.slug) },
  { name: "see the message page", allowed: ["project lead"], attempt: (actor, s) => getMessageSitesPage(actor, s.project.slug) },
  { name: "message the sites", allowed: ["project lead"], attempt: (actor, s) => messageSites(actor, { projectId: s.project.id, recipients: "all", siteIds: [], message: "Hello" }) },
];

/** Everything the site actions could change, as text to compare. */
async function snapshot() {
  const [sites, collaborations, reports, notifications, audits, invitations, emails] = await Promise.all([
    db.projectSite.findMany({ orderBy: { id: "asc" } }),
    db.collaboration.findMany({ orderBy: { id: "asc" } }),
    db.progressReport.count(),
    db.notification.count(),
    db.auditEvent.count(),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.emailMessage.count(),
  ]);
  return JSON.stringify({ sites, collaborations, reports, notifications, audits, invitations, emails });
}

const rows = ACTIONS.flatMap((action) => PERSONAS.map((persona) => ({ action: action.name, persona, allowed: action.allowed.includes(persona) })));

describe("running a study: who may do what", () => {
  it.each(rows)("$action by $persona: allowed = $allowed", async ({ action, persona, allowed }) => {
    const s = await scenario();
    const { attempt } = ACTIONS.find((row) => row.name === action)!;
    // The set-up of "at an active site" is part of the scenario, not of the attempt.
    if (action === "record progress at an active site") {
      await db.projectSite.update({ where: { id: s.home.id }, data: { status: "ACTIVE", leadApprovedAt: new Date() } });
    }
    const before = await snapshot();
    const outcome = await attempt(actorOf(persona, s), s).then(
      () => "done",
      (error: unknown) => error,
    );
    if (allowed) {
      expect(outcome).toBe("done");
      return;
    }
    // The project lead may record for the site lead (docs/decisions/026), so the closed site refuses them by the rule too.
    if (action === "record progress" && (persona === "site lead" || persona === "project lead")) expect(outcome).toBeInstanceOf(DomainError);
    else if (action.startsWith("register ") && persona !== "visitor") {
      // Refused by a rule, not the permission: a site lead takes part already; a hospital off the list is registered by nobody.
      expect(outcome).toBeInstanceOf(DomainError);
    } else expect(outcome).toBeInstanceOf(ForbiddenError);
    // Reads write nothing either way; refused changes write nothing at all.
    expect(await snapshot()).toBe(before);
  });
});

// Who sees the people a returning site had before it withdrew (docs/decisions/011). Its new lead
// registered it on their own word that they work there: they see its earlier team (on the team
// page and as reporters of its earlier counts) only once the project lead has approved the site.
const RETURNING_PERSONAS = ["visitor", "unrelated member", "its former site lead", "its returning site lead", "site lead of another site", "project lead", "committee", "admin"] as const;
type ReturningPersona = (typeof RETURNING_PERSONAS)[number];
type Seen = "refused" | "without the earlier team" | "with the earlier team";

const RETURNING_EXPECTED: Record<ReturningPersona, { beforeApproval: Seen; afterApproval: Seen }> = {
  visitor: { beforeApproval: "refused", afterApproval: "refused" },
  "unrelated member": { beforeApproval: "refused", afterApproval: "refused" },
  "its former site lead": { beforeApproval: "refused", afterApproval: "refused" },
  "its returning site lead": { beforeApproval: "without the earlier team", afterApproval: "with the earlier team" },
  "site lead of another site": { beforeApproval: "refused", afterApproval: "refused" },
  "project lead": { beforeApproval: "with the earlier team", afterApproval: "with the earlier team" },
  committee: { beforeApproval: "with the earlier team", afterApproval: "with the earlier team" },
  admin: { beforeApproval: "with the earlier team", afterApproval: "with the earlier team" },
};

const returningRows = RETURNING_PERSONAS.flatMap((persona) =>
  (["beforeApproval", "afterApproval"] as const).map((when) => ({ persona, when, seen: RETURNING_EXPECTED[persona][when] })),
);

describe("a returning site's earlier team: who sees it", () => {
  it.each(returningRows)("$persona, $when: $seen", async ({ persona, when, seen }) => {
    const s = await scenario();
    const returning = asActor(await createUser({ name: "Sam Claimant", siteId: s.withdrawn.hospitalId }));
    await registerSite(returning, { projectId: s.project.id, siteId: s.withdrawn.hospitalId });
    if (when === "afterApproval") {
      await seedChecklist(s.withdrawn.projectSiteId, { state: "RECORDED", recordedById: returning.id });
      await approveSite(s.lead, s.withdrawn.projectSiteId);
    }
    const actor =
      persona === "its former site lead" ? s.withdrawn.formerLead : persona === "its returning site lead" ? returning : actorOf(persona, s);
    const before = await snapshot();
    const look = async () => {
      const team = await getSiteTeam(actor, s.project.slug, s.withdrawn.odsCode);
      const progress = await getSiteProgress(actor, s.project.slug, s.withdrawn.odsCode);
      return { names: team.past.map((member) => member.name), reporters: progress.history.map((entry) => entry.reportedBy), team, progress };
    };
    const outcome = await look().then(
      (seenNow) => seenNow,
      (error: unknown) => error,
    );
    expect(await snapshot()).toBe(before);
    if (seen === "refused") {
      expect(outcome).toBeInstanceOf(ForbiddenError);
      return;
    }
    const { names, reporters, team, progress } = outcome as Awaited<ReturnType<typeof look>>;
    // Never on the team again by someone else's registration.
    expect(team.members.map((member) => member.name)).toEqual(["Sam Claimant"]);
    if (seen === "with the earlier team") {
      expect(names).toEqual(["Fay Former"]);
      expect(reporters).toEqual(["Fay Former"]);
    } else {
      expect(names).toEqual([]);
      expect(reporters).toEqual([EARLIER_REPORTER]);
      expect(JSON.stringify({ team, progress })).not.toContain("Fay Former");
    }
  });
});
