import "server-only";
import { purgeExpiredSessions } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { sendDailyDigests } from "@/lib/notifications/digest";
import { announceNewProjects } from "@/lib/notifications/new-projects";
import { sendDailyReminders } from "@/lib/notifications/reminders";
import { sendReviewReminders } from "@/lib/reviews/reminders";
import { expireInvitations } from "@/lib/invitations/lifecycle";
import { eraseInactiveAccounts, warnInactiveAccounts } from "@/lib/privacy/inactive-accounts";
import { RETENTION } from "@/lib/privacy/retention";
import { purgeClosedInvitations, purgeOldAccountLinks, purgeOldRateLimits } from "@/lib/privacy/purge";

export interface ScheduledTask {
  /** Unique: the schedule's key. */
  name: string;
  /** When it runs (cron, Europe/London). */
  cron: string;
  run(now: Date): Promise<unknown>;
}

/** How long sent and failed e-mails are kept for support. */
export const EMAIL_RETENTION_DAYS = RETENTION.emailDays;

/** Forgets e-mails older than the retention period. */
export async function purgeOldEmails(now: Date): Promise<number> {
  const before = new Date(now.getTime() - EMAIL_RETENTION_DAYS * 24 * 3600 * 1000);
  const { count } = await db.emailMessage.deleteMany({ where: { createdAt: { lt: before }, status: { in: ["SENT", "FAILED"] } } });
  return count;
}

/** Every scheduled task of the portal. Add a row to add one. */
export const SCHEDULED_TASKS: readonly ScheduledTask[] = [
  { name: "purge-old-emails", cron: "30 3 * * *", run: purgeOldEmails },
  { name: "purge-expired-sessions", cron: "15 * * * *", run: purgeExpiredSessions },
  // Each member's digest of what they chose to hear about once a day, before the working day.
  { name: "daily-digest", cron: "0 7 * * *", run: sendDailyDigests },
  // Quiet sites reminded, unanswered requests to join passed to the project's leads.
  { name: "daily-reminders", cron: "0 9 * * *", run: sendDailyReminders },
  // Reviewers reminded two days before an assigned review is due; the chairs told once it is overdue.
  { name: "review-reminders", cron: "30 8 * * *", run: sendReviewReminders },
  // New projects for members who asked, on Monday mornings.
  { name: "weekly-new-projects", cron: "0 8 * * 1", run: announceNewProjects },
  // Pages already treat an invitation past its date as expired; this marks it so on the record.
  { name: "expire-invitations", cron: "15 3 * * *", run: expireInvitations },
  // Retention (lib/privacy/retention.ts, stated on the privacy notice). Erasure runs before the
  // warnings so that nobody is warned and erased by one night's runs.
  { name: "erase-inactive-accounts", cron: "0 4 * * *", run: eraseInactiveAccounts },
  { name: "warn-inactive-accounts", cron: "20 4 * * *", run: warnInactiveAccounts },
  { name: "purge-old-account-links", cron: "40 3 * * *", run: purgeOldAccountLinks },
  { name: "purge-old-rate-limits", cron: "45 * * * *", run: purgeOldRateLimits },
  { name: "purge-closed-invitations", cron: "50 3 * * *", run: purgeClosedInvitations },
];
