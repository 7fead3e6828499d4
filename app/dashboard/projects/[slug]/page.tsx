import { FilterSelect } from "@/components/ui/filter-select";
import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { NationalTable, nationalHref } from "@/components/sites/national-table";
import { AwaitingApproval } from "@/components/sites/awaiting-approval";
import { BarChart } from "@/components/ui/bar-chart";
import { LineChart } from "@/components/ui/line-chart";
import { ResultCount } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { getNationalView, STALE_AFTER_DAYS } from "@/lib/sites/national";
import { studyRulesInWords } from "@/lib/sites/settings";
import { nationalSearchSchema, SITE_STATUS_LABELS } from "@/lib/validation/sites";
import { approveSiteAction } from "./sites/[ods]/actions";
import { orNotFound } from "@/lib/server/or-not-found";
import { Button } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "National view" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const selectClass = "mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5";

export default async function NationalPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const search = nationalSearchSchema.parse(await searchParams);
  const view = await orNotFound(getNationalView(actor, slug, search));
  const { project, totals } = view;
  const basePath = `/dashboard/projects/${project.slug}`;
  // Withdrawn sites stay in the list below ("16 sites") but not in the totals ("from 15 sites taking part").
  const withdrawn = view.byStatus.find((entry) => entry.status === "WITHDRAWN")?.count ?? 0;
  const percent = totals.target > 0 ? Math.round((totals.cases / totals.target) * 100) : 0;
  const filtered = Boolean(search.status || search.region || search.behind || search.stale);
  const tableParams = { status: search.status, region: search.region, behind: search.behind, stale: search.stale, sort: search.sort, dir: search.dir };
  return (
    <div>
      <p>
        <Link href={`/projects/${project.slug}`}>Public page of the project</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{project.title}</h1>
      <p className="mt-2">
        <StatusTag status={project.status} /> <span className="ml-2 text-lg">National view</span>
      </p>
      <p className="mt-4 text-lg">
        <strong>{totals.cases}</strong> cases of a target of <strong>{totals.target}</strong> ({percent}%) from <strong>{totals.sites}</strong>{" "}
        {totals.sites === 1 ? "site" : "sites"} taking part
        {withdrawn > 0 ? ` (${withdrawn} more withdrew)` : ""}, {totals.activeSites} active. {totals.behind} behind target, {totals.stale} active with no update in{" "}
        {STALE_AFTER_DAYS} days.
      </p>
      {view.canExport || view.canMessage ? (
        <ul className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          {view.canExport ? (
            <>
              <li>
                <Link href={`${basePath}/authorship`}>Authorship list</Link>
              </li>
              <li>
                <a href={`${basePath}/export/sites.csv`} download>
                  Download sites (CSV)
                </a>
              </li>
              <li>
                <a href={`${basePath}/export/collaborators.csv`} download>
                  Download collaborators (CSV)
                </a>
              </li>
            </>
          ) : null}
          {view.canMessage ? (
            <li>
              <Link href={`${basePath}/message`}>Message site leads</Link>
            </li>
          ) : null}
          {/* The settings are the project leads', as approving sites is (lib/authz.ts; held together by lib/authz.test.ts). */}
          {view.canApprove ? (
            <li>
              <Link href={`${basePath}/settings`}>Study settings</Link>{" "}
              ({studyRulesInWords(project)})
            </li>
          ) : null}
          {/* Recording outputs is the project leads' too (project.recordOutput has the same grant as site.approve). */}
          {view.canApprove ? (
            <li>
              <Link href={`${basePath}/outputs`}>Outputs: papers, abstracts and talks</Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      {view.canApprove && (view.awaitingApproval.total > 0 || ["SITE_SETUP", "DATA_COLLECTION"].includes(project.status)) ? (
        <AwaitingApproval
          action={approveSiteAction}
          total={view.awaitingApproval.total}
          sites={view.awaitingApproval.rows.map((row) => ({
            projectSiteId: row.projectSiteId,
            hospital: row.hospital,
            city: row.city,
            path: `${basePath}/sites/${encodeURIComponent(row.odsCode)}`,
            siteLeads: row.siteLeads,
            registeredAt: row.registeredAt,
            checklist: row.checklist,
          }))}
        >
          <Pagination
            page={view.awaitingApproval.page}
            pageCount={view.awaitingApproval.pageCount}
            basePath={basePath}
            pageParam="awaiting"
            label="Pages of sites awaiting approval"
            params={{ ...tableParams, page: view.page > 1 ? String(view.page) : undefined }}
          />
        </AwaitingApproval>
      ) : null}

      <section aria-labelledby="sites-title" className="mt-8">
        <h2 id="sites-title" className="text-2xl font-bold">
          Every site
        </h2>
        <search>
          <form method="get" action={basePath} className="mt-4 grid gap-4 bg-white p-4 md:grid-cols-4 md:items-end">
            <input type="hidden" name="sort" value={search.sort ?? ""} />
            <input type="hidden" name="dir" value={search.dir ?? ""} />
            <FilterSelect id="filter-status" name="status" label="Status" defaultValue={search.status ?? ""} anyLabel="Any status" options={SITE_STATUS_LABELS} />
            <div>
              <label htmlFor="filter-region" className="block font-semibold">
                Region
              </label>
              <select id="filter-region" name="region" defaultValue={search.region ?? ""} className={selectClass}>
                <option value="">Any region</option>
                {view.regions.map((region) => (
                  <option key={region.code} value={region.code}>
                    {region.name}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="md:col-span-2">
              <legend className="font-semibold">Show only</legend>
              <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
                <div className="flex items-center gap-2">
                  <input type="checkbox" id="filter-behind" name="behind" value="1" defaultChecked={Boolean(search.behind)} className="h-5 w-5" />
                  <label htmlFor="filter-behind">Behind target</label>
                </div>
                <div className="flex items-center gap-2">
                  <input type="checkbox" id="filter-stale" name="stale" value="1" defaultChecked={Boolean(search.stale)} className="h-5 w-5" />
                  <label htmlFor="filter-stale">No update in {STALE_AFTER_DAYS} days</label>
                </div>
              </div>
            </fieldset>
            <div className="flex flex-wrap items-center gap-4 md:col-span-4">
              <Button type="submit">
                Show sites
              </Button>
              {filtered ? <Link href={nationalHref(basePath, search, { status: undefined, region: undefined, behind: undefined, stale: undefined })}>Clear the filters</Link> : null}
            </div>
          </form>
        </search>
        <ResultCount
          className="mt-4"
          list={{ total: view.matching, page: view.page, pageCount: view.pageCount }}
          one="site"
          many="sites"
          filtered={filtered}
          filteredSuffix=" match the filters"
          things="sites"
          clearHref={nationalHref(basePath, search, { status: undefined, region: undefined, behind: undefined, stale: undefined })}
        />
        {view.rows.length > 0 ? (
          <div className="mt-4">
            <NationalTable rows={view.rows} basePath={basePath} search={search} slug={project.slug} />
          </div>
        ) : null}
        <Pagination
          page={view.page}
          pageCount={view.pageCount}
          basePath={basePath}
          label="Pages of sites"
          params={{ ...tableParams, awaiting: view.awaitingApproval.page > 1 ? String(view.awaitingApproval.page) : undefined }}
        />
      </section>

      <section aria-labelledby="charts-title" className="mt-10">
        <h2 id="charts-title" className="text-2xl font-bold">
          Progress in charts
        </h2>
        <div className="mt-4 space-y-6">
          <LineChart
            title="Cases submitted nationally over time"
            summary={`The cumulative national count has reached ${totals.cases} cases against a total target of ${totals.target}.`}
            points={view.series.map((point) => ({ at: point.at, value: point.cases }))}
            target={totals.target || null}
            valueLabel="Cumulative cases"
          />
          <BarChart
              title="Cases by region"
              summary={view.byRegion.map((region) => `${region.region}: ${region.cases} of ${region.target}`).join("; ") || "No sites yet."}
              labelHeading="Region"
              valueHeading="Cases of target"
              legend={{ bar: "Cases submitted", marker: "Target for the region" }}
              bars={view.byRegion.map((region) => ({
                label: region.region,
                value: region.cases,
                marker: region.target,
                text: `${region.cases} of ${region.target}`,
              }))}
            />
            <BarChart
              title="Sites by status"
              summary={view.byStatus.map((entry) => `${SITE_STATUS_LABELS[entry.status]}: ${entry.count}`).join("; ")}
              labelHeading="Status"
              valueHeading="Sites"
              bars={view.byStatus.map((entry) => ({ label: SITE_STATUS_LABELS[entry.status], value: entry.count }))}
            />
        </div>
      </section>
    </div>
  );
}
