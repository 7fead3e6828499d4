import "server-only";
// A site never freezes (docs/decisions/026). A site lead hands the site over to a member of its
// team; a lead of the project appoints a site lead, or replaces one. Both are an invitation to be
// a site lead (lib/invitations), which the person accepts or not: nobody becomes a site lead
// unasked, and the one replaced becomes a collaborator only at that moment, so the site is never
// without a site lead in between.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { offerPlace, withinInvitationLimit, INVITATION_LIMIT_MESSAGE, type Offer } from "@/lib/invitations/send";
import { projectWords } from "@/lib/invitations/words";
import { MAX_SITE_LEADS, siteLeadRoomReason, teamClosedReason } from "@/lib/participation/rules";
import { countSiteLeads, lockSite } from "@/lib/participation/team";
import type { AppointLeadInput, HandOverInput } from "@/lib/validation/continuity";
import { assertUuid, authzFacts, loadProjectSite, type ProjectSiteFacts } from "./facts";

export interface ContinuityMember {
  collaborationId: string;
  userId: string;
  name: string;
  role: "SITE_LEAD" | "COLLABORATOR";
}

export interface PendingLeadInvitation {
  id: string;
  /** The address invited, or the member's name when they were chosen from the team. */
  who: string;
  /** The site lead it replaces on acceptance, if any. */
  replaces: string | null;
  expiresAt: Date;
}

export interface SiteContinuity {
  /** The site lead may hand the site over (and the team can still change). */
  canHandOver: boolean;
  /** A lead of the project may appoint or replace a site lead. */
  canAppoint: boolean;
  /** Why the team can no longer change (the forms are not shown), or null. */
  closedReason: string | null;
  /** The confirmed team, site leads first. */
  members: ContinuityMember[];
  /** Invitations to be a site lead still waiting for an answer. */
  pending: PendingLeadInvitation[];
  maxSiteLeads: number;
}

const NOTHING: SiteContinuity = { canHandOver: false, canAppoint: false, closedReason: null, members: [], pending: [], maxSiteLeads: MAX_SITE_LEADS };

/** What the site's page offers to keep the site led. Nothing read for anyone else; two statements otherwise. */
export async function getSiteContinuity(actor: AuthzActor | null, facts: ProjectSiteFacts, now: Date = new Date()): Promise<SiteContinuity> {
  const canHandOver = can(actor, "site.handOver", authzFacts(facts));
  const canAppoint = can(actor, "site.appointLead", authzFacts(facts));
  if (!canHandOver && !canAppoint) return NOTHING;
  const [rows, invitations] = await Promise.all([
    db.collaboration.findMany({
      where: { projectSiteId: facts.id, status: "CONFIRMED" },
      orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
      select: { id: true, userId: true, role: true, user: { select: { name: true } } },
    }),
    db.invitation.findMany({
      where: { projectSiteId: facts.id, kind: "SITE_LEAD", status: "PENDING", expiresAt: { gt: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 50,
      select: { id: true, email: true, label: true, expiresAt: true, replaces: { select: { name: true } } },
    }),
  ]);
  return {
    canHandOver,
    canAppoint,
    closedReason: teamClosedReason(facts),
    members: rows.map((row) => ({ collaborationId: row.id, userId: row.userId, name: row.user.name, role: row.role })),
    pending: invitations.map((row) => ({ id: row.id, who: row.label ?? row.email, replaces: row.replaces?.name ?? null, expiresAt: row.expiresAt })),
    maxSiteLeads: MAX_SITE_LEADS,
  };
}

function assertTeamOpen(facts: ProjectSiteFacts) {
  const closed = teamClosedReason(facts);
  if (closed) throw new DomainError(closed);
}

/** A confirmed member of this site's team, by the id a form sent: another site's id is simply not found here. */
async function teamMember(facts: ProjectSiteFacts, collaborationId: string) {
  assertUuid(collaborationId, "That member");
  const row = await db.collaboration.findFirst({
    where: { id: collaborationId, projectSiteId: facts.id },
    select: { id: true, status: true, role: true, user: { select: { id: true, name: true, email: true, deletedAt: true } } },
  });
  if (!row || row.user.deletedAt) throw new NotFoundError("That member");
  return row;
}

/** The offer, sent inside a transaction holding the site's lock; the refusal of someone who declined lately is put beside `field`. */
async function sendOffer(facts: ProjectSiteFacts, offer: Omit<Offer, "kind" | "project" | "site">, field: string, now: Date) {
  return db.$transaction(async (tx) => {
    await lockSite(tx, facts.id);
    if (!offer.replaces || !facts.siteLeadIds.includes(offer.replaces.id)) {
      const room = siteLeadRoomReason(await countSiteLeads(tx, facts.id));
      if (room) throw new DomainError(`${room} Choose the site lead they replace.`, field === "collaborationId" ? field : "replacesId");
    }
    try {
      return await offerPlace(
        tx,
        {
          kind: "SITE_LEAD",
          project: { id: facts.project.id, title: facts.project.title },
          site: { projectSiteId: facts.id, name: facts.site.name, registeredAt: facts.registeredAt },
          ...offer,
        },
        now,
      );
    } catch (error) {
      if (error instanceof DomainError && error.field === "email") throw new DomainError(error.message, field);
      throw error;
    }
  });
}

/**
 * The site lead offers the site to a collaborator on its team. Nothing changes until they accept:
 * then they are a site lead, and the one who handed over stays on the team as a collaborator.
 */
export async function handOverSite(actor: AuthzActor | null, input: HandOverInput, now: Date = new Date()): Promise<{ name: string; sent: boolean }> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "site.handOver", authzFacts(facts));
  assertTeamOpen(facts);
  const member = await teamMember(facts, input.collaborationId);
  if (member.user.id === actor.id) throw new DomainError("Choose another member of the team: you lead the site already.", "collaborationId");
  if (member.status !== "CONFIRMED" || member.role !== "COLLABORATOR") {
    throw new DomainError(`${member.user.name} is not a collaborator on the team. Choose a collaborator on the team.`, "collaborationId");
  }
  if (!(await withinInvitationLimit(actor.id))) throw new DomainError(INVITATION_LIMIT_MESSAGE, "collaborationId");
  const inviter = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } });
  const { sent } = await sendOffer(
    facts,
    { email: member.user.email, invitee: { id: member.user.id, name: member.user.name }, inviter, label: member.user.name, replaces: inviter },
    "collaborationId",
    now,
  );
  return { name: member.user.name, sent };
}

