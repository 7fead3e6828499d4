import "server-only";
// The committee's queue of proposals awaiting review.
import { pageWindow } from "@/lib/paging";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { AWAITING_REVIEW } from "./reviews";

export interface QueueItem {
  id: string;
  title: string;
  status: ProjectStatus;
  submittedAt: Date | null;
  round: number;
  reviewsThisRound: number;
  reviewedByMe: boolean;
  /** Committee members asked to review this version, and the earliest date one of them is due. */
  assignedCount: number;
  earliestDue: Date | null;
  /** When the actor is asked to review this version, by when. */
  myDueOn: Date | null;
  call: { id: string; title: string } | null;
}

/** The queue's filters: a call for proposals, and only what the actor is asked to review. */
export interface QueueFilter {
  page?: number;
  call?: string | undefined;
  mine?: "1" | undefined;
}

export const REVIEW_QUEUE_PAGE_SIZE = 25;

export interface ReviewQueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Proposals awaiting the committee, except those the actor leads, a page at a time: those of a
 * call together (the call closing first first), then those in no call, each oldest first. Two
 * statements whatever the number of proposals, reviews or assignments.
 */
export async function reviewQueue(actor: AuthzActor, filter: number | QueueFilter = 1): Promise<ReviewQueuePage> {
  assertCan(actor, "project.review");
  const { page: requestedPage = 1, call, mine } = typeof filter === "number" ? { page: filter } : filter;
  const where: Prisma.ProjectWhereInput = {
    status: { in: AWAITING_REVIEW },
    leads: { none: { userId: actor.id } },
    // A member who declared a conflict of interest is off the proposal for good (docs/decisions/031).
    conflicts: { none: { userId: actor.id } },
    ...(call ? { callId: call } : {}),
    ...(mine ? { reviewAssignments: { some: { reviewerId: actor.id } } } : {}),
  };
  const total = await db.project.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, REVIEW_QUEUE_PAGE_SIZE);
  const rows = await db.project.findMany({
    where,
    orderBy: [{ call: { closesOn: "asc" } }, { callId: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
    skip,
    take,
    select: {
      id: true,
      title: true,
      status: true,
      submittedAt: true,
      versions: { where: { kind: "PROPOSAL" }, orderBy: { number: "desc" }, take: 1, select: { number: true } },
      reviews: { select: { round: true, reviewerId: true } },
      reviewAssignments: { select: { round: true, reviewerId: true, dueOn: true } },
      call: { select: { id: true, title: true } },
    },
  });
  const items = rows.map((row) => {
    const round = row.versions[0]?.number ?? 0;
    const current = row.reviews.filter((review) => review.round === round);
    const assigned = row.reviewAssignments.filter((assignment) => assignment.round === round);
    const dues = assigned.map((assignment) => assignment.dueOn.getTime());
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      submittedAt: row.submittedAt,
      round,
      reviewsThisRound: current.length,
      reviewedByMe: current.some((review) => review.reviewerId === actor.id),
      assignedCount: assigned.length,
      earliestDue: dues.length > 0 ? new Date(Math.min(...dues)) : null,
      myDueOn: assigned.find((assignment) => assignment.reviewerId === actor.id)?.dueOn ?? null,
      call: row.call,
    };
  });
  return { items, total, page, pageCount };
}

