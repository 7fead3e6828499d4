import "server-only";
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { CollaborationRole, CollaborationStatus, Grade } from "@/lib/generated/prisma/enums";
import { keepsASiteLead, openPeriods, periodEnded, teamCapReason, teamClosedReason, type Period } from "@/lib/participation/rules";
import { assertTeamHasRoom, countSiteLeads, lockSite, periodForInvitee, periodsOf } from "@/lib/participation/team";
import { decideRequest, REQUESTER_PROFILE_SELECT, requesterFacts, type RequesterFacts } from "@/lib/collaborations/site-requests";
import { notify } from "@/lib/notifications/notifications";
import { actsForSiteLead, authorityFor } from "./acting-for";
import { authorshipLine } from "@/lib/trainees/authorship";
import { openSiteInvitations, type SiteInvitation } from "@/lib/invitations/lists";
import type { ContributionInput } from "@/lib/validation/sites";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertUuid, authzFacts, loadProjectSite, loadProjectSiteByAddress, seesEarlierTeam, seesSiteContacts, type ProjectSiteFacts } from "./facts";

// The team's rules are lib/participation's; exported again for the modules that import them from here.

export interface TeamMember {
  collaborationId: string;
  name: string;
  email: string;
  authorship: string;
  grade: Grade | null;
  role: CollaborationRole;
  status: CollaborationStatus;
  contribution: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  isMe: boolean;
  /** The data-collection period the place is for; null: every period (a site lead, or a place from before the periods). */
  periodId: string | null;
}

/** One data-collection period's team at the site, as its page shows it. */
export interface PeriodTeam extends Period {
  /** Confirmed collaborators for this period: what its cap counts. */
  taken: number;
  ended: boolean;
  /** Why this period's team takes nobody more (full), or null. */
  fullReason: string | null;
}

export interface SiteTeam {
  facts: ProjectSiteFacts;
  canManage: boolean;
  /** A project lead who is not a site lead here: they may answer requests, acting for the site lead (docs/decisions/026). */
  actingFor: boolean;
  open: boolean;
  teamCap: number | null;
  confirmedCollaborators: number;
  siteLeads: number;
  /** Whether the person sees who asked to join and who left (not an observer). */
  seesRequests: boolean;
  /** Requests to join; the requester's home hospital and region only for those who decide them (the site leads, while the team is open). */
  requests: (TeamMember & { requester: RequesterFacts | null })[];
  members: TeamMember[];
  past: TeamMember[];
  /** Invitations to the team still waiting for an answer: they hold no place yet. */
  invitations: SiteInvitation[];
  /** People from before the site registered again, left out until the project lead approves it (docs/decisions/011). */
  earlierHidden: number;
  /** The project's data-collection periods with this site's team in each; empty: the project has no periods. */
  periods: PeriodTeam[];
  /** The periods a request may be confirmed for: the current one and later ones. */
  openPeriodIds: string[];
}

