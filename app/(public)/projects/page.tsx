import type { Metadata } from "next";
import { ProjectCard } from "@/components/projects/project-card";
import { ProjectSearchForm } from "@/components/projects/project-search-form";
import { NoResults } from "@/components/ui/no-results";
import { Pagination } from "@/components/ui/pagination";
import { cachedSearchPublicProjects } from "@/lib/cache/public";
import { PUBLIC_STATUSES, projectSearchSchema } from "@/lib/validation/projects";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = projectSearchSchema.parse(await searchParams);
  const result = await cachedSearchPublicProjects(search);
  return (
    <div>
      <h1 className="text-3xl font-bold">Projects</h1>
      <p className="mt-2 text-lg">Projects open to hospitals or collecting data now. Filter to find one that suits you.</p>
      <div className="mt-2">
        <ProjectSearchForm search={search} statuses={PUBLIC_STATUSES} idPrefix="" searchLabel="Search" submitLabel="Show projects" />
      </div>
      {result.total === 0 && (search.q || search.design || search.modality || search.status) ? (
        <NoResults things="projects" clearHref="/projects" />
      ) : (
        <p className="mt-6" role="status">
          {result.total === 1 ? "1 project found" : `${result.total} projects found`}
        </p>
      )}
      <ul className="mt-4 space-y-4">
        {result.items.map((project) => (
          <li key={project.slug}>
            <ProjectCard project={project} />
          </li>
        ))}
      </ul>
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath="/projects"
        params={{ q: search.q, design: search.design, modality: search.modality, status: search.status }}
      />
    </div>
  );
}