/**
 * A lead of the project invites a confirmed member of the team, or anyone by address, to be a
 * site lead of the site, in place of one of its site leads or beside them. The site keeps its
 * site leads until the person accepts.
 */
export async function appointSiteLead(actor: AuthzActor | null, input: AppointLeadInput, now: Date = new Date()): Promise<{ label: string; sent: boolean }> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "site.appointLead", authzFacts(facts));
  assertTeamOpen(facts);
  let replaces: { id: string; name: string } | undefined;
  if (input.replacesId) {
    assertUuid(input.replacesId, "That site lead");
    if (!facts.siteLeadIds.includes(input.replacesId)) throw new DomainError("That person is no longer a site lead here. Reload the page.", "replacesId");
    replaces = await db.user.findUniqueOrThrow({ where: { id: input.replacesId }, select: { id: true, name: true } });
  }
  let invitee: { id: string; name: string } | null;
  let email: string;
  let label: string;
  let field: string;
  if (input.invitee.by === "member") {
    const member = await teamMember(facts, input.invitee.collaborationId);
    if (member.status !== "CONFIRMED") throw new DomainError(`${member.user.name} is not in the team.`, "member");
    if (member.role === "SITE_LEAD") throw new DomainError(`${member.user.name} is already a site lead here.`, "member");
    invitee = { id: member.user.id, name: member.user.name };
    email = member.user.email;
    label = member.user.name;
    field = "member";
  } else {
    email = input.invitee.email;
    const account = await db.user.findUnique({ where: { email }, select: { id: true, name: true, deletedAt: true } });
    invitee = account && !account.deletedAt ? { id: account.id, name: account.name } : null;
    if (invitee && facts.siteLeadIds.includes(invitee.id)) {
      // The team page shows who leads the site: saying so discloses nothing.
      throw new DomainError(`${invitee.name} is already a site lead here.`, "email");
    }
    label = email;
    field = "email";
  }
  // Appointing is choosing someone else: a lead who wants to run a site registers it or asks its site lead.
  if (invitee?.id === actor.id) throw new DomainError("You cannot appoint yourself. Ask the site lead to hand the site over to you.", field);
  if (!(await withinInvitationLimit(actor.id))) throw new DomainError(INVITATION_LIMIT_MESSAGE, field);
  const inviter = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } });
  const { sent } = await sendOffer(
    facts,
    { email, invitee, inviter, label, ...(replaces ? { replaces } : {}), inviterRole: `who leads ${projectWords(facts.project.title)}` },
    field,
    now,
  );
  return { label, sent };
}
