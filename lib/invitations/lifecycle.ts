import "server-only";
// The one place that knows how an invitation moves: the table of allowed moves
// (from which states, to which, by whom, under which guard), the "why not"
// that pages ask and commands obey, and one function per move. Every move
// re-checks the state inside its transaction with a conditional update, so an
// invitation accepted in one tab and withdrawn in another ends one way only.
// An invitation grants nothing until its invitee accepts it; accepting
// re-checks every rule of the place at that moment.
import { assertCan, type AuthzActor, type ResourceFacts } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { firstPeriodWithRoom, noPeriodWithRoom, periodLabel, projectTakesCollaborators, returnRefusal, siteLeadRoomReason, teamCapReason } from "@/lib/participation/rules";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { InvitationStatus, type CollaborationRole, type ProjectStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notifications";
import { INVITATION_DAYS, loadInvitation, type InvitationFacts } from "./facts";
import { placeWords, projectWords } from "./words";
import { SITE_VISIBLE_STATUSES } from "@/lib/sites/facts";

export type InvitationMove = "accept" | "decline" | "withdraw" | "expire";

/** Who makes a move: the person invited, the person who invited them (or who now holds their role), or the daily schedule. */
export type InvitationMover = "invitee" | "inviter" | "schedule";

export interface InvitationTransition {
  move: InvitationMove;
  from: readonly InvitationStatus[];
  to: InvitationStatus;
  who: InvitationMover;
  /** The audit row's action. */
  action: string;
  /** The rule beyond the state, in words; checked by the move's function. */
  guard?: string;
}

const { PENDING, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED } = InvitationStatus;

export const INVITATION_MOVES: readonly InvitationTransition[] = [
  {
    move: "accept",
    from: [PENDING],
    to: ACCEPTED,
    who: "invitee",
    action: "invitation.accepted",
    guard:
      "still open; the invitee's address is confirmed; the place can still be taken (project and site open, room in the team, not on another team of the project, not a reviewer of the version under review)",
  },
  { move: "decline", from: [PENDING], to: DECLINED, who: "invitee", action: "invitation.declined", guard: "still open; the invitee's address is confirmed" },
  { move: "withdraw", from: [PENDING], to: WITHDRAWN, who: "inviter", action: "invitation.withdrawn", guard: "still open" },
  { move: "expire", from: [PENDING], to: EXPIRED, who: "schedule", action: "invitation.expired", guard: `${INVITATION_DAYS} days have passed` },
];

function transitionOf(move: InvitationMove): InvitationTransition {
  return INVITATION_MOVES.find((transition) => transition.move === move)!;
}

/** An invitation past its date is expired, whether or not the daily task has marked it yet. */
export function isOpen(facts: Pick<InvitationFacts, "status" | "expiresAt">, now: Date): boolean {
  return facts.status === PENDING && facts.expiresAt.getTime() > now.getTime();
}

const STATUS_WORDS: Record<Exclude<InvitationStatus, "PENDING" | "EXPIRED">, string> = {
  ACCEPTED: "This invitation has already been accepted.",
  DECLINED: "This invitation has already been declined.",
  WITHDRAWN: "This invitation has been withdrawn.",
};

/** Why nobody can act on this invitation any more (answer or withdraw it), or null while it is open. */
export function closedReason(facts: Pick<InvitationFacts, "status" | "expiresAt">, now: Date): string | null {
  if (facts.status === EXPIRED || (facts.status === PENDING && !isOpen(facts, now))) {
    return `This invitation expired on ${formatDate(facts.expiresAt)}.`;
  }
  return facts.status === PENDING ? null : STATUS_WORDS[facts.status];
}

/** Projects that have ended: nobody joins their leads any more. */
const ENDED: readonly ProjectStatus[] = ["COMPLETED", "REJECTED", "WITHDRAWN"];
/** While the committee reviews a version, those who reviewed it do not join its leads. */
const WITH_THE_COMMITTEE: readonly ProjectStatus[] = ["SUBMITTED", "IN_REVIEW"];

/**
 * Why the invitee cannot accept now, or null: the invitation must be open and
 * the place still theirs to take under every rule that would apply if they
 * were added today. The dashboard shows this instead of the button; accepting
 * asks it again inside the transaction.
 */
export function acceptRefusal(facts: InvitationFacts, now: Date): string | null {
  const closed = closedReason(facts, now);
  if (closed) return facts.status === PENDING ? `${closed} Ask ${facts.invitedByName} to invite you again.` : closed;
  const { project, site, invitee } = facts;
  if (!invitee) return "This invitation is for someone else.";
  const title = projectWords(project.title);
  if (facts.kind === "CO_LEAD") {
    if (ENDED.includes(project.status)) {
      return `${title} has ${project.status === "COMPLETED" ? "been completed" : project.status === "REJECTED" ? "not been approved" : "been withdrawn"}, so it takes no new co-leads.`;
    }
    if (facts.inviteeId && project.leadIds.includes(facts.inviteeId)) return `You are already a lead of ${title}.`;
    if (WITH_THE_COMMITTEE.includes(project.status) && invitee.reviewedThisRound) {
      return "You reviewed this version of the proposal for the committee, so you can become one of its leads only once the committee has decided on it. You can decline the invitation now.";
    }
    return null;
  }
  if (!site) return "This invitation has no site.";
  if (facts.kind === "SITE_OBSERVER") return observerRefusal(facts, site, title);
  if (!projectTakesCollaborators(project.status)) {
    return project.status === "WITHDRAWN"
      ? `${title} has been withdrawn, so its teams take nobody new.`
      : `Data collection for ${title} has ended, so its teams take nobody new.`;
  }
  if (site.status === "WITHDRAWN") return `${site.name} has withdrawn from ${title}, so its team takes nobody new.`;
  if (site.status === "COMPLETE") return `${site.name} has finished with ${title}, so its team takes nobody new.`;
  if (invitee.elsewhere) {
    return invitee.elsewhere.status === "REQUESTED"
      ? `You have asked to join ${title} at ${invitee.elsewhere.site}. A member takes part at one hospital of a project: withdraw that request first, then accept.`
      : `You already take part in ${title} at ${invitee.elsewhere.site}. A member takes part at one hospital of a project: leave that team first, then accept.`;
  }
  if (invitee.rotatedHere) return returnRefusal(site.name);
  if (facts.kind === "SITE_LEAD") {
    if (invitee.roleHere === "SITE_LEAD") return `You are already a site lead at ${site.name}.`;
    // A handover swaps one site lead for another, so the count stays; once the one replaced has
    // gone, it is an invitation like any other and needs room.
    if (!swapsSiteLead(facts) && siteLeadRoomReason(site.siteLeadIds.length) !== null) {
      return `${site.name} already has ${site.siteLeadIds.length} site leads, the most a site can have. Ask ${facts.invitedByName} about it.`;
    }
    return null;
  }
  if (invitee.roleHere) return `You are already in the team at ${site.name}.`;
  // With periods, the place is in the first period still open whose team has room (joinTeam).
  if (project.periods.length > 0) {
    return firstPeriodWithRoom(project.periods, site.periodTaken, project.teamCap, now) ? null : `${noPeriodWithRoom(project.periods, project.teamCap, now)} Ask ${facts.invitedByName} about it.`;
  }
  if (teamCapReason(project.teamCap, site.collaborators) !== null) {
    return `The team at ${site.name} is full: it has ${site.collaborators} collaborators, the most ${title} allows. Ask ${facts.invitedByName} about it.`;
  }
  return null;
}

/**
 * An observer takes no place in the team, so the team's rules (room, one team per project) do
 * not apply: the site's pages must still be there to see, and the site still taking part.
 */
function observerRefusal(facts: InvitationFacts, site: NonNullable<InvitationFacts["site"]>, title: string): string | null {
  if (!SITE_VISIBLE_STATUSES.includes(facts.project.status)) return `${title} has no site pages to observe any more.`;
  if (site.status === "WITHDRAWN") return `${site.name} has withdrawn from ${title}, so there is nothing to observe there.`;
  // The observer is the site's supervising consultant, who oversees the team from outside it: not
  // the one who invited them, a lead of the project, or a member of the team (docs/decisions/027).
  if (facts.inviteeId === facts.invitedById) return "You invited yourself: the invitation to observe is for the site's supervising consultant.";
  if (facts.inviteeId && facts.project.leadIds.includes(facts.inviteeId)) return `You lead ${title}: the invitation to observe is for the site's supervising consultant.`;
  if (facts.invitee?.roleHere || facts.invitee?.onTeamHere) return `You are in the team at ${site.name}: the invitation to observe is for the site's supervising consultant.`;
  return null;
}

/** Whether accepting hands the site over: the site lead it replaces still leads the site (and is not the invitee). */
export function swapsSiteLead(facts: Pick<InvitationFacts, "kind" | "replaces" | "site" | "inviteeId">): boolean {
  return (
    facts.kind === "SITE_LEAD" &&
    facts.replaces !== null &&
    facts.replaces.id !== facts.inviteeId &&
    (facts.site?.siteLeadIds.includes(facts.replaces.id) ?? false)
  );
}

const CHANGED = "This invitation has changed since the page was loaded. Reload the page to see where it stands.";

/**
 * Makes one move of the table inside the caller's transaction, or refuses it
 * with nothing changed: a conditional update from the states the table allows
 * (and, but for the schedule, only while the invitation is open), then the audit row.
 */
async function applyMove(
  tx: DatabaseTransaction,
  { id, move, actorId, now, details }: { id: string; move: InvitationMove; actorId: string | null; now: Date; details?: Prisma.InputJsonObject },
): Promise<void> {
  const transition = transitionOf(move);
  const { count } = await tx.invitation.updateMany({
    where: { id, status: { in: [...transition.from] }, ...(transition.who === "schedule" ? {} : { expiresAt: { gt: now } }) },
    data: { status: transition.to, decidedAt: now },
  });
  if (count === 0) throw new DomainError(CHANGED);
  await audit(tx, {
    actorId,
    action: transition.action,
    entityType: "Invitation",
    entityId: id,
    before: { status: PENDING },
    after: { status: transition.to, ...(details ?? {}) },
  });
}

/** The invitee, and only they (with the address confirmed), answers. */
function respondFacts(facts: InvitationFacts): ResourceFacts {
  return facts.inviteeId ? { ownerId: facts.inviteeId } : {};
}

/** Where the person goes once they hold the place. */
export function placePath(facts: Pick<InvitationFacts, "kind" | "project" | "site">): string {
  if (facts.kind === "CO_LEAD") return `/dashboard/proposals/${facts.project.id}`;
  const site = `/dashboard/projects/${facts.project.slug}/sites/${encodeURIComponent(facts.site!.odsCode)}`;
  return facts.kind === "SITE_LEAD" || facts.kind === "SITE_OBSERVER" ? site : "/dashboard/research";
}

/** Where the inviter looks after the invitation. */
function inviterPath(facts: Pick<InvitationFacts, "kind" | "project" | "site">): string {
  if (facts.kind === "CO_LEAD") return `/dashboard/proposals/${facts.project.id}`;
  const site = `/dashboard/projects/${facts.project.slug}/sites/${encodeURIComponent(facts.site!.odsCode)}`;
  // The site's consultant and its observers are on the site's own page.
  return facts.kind === "SITE_OBSERVER" ? site : `${site}/team`;
}

/** Gives the invitee the place: a co-lead of the project, or a confirmed place in the team with the role offered. */
async function takePlace(tx: DatabaseTransaction, facts: InvitationFacts, actor: AuthzActor, now: Date): Promise<Prisma.InputJsonObject> {
  if (facts.kind === "CO_LEAD") {
    await tx.projectLead.create({ data: { projectId: facts.project.id, userId: actor.id, role: "CO_LEAD" } });
    // A lead's form opened before shows the co-leads of then: saved, it would drop this one unseen.
    // Raising the version makes that save refused instead, as after any other lead's change.
    await tx.project.update({ where: { id: facts.project.id }, data: { version: { increment: 1 } } });
    await audit(tx, {
      actorId: actor.id,
      action: "project.coLeadAdded",
      entityType: "Project",
      entityId: facts.project.id,
      after: { userId: actor.id, invitationId: facts.id },
    });
    return { projectId: facts.project.id };
  }
  const joined = await joinTeam(tx, facts, actor, now);
  // Read under the site's lock (acceptInvitation): the one replaced is a site lead at this moment.
  if (!swapsSiteLead(facts)) return joined;
  return { ...joined, ...(await stepDownReplaced(tx, facts, actor, now)) };
}

/**
 * The other half of a handover: the site lead replaced becomes a collaborator on the team, told
 * so, and stays on it (they may then leave or move); the site keeps its number of site leads.
 */
async function stepDownReplaced(tx: DatabaseTransaction, facts: InvitationFacts, actor: AuthzActor, now: Date): Promise<Prisma.InputJsonObject> {
  const site = facts.site!;
  const replaced = facts.replaces!;
  const row = await tx.collaboration.findUniqueOrThrow({
    where: { projectSiteId_userId: { projectSiteId: site.projectSiteId, userId: replaced.id } },
    select: { id: true },
  });
  // With periods, the one stepping down takes the period place the new site lead leaves (a site
  // lead's place is for every period), so a handover never adds a place beyond a period's cap.
  const newLead = await tx.collaboration.findUniqueOrThrow({
    where: { projectSiteId_userId: { projectSiteId: site.projectSiteId, userId: actor.id } },
    select: { id: true, periodId: true },
  });
  const { count } = await tx.collaboration.updateMany({
    where: { id: row.id, role: "SITE_LEAD", status: "CONFIRMED" },
    data: { role: "COLLABORATOR", periodId: newLead.periodId },
  });
  if (count === 0) throw new DomainError(CHANGED);
  if (newLead.periodId) await tx.collaboration.update({ where: { id: newLead.id }, data: { periodId: null } });
  await audit(tx, {
    actorId: actor.id,
    action: "collaboration.roleChanged",
    entityType: "Collaboration",
    entityId: row.id,
    before: { role: "SITE_LEAD" },
    after: { role: "COLLABORATOR", handedOverTo: actor.id, invitationId: facts.id },
  });
  await audit(tx, {
    actorId: actor.id,
    action: "site.handedOver",
    entityType: "ProjectSite",
    entityId: site.projectSiteId,
    before: { siteLeadId: replaced.id },
    after: { siteLeadId: actor.id, formerSiteLeadId: replaced.id, invitationId: facts.id, decidedAt: now.toISOString() },
  });
  const name = (await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } })).name;
  await notify(tx, [replaced.id], {
    kind: "collaboration.roleChanged",
    projectId: facts.project.id,
    message: `${name} is now a site lead at ${site.name} in ${projectWords(facts.project.title)}, in your place. You are a collaborator on its team: you can stay, leave or move to another hospital.`,
    link: "/dashboard/research",
  });
  return { replacedId: replaced.id };
}