/** A site's team for its site lead (who manages it) and the project's leads and committee (who see it). Five statements at most. */
export async function getSiteTeam(actor: AuthzActor | null, slug: string, odsCode: string, now: Date = new Date()): Promise<SiteTeam> {
  const facts = await loadProjectSiteByAddress(slug, odsCode);
  assertCan(actor, "site.view", authzFacts(facts));
  // Everyone taking part now joined this registration (registering again ends the rest), so
  // the earlier people are those whose place or request ended by the time it began.
  const earlier: Prisma.CollaborationWhereInput = {
    status: { in: ["LEFT", "DECLINED"] },
    OR: [{ decidedAt: { lte: facts.registeredAt } }, { decidedAt: null }],
  };
  const hideEarlier = !seesEarlierTeam(actor, facts);
  const contacts = seesSiteContacts(actor, facts);
  const [rows, invitations, earlierHidden, periods] = await Promise.all([db.collaboration.findMany({
    where: { projectSiteId: facts.id, ...(hideEarlier ? { NOT: earlier } : {}) },
    orderBy: [{ requestedAt: "asc" }],
    select: {
      id: true,
      role: true,
      status: true,
      contribution: true,
      requestedAt: true,
      decidedAt: true,
      userId: true,
      periodId: true,
      // Home hospital and region are read for the requests' deciders alone, below.
      user: { select: { name: true, email: true, profile: { select: { ...REQUESTER_PROFILE_SELECT, authorSurname: true, authorInitials: true } } } },
    },
  }), openSiteInvitations(actor, facts, now), hideEarlier ? db.collaboration.count({ where: { projectSiteId: facts.id, ...earlier } }) : 0, periodsOf(db, facts.project.id)]);
  const members: TeamMember[] = rows.map((row) => ({
    collaborationId: row.id,
    name: row.user.name,
    // The team's addresses are for those who run or oversee the site, not for its observers.
    email: contacts ? row.user.email : "",
    authorship: authorshipLine({ name: row.user.name, authorSurname: row.user.profile?.authorSurname, authorInitials: row.user.profile?.authorInitials }),
    grade: row.user.profile?.grade ?? null,
    role: row.role,
    status: row.status,
    contribution: row.contribution,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    isMe: row.userId === actor.id,
    periodId: row.periodId,
  }));
  const canManage = can(actor, "site.manageTeam", authzFacts(facts));
  const open = teamClosedReason(facts) === null;
  const actingFor = actsForSiteLead(actor, "site.manageTeam", authzFacts(facts));
  // Read only while the site lead (or whoever acts for them) can still decide: a site that withdrew or finished decides nothing.
  const decides = (canManage || actingFor) && open;
  const profiles = new Map(rows.map((row) => [row.id, row.user.profile]));
  const confirmed = members.filter((member) => member.status === "CONFIRMED");
  confirmed.sort((a, b) => Number(b.role === "SITE_LEAD") - Number(a.role === "SITE_LEAD") || a.name.localeCompare(b.name, "en-GB"));
  return {
    facts,
    canManage,
    actingFor,
    open,
    teamCap: facts.project.teamCap,
    confirmedCollaborators: confirmed.filter((member) => member.role === "COLLABORATOR").length,
    siteLeads: confirmed.filter((member) => member.role === "SITE_LEAD").length,
    seesRequests: contacts,
    // Who asked to join, and who was declined or left: the business of those who run or oversee
    // the site, not of its observers.
    requests: members
      .filter((member) => contacts && member.status === "REQUESTED")
      .map((member) => ({ ...member, requester: decides ? requesterFacts(profiles.get(member.collaborationId), facts.site.id) : null })),
    members: confirmed,
    past: members.filter((member) => contacts && (member.status === "DECLINED" || member.status === "LEFT")),
    invitations,
    earlierHidden,
    periods: periods.map((period) => {
      const taken = confirmed.filter((member) => member.role === "COLLABORATOR" && member.periodId === period.id).length;
      return { ...period, taken, ended: periodEnded(period, now), fullReason: teamCapReason(facts.project.teamCap, taken, period) };
    }),
    openPeriodIds: openPeriods(periods, now).map((period) => period.id),
  };
}

function assertTeamOpen(facts: ProjectSiteFacts) {
  const closed = teamClosedReason(facts);
  if (closed) throw new DomainError(closed);
}

/**
 * A site lead steps down to collaborator, at once (giving up a role needs no
 * one's consent), as long as the site keeps a site lead and the team has room.
 * Becoming a site lead, by contrast, is an invitation the person accepts.
 */
export async function demoteToCollaborator(
  tx: DatabaseTransaction,
  actorId: string,
  facts: ProjectSiteFacts,
  member: { id: string; userId: string; name: string },
  now: Date = new Date(),
): Promise<void> {
  if (!keepsASiteLead(await countSiteLeads(tx, facts.id))) {
    throw new DomainError("A site needs a site lead. Invite someone else to be a site lead first.", "role");
  }
  // With periods, a site lead who steps down takes a place in the first period still open with
  // room, as an accepted invitation does: stepping down is no way round a period's cap (docs/decisions/035).
  const periods = await periodsOf(tx, facts.project.id);
  const period = periods.length === 0 ? null : await periodForInvitee(tx, facts.id, periods, facts.project.teamCap, now);
  if (!period) await assertTeamHasRoom(tx, facts.id, facts.project.teamCap, "role");
  const { count } = await tx.collaboration.updateMany({
    where: { id: member.id, role: "SITE_LEAD", status: "CONFIRMED" },
    data: { role: "COLLABORATOR", ...(period ? { periodId: period.id } : {}) },
  });
  if (count === 0) throw new DomainError("This has already changed: reload the page.");
  await audit(tx, {
    actorId,
    action: "collaboration.roleChanged",
    entityType: "Collaboration",
    entityId: member.id,
    before: { role: "SITE_LEAD" },
    after: { role: "COLLABORATOR", ...(period ? { periodId: period.id } : {}) },
  });
  if (member.userId !== actorId) {
    await notify(tx, [member.userId], {
      kind: "collaboration.roleChanged",
      projectId: facts.project.id,
      message: `You are now a collaborator on "${facts.project.title}" at ${facts.site.name}, no longer a site lead.`,
      link: "/dashboard/research",
    });
  }
}

