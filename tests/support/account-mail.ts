// Reads the account e-mails the portal queued, as the person would receive them: the link with
// its token put in (the outbox keeps the token apart, encrypted, until the e-mail is sent).
import { expect } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret, revealSecret, SECRET_PLACEHOLDER } from "@/lib/mail/secret";

export interface QueuedAccountEmail {
  id: string;
  kind: string;
  subject: string;
  /** The plain text as stored: with {{secret}} where the token goes. */
  stored: string;
  /** The plain text as sent. */
  text: string;
  html: string;
  token: string | null;
  headers: unknown;
}

/** Every e-mail queued to `to` of this kind, oldest first. */
export async function queuedEmails(to: string, kind?: string): Promise<QueuedAccountEmail[]> {
  const rows = await db.emailMessage.findMany({
    where: { to, ...(kind ? { kind } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, subject: true, text: true, html: true, secret: true, headers: true },
  });
  return rows.map((row) => {
    const token = row.secret === null ? null : decryptSecret(row.secret);
    return {
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      stored: row.text,
      text: revealSecret(row.text, token),
      html: revealSecret(row.html, token),
      token,
      headers: row.headers,
    };
  });
}

/** The newest e-mail to `to` of this kind; fails if there is none. */
export async function lastEmail(to: string, kind: string): Promise<QueuedAccountEmail> {
  const emails = await queuedEmails(to, kind);
  expect(emails.length, `an e-mail of kind ${kind} to ${to}`).toBeGreaterThan(0);
  return emails.at(-1)!;
}

/** The token in the e-mail's link to `path` (/verify-email, /reset-password…), read from the text as sent. */
export function tokenInLink(email: QueuedAccountEmail, path: string): string {
  expect(email.stored).toContain(`${path}/${SECRET_PLACEHOLDER}`);
  const match = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(email.text);
  expect(match, `a link to ${path} in «${email.subject}»`).not.toBeNull();
  return match![1]!;
}
