import Link from "next/link";
import type { ProjectCard as ProjectCardData } from "@/lib/projects/public";
import { formatWindow } from "@/lib/format/dates";
import { DESIGN_LABELS, MODALITY_LABELS } from "@/lib/validation/projects";
import { StatusTag } from "./status-tag";

export function ProjectCard({ project }: { project: ProjectCardData }) {
  return (
    <article className="border-t-4 border-brand bg-white p-4">
      <h2 className="text-xl font-bold">
        <Link href={`/projects/${project.slug}`}>{project.title}</Link>
      </h2>
      <p className="mt-1">
        <StatusTag status={project.status} />
      </p>
      <p className="mt-2 line-clamp-3">{project.summary}</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-semibold">Design</dt>
        <dd>{DESIGN_LABELS[project.design]}</dd>
        <dt className="font-semibold">Modality</dt>
        <dd>{project.modalities.map((modality) => MODALITY_LABELS[modality]).join(", ") || "Any"}</dd>
        <dt className="font-semibold">Data collection</dt>
        <dd>{formatWindow(project.collectionStart, project.collectionEnd)}</dd>
        <dt className="font-semibold">Hospitals taking part</dt>
        <dd>{project.siteCount}</dd>
      </dl>
    </article>
  );
}
