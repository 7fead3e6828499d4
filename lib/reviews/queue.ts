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
}

export const REVIEW_QUEUE_PAGE_SIZE = 25;

export interface ReviewQueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Proposals awaiting the committee, oldest first, except those the actor
 * leads, a page at a time. Two statements whatever the number of proposals or reviews.
 */
export async function reviewQueue(actor: AuthzActor, requestedPage = 1): Promise<ReviewQueuePage> {
  assertCan(actor, "project.review");
  const where: Prisma.ProjectWhereInput = { status: { in: AWAITING_REVIEW }, leads: { none: { userId: actor.id } } };
  const total = await db.project.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, requestedPage, REVIEW_QUEUE_PAGE_SIZE);
  const rows = await db.project.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    skip,
    take,
    select: {
      id: true,
      title: true,
      status: true,
      submittedAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
      reviews: { select: { round: true, reviewerId: true } },
    },
  });
  const items = rows.map((row) => {
    const round = row.versions[0]?.number ?? 0;
    const current = row.reviews.filter((review) => review.round === round);
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      submittedAt: row.submittedAt,
      round,
      reviewsThisRound: current.length,
      reviewedByMe: current.some((review) => review.reviewerId === actor.id),
    };
  });
  return { items, total, page, pageCount };
}

