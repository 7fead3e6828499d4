import "server-only";
import { db } from "@/lib/db";
import { JOB_SCHEMA, QUEUES, type QueueName } from "@/lib/jobs/queue";

/** One trivial round-trip: the database answers. */
export async function databaseAnswers(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
  return row?.ok === 1;
}

export interface QueueCounts {
  queue: QueueName;
  /** Jobs waiting for a worker, including those waiting to be retried. */
  waiting: number;
  /** Jobs a worker holds now. */
  active: number;
  /** Jobs that failed for good and are still kept by the queue (about a week). */
  failed: number;
}

/**
 * What each of the portal's queues holds, in one statement over the job table's live states
 * (finished jobs are not counted, so the cost follows the backlog, not the history).
 */
export async function jobQueueCounts(): Promise<QueueCounts[]> {
  const rows = await db.$queryRawUnsafe<{ name: string; state: string; count: bigint | number }[]>(
    `SELECT name, state::text AS state, count(*) AS count FROM "${JOB_SCHEMA}".job
      WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
  );
  const count = (queue: string, states: string[]) =>
    rows.filter((row) => row.name === queue && states.includes(row.state)).reduce((sum, row) => sum + Number(row.count), 0);
  return Object.values(QUEUES).map(({ name }) => ({
    queue: name,
    waiting: count(name, ["created", "retry"]),
    active: count(name, ["active"]),
    failed: count(name, ["failed"]),
  }));
}

export interface Health {
  ok: boolean;
  database: "ok" | "unavailable";
  jobQueue: { status: "ok" | "unavailable"; waiting?: number; active?: number; failed?: number };
}

/** The database and the job queue, for /api/health: counts only, nothing about anyone. */
export async function health(): Promise<Health> {
  const [database, queues] = await Promise.all([databaseAnswers().catch(() => false), jobQueueCounts().catch(() => null)]);
  const total = (key: "waiting" | "active" | "failed") => queues?.reduce((sum, queue) => sum + queue[key], 0);
  return {
    ok: database && queues !== null,
    database: database ? "ok" : "unavailable",
    jobQueue: queues ? { status: "ok", waiting: total("waiting"), active: total("active"), failed: total("failed") } : { status: "unavailable" },
  };
}