/** The invitee's confirmed place in the team, with the role offered. */
async function joinTeam(tx: DatabaseTransaction, facts: InvitationFacts, actor: AuthzActor, now: Date): Promise<Prisma.InputJsonObject> {
  const site = facts.site!;
  if (facts.kind === "SITE_OBSERVER") return observe(tx, facts, site.projectSiteId, actor, now);
  const role: CollaborationRole = facts.kind === "SITE_LEAD" ? "SITE_LEAD" : "COLLABORATOR";
  const here = await tx.collaboration.findUnique({
    where: { projectSiteId_userId: { projectSiteId: site.projectSiteId, userId: actor.id } },
    select: { id: true, status: true, role: true },
  });
  if (here?.status === "CONFIRMED") {
    // A collaborator of this team who accepted to be its site lead (acceptRefusal lets no other case through).
    await tx.collaboration.update({ where: { id: here.id }, data: { role } });
    await audit(tx, {
      actorId: actor.id,
      action: "collaboration.roleChanged",
      entityType: "Collaboration",
      entityId: here.id,
      before: { role: here.role },
      after: { role, invitationId: facts.id },
    });
    return { collaborationId: here.id };
  }
  // A collaborator's place is for a period in a project with periods (acceptRefusal, asked under the site's lock, found one with room).
  const period = role === "COLLABORATOR" && facts.project.periods.length > 0 ? firstPeriodWithRoom(facts.project.periods, site.periodTaken, facts.project.teamCap, now) : null;
  const data = { role, status: "CONFIRMED" as const, decidedAt: now, periodId: period?.id ?? null };
  const collaborationId = here
    ? (await tx.collaboration.update({ where: { id: here.id }, data, select: { id: true } })).id
    : (await tx.collaboration.create({ data: { ...data, projectSiteId: site.projectSiteId, userId: actor.id }, select: { id: true } })).id;
  await audit(tx, {
    actorId: actor.id,
    action: "collaboration.added",
    entityType: "Collaboration",
    entityId: collaborationId,
    ...(here ? { before: { status: here.status } } : {}),
    after: { status: "CONFIRMED", role, projectSiteId: site.projectSiteId, userId: actor.id, invitationId: facts.id, ...(period ? { periodId: period.id, period: period.number } : {}) },
  });
  return { collaborationId, ...(period ? { period: periodLabel(period) } : {}) };
}

