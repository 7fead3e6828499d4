import "server-only";
// The chair asks committee members to review the version of a proposal under review by a date
// (ReviewAssignment). Who may be asked is decided here, once: the page's list of candidates and
// the command's refusals come from the same reasons.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatLongDay } from "@/lib/format/dates";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { assertUuid } from "@/lib/ids";
import { notify } from "@/lib/notifications/notifications";
import { assertProjectId } from "@/lib/projects/content";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { ukToday } from "@/lib/validation/date-input";
import { remindAssignments } from "./reminders";

const AWAITING: ProjectStatus[] = ["SUBMITTED", "IN_REVIEW"];

/** Today in the UK as a stored day (midnight UTC). */
export function ukDay(now: Date): Date {
  return new Date(`${ukToday(now)}T00:00:00Z`);
}

export const reviewPath = (projectId: string) => `/dashboard/review/${projectId}`;
export const reviewersPath = (projectId: string) => `/dashboard/review/${projectId}/reviewers`;

interface ProposalFacts {
  id: string;
  title: string;
  status: ProjectStatus;
  round: number;
  leadIds: string[];
  conflictedIds: string[];
  reviewedIds: string[];
}

async function loadProposal(client: DatabaseTransaction | typeof db, projectId: string): Promise<ProposalFacts | null> {
  const project = await client.project.findFirst({
    where: { id: projectId, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      status: true,
      leads: { select: { userId: true } },
      conflicts: { select: { userId: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
      reviews: { select: { reviewerId: true, round: true } },
    },
  });
  if (!project) return null;
  const round = project.versions[0]?.number ?? 0;
  return {
    id: project.id,
    title: project.title,
    status: project.status,
    round,
    leadIds: project.leads.map((lead) => lead.userId),
    conflictedIds: project.conflicts.map((conflict) => conflict.userId),
    reviewedIds: project.reviews.filter((review) => review.round === round).map((review) => review.reviewerId),
  };
}

const factsOf = (proposal: ProposalFacts) => ({ projectLeadIds: proposal.leadIds, conflictedIds: proposal.conflictedIds });

/**
 * The proposal, if the actor may assign its reviewers; otherwise not found (a member who may
 * not assign learns nothing of it), or forbidden for a committee member who could see it.
 */
async function proposalToAssign(actor: AuthzActor | null, projectId: string, client: DatabaseTransaction | typeof db = db): Promise<ProposalFacts> {
  assertProjectId(projectId);
  const proposal = await loadProposal(client, projectId);
  if (!proposal) {
    assertCan(actor, "review.assign");
    throw new NotFoundError("That proposal");
  }
  assertCan(actor, "review.assign", factsOf(proposal));
  return proposal;
}

function assertAwaiting(proposal: ProposalFacts): void {
  if (!AWAITING.includes(proposal.status)) throw new DomainError("This proposal is not awaiting review, so its reviewers cannot be changed.");
}

function assertDueOn(dueOn: Date, now: Date): void {
  if (dueOn < ukDay(now)) throw new DomainError("Due date must be today or in the future", "dueOn");
}

/** Why a member cannot be asked to review this round of the proposal, or null. */
export function cannotAssignReason(
  proposal: Pick<ProposalFacts, "leadIds" | "conflictedIds" | "reviewedIds">,
  person: { id: string; name: string; role: string; deletedAt: Date | null } | null,
  alreadyAssigned: boolean,
): string | null {
  if (!person || person.deletedAt) return "Choose a committee member from the list.";
  if (person.role !== "COMMITTEE") return `${person.name} is not on the committee, so cannot be asked to review.`;
  if (proposal.leadIds.includes(person.id)) return `${person.name} leads this proposal, so cannot review it.`;
  if (proposal.conflictedIds.includes(person.id)) return `${person.name} declared a conflict of interest in this proposal, so cannot review it.`;
  if (proposal.reviewedIds.includes(person.id)) return `${person.name} has already reviewed this version.`;
  if (alreadyAssigned) return `${person.name} is already asked to review this version. Change the due date in the list instead.`;
  return null;
}

export interface AssignmentRow {
  id: string;
  reviewerId: string;
  reviewer: string;
  dueOn: Date;
  assignedAt: Date;
  reviewed: boolean;
  remindedAt: Date | null;
  overdueNotifiedAt: Date | null;
  overdue: boolean;
}

export interface ReviewersView {
  id: string;
  title: string;
  status: ProjectStatus;
  round: number;
  awaiting: boolean;
  assignments: AssignmentRow[];
  /** Committee members who may be asked to review this version. */
  candidates: { id: string; name: string }[];
  today: Date;
}

/**
 * The reviewers page: the assignments of the version under review, and who else may be asked.
 * Three statements whatever the number of assignments or committee members.
 */
export async function getReviewersView(actor: AuthzActor, projectId: string, now: Date = new Date()): Promise<ReviewersView> {
  const proposal = await proposalToAssign(actor, projectId);
  const today = ukDay(now);
  const [assignments, committee] = await Promise.all([
    db.reviewAssignment.findMany({
      where: { projectId: proposal.id, round: proposal.round },
      orderBy: [{ dueOn: "asc" }, { assignedAt: "asc" }],
      select: {
        id: true,
        reviewerId: true,
        dueOn: true,
        assignedAt: true,
        remindedAt: true,
        overdueNotifiedAt: true,
        reviewer: { select: { name: true } },
      },
    }),
    db.user.findMany({
      where: {
        role: "COMMITTEE",
        deletedAt: null,
        id: { notIn: [...proposal.leadIds, ...proposal.conflictedIds, ...proposal.reviewedIds] },
        reviewAssignments: { none: { projectId: proposal.id, round: proposal.round } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
      take: 500,
    }),
  ]);
  return {
    id: proposal.id,
    title: proposal.title,
    status: proposal.status,
    round: proposal.round,
    awaiting: AWAITING.includes(proposal.status),
    assignments: assignments.map((row) => {
      const reviewed = proposal.reviewedIds.includes(row.reviewerId);
      return {
        id: row.id,
        reviewerId: row.reviewerId,
        reviewer: row.reviewer.name,
        dueOn: row.dueOn,
        assignedAt: row.assignedAt,
        reviewed,
        remindedAt: row.remindedAt,
        overdueNotifiedAt: row.overdueNotifiedAt,
        overdue: !reviewed && row.dueOn < today,
      };
    }),
    candidates: committee,
    today,
  };
}

/** Whether the actor may open the reviewers page of a proposal (a link on the review page). */
export function mayAssign(actor: AuthzActor, facts: { leadIds: readonly string[]; conflictedIds: readonly string[] }): boolean {
  return can(actor, "review.assign", { projectLeadIds: facts.leadIds, conflictedIds: facts.conflictedIds });
}

/**
 * Asks committee members to review the version under review by `dueOn`, each told at once (and,
 * if the date is within the reminder window, reminded in the same transaction). All or nothing:
 * one member who cannot be asked refuses the whole request, saying why.
 */
export async function assignReviewers(
  actor: AuthzActor | null,
  projectId: string,
  input: { reviewerIds: string[]; dueOn: Date },
  now: Date = new Date(),
): Promise<{ assigned: { id: string; name: string }[]; reminded: number }> {
  const proposal = await proposalToAssign(actor, projectId);
  assertAwaiting(proposal);
  assertDueOn(input.dueOn, now);
  const reviewerIds = [...new Set(input.reviewerIds)];
  if (reviewerIds.length === 0) throw new DomainError("Choose a committee member from the list", "reviewerId");
  for (const id of reviewerIds) assertUuid(id, "That committee member");
  try {
    return await db.$transaction(async (tx) => {
      // Read again inside the transaction: a review or a conflict declared meanwhile counts.
      const current = (await loadProposal(tx, proposal.id))!;
      if (current.round !== proposal.round) throw new DomainError("The proposal was resubmitted while you were looking at it. Reload the page and try again.");
      const [people, existing] = await Promise.all([
        tx.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true, role: true, deletedAt: true } }),
        tx.reviewAssignment.findMany({ where: { projectId: proposal.id, round: proposal.round, reviewerId: { in: reviewerIds } }, select: { reviewerId: true } }),
      ]);
      for (const id of reviewerIds) {
        const reason = cannotAssignReason(
          current,
          people.find((person) => person.id === id) ?? null,
          existing.some((row) => row.reviewerId === id),
        );
        if (reason) throw new DomainError(reason, "reviewerId");
      }
      const created = await tx.reviewAssignment.createManyAndReturn({
        data: reviewerIds.map((reviewerId) => ({ projectId: proposal.id, round: proposal.round, reviewerId, assignedById: actor!.id, dueOn: input.dueOn })),
        select: { id: true, reviewerId: true },
      });
      for (const row of created) {
        await audit(tx, {
          actorId: actor!.id,
          action: "review.assigned",
          entityType: "Project",
          entityId: proposal.id,
          after: { assignmentId: row.id, reviewerId: row.reviewerId, round: proposal.round, dueOn: input.dueOn.toISOString().slice(0, 10) },
        });
      }
      await notify(tx, reviewerIds, {
        kind: "review.assigned",
        projectId: proposal.id,
        message: `The chair asks you to review version ${proposal.round} of "${proposal.title}" by ${formatLongDay(input.dueOn)}.`,
        link: reviewPath(proposal.id),
      });
      const reminded = await remindAssignments(tx, { ids: created.map((row) => row.id), now });
      const names = new Map(people.map((person) => [person.id, person.name]));
      return { assigned: created.map((row) => ({ id: row.id, name: names.get(row.reviewerId)! })), reminded };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("That member was asked to review this version meanwhile. Reload the page to see the list.", "reviewerId");
    throw error;
  }
}

/** One assignment of the proposal's current round; another proposal's, or a made-up id, is not found. */
async function assignmentOf(tx: DatabaseTransaction, proposal: ProposalFacts, assignmentId: string) {
  assertUuid(assignmentId, "That assignment");
  const row = await tx.reviewAssignment.findFirst({
    where: { id: assignmentId, projectId: proposal.id, round: proposal.round },
    select: { id: true, reviewerId: true, dueOn: true, reviewer: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError("That assignment");
  return row;
}

/** Moves an assignment's due date; a reminder already sent is forgotten if the new date is further off. */
export async function changeAssignmentDue(actor: AuthzActor | null, projectId: string, input: { assignmentId: string; dueOn: Date }, now: Date = new Date()) {
  const proposal = await proposalToAssign(actor, projectId);
  assertAwaiting(proposal);
  assertDueOn(input.dueOn, now);
  return db.$transaction(async (tx) => {
    const row = await assignmentOf(tx, proposal, input.assignmentId);
    if (proposal.reviewedIds.includes(row.reviewerId)) throw new DomainError(`${row.reviewer.name} has already reviewed this version.`);
    // A new date means a new reminder before it, and a new notice to the chair if it passes.
    await tx.reviewAssignment.update({ where: { id: row.id }, data: { dueOn: input.dueOn, remindedAt: null, overdueNotifiedAt: null } });
    await audit(tx, {
      actorId: actor!.id,
      action: "review.assignmentChanged",
      entityType: "Project",
      entityId: proposal.id,
      before: { assignmentId: row.id, dueOn: row.dueOn.toISOString().slice(0, 10) },
      after: { assignmentId: row.id, dueOn: input.dueOn.toISOString().slice(0, 10) },
    });
    await notify(tx, [row.reviewerId], {
      kind: "review.assigned",
      projectId: proposal.id,
      message: `The chair moved the due date of your review of "${proposal.title}" to ${formatLongDay(input.dueOn)}.`,
      link: reviewPath(proposal.id),
    });
    await remindAssignments(tx, { ids: [row.id], now });
    return { name: row.reviewer.name };
  });
}

/** Withdraws an assignment: the member is no longer asked (they may still review, as any member of the committee). */
export async function withdrawAssignment(actor: AuthzActor | null, projectId: string, assignmentId: string) {
  const proposal = await proposalToAssign(actor, projectId);
  return db.$transaction(async (tx) => {
    const row = await assignmentOf(tx, proposal, assignmentId);
    await tx.reviewAssignment.delete({ where: { id: row.id } });
    await audit(tx, {
      actorId: actor!.id,
      action: "review.assignmentWithdrawn",
      entityType: "Project",
      entityId: proposal.id,
      before: { assignmentId: row.id, reviewerId: row.reviewerId, dueOn: row.dueOn.toISOString().slice(0, 10) },
    });
    return { name: row.reviewer.name };
  });
}

/** "Send a reminder now": the reviewer is reminded whatever the date, and the reminder recorded. */
export async function remindNow(actor: AuthzActor | null, projectId: string, assignmentId: string, now: Date = new Date()) {
  const proposal = await proposalToAssign(actor, projectId);
  assertAwaiting(proposal);
  return db.$transaction(async (tx) => {
    const row = await assignmentOf(tx, proposal, assignmentId);
    if (proposal.reviewedIds.includes(row.reviewerId)) throw new DomainError(`${row.reviewer.name} has already reviewed this version, so needs no reminder.`);
    await remindAssignments(tx, { ids: [row.id], now, whateverTheDate: true });
    await audit(tx, { actorId: actor!.id, action: "review.reminded", entityType: "Project", entityId: proposal.id, after: { assignmentId: row.id } });
    return { name: row.reviewer.name };
  });
}
