import "server-only";
import type { JobResult, JobWithMetadata } from "pg-boss";
import { sendRequestedPasswordReset } from "@/lib/accounts/reset-password";
import { appDatabase } from "@/lib/db";
import { describeError, log } from "@/lib/log";
import { deliverEmail } from "@/lib/mail/deliver";
import { installJobQueue, jobQueue, QUEUES } from "./queue";
import { SCHEDULED_TASKS } from "./tasks";

/** Messages one fetch of the mail worker takes. */
const MAIL_BATCH = 10;

const globalForWorkers = globalThis as unknown as { radiantQueueStarted?: Promise<void>; radiantWorkersStarted?: Promise<void> };

/**
 * Opens this process's job queue. Every process that queues jobs starts it before its first
 * request: a started queue knows its queues, so queuing inside a transaction needs no other
 * connection (on the embedded database, whose one connection the transaction holds, it must not).
 */
export function startJobQueue(): Promise<void> {
  globalForWorkers.radiantQueueStarted ??= (async () => {
    const handle = appDatabase();
    await handle.withSession((session) => installJobQueue(handle, session));
    await jobQueue().start();
  })();
  return globalForWorkers.radiantQueueStarted;
}

/**
 * Starts this process's workers: mail delivery, password-reset requests, and the scheduled tasks (digests, reminders,
 * clean-up). Every portal process runs them; pg-boss hands each job to one of them only.
 */
export function startJobWorkers(): Promise<void> {
  globalForWorkers.radiantWorkersStarted ??= startWorkers();
  return globalForWorkers.radiantWorkersStarted;
}

/**
 * Runs one job and writes its log line: the queue (and the scheduled task's name), the job's
 * id, how it ended and how long it took. Never the job's data, which may hold an address.
 */
async function logged(queue: string, job: { id: string }, work: () => Promise<unknown>, task?: string): Promise<void> {
  const started = performance.now();
  const name = task ? `${queue}:${task}` : queue;
  try {
    await work();
    log("info", "job", { job: name, jobId: job.id, outcome: "completed", durationMs: Math.round(performance.now() - started) });
  } catch (error) {
    log("error", "job", { job: name, jobId: job.id, outcome: "failed", durationMs: Math.round(performance.now() - started), ...describeError(error) });
    throw error;
  }
}

async function startWorkers(): Promise<void> {
  await startJobQueue();
  const boss = jobQueue();
  // Up to MAIL_BATCH messages a fetch, each settled on its own, and the next fetch at once while
  // fetches come back full: a burst of hundreds (an author list frozen, a message to every site
  // lead) is sent in seconds, not one a second, and a password reset queued behind it is not kept
  // waiting for minutes. Delivery is idempotent (lib/mail/deliver.ts), so a retried batch sends
  // nothing twice.
  await boss.work<{ messageId: string }>(
    QUEUES.deliverEmail.name,
    { includeMetadata: true, batchSize: MAIL_BATCH, burstWhenBatchFull: true, perJobResults: true, pollingIntervalSeconds: 1 } as const,
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs as JobWithMetadata<{ messageId: string }>[]) {
        try {
          await logged(QUEUES.deliverEmail.name, job, () => deliverEmail(job.data.messageId, { finalAttempt: job.retryCount >= job.retryLimit }));
          results.push({ id: job.id, status: "completed" });
        } catch (error) {
          results.push({ id: job.id, status: "failed", output: { message: error instanceof Error ? error.message : String(error) } });
        }
      }
      return results;
    },
  );
  await boss.work<{ email: string }>(QUEUES.passwordResetRequest.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await logged(QUEUES.passwordResetRequest.name, job, () => sendRequestedPasswordReset(job.data.email));
  });
  await boss.work<{ task: string }>(QUEUES.scheduled.name, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
    const task = SCHEDULED_TASKS.find((candidate) => candidate.name === job?.data.task);
    if (job && task) await logged(QUEUES.scheduled.name, job, () => task.run(new Date()), task.name);
  });
  for (const task of SCHEDULED_TASKS) {
    await boss.schedule(QUEUES.scheduled.name, task.cron, { task: task.name }, { key: task.name, tz: "Europe/London" });
  }
}

/** Stops this process's workers, keeping the queue open for sending (tests). */
export async function stopJobWorkers(): Promise<void> {
  if (!globalForWorkers.radiantWorkersStarted) return;
  await globalForWorkers.radiantWorkersStarted.catch(() => undefined);
  globalForWorkers.radiantWorkersStarted = undefined;
  const boss = jobQueue();
  await boss.offWork(QUEUES.deliverEmail.name, { wait: true });
  await boss.offWork(QUEUES.passwordResetRequest.name, { wait: true });
  await boss.offWork(QUEUES.scheduled.name, { wait: true });
}

/** Stops the queue and its workers (end of a test file, a graceful shutdown). */
export async function stopJobQueue(): Promise<void> {
  await stopJobWorkers();
  if (!globalForWorkers.radiantQueueStarted) return;
  await globalForWorkers.radiantQueueStarted.catch(() => undefined);
  globalForWorkers.radiantQueueStarted = undefined;
  await jobQueue().stop({ graceful: true, timeout: 5000, close: true });
}