/** The invitee observes the site from now: the row that `site.view` reads (lib/sites/facts.ts). */
async function observe(tx: DatabaseTransaction, facts: InvitationFacts, projectSiteId: string, actor: AuthzActor, now: Date): Promise<Prisma.InputJsonObject> {
  const already = await tx.siteObserver.findUnique({ where: { projectSiteId_userId: { projectSiteId, userId: actor.id } }, select: { addedAt: true } });
  if (already) throw new DomainError(`You already observe ${facts.site!.name}.`);
  await tx.siteObserver.create({ data: { projectSiteId, userId: actor.id, addedAt: now } });
  await audit(tx, {
    actorId: actor.id,
    action: "site.observerAdded",
    entityType: "ProjectSite",
    entityId: projectSiteId,
    after: { userId: actor.id, invitationId: facts.id },
  });
  return { projectSiteId };
}

export interface AcceptedPlace {
  /** What the person now is, as a sentence. */
  message: string;
  /** Where they act in their new place, and the words of the link there. */
  path: string;
  label: string;
}

const PLACE_LINKS = { CO_LEAD: "Open the proposal", SITE_LEAD: "Open the site", TEAM_MEMBER: "See your research", SITE_OBSERVER: "Open the site" } as const;

/** The invitee accepts, and holds the place from this moment, if every rule still allows it. */
export async function acceptInvitation(actor: AuthzActor | null, invitationId: string, now: Date = new Date()): Promise<AcceptedPlace> {
  const loaded = await loadInvitation(db, invitationId, actor?.id);
  assertCan(actor, "invitation.respond", respondFacts(loaded));
  const refused = acceptRefusal(loaded, now);
  if (refused) throw new DomainError(refused);
  return db.$transaction(async (tx) => {
    // The same locks, in the same order, as every other way onto a team: the person,
    // then the site, so that neither the one-team-per-project rule nor the cap can be raced.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id}::uuid FOR UPDATE`;
    if (loaded.site) await tx.$queryRaw`SELECT id FROM "ProjectSite" WHERE id = ${loaded.site.projectSiteId}::uuid FOR UPDATE`;
    const facts = await loadInvitation(tx, invitationId, actor.id);
    const refusal = acceptRefusal(facts, now);
    if (refusal) throw new DomainError(refusal);
    const place = await takePlace(tx, facts, actor, now);
    await applyMove(tx, { id: facts.id, move: "accept", actorId: actor.id, now, details: place });
    const name = (await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } })).name;
    if (facts.invitedById !== actor.id) {
      await notify(tx, [facts.invitedById], {
        kind: "invitation.accepted",
        projectId: facts.project.id,
        message: `${name} accepted your invitation to be ${placeWords(facts)}.`,
        link: inviterPath(facts),
      });
    }
    const period = typeof place.period === "string" ? `, for ${place.period}` : "";
    return { message: `You are now ${placeWords(facts)}${period}.`, path: placePath(facts), label: PLACE_LINKS[facts.kind] };
  });
}

