import Link from "next/link";
import { Mark } from "@/components/layout/mark";
import { NavLink, TraineeNavLinks } from "@/components/trainees/nav-links";
import { NotificationsLink } from "@/components/notifications/notifications-link";

/**
 * The portal's header. The root layout reads the session and passes what the header shows:
 * for a visitor, `signedIn` is null; for someone signed in, their unread notifications and
 * the action that signs them out.
 */
export function SiteHeader({ signedIn }: { signedIn: { unread: number; signOutAction: () => Promise<void> } | null }) {
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-4">
        <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white">
          <Mark className="mr-2 inline-block size-7 align-[-0.25em]" />
          RADIANT Portal
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-2">
            <li>
              <NavLink href="/projects">Projects</NavLink>
            </li>
            {signedIn ? (
              <>
                <li>
                  <NavLink href="/dashboard" exact>Dashboard</NavLink>
                </li>
                <TraineeNavLinks />
                <li>
                  <NavLink href="/dashboard/certificates">Certificates</NavLink>
                </li>
                <NotificationsLink unread={signedIn.unread} />
                <li>
                  <form action={signedIn.signOutAction}>
                    <button type="submit" className="cursor-pointer text-white underline">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink href="/signin">Sign in</NavLink>
                </li>
                <li>
                  <NavLink href="/signup">Sign up</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
