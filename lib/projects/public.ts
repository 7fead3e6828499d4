import "server-only";
import { pageOfList, pageWindow } from "@/lib/paging";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Modality, ProjectSiteStatus, StudyDesign } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES, PUBLIC_STATUSES, type ProjectSearch, type PublicSitesSearch, type PublicStatus } from "@/lib/validation/projects";
import { isAddressText } from "@/lib/ids";

export const PROJECTS_PAGE_SIZE = 10;

export interface ProjectCard {
  slug: string;
  title: string;
  summary: string;
  design: StudyDesign | null;
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
  const { page, pageCount, skip } = pageWindow(total, search.page, PROJECTS_PAGE_SIZE);
  const rows = await db.project.findMany({
    where,
    orderBy: [{ collectionStart: "desc" }, { title: "asc" }],
    skip,
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
  design: StudyDesign | null;
  modalities: Modality[];
  status: PublicStatus;
  collectionStart: Date | null;
  collectionEnd: Date | null;
  /** Everyone who leads the project, the project lead first, then co-leads. */
  leads: string[];
  /** The project lead's name (not a co-lead's), if the project has one. */
  lead: string | null;
  sites: PublicProjectSite[];
  totalCases: number;
  totalTarget: number;
}

/**
 * A public project with its participating hospitals and their case counts, or
 * null. Three statements whatever the number of sites; cached per request so
 * the page and its metadata share them.
 */
export const getPublicProject = cache(async (slug: string): Promise<PublicProject | null> => {
  if (!isAddressText(slug)) return null;
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
    },
  });
  if (!project) return null;
  const [leads, siteRows] = await Promise.all([
    db.$queryRaw<{ name: string; role: string }[]>`
      SELECT u.name, pl.role::text AS role FROM "ProjectLead" pl JOIN "User" u ON u.id = pl."userId"
       WHERE pl."projectId" = ${project.id}::uuid
       ORDER BY pl.role, u.name`,
    db.$queryRaw<{ name: string; city: string; region: string; status: ProjectSiteStatus; caseTarget: number | null; cases: number | null }[]>`
      SELECT s.name, s.city, d.name AS region, ps.status, ps."caseTarget", latest."cumulativeCases" AS cases
        FROM "ProjectSite" ps
        JOIN "Site" s ON s.id = ps."siteId"
        JOIN "Deanery" d ON d.id = s."deaneryId"
        LEFT JOIN LATERAL (
          SELECT r."cumulativeCases" FROM "ProgressReport" r
           WHERE r."projectSiteId" = ps.id ORDER BY r."reportedAt" DESC LIMIT 1
        ) latest ON true
       WHERE ps."projectId" = ${project.id}::uuid AND ps.status <> 'WITHDRAWN'
       ORDER BY s.name, s.city`,
  ]);
  const sites = siteRows.map((row) => ({
    name: row.name,
    city: row.city,
    region: row.region,
    status: row.status,
    caseTarget: row.caseTarget ?? project.targetCasesPerSite ?? 0,
    cases: row.cases ?? 0,
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
    leads: leads.map((lead) => lead.name),
    lead: leads.find((lead) => lead.role === "LEAD")?.name ?? null,
    sites,
    totalCases: sites.reduce((sum, site) => sum + site.cases, 0),
    totalTarget: sites.reduce((sum, site) => sum + site.caseTarget, 0),
  };
});

/** Hospitals per page of a public project's list: 25 keeps a 300-hospital project's page light. */
export const PUBLIC_SITES_PAGE_SIZE = 25;

export interface PublicSitesPage {
  rows: PublicProjectSite[];
  /** Hospitals matching the search, on every page. */
  matching: number;
  page: number;
  pageCount: number;
}

const folded = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** One page of a project's hospitals, those whose name, town or region contain the search words (accents ignored). */
export function publicSitesPage(sites: PublicProjectSite[], search: PublicSitesSearch): PublicSitesPage {
  const words = search.q ? folded(search.q).split(/\s+/).filter(Boolean) : [];
  const matching = words.length === 0 ? sites : sites.filter((site) => words.every((word) => folded(`${site.name} ${site.city} ${site.region}`).includes(word)));
  return { ...pageOfList(matching, search.page, PUBLIC_SITES_PAGE_SIZE), matching: matching.length };
}

export interface RegionProgress {
  region: string;
  hospitals: number;
  cases: number;
  target: number;
}

/** Cases against target summed by region, regions in alphabetical order. */
export function progressByRegion(sites: PublicProjectSite[]): RegionProgress[] {
  const regions = new Map<string, RegionProgress>();
  for (const site of sites) {
    const region = regions.get(site.region) ?? { region: site.region, hospitals: 0, cases: 0, target: 0 };
    region.hospitals += 1;
    region.cases += site.cases;
    region.target += site.caseTarget;
    regions.set(site.region, region);
  }
  return [...regions.values()].sort((a, b) => a.region.localeCompare(b.region, "en-GB"));
}
