import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { StudySettingsForm } from "@/components/sites/study-settings-form";
import { requireActor } from "@/lib/auth/session";
import { getStudySettings } from "@/lib/sites/settings";
import { updateStudySettingsAction } from "./actions";
import { orNotFound } from "@/lib/server/or-not-found";
import { ProjectGovernanceSection } from "@/components/sites/governance-checklist";
import { getProjectGovernance, GOVERNANCE_ITEMS } from "@/lib/sites/governance";
import { GOVERNANCE_KINDS } from "@/lib/validation/governance";
import { recordProjectItemAction } from "./governance-actions";

export const metadata: Metadata = { title: "Study settings" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StudySettingsPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { slug } = await params;
  const page = await orNotFound(getStudySettings(actor, slug));
  const { project, settings } = page;
  const query = await searchParams;
  const governance = await getProjectGovernance(actor, project.id);
  const recording = GOVERNANCE_KINDS.find((kind) => kind === query.record) ?? null;
  const recorded = GOVERNANCE_KINDS.find((kind) => kind === query.done) ?? null;
  const basePath = `/dashboard/projects/${project.slug}`;
  return (
    <div className="max-w-3xl">
      <p>
        {page.running ? <Link href={basePath}>National view</Link> : <Link href={`/dashboard/proposals/${project.id}`}>Your proposal</Link>}
      </p>
      <h1 className="mt-2 text-3xl font-bold">Study settings</h1>
      <p className="mt-2 text-lg">{project.title}</p>
      <p className="mt-2">
        <StatusTag status={project.status} />
      </p>

      {recorded ? (
        <div role="status" className="mt-4 border-l-8 border-ok bg-white p-4">
          The {GOVERNANCE_ITEMS[recorded].label} has been recorded.
        </div>
      ) : null}

      {page.open ? (
        <>
          <p className="mt-4">These rules apply at every site taking part. Each change is recorded with who made it and when.</p>
          <div className="mt-6">
            <StudySettingsForm action={updateStudySettingsAction} projectId={project.id} saved={settings} />
          </div>
        </>
      ) : (
        <>
          <p className="mt-4">
            The project has ended, so its settings stay as they were when it closed: they decided who is cited on its authorship list.
          </p>
          <dl className="mt-4 bg-white p-4">
            <dt className="font-semibold">Most collaborators per site</dt>
            <dd className="mb-3">{settings.teamCap === null ? "No limit" : settings.teamCap}</dd>
            <dt className="font-semibold">Cases a site must submit for its collaborators to be citable</dt>
            <dd>{settings.minimumCitableCases === null ? "None: everyone confirmed is citable" : settings.minimumCitableCases}</dd>
          </dl>
        </>
      )}

      <p className="mt-6">
        <Link href={`${basePath}/periods`}>Data-collection periods</Link>: run data collection in periods (for example four weeks each), with a
        team per period at each site.
      </p>

      {page.aboveCap.length > 0 ? (
        <section aria-labelledby="above-cap-title" className="mt-8 border-l-8 border-brand bg-white p-4">
          <h2 id="above-cap-title" className="text-2xl font-bold">
            {page.aboveCap.length === 1 ? "1 site has" : `${page.aboveCap.length} sites have`} more collaborators than the limit
          </h2>
          <p className="mt-2">
            Nobody is removed from a team. Until its team is below the limit of {settings.teamCap}, a site confirms no one new.
          </p>
          <ul className="mt-2 list-disc pl-6">
            {page.aboveCap.map((site) => (
              <li key={site.odsCode}>
                <Link href={`${basePath}/sites/${encodeURIComponent(site.odsCode)}/team`}>{site.hospital}</Link>: {site.collaborators}{" "}
                {site.collaborators === 1 ? "collaborator" : "collaborators"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {settings.minimumCitableCases !== null && page.running ? (
        <p className="mt-8">
          As things stand, {page.belowMinimum} of the {page.sites} {page.sites === 1 ? "site" : "sites"} taking part{" "}
          {page.belowMinimum === 1 ? "has" : "have"} submitted fewer than {settings.minimumCitableCases} cases. See who is cited and who is
          acknowledged on the <Link href={`${basePath}/authorship`}>authorship list</Link>.
        </p>
      ) : null}
      {governance ? (
        <ProjectGovernanceSection
          projectId={project.id}
          basePath={`${basePath}/settings`}
          routeLabel={governance.routeLabel}
          items={governance.items}
          canRecord={governance.canRecord}
          recording={recording}
          action={recordProjectItemAction}
        />
      ) : null}
    </div>
  );
}
