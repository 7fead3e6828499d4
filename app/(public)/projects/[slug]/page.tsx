import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { SignInToJoin } from "@/components/projects/sign-in-to-join";
import { SiteProgressChart } from "@/components/projects/site-progress-chart";
import { StatusTag } from "@/components/projects/status-tag";
import { JoinPanel } from "@/components/trainees/join-panel";
import { BarChart } from "@/components/ui/bar-chart";
import { NoResults } from "@/components/ui/no-results";
import { SearchBox } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { currentActor } from "@/lib/auth/session";
import { getJoinPanel } from "@/lib/collaborations/panel";
import { formatWindow } from "@/lib/format/dates";
import { cachedOutputsOfPublicProject, cachedPublicProject } from "@/lib/cache/public";
import { progressByRegion, publicSitesPage } from "@/lib/projects/public";
import { OutputList } from "@/components/outputs/output-list";
import { designLabel, MODALITY_LABELS, publicSitesSearchSchema } from "@/lib/validation/projects";
import { Button } from "@/components/ui/buttons";

type Params = { params: Promise<{ slug: string }> };
type Props = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const project = await cachedPublicProject((await params).slug);
  return { title: project?.title ?? "Project not found" };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const [project, actor, outputs] = await Promise.all([cachedPublicProject(slug), currentActor(), cachedOutputsOfPublicProject(slug)]);
  if (!project) notFound();
  // What the signed-in person may do about taking part; null for a visitor.
  const panel = actor ? await getJoinPanel(actor, project.slug) : null;
  const search = publicSitesSearchSchema.parse(await searchParams);
  const sites = publicSitesPage(project.sites, search);
  const regions = progressByRegion(project.sites);
  const basePath = `/projects/${project.slug}`;
  const percent = project.totalTarget > 0 ? Math.round((project.totalCases / project.totalTarget) * 100) : 0;
  return (
    <article>
      <h1 className="text-3xl font-bold">{project.title}</h1>
      <p className="mt-2">
        <StatusTag status={project.status} />
      </p>
      <dl className="mt-4 grid max-w-2xl gap-x-6 gap-y-1 bg-white p-4 sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="font-semibold not-first:mt-2 sm:not-first:mt-0">Design</dt>
        <dd>{designLabel(project.design)}</dd>
        <dt className="font-semibold not-first:mt-2 sm:not-first:mt-0">Modality</dt>
        <dd>{project.modalities.map((modality) => MODALITY_LABELS[modality]).join(", ") || "Any"}</dd>
        <dt className="font-semibold not-first:mt-2 sm:not-first:mt-0">Data collection</dt>
        <dd>{formatWindow(project.collectionStart, project.collectionEnd)}</dd>
        <dt className="font-semibold not-first:mt-2 sm:not-first:mt-0">Led by</dt>
        <dd>{project.leads.join(", ") || "To be confirmed"}</dd>
      </dl>
      {actor ? panel ? <JoinPanel slug={project.slug} panel={panel} /> : null : <SignInToJoin slug={project.slug} lead={project.lead} leads={project.leads} />}
      <section aria-labelledby="summary-title" className="mt-8 max-w-3xl">
        <h2 id="summary-title" className="text-2xl font-bold">
          Summary
        </h2>
        <p className="mt-2 whitespace-pre-line">{project.summary}</p>
        {project.aims ? (
          <>
            <h2 className="mt-6 text-2xl font-bold">Aims</h2>
            <p className="mt-2 whitespace-pre-line">{project.aims}</p>
          </>
        ) : null}
      </section>
      {outputs.length > 0 ? (
        <section aria-labelledby="outputs-title" className="mt-8 max-w-3xl">
          <h2 id="outputs-title" className="text-2xl font-bold">
            Outputs
          </h2>
          <p className="mt-2">
            What the project has presented and published. See <Link href="/outputs">every output of the collaborative</Link>.
          </p>
          <OutputList outputs={outputs} />
        </section>
      ) : null}
      <section aria-labelledby="progress-title" className="mt-8">
        <h2 id="progress-title" className="text-2xl font-bold">
          National progress
        </h2>
        <p className="mt-2 text-lg">
          <strong>{project.totalCases}</strong> cases of a target of <strong>{project.totalTarget}</strong> ({percent}%)
          from <strong>{project.sites.length}</strong> {project.sites.length === 1 ? "hospital" : "hospitals"}.
        </p>
        {regions.length > 0 ? (
          <div className="mt-4">
            <BarChart
              title="Cases by region"
              summary={regions.map((region) => `${region.region}: ${region.cases} of ${region.target}`).join("; ")}
              labelHeading="Region"
              valueHeading="Cases of target"
              legend={{ bar: "Cases submitted", marker: "Target for the region" }}
              bars={regions.map((region) => ({ label: region.region, value: region.cases, marker: region.target, text: `${region.cases} of ${region.target}` }))}
            />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="hospitals-title" className="mt-8">
        <h2 id="hospitals-title" className="text-2xl font-bold">
          Hospitals taking part
        </h2>
        {project.sites.length > 0 ? (
          <search>
            <form method="get" action={basePath} className="mt-4 flex flex-wrap items-end gap-4 bg-white p-4">
              <SearchBox
                id="hospital-search"
                label="Find a hospital"
                hint="Hospital, town or region"
                defaultValue={search.q ?? ""}
                className="w-full sm:w-auto sm:min-w-64 sm:flex-1"
              />
              <Button type="submit">
                Find hospitals
              </Button>
              {search.q ? <Link href={basePath}>Show every hospital</Link> : null}
            </form>
          </search>
        ) : null}
        {sites.matching === 0 && search.q && project.sites.length > 0 ? (
          <NoResults things="hospitals" clearHref={basePath} />
        ) : (
          <p className="mt-4" role="status">
            {project.sites.length === 0
              ? "No hospitals have registered yet."
              : `${sites.matching === 1 ? "1 hospital" : `${sites.matching} hospitals`}${search.q ? ` ${sites.matching === 1 ? "matches" : "match"} “${search.q}”` : ""}${sites.pageCount > 1 ? `, page ${sites.page} of ${sites.pageCount}` : ""}.`}
          </p>
        )}
        {sites.rows.length > 0 ? (
          <div className="mt-4 overflow-x-auto">
            <SiteProgressChart sites={sites.rows} />
          </div>
        ) : null}
        <Pagination page={sites.page} pageCount={sites.pageCount} basePath={basePath} params={{ q: search.q }} />
      </section>
    </article>
  );
}
