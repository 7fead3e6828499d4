// The job queue: pg-boss, kept in the same PostgreSQL as the portal's data (its own schema,
// "pgboss"), so that a job is written in the transaction of the event that causes it and is
// claimed by exactly one portal process (SKIP LOCKED). See docs/decisions/006-mail-and-jobs.md.
import { fromPglite, fromPrisma, getConstructionPlans, PgBoss, type Queue } from "pg-boss";
import type { DatabaseHandle, DatabaseTransaction, SqlSession } from "@/lib/db";
import { appDatabase } from "@/lib/db";

export const JOB_SCHEMA = "pgboss";

/** Every queue, with its retry rule. Delivery retries with backoff for about a day. */
export const QUEUES = {
  deliverEmail: { name: "mail-deliver", options: { retryLimit: 10, retryDelay: 30, retryBackoff: true, retryDelayMax: 3 * 3600, expireInSeconds: 120 } },
  /**
   * "Forgotten your password?" requests: the page's answer costs the same whether or not an
   * account uses the address, and the worker looks it up (lib/accounts/reset-password.ts).
   */
  passwordResetRequest: { name: "account-password-reset", options: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 } },
  /** Scheduled housekeeping and reminders: one run at a time, retried a few times. */
  scheduled: { name: "scheduled", options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 600 } },
} as const satisfies Record<string, { name: string; options: Omit<Queue, "name"> }>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

function newBoss(handle: DatabaseHandle, extra: Partial<ConstructorParameters<typeof PgBoss>[0] & object> = {}): PgBoss {
  const connection = handle.jobQueueConnection;
  const boss =
    connection.kind === "pglite"
      ? new PgBoss({ db: fromPglite(connection.lite), backend: "pglite", schema: JOB_SCHEMA, ...extra })
      : new PgBoss({ connectionString: connection.url, schema: JOB_SCHEMA, max: 3, ...extra });
  boss.on("error", (error) => console.error("Job queue:", error));
  return boss;
}

/**
 * Creates the queue's schema and queues in a database that has none (a new database, or a
 * test's), so that the first event can queue a job before any worker has started. Later
 * versions of pg-boss migrate their own schema when a worker starts.
 */
export async function installJobQueue(handle: DatabaseHandle, session: SqlSession): Promise<void> {
  const [row] = await session.query<{ installed: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS installed",
    [JOB_SCHEMA],
  );
  if (!row?.installed) await session.exec(getConstructionPlans(JOB_SCHEMA));
  const boss = newBoss(handle, { supervise: false, schedule: false, migrate: true });
  await boss.start();
  try {
    for (const queue of Object.values(QUEUES)) {
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue.options);
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

const globalForJobs = globalThis as unknown as { radiantJobs?: { handle: DatabaseHandle; boss: PgBoss } };

/** The process's pg-boss on the app's database (never started here: sending needs no start). */
export function jobQueue(): PgBoss {
  const handle = appDatabase();
  if (globalForJobs.radiantJobs?.handle !== handle) globalForJobs.radiantJobs = { handle, boss: newBoss(handle) };
  return globalForJobs.radiantJobs.boss;
}

/** Queues a job inside `tx`: it exists if and only if the transaction commits. */
export async function sendJob(tx: DatabaseTransaction, queue: QueueName, data: object, options: { startAfter?: Date; singletonKey?: string } = {}): Promise<void> {
  await jobQueue().send(queue, data, { ...options, db: fromPrisma(tx) });
}

/** Queues one job per item inside `tx`, in one statement (the queue's retry rule applies to each). */
export async function sendJobs(tx: DatabaseTransaction, queue: QueueName, items: readonly object[]): Promise<void> {
  if (items.length === 0) return;
  await jobQueue().insert(queue, items.map((data) => ({ data })), { db: fromPrisma(tx) });
}
