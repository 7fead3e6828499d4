import "server-only";
// The public pages' loaders, answered from the process's cache (lib/cache/store.ts) until a
// write changes what they show. Only data that is the same for every viewer is cached: what a
// signed-in person may do on a page (the join panel) is read per request, beside these.
// Every answer is frozen (shared by every reader): derive new values from it, never change it.
import { cache } from "react";
import { outputsOfPublicProject, searchOutputs, type OutputsListPage, type PublicOutput } from "@/lib/outputs/public";
import { getPublicProject, searchPublicProjects, type ProjectPage, type PublicProject } from "@/lib/projects/public";
import { collaborativeCounts, type CollaborativeCounts } from "@/lib/stats/collaborative";
import type { OutputSearch } from "@/lib/validation/outputs";
import type { ProjectSearch } from "@/lib/validation/projects";
import { publicCache, type CacheTag } from "./store";

/** A key that names the loader and its arguments, whatever order the arguments' fields were built in. */
function keyOf(loader: string, argument: unknown): string {
  const fields = argument && typeof argument === "object" ? Object.entries(argument).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b)) : argument;
  return `${loader}:${JSON.stringify(fields ?? null)}`;
}

export const projectTag = (slug: string): CacheTag => `project:${slug}`;

/** The home page's figures. */
export function cachedCollaborativeCounts(): Promise<CollaborativeCounts> {
  return publicCache().read(keyOf("collaborativeCounts", null), ["collaborative"], collaborativeCounts);
}

/**
 * The pages of a list worth keeping: the first few, without free text. Anyone can ask for any
 * text and page; each answer kept would push out one the home page or the list needs.
 */
export const CACHED_PAGES = 5;
const worthKeeping = (search: { q?: string; page: number }) => !search.q && search.page <= CACHED_PAGES;

/** The projects list, per search and page; kept under the page it shows (a page past the last shows the last). */
export function cachedSearchPublicProjects(search: ProjectSearch): Promise<ProjectPage> {
  if (!worthKeeping(search)) return searchPublicProjects(search);
  return publicCache().read(keyOf("searchPublicProjects", search), ["projects"], () => searchPublicProjects(search), (found) =>
    keyOf("searchPublicProjects", { ...search, page: found.page }),
  );
}

/**
 * A public project page's data (null when no public project has that address); the page and its
 * metadata share one read. An address with no public project is not kept: any address can be asked for.
 */
export const cachedPublicProject = cache((slug: string): Promise<PublicProject | null> =>
  publicCache().read(keyOf("getPublicProject", slug), [projectTag(slug)], () => getPublicProject(slug), (found) => (found ? keyOf("getPublicProject", slug) : null)),
);

/** A public project's outputs (none, and nothing kept, when no public project has that address). */
export async function cachedOutputsOfPublicProject(slug: string): Promise<PublicOutput[]> {
  if (!(await cachedPublicProject(slug))) return [];
  return publicCache().read(keyOf("outputsOfPublicProject", slug), [projectTag(slug)], () => outputsOfPublicProject(slug));
}

/** The outputs list, per search and page, with the totals by year; kept under the page it shows. */
export function cachedSearchOutputs(search: OutputSearch): Promise<OutputsListPage> {
  if (!worthKeeping(search)) return searchOutputs(search);
  return publicCache().read(keyOf("searchOutputs", search), ["outputs"], () => searchOutputs(search), (found) => keyOf("searchOutputs", { ...search, page: found.page }));
}
