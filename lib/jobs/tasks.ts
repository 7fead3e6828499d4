import "server-only";
import { db } from "@/lib/db";
import { expireInvitations } from "@/lib/invitations/lifecycle";

export interface ScheduledTask {
  /** Unique: the schedule's key. */
  name: string;
  /** When it runs (cron, Europe/London). */
  cron: string;
  run(now: Date): Promise<unknown>;
}

/** How long sent and failed e-mails are kept for support. */
export const EMAIL_RETENTION_DAYS = 90;

/** Forgets e-mails older than the retention period. */
export async function purgeOldEmails(now: Date): Promise<number> {
  const before = new Date(now.getTime() - EMAIL_RETENTION_DAYS * 24 * 3600 * 1000);
  const { count } = await db.emailMessage.deleteMany({ where: { createdAt: { lt: before }, status: { in: ["SENT", "FAILED"] } } });
  return count;
}

/** Every scheduled task of the portal. Add a row to add one. */
export const SCHEDULED_TASKS: readonly ScheduledTask[] = [
  { name: "purge-old-emails", cron: "30 3 * * *", run: purgeOldEmails },
  // Pages already treat an invitation past its date as expired; this marks it so on the record.
  { name: "expire-invitations", cron: "15 3 * * *", run: expireInvitations },
];
