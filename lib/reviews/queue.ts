import "server-only";
// The committee's queue of proposals awaiting review.
import { pageWindow } from "@/lib/paging";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * call together (the call closing first first), then those in no call, each oldest first. One
 * statement whatever the number of proposals, reviews or assignments (the count and the page
 * together); a second, after, only for a page past the last, which shows the last page instead.
 */
export async function reviewQueue(actor: AuthzActor, filter: number | QueueFilter = 1): Promise<ReviewQueuePage> {
  assertCan(actor, "project.review");
  const { page: requestedPage = 1, call, mine } = typeof filter === "number" ? { page: filter } : filter;
  const me = Prisma.sql`${actor.id}::uuid`;
  const conditions = [
    Prisma.sql`p.status::text IN (${Prisma.join(AWAITING_REVIEW)})`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "ProjectLead" pl WHERE pl."projectId" = p.id AND pl."userId" = ${me})`,
    // A member who declared a conflict of interest is off the proposal for good (docs/decisions/031).
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "ConflictOfInterest" ci WHERE ci."projectId" = p.id AND ci."userId" = ${me})`,
  ];
  // Compared as uuids, so an id typed in capitals still finds its call; one that is not a uuid finds nothing.
  if (call) conditions.push(isUuid(call) ? Prisma.sql`p."callId" = ${call}::uuid` : Prisma.sql`false`);
  if (mine) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ReviewAssignment" ra WHERE ra."projectId" = p.id AND ra."reviewerId" = ${me})`);

  type Row = { total: number; id: string | null; title: string; status: ProjectStatus; submittedAt: Date | null; round: number; reviewsThisRound: number; reviewedByMe: boolean; assignedCount: number; earliestDue: Date | null; myDueOn: Date | null; callId: string | null; callTitle: string | null };
  const read = (page: number) => db.$queryRaw<Row[]>`
    WITH matched AS MATERIALIZED (
           SELECT p.id, p.title, p.status::text AS status, p."submittedAt", p."callId", c.title AS "callTitle", c."closesOn"
             FROM "Project" p
             LEFT JOIN "ReviewCall" c ON c.id = p."callId"
            WHERE ${Prisma.join(conditions, " AND ")}),
         total AS (SELECT count(*)::int AS total FROM matched),
         page AS (
           SELECT m.* FROM matched m
            ORDER BY m."closesOn" ASC NULLS LAST, m."callId" ASC NULLS LAST, m."submittedAt" ASC NULLS LAST, m.id
            LIMIT ${REVIEW_QUEUE_PAGE_SIZE} OFFSET ${(page - 1) * REVIEW_QUEUE_PAGE_SIZE})
    SELECT t.total, pg.id, pg.title, pg.status, pg."submittedAt", pg."callId", pg."callTitle", r.round,
           (SELECT count(*)::int FROM "Review" rv WHERE rv."projectId" = pg.id AND rv.round = r.round) AS "reviewsThisRound",
           EXISTS (SELECT 1 FROM "Review" rv WHERE rv."projectId" = pg.id AND rv.round = r.round AND rv."reviewerId" = ${me}) AS "reviewedByMe",
           (SELECT count(*)::int FROM "ReviewAssignment" ra WHERE ra."projectId" = pg.id AND ra.round = r.round) AS "assignedCount",
           (SELECT min(ra."dueOn") FROM "ReviewAssignment" ra WHERE ra."projectId" = pg.id AND ra.round = r.round) AS "earliestDue",
           (SELECT ra."dueOn" FROM "ReviewAssignment" ra WHERE ra."projectId" = pg.id AND ra.round = r.round AND ra."reviewerId" = ${me} LIMIT 1) AS "myDueOn"
      FROM total t
      LEFT JOIN page pg ON true
      LEFT JOIN LATERAL (
        SELECT COALESCE(max(v.number), 0)::int AS round FROM "ProjectVersion" v WHERE v."projectId" = pg.id AND v.kind = 'PROPOSAL'
      ) r ON true
     ORDER BY pg."closesOn" ASC NULLS LAST, pg."callId" ASC NULLS LAST, pg."submittedAt" ASC NULLS LAST, pg.id`;

  const requested = Math.max(1, requestedPage);
  const requestedRows = await read(requested);
  const total = requestedRows[0]!.total;
  const { page, pageCount } = pageWindow(total, requested, REVIEW_QUEUE_PAGE_SIZE);
  // Asked for a page past the last: the last one, as every list answers.
  const rows = page === requested ? requestedRows : await read(page);
  const items = rows
    .filter((row): row is Row & { id: string } => row.id !== null)
    .map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      submittedAt: row.submittedAt,
      round: row.round,
      reviewsThisRound: row.reviewsThisRound,
      reviewedByMe: row.reviewedByMe,
      assignedCount: row.assignedCount,
      earliestDue: row.earliestDue,
      myDueOn: row.myDueOn,
      call: row.callId && row.callTitle !== null ? { id: row.callId, title: row.callTitle } : null,
    }));
  return { items, total, page, pageCount };
}
