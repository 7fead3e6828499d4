import { FilterSelect } from "@/components/ui/filter-select";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import type { Actor } from "@/lib/auth/session";
import { countSiteRequests } from "@/lib/collaborations/site-requests";
import { discoverProjects, type DiscoverCard as Card, type Nearness } from "@/lib/trainees/discover";
import { getOwnProfile, missingForJoining, missingMessage } from "@/lib/trainees/profile";
import { DESIGN_LABELS, MODALITY_LABELS, OPEN_STATUSES, STATUS_LABELS, projectSearchSchema } from "@/lib/validation/projects";
import { DiscoverCard } from "./discover-card";

const selectClass = "mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5";

/** The trainee's part of the dashboard: what their profile lacks, requests to answer, projects to join. */
export async function TraineeDashboard({
  actor,
  searchParams,
}: {
  actor: Actor;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = projectSearchSchema.parse(await searchParams);
  const [profile, discover, requests] = await Promise.all([
    getOwnProfile(actor),
    discoverProjects(actor, search),
    countSiteRequests(actor),
  ]);
  const missing = missingForJoining(profile);
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
      {missing.length > 0 ? (
        <div className="border-l-8 border-brand bg-white p-4">
          <h2 className="text-xl font-bold">Your profile is not complete</h2>
          <p className="mt-1">
            {missingMessage(missing)} to join projects and see those open at your hospital.{" "}
            <Link href="/dashboard/profile">Complete your profile</Link>
          </p>
        </div>
      ) : null}
      {requests > 0 ? (
        <div className="border-l-8 border-ok bg-white p-4">
          <p className="text-lg">
            <Link href="/dashboard/site-requests">
              {requests === 1 ? "1 request to join your site is waiting" : `${requests} requests to join your sites are waiting`}
            </Link>
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
        <search>
          <form method="get" action="/dashboard" className="mt-4 grid gap-4 bg-white p-4 md:grid-cols-5 md:items-end">
            <div className="md:col-span-2">
              <label htmlFor="discover-q" className="block font-semibold">
                Search projects
              </label>
              <input id="discover-q" name="q" type="search" defaultValue={search.q ?? ""} className="mt-1 block w-full border-2 border-ink px-2 py-1.5" />
            </div>
            <FilterSelect id="discover-design" name="design" label="Design" defaultValue={search.design ?? ""} anyLabel="Any design" options={DESIGN_LABELS} />
            <FilterSelect id="discover-modality" name="modality" label="Modality" defaultValue={search.modality ?? ""} anyLabel="Any modality" options={MODALITY_LABELS} />
            <div>
              <label htmlFor="discover-status" className="block font-semibold">
                Status
              </label>
              <select id="discover-status" name="status" defaultValue={search.status ?? ""} className={selectClass}>
                <option value="">Open or collecting</option>
                {OPEN_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            </div>
            <div className="md:col-span-5">
              <button type="submit" className="cursor-pointer border-b-4 border-[#00401e] bg-ok px-4 py-2 font-semibold text-white">
                Find projects
              </button>
            </div>
          </form>
        </search>
        <p className="mt-4" role="status">
          {discover.total === 1 ? "1 open project found" : `${discover.total} open projects found`}
          {discover.homeSite ? `, ${discover.totals.hospital} at your hospital and ${discover.totals.region} elsewhere in your region` : ""}
        </p>
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