/** The invitee says no; the inviter is told. Returns the place declined, in words. */
export async function declineInvitation(actor: AuthzActor | null, invitationId: string, now: Date = new Date()): Promise<{ place: string; invitedBy: string }> {
  const facts = await loadInvitation(db, invitationId, actor?.id);
  assertCan(actor, "invitation.respond", respondFacts(facts));
  const closed = closedReason(facts, now);
  if (closed) throw new DomainError(closed);
  await db.$transaction(async (tx) => {
    await applyMove(tx, { id: facts.id, move: "decline", actorId: actor.id, now });
    const name = (await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } })).name;
    if (facts.invitedById !== actor.id) {
      await notify(tx, [facts.invitedById], {
        kind: "invitation.declined",
        projectId: facts.project.id,
        message: `${name} declined your invitation to be ${placeWords(facts)}.`,
        link: inviterPath(facts),
      });
    }
  });
  return { place: placeWords(facts), invitedBy: facts.invitedByName };
}

/**
 * Who may withdraw: the person who sent it, or whoever now holds the role that
 * sends such invitations (the site's leads for a team, the project's leads for a co-lead).
 */
export function withdrawFacts(facts: InvitationFacts): ResourceFacts {
  // An invitation to replace a site lead is the project's leads' to take back, never the site lead
  // it would replace (nor the site's other lead).
  if (facts.kind === "SITE_LEAD" && facts.replaces) return { ownerId: facts.invitedById, projectLeadIds: facts.project.leadIds };
  return {
    ownerId: facts.invitedById,
    ...(facts.site ? { siteLeadIds: facts.site.siteLeadIds } : { projectLeadIds: facts.project.leadIds }),
    // An observer is invited by the site's leads or the project's: either may take it back.
    ...(facts.kind === "SITE_OBSERVER" ? { projectLeadIds: facts.project.leadIds } : {}),
  };
}

