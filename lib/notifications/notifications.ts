import "server-only";
import { randomUUID } from "node:crypto";
import { pageWindow } from "@/lib/paging";
import type { AuthzActor as Actor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { assertUuid } from "@/lib/ids";
import type { EmailDelivery } from "@/lib/generated/prisma/enums";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmails, type OutgoingEmail } from "@/lib/mail/outbox";
import { ruleOf, SENT_BY_THEIR_OWN_MODULE, topicOf, type Topic } from "./email-rules";
import { unsubscribeUrl } from "./unsubscribe-link";

/**
 * Every kind of notification. Each has its e-mail rule in ./email-rules.ts (at once, daily
 * digest, never, and what the e-mail says); a kind added here without a row there is e-mailed
 * in the daily digest, under "anything else".
 */
export type NotificationKind =
  | "proposal.toReview"
  | "proposal.resubmitted"
  | "proposal.decided"
  | "proposal.changesRequested"
  | "site.registered"
  | "site.approvalsRecorded"
  | "site.approved"
  // The project lead sent back an item of a site's governance checklist (lib/sites/governance.ts).
  | "site.governanceSentBack"
  | "site.progressReminder"
  | "site.actedFor"
  | "sites.message"
  | "collaboration.requested"
  | "collaboration.escalated"
  | "collaboration.confirmed"
  | "collaboration.declined"
  | "collaboration.added"
  | "collaboration.removed"
  | "collaboration.roleChanged"
  | "invitation.received"
  | "user.roleChanged"
  | "project.settingsChanged"
  // Invitations (lib/invitations). The invitation itself is e-mailed by lib/invitations/send.ts
  // with its own link; "invitation.received" is its note in the portal.
  | "invitation.received"
  | "invitation.accepted"
  | "invitation.declined"
  // A decision on a member's request for a missing hospital (lib/reference/hospital-requests.ts),
  // which e-mails it itself, always: it changes their home hospital.
  | "hospitalRequest.decided"
  // A frozen author list a member is on (lib/author-lists): they confirm their name or ask for a correction.
  | "authorList.frozen"
  // Amendments after approval (lib/amendments): the committee's decision to the leads, and what
  // changed to the site leads when it changes what they do.
  | "amendment.decided"
  | "project.amended"
  // The chair's assignments of reviewers (lib/reviews/assignments.ts, reminders.ts).
  | "review.assigned"
  | "review.reminder"
  | "review.overdue";

export interface NewNotification {
  kind: NotificationKind;
  /** The project it is about, if any. */
  projectId?: string;
  message: string;
  link: string;
}

/** Where members choose what they are e-mailed about. */
export const PREFERENCES_PATH = "/dashboard/account/notifications";

/**
 * Tells each person once, inside the transaction of the change it is about: in the portal, and
 * by e-mail as their choice for the kind says (at once, in the daily digest, or never).
 */
export async function notify(tx: DatabaseTransaction, userIds: readonly string[], notification: NewNotification): Promise<void> {
  await notifyEach(tx, [{ userIds, notification }]);
}

/**
 * notify() for several notifications at once (a scheduled task telling many sites): the same
 * few statements however many notifications and people, namely one read of the people with their
 * choices, one insert of the notifications and, when some are e-mailed at once, two for the
 * e-mails. Deleted accounts get nothing; an address not confirmed yet gets no e-mail.
 */
