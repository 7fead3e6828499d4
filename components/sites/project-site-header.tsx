import Link from "next/link";
import type { ProjectSiteFacts } from "@/lib/sites/facts";
import { SiteStatusTag } from "./site-status-tag";

const TABS = [
  { page: "", label: "Overview" },
  { page: "team", label: "Team" },
  { page: "progress", label: "Progress" },
] as const;

/** The heading of a site's pages and the links between them. Queries nothing. */
export function ProjectSiteHeader({ facts, current, nationalLink }: { facts: ProjectSiteFacts; current: "" | "team" | "progress"; nationalLink: boolean }) {
  const base = `/dashboard/projects/${facts.project.slug}/sites/${encodeURIComponent(facts.site.odsCode)}`;
  return (
    <header className="mb-6">
      <p>
        <Link href={`/projects/${facts.project.slug}`}>{facts.project.title}</Link>
        {nationalLink ? (
          <>
            {" · "}
            <Link href={`/dashboard/projects/${facts.project.slug}`}>National view</Link>
          </>
        ) : null}
      </p>
      <h1 className="mt-2 text-3xl font-bold">{facts.site.name}</h1>
      <p className="mt-2">
        {facts.site.city}, {facts.site.region} <SiteStatusTag status={facts.status} />
      </p>
      <nav aria-label="Site pages" className="mt-4 border-b-2 border-line">
        <ul className="flex flex-wrap gap-6">
          {TABS.map((tab) => (
            <li key={tab.page}>
              <Link
                href={tab.page ? `${base}/${tab.page}` : base}
                aria-current={tab.page === current ? "page" : undefined}
                className={`inline-block pb-2 ${tab.page === current ? "border-b-4 border-brand font-bold no-underline" : ""}`}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
