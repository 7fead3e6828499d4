import Link from "next/link";
import type { ReactNode } from "react";
import type { ProjectCard as ProjectCardData } from "@/lib/projects/public";
import { formatWindow } from "@/lib/format/dates";
import { designLabel, MODALITY_LABELS } from "@/lib/validation/projects";
import { StatusTag } from "./status-tag";

type CardBasics = Pick<ProjectCardData, "slug" | "title" | "status" | "summary" | "design" | "modalities" | "collectionStart" | "collectionEnd">;

interface ProjectCardFrameProps {
  project: CardBasics;
  /** The card's heading sits one level below the list's own heading. */
  headingLevel: "h2" | "h3";
  summaryLines: 2 | 3;
  /** Further `dt`/`dd` pairs after design, modality and window. */
  children: ReactNode;
}

/** What every list of projects shows about one: title, status, summary, design, modality, window, then the list's own facts. */
export function ProjectCardFrame({ project, headingLevel: Heading, summaryLines, children }: ProjectCardFrameProps) {
  return (
    <article className="border-t-4 border-brand bg-white p-4">
      <Heading className="text-xl font-bold">
        <Link href={`/projects/${project.slug}`}>{project.title}</Link>
      </Heading>
      <p className="mt-1">
        <StatusTag status={project.status} />
      </p>
      <p className={`mt-2 ${summaryLines === 2 ? "line-clamp-2" : "line-clamp-3"}`}>{project.summary}</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-semibold">Design</dt>
        <dd>{designLabel(project.design)}</dd>
        <dt className="font-semibold">Modality</dt>
        <dd>{project.modalities.map((modality) => MODALITY_LABELS[modality]).join(", ") || "Any"}</dd>
        <dt className="font-semibold">Data collection</dt>
        <dd>{formatWindow(project.collectionStart, project.collectionEnd)}</dd>
        {children}
      </dl>
    </article>
  );
}

export function ProjectCard({ project }: { project: ProjectCardData }) {
  return (
    <ProjectCardFrame project={project} headingLevel="h2" summaryLines={3}>
      <dt className="font-semibold">Hospitals taking part</dt>
      <dd>{project.siteCount}</dd>
    </ProjectCardFrame>
  );
}