/** The inviter takes an invitation back before it is answered. */
export async function withdrawInvitation(actor: AuthzActor | null, invitationId: string, now: Date = new Date()): Promise<void> {
  const facts = await loadInvitation(db, invitationId);
  assertCan(actor, "invitation.withdraw", withdrawFacts(facts));
  const closed = closedReason(facts, now);
  if (closed) throw new DomainError(closed);
  await db.$transaction((tx) => applyMove(tx, { id: facts.id, move: "withdraw", actorId: actor.id, now }));
}

/** Withdraws, inside a save of the proposal form, the co-lead invitations the lead unticked. Already checked by the caller. */
export async function withdrawCoLeadInvitations(tx: DatabaseTransaction, actor: AuthzActor, projectId: string, keepIds: readonly string[], now: Date) {
  const dropped = await tx.invitation.findMany({
    where: { projectId, kind: "CO_LEAD", status: PENDING, expiresAt: { gt: now }, id: { notIn: [...keepIds] } },
    select: { id: true },
  });
  for (const { id } of dropped) await applyMove(tx, { id, move: "withdraw", actorId: actor.id, now });
}

/**
 * Withdraws, as a withdrawn site registers again, the invitations to its team
 * still open: they were offered for the registration that ended, and their
 * addresses are the earlier team's business, not the new site lead's.
 */
