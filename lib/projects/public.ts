import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Modality, ProjectSiteStatus, StudyDesign } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES, PUBLIC_STATUSES, type ProjectSearch, type PublicStatus } from "@/lib/validation/projects";

export const PROJECTS_PAGE_SIZE = 10;

export interface ProjectCard {
  slug: string;
  title: string;
  summary: string;
  design: StudyDesign;
  modalities: Modality[];
  status: PublicStatus;
  collectionStart: Date | null;
  collectionEnd: Date | null;
  siteCount: number;
}

export interface ProjectPage {
  items: ProjectCard[];
  total: number;
  page: number;
  pageCount: number;
}

/** Public projects matching the search, a page at a time. Two queries whatever the data size. */
export async function searchPublicProjects(search: ProjectSearch): Promise<ProjectPage> {
  const where: Prisma.ProjectWhereInput = {
    status: { in: search.status ? [search.status] : [...OPEN_STATUSES] },
    ...(search.design ? { design: search.design } : {}),
    ...(search.modality ? { modalities: { hasSome: [search.modality] } } : {}),
    ...(search.q
      ? {
          OR: [
            { title: { contains: search.q, mode: "insensitive" } },
            { summary: { contains: search.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const total = await db.project.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PROJECTS_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const rows = await db.project.findMany({
    where,
    orderBy: [{ collectionStart: "desc" }, { title: "asc" }],
    skip: (page - 1) * PROJECTS_PAGE_SIZE,
    take: PROJECTS_PAGE_SIZE,
    select: {
      slug: true,
      title: true,
      summary: true,
      design: true,
      modalities: true,
      status: true,
      collectionStart: true,
      collectionEnd: true,
      _count: { select: { sites: { where: { status: { not: "WITHDRAWN" } } } } },
    },
  });
  return {
    items: rows.map(({ _count, status, ...row }) => ({
      ...row,
      status: status as PublicStatus,
      siteCount: _count.sites,
    })),
    total,
    page,
    pageCount,
  };
}

export interface PublicProjectSite {
  name: string;
  city: string;
  region: string;
  status: ProjectSiteStatus;
  caseTarget: number;
  cases: number;
}

export interface PublicProject {
  slug: string;
  title: string;
  summary: string;
  aims: string;
  design: StudyDesign;
  modalities: Modality[];
  status: PublicStatus;
  collectionStart: Date | null;
  collectionEnd: Date | null;
  leads: string[];
  sites: PublicProjectSite[];
  totalCases: number;
  totalTarget: number;
}

/** A public project with its participating hospitals and their case counts, or null. */
export async function getPublicProject(slug: string): Promise<PublicProject | null> {
  const project = await db.project.findFirst({
    where: { slug, status: { in: [...PUBLIC_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      aims: true,
      design: true,
      modalities: true,
      status: true,
      collectionStart: true,
      collectionEnd: true,
      targetCasesPerSite: true,
      leads: { orderBy: { role: "asc" }, select: { user: { select: { name: true } } } },
      sites: {
        where: { status: { not: "WITHDRAWN" } },
        orderBy: { site: { name: "asc" } },
        select: {
          id: true,
          status: true,
          caseTarget: true,
          site: { select: { name: true, city: true, deanery: { select: { name: true } } } },
        },
      },
    },
  });
  if (!project) return null;
  const cases = await currentCasesByProjectSite(project.id);
  const sites = project.sites.map((row) => ({
    name: row.site.name,
    city: row.site.city,
    region: row.site.deanery.name,
    status: row.status,
    caseTarget: row.caseTarget ?? project.targetCasesPerSite ?? 0,
    cases: cases.get(row.id) ?? 0,
  }));
  return {
    slug: project.slug,
    title: project.title,
    summary: project.summary,
    aims: project.aims,
    design: project.design,
    modalities: project.modalities,
    status: project.status as PublicStatus,
    collectionStart: project.collectionStart,
    collectionEnd: project.collectionEnd,
    leads: project.leads.map((lead) => lead.user.name),
    sites,
    totalCases: sites.reduce((sum, site) => sum + site.cases, 0),
    totalTarget: sites.reduce((sum, site) => sum + site.caseTarget, 0),
  };
}

/** Each site's latest cumulative count: progress reports are append-only. */
async function currentCasesByProjectSite(projectId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ projectSiteId: string; cases: number }[]>`
    SELECT DISTINCT ON (r."projectSiteId") r."projectSiteId", r."cumulativeCases" AS cases
      FROM "ProgressReport" r
      JOIN "ProjectSite" ps ON ps.id = r."projectSiteId"
     WHERE ps."projectId" = ${projectId}::uuid
     ORDER BY r."projectSiteId", r."reportedAt" DESC`;
  return new Map(rows.map((row) => [row.projectSiteId, row.cases]));
}
