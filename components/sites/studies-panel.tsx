import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import type { ReactNode } from "react";
import type { MyStudies } from "@/lib/sites/mine";
import { SiteStatusTag } from "./site-status-tag";

/** The sites a person leads and the projects they run, with the way in to each. */
export function StudiesPanel({ studies, headingLevel = 2 }: { studies: MyStudies; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (studies.sites.length === 0 && studies.projects.length === 0) return null;
  return (
    <div className="space-y-6">
      {studies.projects.length > 0 ? (
        <LinkList id="my-projects-title" title="Projects you lead" Heading={Heading}>
          {studies.projects.map((project) => (
            <li key={project.slug} className="bg-white p-3">
              <Link href={`/dashboard/projects/${project.slug}`}>{project.title}</Link> <StatusTag status={project.status} />
              <span className="ml-2 text-muted">
                {project.sites} {project.sites === 1 ? "site" : "sites"}
              </span>
            </li>
          ))}
        </LinkList>
      ) : null}
      {studies.sites.length > 0 ? (
        <LinkList id="my-sites-title" title="Sites you lead" Heading={Heading}>
          {studies.sites.map((site) => (
            <li key={site.projectSiteId} className="bg-white p-3">
              <Link href={`/dashboard/projects/${site.projectSlug}/sites/${encodeURIComponent(site.odsCode)}`}>
                {site.hospital}: {site.projectTitle}
              </Link>{" "}
              <SiteStatusTag status={site.status} />
              {!site.approvedByLead && site.status !== "WITHDRAWN" ? <span className="ml-2">Waiting for the project lead&apos;s approval</span> : null}
              {site.requests > 0 ? (
                <span className="ml-2 font-semibold">
                  {site.requests} {site.requests === 1 ? "request" : "requests"} to join
                </span>
              ) : null}
            </li>
          ))}
        </LinkList>
      ) : null}
    </div>
  );
}

/** One titled list of the panel. */
function LinkList({ id, title, Heading, children }: { id: string; title: string; Heading: "h2" | "h3"; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Heading id={id} className="text-2xl font-bold">
        {title}
      </Heading>
      <ul className="mt-2 space-y-2">{children}</ul>
    </section>
  );
}
