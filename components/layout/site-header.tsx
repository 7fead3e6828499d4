import Link from "next/link";
import { currentActor } from "@/lib/auth/session";
import { signOutAction } from "@/app/(auth)/actions";
import { TraineeNavLinks } from "@/components/trainees/nav-links";
import { NotificationsLink } from "@/components/notifications/notifications-link";

export async function SiteHeader() {
  const actor = await currentActor();
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-4">
        <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white">
          RADIANT Portal
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-2">
            <li>
              <Link href="/projects" className="text-white hover:text-white">
                Projects
              </Link>
            </li>
            {actor ? (
              <>
                <li>
                  <Link href="/dashboard" className="text-white hover:text-white">
                    Dashboard
                  </Link>
                </li>
                <TraineeNavLinks />
                <NotificationsLink />
                <li>
                  <form action={signOutAction}>
                    <button type="submit" className="cursor-pointer text-white underline">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/signin" className="text-white hover:text-white">
                    Sign in
                  </Link>
                </li>
                <li>
                  <Link href="/signup" className="text-white hover:text-white">
                    Sign up
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
