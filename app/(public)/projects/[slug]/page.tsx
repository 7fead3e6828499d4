import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteProgressChart } from "@/components/projects/site-progress-chart";
import { StatusTag } from "@/components/projects/status-tag";
import { JoinPanel } from "@/components/trainees/join-panel";
import { formatWindow } from "@/lib/format/dates";
import { getPublicProject } from "@/lib/projects/public";
import { designLabel, MODALITY_LABELS } from "@/lib/validation/projects";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const project = await getPublicProject((await params).slug);
  return { title: project?.title ?? "Project not found" };
}

export default async function ProjectPage({ params }: Params) {
  const project = await getPublicProject((await params).slug);
  if (!project) notFound();
  const percent = project.totalTarget > 0 ? Math.round((project.totalCases / project.totalTarget) * 100) : 0;
  return (
    <article>
      <h1 className="text-3xl font-bold">{project.title}</h1>
      <p className="mt-2">
        <StatusTag status={project.status} />
      </p>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 bg-white p-4">
        <dt className="font-semibold">Design</dt>
        <dd>{designLabel(project.design)}</dd>
        <dt className="font-semibold">Modality</dt>
        <dd>{project.modalities.map((modality) => MODALITY_LABELS[modality]).join(", ") || "Any"}</dd>
        <dt className="font-semibold">Data collection</dt>
        <dd>{formatWindow(project.collectionStart, project.collectionEnd)}</dd>
        <dt className="font-semibold">Led by</dt>
        <dd>{project.leads.join(", ") || "To be confirmed"}</dd>
      </dl>
      <JoinPanel slug={project.slug} />
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
      <section aria-labelledby="progress-title" className="mt-8">
        <h2 id="progress-title" className="text-2xl font-bold">
          National progress
        </h2>
        <p className="mt-2 text-lg">
          <strong>{project.totalCases}</strong> cases of a target of <strong>{project.totalTarget}</strong> ({percent}%)
          from <strong>{project.sites.length}</strong> {project.sites.length === 1 ? "hospital" : "hospitals"}.
        </p>
        <div className="mt-4 overflow-x-auto">
          <SiteProgressChart sites={project.sites} />
        </div>
      </section>
    </article>
  );
}
