import "server-only";
// Reminders of the reviews the chair assigned (lib/reviews/assignments.ts), daily and at once:
// - a pending assignment (no review of its round by the reviewer yet, no conflict declared since,
//   the proposal still awaiting review at that round) due within REMIND_WITHIN_DAYS days and not yet
//   reminded: the reviewer is reminded once (ReviewAssignment.remindedAt);
// - a pending assignment whose due date passed: the chairs are told once (overdueNotifiedAt), or
//   the administrators when the committee has no chair. Nobody is told about a proposal they lead
//   or declared a conflict in.
// Each claims a batch with one statement (the conditional update is the "once") and tells everyone
// in it with notifyEach: a constant number of statements per batch.
import { db, type DatabaseTransaction } from "@/lib/db";
import { formatLongDay } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyEach } from "@/lib/notifications/notifications";
import { ukToday } from "@/lib/validation/date-input";

/** A reviewer is reminded when the due date is this many days away or fewer. */
export const REMIND_WITHIN_DAYS = 2;
export const REVIEW_REMINDER_BATCH = 200;

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function window(now: Date): { today: string; until: string } {
  const today = ukToday(now);
  return { today, until: isoDay(new Date(new Date(`${today}T00:00:00Z`).getTime() + REMIND_WITHIN_DAYS * DAY)) };
}

/** The conditions of a pending assignment `a`, as SQL. */
const PENDING = Prisma.sql`
  p.status IN ('SUBMITTED', 'IN_REVIEW')
  AND a.round = (SELECT max(v.number) FROM "ProjectVersion" v WHERE v."projectId" = a."projectId")
  AND NOT EXISTS (SELECT 1 FROM "Review" r WHERE r."projectId" = a."projectId" AND r."reviewerId" = a."reviewerId" AND r.round = a.round)
  AND NOT EXISTS (SELECT 1 FROM "ConflictOfInterest" c WHERE c."projectId" = a."projectId" AND c."userId" = a."reviewerId")`;

interface Claimed {
  id: string;
  projectId: string;
  reviewerId: string;
  dueOn: Date;
  title: string;
}

export const reminderMessage = (title: string, dueOn: Date) =>
  `Reminder: your review of "${title}" is due on ${formatLongDay(dueOn)}. Open the proposal to review it, or declare a conflict of interest.`;

/**
 * Reminds the reviewers of these assignments (or of every one due soon, when `ids` is absent) and
 * records when. `whateverTheDate`: the chair's "Send a reminder now", due soon or not, reminded
 * before or not. Returns how many were reminded. Four statements at most.
 */
export async function remindAssignments(
  tx: DatabaseTransaction,
  options: { ids?: string[]; now: Date; whateverTheDate?: boolean; limit?: number },
): Promise<number> {
  const { today, until } = window(options.now);
  const only = options.ids ? Prisma.sql`AND a.id = ANY(${options.ids}::uuid[])` : Prisma.empty;
  const when = options.whateverTheDate
    ? Prisma.empty
    : Prisma.sql`AND a."remindedAt" IS NULL AND a."dueOn" >= ${today}::date AND a."dueOn" <= ${until}::date`;
  const rows = await tx.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT a.id FROM "ReviewAssignment" a JOIN "Project" p ON p.id = a."projectId"
       WHERE ${PENDING} ${only} ${when}
       ORDER BY a.id
       LIMIT ${options.limit ?? REVIEW_REMINDER_BATCH}
       FOR UPDATE OF a SKIP LOCKED
    ), marked AS (
      UPDATE "ReviewAssignment" a SET "remindedAt" = ${options.now} FROM due WHERE a.id = due.id
      RETURNING a.id, a."projectId", a."reviewerId", a."dueOn"
    )
    SELECT m.id, m."projectId", m."reviewerId", m."dueOn", p.title FROM marked m JOIN "Project" p ON p.id = m."projectId"`;
  await notifyEach(
    tx,
    rows.map((row) => ({
      userIds: [row.reviewerId],
      notification: { kind: "review.reminder", projectId: row.projectId, message: reminderMessage(row.title, row.dueOn), link: `/dashboard/review/${row.projectId}` },
    })),
  );
  return rows.length;
}

interface Overdue extends Claimed {
  reviewer: string;
  leads: string[] | null;
  conflicted: string[] | null;
}

/** Tells the chairs of one batch of overdue assignments; returns how many. */
async function tellChairsOfOverdue(tx: DatabaseTransaction, now: Date): Promise<number> {
  const { today } = window(now);
  const rows = await tx.$queryRaw<Overdue[]>`
    WITH due AS (
      SELECT a.id FROM "ReviewAssignment" a JOIN "Project" p ON p.id = a."projectId"
       WHERE ${PENDING} AND a."overdueNotifiedAt" IS NULL AND a."dueOn" < ${today}::date
       ORDER BY a.id
       LIMIT ${REVIEW_REMINDER_BATCH}
       FOR UPDATE OF a SKIP LOCKED
    ), marked AS (
      UPDATE "ReviewAssignment" a SET "overdueNotifiedAt" = ${now} FROM due WHERE a.id = due.id
      RETURNING a.id, a."projectId", a."reviewerId", a."dueOn"
    )
    SELECT m.id, m."projectId", m."reviewerId", m."dueOn", p.title, u.name AS reviewer,
           (SELECT array_agg(l."userId"::text) FROM "ProjectLead" l WHERE l."projectId" = m."projectId") AS leads,
           (SELECT array_agg(c."userId"::text) FROM "ConflictOfInterest" c WHERE c."projectId" = m."projectId") AS conflicted
      FROM marked m JOIN "Project" p ON p.id = m."projectId" JOIN "User" u ON u.id = m."reviewerId"`;
  if (rows.length === 0) return 0;
  const people = await tx.user.findMany({
    where: { deletedAt: null, OR: [{ role: "COMMITTEE", committeeChair: true }, { role: "ADMIN" }] },
    select: { id: true, role: true },
  });
  const chairs = people.filter((person) => person.role === "COMMITTEE").map((person) => person.id);
  const admins = people.filter((person) => person.role === "ADMIN").map((person) => person.id);
  await notifyEach(
    tx,
    rows.map((row) => {
      const excluded = new Set([...(row.leads ?? []), ...(row.conflicted ?? [])]);
      const fit = (ids: string[]) => ids.filter((id) => !excluded.has(id));
      const told = fit(chairs).length > 0 ? fit(chairs) : fit(admins);
      return {
        userIds: told,
        notification: {
          kind: "review.overdue" as const,
          projectId: row.projectId,
          message: `${row.reviewer}'s review of "${row.title}" was due on ${formatLongDay(row.dueOn)} and has not come in.`,
          link: `/dashboard/review/${row.projectId}/reviewers`,
        },
      };
    }),
  );
  return rows.length;
}

/** The daily task: reminders before the due date, and the chairs told once it has passed. */
export async function sendReviewReminders(now: Date = new Date()): Promise<{ reminded: number; overdue: number }> {
  let reminded = 0;
  let overdue = 0;
  for (;;) {
    const count = await db.$transaction((tx) => remindAssignments(tx, { now }));
    reminded += count;
    if (count < REVIEW_REMINDER_BATCH) break;
  }
  for (;;) {
    const count = await db.$transaction((tx) => tellChairsOfOverdue(tx, now));
    overdue += count;
    if (count < REVIEW_REMINDER_BATCH) break;
  }
  return { reminded, overdue };
}
