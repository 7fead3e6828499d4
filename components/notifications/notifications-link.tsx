import { NavLink } from "@/components/trainees/nav-links";

/** The header's link to the notifications, with the number unread. */
export function NotificationsLink({ unread }: { unread: number }) {
  return (
    <li>
      <NavLink href="/dashboard/notifications">
        Notifications
        {unread > 0 ? (
          <span className="ml-1 inline-block min-w-6 rounded-full bg-white px-1.5 text-center text-sm font-bold text-brand-dark">
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}
