import "server-only";
import { randomUUID } from "node:crypto";
import type { DatabaseTransaction } from "@/lib/db";
import { QUEUES, sendJob, sendJobs } from "@/lib/jobs/queue";
import { renderEmail, type EmailContent } from "./compose";
import { encryptSecret, SECRET_PLACEHOLDER } from "./secret";

export interface OutgoingEmail extends EmailContent {
  to: string;
  /** The member it is for, if the address belongs to one. */
  userId?: string | null;
  /** What caused it, for support: "account.resetPassword", "notification.site.registered", "digest"… */
  kind: string;
  /** A token that the action's link carries as {{secret}}: kept encrypted until sent. */
  secret?: string;
}

/** The outbox row of one e-mail, rendered, with its secret sealed. */
function outboxRow(email: OutgoingEmail) {
  const rendered = renderEmail(email);
  if (email.secret !== undefined && !rendered.text.includes(SECRET_PLACEHOLDER)) {
    throw new Error(`An e-mail with a secret must carry ${SECRET_PLACEHOLDER} in its link`);
  }
  return {
    userId: email.userId ?? null,
    to: email.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    kind: email.kind,
    ...(email.unsubscribeUrl
      ? { headers: { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
      : {}),
    secret: email.secret === undefined ? null : encryptSecret(email.secret),
  };
}

/**
 * Queues an e-mail inside the transaction of the event that causes it: the message and its
 * delivery job exist if and only if the event commits. The mail worker sends it (lib/mail/deliver).
 */
export async function queueEmail(tx: DatabaseTransaction, email: OutgoingEmail): Promise<string> {
  const message = await tx.emailMessage.create({ data: outboxRow(email), select: { id: true } });
  await sendJob(tx, QUEUES.deliverEmail.name, { messageId: message.id });
  return message.id;
}

/**
 * Queues many e-mails the same way in two statements however many there are (one insert of the
 * messages, one of their delivery jobs): for notifications to many people and digests.
 */
export async function queueEmails(tx: DatabaseTransaction, emails: readonly OutgoingEmail[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = emails.map((email) => ({ id: randomUUID(), ...outboxRow(email) }));
  await tx.emailMessage.createMany({ data: rows });
  await sendJobs(tx, QUEUES.deliverEmail.name, rows.map((row) => ({ messageId: row.id })));
  return rows.map((row) => row.id);
}
