import "server-only";
import { pageWindow } from "@/lib/paging";
import type { AuthzActor as Actor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type NotificationKind =
  | "proposal.toReview"
  | "proposal.resubmitted"
  | "proposal.decided"
  | "proposal.changesRequested"
  | "site.registered"
  | "site.approvalsRecorded"
  | "site.approved"
  | "sites.message"
  | "collaboration.added"
  | "collaboration.removed"
  | "collaboration.roleChanged"
  | "user.roleChanged"
  | "project.settingsChanged"
  // Invitations (lib/invitations). The invitation itself is e-mailed by lib/invitations/send.ts
  // with its own link; "invitation.received" is its note in the portal.
  | "invitation.received"
  | "invitation.accepted"
  | "invitation.declined";

export interface NewNotification {
  kind: NotificationKind;
  /** The project it is about, if any. */
  projectId?: string;
  message: string;
  link: string;
}

/** Tells each person once, inside the transaction of the change it is about. */
export async function notify(tx: DatabaseTransaction, userIds: readonly string[], notification: NewNotification): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, ...notification })) });
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
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("That notification");
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
