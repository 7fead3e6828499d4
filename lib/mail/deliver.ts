import "server-only";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { decryptSecret, revealSecret } from "./secret";
import { isPermanentFailure, mailTransport } from "./transport";

export type DeliveryOutcome = "sent" | "failed" | "already-done";

/**
 * Sends one queued message and records the outcome. Called by the mail worker for each delivery
 * job; a thrown error makes the queue try again later with backoff. A message is marked sent
 * once (the update is conditional on it still being queued), and its secret is erased then.
 */
export async function deliverEmail(messageId: string, { finalAttempt }: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
  const message = await db.emailMessage.findUnique({
    where: { id: messageId },
    select: { id: true, to: true, subject: true, text: true, html: true, headers: true, secret: true, status: true },
  });
  if (!message || message.status !== "QUEUED") return "already-done";
  const transport = mailTransport();
  const secret = message.secret === null ? null : decryptSecret(message.secret);
  try {
    await transport.send({
      // The same Message-ID on every attempt: a server that saw the message already can tell.
      messageId: `<${message.id}@${new URL(publicUrl()).hostname}>`,
      to: message.to,
      subject: message.subject,
      text: revealSecret(message.text, secret),
      html: revealSecret(message.html, secret),
      headers: (message.headers ?? {}) as Record<string, string>,
    });
  } catch (error) {
    const reason = String((error as Error).message ?? error).slice(0, 1000);
    if (isPermanentFailure(error) || finalAttempt) {
      await db.emailMessage.updateMany({
        where: { id: message.id, status: "QUEUED" },
        data: { status: "FAILED", failedAt: new Date(), lastError: reason, attempts: { increment: 1 }, secret: null },
      });
      return "failed";
    }
    await db.emailMessage.updateMany({ where: { id: message.id, status: "QUEUED" }, data: { lastError: reason, attempts: { increment: 1 } } });
    throw error;
  }
  await db.emailMessage.updateMany({
    where: { id: message.id, status: "QUEUED" },
    data: {
      status: "SENT",
      sentAt: new Date(),
      attempts: { increment: 1 },
      // The development mailbox shows the message as it was sent, link included.
      ...(transport.kind === "mailbox" ? {} : { secret: null }),
    },
  });
  return "sent";
}