export async function withdrawSiteInvitations(tx: DatabaseTransaction, actorId: string, projectSiteId: string, now: Date, reason: string) {
  const open = await tx.invitation.findMany({ where: { projectSiteId, status: PENDING, expiresAt: { gt: now } }, select: { id: true } });
  for (const { id } of open) await applyMove(tx, { id, move: "withdraw", actorId, now, details: { reason } });
}

/**
 * Withdraws, as a site's consultant is cleared or their address changed, the open invitations to
 * observe the site sent to any other address: they were sent to the consultant who is no longer named.
 */
export async function withdrawObserverInvitations(tx: DatabaseTransaction, actorId: string, projectSiteId: string, keepEmail: string | null, now: Date) {
  const open = await tx.invitation.findMany({
    where: { projectSiteId, kind: "SITE_OBSERVER", status: PENDING, expiresAt: { gt: now }, ...(keepEmail ? { email: { not: keepEmail } } : {}) },
    select: { id: true },
  });
  for (const { id } of open) await applyMove(tx, { id, move: "withdraw", actorId, now, details: { reason: "consultantChanged" } });
}

/** Most invitations marked expired in one run of the task; the next run takes the rest. */
const EXPIRE_BATCH = 1000;

/** The daily task: marks expired the invitations whose time has passed. Pages already treat them so. */
export async function expireInvitations(now: Date = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const due = await tx.invitation.findMany({ where: { status: PENDING, expiresAt: { lte: now } }, select: { id: true }, take: EXPIRE_BATCH });
    if (due.length === 0) return 0;
    const ids = due.map((row) => row.id);
    const { count } = await tx.invitation.updateMany({ where: { id: { in: ids }, status: PENDING }, data: { status: EXPIRED, decidedAt: now } });
    await tx.auditEvent.createMany({
      data: ids.map((id) => ({
        actorId: null,
        action: transitionOf("expire").action,
        entityType: "Invitation",
        entityId: id,
        before: { status: PENDING },
        after: { status: EXPIRED },
      })),
    });
    return count;
  });
}
