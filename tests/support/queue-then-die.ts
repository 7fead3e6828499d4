// Run as a child process by tests/integration/mail-delivery.test.ts: commits an event with its
// e-mail (no worker runs in this process), then dies without closing anything, as a portal
// killed between the commit and the delivery would.
import { db } from "@/lib/db";
import { startJobQueue } from "@/lib/jobs/workers";
import { queueEmail } from "@/lib/mail/outbox";

const [to] = process.argv.slice(2);
await startJobQueue();
await db.$transaction(async (tx) => {
  await tx.auditEvent.create({ data: { actorId: null, action: "test.event", entityType: "Test", entityId: to! } });
  await queueEmail(tx, {
    to: to!,
    kind: "test.crash",
    subject: "Written before the crash",
    paragraphs: ["This message was committed by a process that was then killed."],
    reason: "You are getting this e-mail because a test asked for it.",
  });
});
console.log("committed");
process.kill(process.pid, "SIGKILL");