export async function notifyEach(
  tx: DatabaseTransaction,
  batch: readonly { userIds: readonly string[]; notification: NewNotification }[],
): Promise<void> {
  const wanted = batch.map(({ userIds, notification }) => ({ userIds: [...new Set(userIds)], notification })).filter((item) => item.userIds.length > 0);
  if (wanted.length === 0) return;
  const topics = [...new Set(wanted.map((item) => topicOf(item.notification.kind)))];
  const people = await tx.user.findMany({
    where: { id: { in: [...new Set(wanted.flatMap((item) => item.userIds))] }, deletedAt: null },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      notificationPreferences: { where: { kind: { in: topics } }, select: { kind: true, delivery: true } },
    },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  const now = new Date();
  const rows: { id: string; userId: string; projectId?: string; kind: string; message: string; link: string; inDigest: boolean; emailedAt: Date | null }[] = [];
  const emails: OutgoingEmail[] = [];
  for (const { userIds, notification } of wanted) {
    const topic = topicOf(notification.kind);
    const rule = ruleOf(topic);
    for (const userId of userIds) {
      const person = byId.get(userId);
      if (!person) continue;
      const id = randomUUID();
      const chosen = person.notificationPreferences.find((preference) => preference.kind === topic)?.delivery;
      const delivery: EmailDelivery =
        SENT_BY_THEIR_OWN_MODULE.includes(notification.kind) || person.emailVerified === null ? "NEVER" : (chosen ?? rule.delivery);
      rows.push({ id, userId, ...notification, inDigest: delivery === "DAILY_DIGEST", emailedAt: delivery === "IMMEDIATE" ? now : null });
      if (delivery !== "IMMEDIATE") continue;
      emails.push({
        to: person.email,
        userId: person.id,
        kind: `notification.${notification.kind}`,
        subject: rule.subject,
        greeting: `Dear ${person.name},`,
        paragraphs: [notification.message],
        action: { label: rule.action, url: absoluteUrl(`/dashboard/notifications/${id}`) },
        reason: `${rule.because} ${whyAtOnce(topic, chosen)} Choose what RADIANT e-mails you about: ${absoluteUrl(PREFERENCES_PATH)}`,
        unsubscribeUrl: unsubscribeUrl(person.id, topic),
      });
    }
  }
  if (rows.length === 0) return;
  await tx.notification.createMany({ data: rows });
  await queueEmails(tx, emails);
}

function whyAtOnce(topic: Topic, chosen: EmailDelivery | undefined): string {
  return chosen
    ? `You chose to be e-mailed at once about this ("${ruleOf(topic).label}").`
    : "RADIANT e-mails you about this at once unless you choose a daily digest, or no e-mail.";
}

/** Committee members and admins who may review a project: everyone but its own leads. */
export async function committeeExcept(tx: DatabaseTransaction, leadIds: readonly string[]): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { role: { in: ["COMMITTEE", "ADMIN"] }, deletedAt: null, id: { notIn: [...leadIds] } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export interface NotificationItem {
  id: string;
  message: string;
  createdAt: Date;
  read: boolean;
}

export const NOTIFICATIONS_PAGE_SIZE = 25;

export interface NotificationsPage {
  items: NotificationItem[];
  total: number;
  /** Unread on every page, not only this one. */
  unread: number;
  page: number;
  pageCount: number;
}

/** The person's notifications, newest first, a page at a time. Three statements. */
export async function listNotifications(actor: Actor, requestedPage = 1): Promise<NotificationsPage> {
  const [total, unread] = await Promise.all([
    db.notification.count({ where: { userId: actor.id } }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  const { page, pageCount, skip } = pageWindow(total, requestedPage, NOTIFICATIONS_PAGE_SIZE);
  const rows = await db.notification.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: { id: true, message: true, createdAt: true, readAt: true },
  });
  return { items: rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null })), total, unread, page, pageCount };
}

/** Marks one of the actor's notifications read and gives where it points; someone else's is not found. */
export async function openNotification(actor: Actor, id: string): Promise<string> {
  assertUuid(id, "That notification");
  const notification = await db.notification.findFirst({ where: { id, userId: actor.id }, select: { link: true, readAt: true } });
  if (!notification) throw new NotFoundError("That notification");
  if (!notification.readAt) {
    await db.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  }
  return notification.link ?? "/dashboard/notifications";
}

export async function markAllNotificationsRead(actor: Actor): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
