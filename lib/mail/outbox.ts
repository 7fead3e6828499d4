import "server-only";
import type { DatabaseTransaction } from "@/lib/db";
import { QUEUES, sendJob } from "@/lib/jobs/queue";
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

/**
 * Queues an e-mail inside the transaction of the event that causes it: the message and its
 * delivery job exist if and only if the event commits. The mail worker sends it (lib/mail/deliver).
 */
export async function queueEmail(tx: DatabaseTransaction, email: OutgoingEmail): Promise<string> {
  const rendered = renderEmail(email);
  if (email.secret !== undefined && !rendered.text.includes(SECRET_PLACEHOLDER)) {
    throw new Error(`An e-mail with a secret must carry ${SECRET_PLACEHOLDER} in its link`);
  }
  const message = await tx.emailMessage.create({
    data: {
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
    },
    select: { id: true },
  });
  await sendJob(tx, QUEUES.deliverEmail.name, { messageId: message.id });
  return message.id;
}
