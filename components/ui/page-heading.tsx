import Link from "next/link";
import type { ReactNode } from "react";

/** The title of a page below a link back to the page it belongs to. */
export function BackHeading({ href, backLabel, children }: { href: string; backLabel: string; children: ReactNode }) {
  return (
    <>
      <p>
        <Link href={href}>{backLabel}</Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">{children}</h1>
    </>
  );
}
