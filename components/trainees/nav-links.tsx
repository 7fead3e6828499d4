"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A link of the main navigation, marked as the current page (aria-current, and a thick
 * underline in bold: not colour alone) on its page and on the pages under it; `exact` for a
 * link whose address is the parent of other menu entries (the dashboard).
 */
export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={
        current
          ? "font-bold text-white decoration-4 underline-offset-[0.35em] hover:text-white"
          : "text-white hover:text-white"
      }
    >
      {children}
    </Link>
  );
}

/** The trainee's own pages in the main navigation, for someone signed in. */
export function TraineeNavLinks() {
  return (
    <>
      <li>
        <NavLink href="/dashboard/research">My research</NavLink>
      </li>
      <li>
        <NavLink href="/dashboard/profile">Profile</NavLink>
      </li>
    </>
  );
}
