import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { pageParam } from "@/lib/paging";
import { formatDate } from "@/lib/format/dates";
import { Pagination } from "@/components/ui/pagination";
import { listNotifications } from "@/lib/notifications/notifications";
import { markAllReadAction } from "./actions";
import { Button } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const list = await listNotifications(actor, pageParam((await searchParams).page));
  const notifications = list.items;
  const unread = list.unread;
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Notifications</h1>
      <p className="mt-2 text-lg">
        {unread === 0 ? "Nothing new." : `${unread} new ${unread === 1 ? "notification" : "notifications"}.`} Opening one marks it as read.
      </p>
      <p className="mt-2">
        <Link href="/dashboard/account/notifications">Choose which notifications are e-mailed to you</Link>
      </p>
      {notifications.length === 0 ? (
        <p className="mt-6">You have no notifications.</p>
      ) : (
        <>
          <ul className="mt-6 space-y-2">
            {notifications.map((notification) => (
              <li key={notification.id} className={`bg-white p-3 ${notification.read ? "" : "border-l-8 border-brand"}`}>
                <a href={`/dashboard/notifications/${notification.id}`} className={`block ${notification.read ? "" : "font-semibold"}`}>
                  {notification.read ? null : <span className="sr-only">New: </span>}
                  {notification.message}
                </a>
                <span className="text-sm text-muted">{formatDate(notification.createdAt)}</span>
              </li>
            ))}
          </ul>
          <Pagination page={list.page} pageCount={list.pageCount} basePath="/dashboard/notifications" params={{}} />
          {unread > 0 ? (
            <form action={markAllReadAction} className="mt-6">
              <Button type="submit" variant="secondary">
                Mark all as read
              </Button>
            </form>
          ) : null}
        </>
      )}
    </div>
  );
}
