import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageWindow } from "@/lib/paging";
import { decryptSecret, revealSecret } from "./secret";
import { usesDevelopmentMailbox } from "./transport";

export const MAILBOX_PAGE_SIZE = 20;

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  createdAt: Date;
}

/**
 * The development mailbox: every message the portal would have sent, as sent, links included.
 * It exists only in development without SMTP_URL; anywhere else it is not found.
 */
export async function readDevelopmentMailbox(requestedPage = 1): Promise<{ messages: MailboxMessage[]; page: number; pageCount: number; total: number }> {
  if (!usesDevelopmentMailbox()) throw new NotFoundError("The development mailbox");
  const total = await db.emailMessage.count();
  const { page, pageCount, skip } = pageWindow(total, requestedPage, MAILBOX_PAGE_SIZE);
  const rows = await db.emailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: MAILBOX_PAGE_SIZE,
    select: { id: true, to: true, subject: true, text: true, secret: true, status: true, createdAt: true },
  });
  return {
    messages: rows.map(({ secret, text, ...row }) => ({ ...row, text: revealSecret(text, secret === null ? null : decryptSecret(secret)) })),
    page,
    pageCount,
    total,
  };
}
