import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { formatWindow } from "@/lib/format/dates";
import type { DiscoverCard as DiscoverCardData } from "@/lib/trainees/discover";
import { DESIGN_LABELS, MODALITY_LABELS } from "@/lib/validation/projects";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function DiscoverCard({ project }: { project: DiscoverCardData }) {
  return (
    <article className="border-t-4 border-brand bg-white p-4">
      <h3 className="text-xl font-bold">
        <Link href={`/projects/${project.slug}`}>{project.title}</Link>
      </h3>
      <p className="mt-1">
        <StatusTag status={project.status} />
      </p>
      <p className="mt-2 line-clamp-2">{project.summary}</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-semibold">Design</dt>
        <dd>{DESIGN_LABELS[project.design]}</dd>
        <dt className="font-semibold">Modality</dt>
        <dd>{project.modalities.map((modality) => MODALITY_LABELS[modality]).join(", ") || "Any"}</dd>
        <dt className="font-semibold">Data collection</dt>
        <dd>{formatWindow(project.collectionStart, project.collectionEnd)}</dd>
        {project.nearness === "hospital" ? (
          <>
            <dt className="font-semibold">Collaborators at your hospital</dt>
            <dd>{project.homeCollaborators}</dd>
          </>
        ) : project.nearness === "region" ? (
          <>
            <dt className="font-semibold">In your region</dt>
            <dd>
              {plural(project.regionSites, "hospital", "hospitals")}, {plural(project.regionCollaborators, "collaborator", "collaborators")}
            </dd>
          </>
        ) : (
          <>
            <dt className="font-semibold">Hospitals taking part</dt>
            <dd>{project.siteCount}</dd>
          </>
        )}
        {project.myStatus ? (
          <>
            <dt className="font-semibold">You</dt>
            <dd>{project.myStatus === "CONFIRMED" ? "Taking part" : "Asked to join, waiting for the site lead"}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
