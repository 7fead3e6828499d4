import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { EmailStatus, Prisma } from "@/lib/generated/prisma/client";
import { QUEUES, sendJob } from "@/lib/jobs/queue";
import { pageWindow } from "@/lib/paging";
import { EMAIL_RETENTION_DAYS } from "@/lib/jobs/tasks";
import type { EmailSearch } from "@/lib/validation/mail";
import { assertUuid } from "@/lib/ids";

export const EMAILS_PAGE_SIZE = 25;

export interface EmailRow {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  /** Whether it carried a single-use link, which is not kept and so cannot be sent again. */
  hadSecret: boolean;
}

/** An e-mail as the list in the browser shows it: times already formatted, the send or the failure as one outcome. */
export type EmailView = Omit<EmailRow, "createdAt" | "sentAt" | "failedAt"> & { createdAt: string; outcomeAt: string | null };

export interface EmailList {
  rows: EmailRow[];
  total: number;
  failed: number;
  page: number;
  pageCount: number;
  retentionDays: number;
}

/** What the portal has e-mailed, newest first, for administrators helping a member. Three statements. */
export async function listEmails(actor: AuthzActor | null, search: EmailSearch): Promise<EmailList> {
  assertCan(actor, "mail.manage");
  const where: Prisma.EmailMessageWhereInput = {
    ...(search.status ? { status: search.status } : {}),
    ...(search.to ? { to: { contains: search.to.toLowerCase() } } : {}),
  };
  const [total, failed] = await Promise.all([db.emailMessage.count({ where }), db.emailMessage.count({ where: { status: "FAILED" } })]);
  const { page, pageCount, skip } = pageWindow(total, search.page, EMAILS_PAGE_SIZE);
  const rows = await db.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: EMAILS_PAGE_SIZE,
    select: { id: true, to: true, subject: true, kind: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, failedAt: true, text: true },
  });
  return {
    rows: rows.map(({ text, ...row }) => ({ ...row, hadSecret: text.includes("{{secret}}") })),
    total,
    failed,
    page,
    pageCount,
    retentionDays: EMAIL_RETENTION_DAYS,
  };
}

/**
 * Queues a failed message again (after the address or the mail server was mended). A message
 * that carried a single-use link cannot be: its link was erased when it failed, and a new one
 * must be asked for.
 */
export async function resendEmail(actor: AuthzActor | null, messageId: string): Promise<{ to: string }> {
  assertCan(actor, "mail.manage");
  assertUuid(messageId, "That message");
  const message = await db.emailMessage.findUnique({ where: { id: messageId }, select: { id: true, to: true, status: true, text: true } });
  if (!message) throw new NotFoundError("That message");
  if (message.status !== "FAILED") throw new DomainError("Only a message that failed can be sent again. This one has not failed.");
  if (message.text.includes("{{secret}}")) {
    throw new DomainError(
      "This message held a single-use link, which is not kept once a message fails. Ask the member to request a new link, or send a new password-reset link from the members page.",
    );
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.emailMessage.updateMany({
      where: { id: message.id, status: "FAILED" },
      data: { status: "QUEUED", failedAt: null },
    });
    if (count === 0) throw new DomainError("Someone sent this message again a moment ago.");
    await sendJob(tx, QUEUES.deliverEmail.name, { messageId: message.id });
    await audit(tx, { actorId: actor.id, action: "email.resent", entityType: "EmailMessage", entityId: message.id, before: { status: "FAILED" }, after: { status: "QUEUED" } });
    return { to: message.to };
  });
}
