import { FilterSelect } from "@/components/ui/filter-select";
import type { Metadata } from "next";
import { ProjectCard } from "@/components/projects/project-card";
import { Pagination } from "@/components/ui/pagination";
import { searchPublicProjects } from "@/lib/projects/public";
import {
  DESIGN_LABELS,
  MODALITY_LABELS,
  PUBLIC_STATUSES,
  STATUS_LABELS,
  projectSearchSchema,
} from "@/lib/validation/projects";

export const metadata: Metadata = { title: "Projects" };

const selectClass = "mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5";

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = projectSearchSchema.parse(await searchParams);
  const result = await searchPublicProjects(search);
  return (
    <div>
      <h1 className="text-3xl font-bold">Projects</h1>
      <p className="mt-2 text-lg">Projects open to hospitals or collecting data now. Filter to find one that suits you.</p>
      <search>
        <form method="get" className="mt-6 grid gap-4 bg-white p-4 md:grid-cols-5 md:items-end">
          <div className="md:col-span-2">
            <label htmlFor="q" className="block font-semibold">
              Search
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={search.q ?? ""}
              className="mt-1 block w-full border-2 border-ink px-2 py-1.5"
            />
          </div>
          <FilterSelect id="design" name="design" label="Design" defaultValue={search.design ?? ""} anyLabel="Any design" options={DESIGN_LABELS} />
          <FilterSelect id="modality" name="modality" label="Modality" defaultValue={search.modality ?? ""} anyLabel="Any modality" options={MODALITY_LABELS} />
          <div>
            <label htmlFor="status" className="block font-semibold">
              Status
            </label>
            <select id="status" name="status" defaultValue={search.status ?? ""} className={selectClass}>
              <option value="">Open or collecting</option>
              {PUBLIC_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
          <div className="md:col-span-5">
            <button type="submit" className="cursor-pointer border-b-4 border-[#00401e] bg-ok px-4 py-2 font-semibold text-white">
              Show projects
            </button>
          </div>
        </form>
      </search>
      <p className="mt-6" role="status">
        {result.total === 1 ? "1 project found" : `${result.total} projects found`}
      </p>
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
