// Who may do what with an invitation, row by row through the real domain
// functions: every kind of person against every invitation action, each on a
// fresh scenario. The expectations below are written down from the rules, not
// read from the permission table. A refusal must change nothing at all. The
// ids-in-URLs attack is a row of its own: an invitation's id sent by someone it
// is not for (another member, another site's lead), with a valid session.
import { describeAuthzTable, type TableAction } from "@/tests/support/authz-table";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { acceptInvitation, declineInvitation, withdrawInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";
import { saveProposalDraft } from "@/lib/projects/proposals";
import { createUser } from "../support/factories";
import { openInvitation } from "../support/invitations";
import { completeProposalForm, createProposalIn } from "../support/proposals";
import { asActor, siteScenario } from "../support/sites";

const PERSONAS = [
  "visitor",
  "unrelated member",
  "invitee",
  "invitee, address not confirmed",
  "another invitee",
  "site lead (the inviter)",
  "site lead of another site",
  "project lead",
  "committee",
  "admin",
] as const;
type Persona = (typeof PERSONAS)[number];

async function scenario() {
  const s = await siteScenario();
  const invitee = asActor(await createUser({ name: "Ines Invited" }));
  const anotherInvitee = asActor(await createUser({ name: "Arlo Another" }));
  const outsider = asActor(await createUser({ name: "Una Related" }));
  const draft = await createProposalIn("DRAFT", { leadId: s.lead.id });
  // The invitations, made the way the portal makes them.
  await inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: invitee.email, role: "COLLABORATOR" });
  await inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: anotherInvitee.email, role: "COLLABORATOR" });
  const loaded = await db.project.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
  await saveProposalDraft(s.lead, draft.id, { form: completeProposalForm({ title: draft.title }), keepCoLeadIds: [], addCoLead: invitee.email, expectedVersion: loaded.version });
  const team = await openInvitation(invitee.email, { projectSiteId: s.home.id });
  const others = await openInvitation(anotherInvitee.email, { projectSiteId: s.home.id });
  const coLead = await openInvitation(invitee.email, { projectId: draft.id });
  return { ...s, invitee, anotherInvitee, outsider, draft, invitations: { team: team.id, others: others.id, coLead: coLead.id } };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

function actorOf(persona: Persona, s: Scenario): Actor | null {
  switch (persona) {
    case "visitor":
      return null;
    case "unrelated member":
      return s.outsider;
    case "invitee":
      return s.invitee;
    case "invitee, address not confirmed":
      return { ...s.invitee, emailVerified: null };
    case "another invitee":
      return s.anotherInvitee;
    case "site lead (the inviter)":
      return s.siteLead;
    case "site lead of another site":
      return s.otherSiteLead;
    case "project lead":
      return s.lead;
    case "committee":
      return s.committee;
    case "admin":
      return s.admin;
  }
}

const ACTIONS: TableAction<Persona, Scenario>[] = [
  {
    name: "invite someone to the team",
    allowed: ["site lead (the inviter)"],
    attempt: async (actor, s) => inviteToSite(actor, { projectSiteId: s.home.id, email: "someone.new@example.net", role: "COLLABORATOR" }),
  },
  {
    name: "invite a co-lead",
    allowed: ["project lead"],
    attempt: async (actor, s) => {
      const { version } = await db.project.findUniqueOrThrow({ where: { id: s.draft.id }, select: { version: true } });
      return saveProposalDraft(actor, s.draft.id, { form: completeProposalForm({ title: s.draft.title }), keepCoLeadIds: [], addCoLead: "someone.new@example.net", expectedVersion: version });
    },
  },
  { name: "accept an invitation to the team", allowed: ["invitee"], attempt: (actor, s) => acceptInvitation(actor, s.invitations.team) },
  { name: "decline an invitation to the team", allowed: ["invitee"], attempt: (actor, s) => declineInvitation(actor, s.invitations.team) },
  { name: "accept an invitation to be a co-lead", allowed: ["invitee"], attempt: (actor, s) => acceptInvitation(actor, s.invitations.coLead) },
  { name: "decline an invitation to be a co-lead", allowed: ["invitee"], attempt: (actor, s) => declineInvitation(actor, s.invitations.coLead) },
  // Another member's invitation, by its id: only that member may answer it.
  { name: "accept another member's invitation by its id", allowed: ["another invitee"], attempt: (actor, s) => acceptInvitation(actor, s.invitations.others) },
  { name: "withdraw an invitation to the team", allowed: ["site lead (the inviter)"], attempt: (actor, s) => withdrawInvitation(actor, s.invitations.team) },
  { name: "withdraw an invitation to be a co-lead", allowed: ["project lead"], attempt: (actor, s) => withdrawInvitation(actor, s.invitations.coLead) },
];

/** Everything an invitation action could change, as text to compare. */
async function snapshot() {
  const [invitations, collaborations, leads, projects, notifications, audits, emails] = await Promise.all([
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.collaboration.findMany({ orderBy: { id: "asc" } }),
    db.projectLead.findMany({ orderBy: [{ projectId: "asc" }, { userId: "asc" }] }),
    db.project.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, status: true } }),
    db.notification.count(),
    db.auditEvent.count(),
    db.emailMessage.count(),
  ]);
  return JSON.stringify({ invitations, collaborations, leads, projects, notifications, audits, emails });
}

describeAuthzTable("invitations: who may do what", {
  personas: PERSONAS,
  actions: ACTIONS,
  scenario,
  actorOf,
  snapshot,
  // Someone else's draft is not found at all; everything else is refused by the table.
  expectRefusal: (outcome) => {
    expect(outcome instanceof ForbiddenError || outcome instanceof NotFoundError, String(outcome)).toBe(true);
  },
});
