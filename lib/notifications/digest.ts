import "server-only";
// The daily digest: one e-mail per member listing the notifications they chose to receive that
// way (inDigest) and have neither read nor had e-mailed yet; nothing when there is nothing.
// Members are taken a batch at a time: one statement claims a batch's notifications (marking
// them e-mailed, so two runs never send one twice) and two queue the batch's e-mails.
import { db } from "@/lib/db";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmails, type OutgoingEmail } from "@/lib/mail/outbox";
import { PREFERENCES_PATH } from "./notifications";
import { DIGEST_STREAM, unsubscribeUrl } from "./unsubscribe-link";

/** Members per transaction. */
export const DIGEST_BATCH = 200;
/** Items listed in one e-mail; the rest are counted and wait in the portal. */
export const DIGEST_MOST_ITEMS = 50;

interface ClaimedRow {
  id: string;
  userId: string;
  email: string;
  name: string;
  message: string;
}

/** Sends every member their digest; returns how many e-mails were queued. */
export async function sendDailyDigests(now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const emails = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<ClaimedRow[]>`
        WITH members AS (
          SELECT u.id FROM "User" u
           WHERE u."deletedAt" IS NULL AND u."emailVerified" IS NOT NULL
             AND EXISTS (SELECT 1 FROM "Notification" n
                          WHERE n."userId" = u.id AND n."inDigest" AND n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" <= ${now})
           ORDER BY u.id
           LIMIT ${DIGEST_BATCH}
        ), claimed AS (
          UPDATE "Notification" n SET "emailedAt" = ${now}
           WHERE n."userId" IN (SELECT id FROM members)
             AND n."inDigest" AND n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" <= ${now}
          RETURNING n.id, n."userId", n.message, n."createdAt"
        )
        SELECT c.id, c."userId", u.email, u.name, c.message
          FROM claimed c JOIN "User" u ON u.id = c."userId"
         ORDER BY c."userId", c."createdAt", c.id`;
      const byMember = new Map<string, ClaimedRow[]>();
      for (const row of rows) byMember.set(row.userId, [...(byMember.get(row.userId) ?? []), row]);
      const batch = [...byMember.values()].map(digestEmail);
      await queueEmails(tx, batch);
      return batch.length;
    });
    if (emails === 0) return sent;
    sent += emails;
  }
}

function digestEmail(items: ClaimedRow[]): OutgoingEmail {
  const [first] = items as [ClaimedRow, ...ClaimedRow[]];
  const listed = items.slice(0, DIGEST_MOST_ITEMS);
  const more = items.length - listed.length;
  const count = `${items.length} ${items.length === 1 ? "notification" : "notifications"}`;
  return {
    to: first.email,
    userId: first.userId,
    kind: "digest",
    subject: `Your RADIANT digest: ${count}`,
    greeting: `Dear ${first.name},`,
    paragraphs: [
      `Here ${items.length === 1 ? "is what" : "are the things that"} happened in RADIANT that you have not read yet:`,
      ...listed.map((item) => `• ${item.message}\n${absoluteUrl(`/dashboard/notifications/${item.id}`)}`),
      ...(more > 0 ? [`… and ${more} more in the portal.`] : []),
    ],
    action: { label: "Open your notifications", url: absoluteUrl("/dashboard/notifications") },
    reason: `You get this daily digest for the notifications you chose to have e-mailed once a day. Choose what RADIANT e-mails you about: ${absoluteUrl(PREFERENCES_PATH)}`,
    unsubscribeUrl: unsubscribeUrl(first.userId, DIGEST_STREAM),
  };
}