async function memberOf(facts: ProjectSiteFacts, collaborationId: string) {
  assertUuid(collaborationId, "That member");
  // Scoped by the site: another site's collaboration id is simply not found here.
  const row = await db.collaboration.findFirst({
    where: { id: collaborationId, projectSiteId: facts.id },
    select: { id: true, userId: true, role: true, status: true, contribution: true, user: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError("That member");
  return row;
}

/** The site lead (or a project lead acting for them) answers a request to join, from the site's team page (with periods: for the period chosen). */
export async function decideTeamRequest(
  actor: AuthzActor | null,
  projectSiteId: string,
  collaborationId: string,
  decision: "CONFIRM" | "DECLINE",
  periodId?: string | null,
  now: Date = new Date(),
) {
  const facts = await loadProjectSite(projectSiteId);
  const { actor: decider } = authorityFor(actor, "site.manageTeam", authzFacts(facts));
  await memberOf(facts, collaborationId);
  await decideRequest(decider, collaborationId, decision, periodId, now);
}

/** The site lead takes a confirmed member off the team (asked to confirm first, in the page). */
export async function removeMember(actor: AuthzActor | null, projectSiteId: string, collaborationId: string, now: Date = new Date()): Promise<void> {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.manageTeam", authzFacts(facts));
  assertTeamOpen(facts);
  const member = await memberOf(facts, collaborationId);
  if (member.status !== "CONFIRMED") throw new DomainError(`${member.user.name} is not in the team.`);
  await db.$transaction(async (tx) => {
    await lockSite(tx, facts.id);
    if (member.role === "SITE_LEAD" && !keepsASiteLead(await countSiteLeads(tx, facts.id))) {
      throw new DomainError("A site needs a site lead. Add another site lead before you remove this one.");
    }
    const { count } = await tx.collaboration.updateMany({
      where: { id: member.id, status: "CONFIRMED" },
      data: { status: "LEFT", decidedAt: now, endedAt: now },
    });
    if (count === 0) throw new DomainError("This has already changed: reload the page.");
    await audit(tx, {
      actorId: actor.id,
      action: "collaboration.removed",
      entityType: "Collaboration",
      entityId: member.id,
      before: { status: "CONFIRMED", role: member.role },
      after: { status: "LEFT", endedAt: now.toISOString() },
    });
    if (member.userId !== actor.id) {
      await notify(tx, [member.userId], {
        kind: "collaboration.removed",
        projectId: facts.project.id,
        message: `The site lead removed you from the team of "${facts.project.title}" at ${facts.site.name}.`,
        link: "/dashboard/research",
      });
    }
  });
}

/** The site lead records what a member did, for the authorship list and the certificate. */
export async function recordContribution(actor: AuthzActor | null, input: ContributionInput): Promise<void> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "site.manageTeam", authzFacts(facts));
  const member = await memberOf(facts, input.collaborationId);
  if (member.status !== "CONFIRMED") throw new DomainError(`${member.user.name} is not in the team.`, "contribution");
  if (member.contribution === input.contribution) return;
  await db.$transaction(async (tx) => {
    await tx.collaboration.update({ where: { id: member.id }, data: { contribution: input.contribution } });
    await audit(tx, {
      actorId: actor.id,
      action: "collaboration.contributionRecorded",
      entityType: "Collaboration",
      entityId: member.id,
      before: { contribution: member.contribution },
      after: { contribution: input.contribution },
    });
  });
}
