import { ProjectSearchForm } from "@/components/projects/project-search-form";
import Link from "next/link";
import { NoResults } from "@/components/ui/no-results";
import { Pagination } from "@/components/ui/pagination";
import type { Discover, DiscoverCard as Card, Nearness } from "@/lib/trainees/discover";
import { OPEN_STATUSES, type ProjectSearch } from "@/lib/validation/projects";
import { DiscoverCard } from "./discover-card";

/**
 * The trainee's part of the dashboard, after what waits on them in other roles: what their profile lacks
 * (`missing`, a sentence, or null when nothing is), projects to join. The page loads all three.
 */
export function TraineeDashboard({ search, discover, missing }: { search: ProjectSearch; discover: Discover; missing: string | null }) {
  const headings: Record<Nearness, string> = {
    hospital: "Open at your hospital",
    region: "Open in your region",
    elsewhere: "Other open projects",
  };
  const groups = (["hospital", "region", "elsewhere"] as Nearness[])
    .map((nearness) => ({ nearness, items: discover.items.filter((item) => item.nearness === nearness) }))
    .filter((group) => group.items.length > 0);
  return (
    <div className="mt-8 space-y-8">
      {missing ? (
        <div className="border-l-8 border-brand bg-white p-4">
          <h2 className="text-xl font-bold">Your profile is not complete</h2>
          <p className="mt-1">
            {missing} to join projects and see those open at your hospital.{" "}
            <Link href="/dashboard/profile">Complete your profile</Link>
          </p>
        </div>
      ) : null}
      <p>
        <Link href="/dashboard/research">My research: your collaborations, their history and certificates</Link>
      </p>
      <section aria-labelledby="discover-title">
        <h2 id="discover-title" className="text-2xl font-bold">
          Find a project to join
        </h2>
        <ProjectSearchForm search={search} statuses={OPEN_STATUSES} action="/dashboard" idPrefix="discover" searchLabel="Search projects" submitLabel="Find projects" />
        {discover.total === 0 && (search.q || search.design || search.modality || search.status) ? (
          <NoResults things="projects" clearHref="/dashboard" />
        ) : (
          <p className="mt-4" role="status">
            {discover.total === 1 ? "1 open project found" : `${discover.total} open projects found`}
            {discover.homeSite ? `, ${discover.totals.hospital} at your hospital and ${discover.totals.region} elsewhere in your region` : ""}
          </p>
        )}
        {groups.map((group) => (
          <section key={group.nearness} aria-labelledby={`discover-${group.nearness}`} className="mt-6">
            <h3 id={`discover-${group.nearness}`} className="text-xl font-bold">
              {headings[group.nearness]} ({discover.totals[group.nearness]})
            </h3>
            <ul className="mt-3 space-y-4">
              {group.items.map((project: Card) => (
                <li key={project.slug}>
                  <DiscoverCard project={project} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        <Pagination
          page={discover.page}
          pageCount={discover.pageCount}
          basePath="/dashboard"
          params={{ q: search.q, design: search.design, modality: search.modality, status: search.status }}
        />
      </section>
    </div>
  );
}
