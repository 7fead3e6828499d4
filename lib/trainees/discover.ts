import "server-only";
import { pageWindow } from "@/lib/paging";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Modality, StudyDesign } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES, type ProjectSearch } from "@/lib/validation/projects";

export const DISCOVER_PAGE_SIZE = 10;

/** Where a project is open, seen from the trainee: at their hospital, in their region, elsewhere. */
export type Nearness = "hospital" | "region" | "elsewhere";
const NEARNESS: Nearness[] = ["hospital", "region", "elsewhere"];

export interface DiscoverCard {
  slug: string;
  title: string;
  summary: string;
  design: StudyDesign | null;
  modalities: Modality[];
  status: (typeof OPEN_STATUSES)[number];
  collectionStart: Date | null;
  collectionEnd: Date | null;
  nearness: Nearness;
  siteCount: number;
  /** Confirmed collaborators at the trainee's hospital (for "hospital"), or at the region's sites. */
  homeCollaborators: number;
  regionSites: number;
  regionCollaborators: number;
  /** The trainee's own request or place on the project, if any. */
  myStatus: "REQUESTED" | "CONFIRMED" | null;
}

export interface Discover {
  homeSite: string | null;
  region: string | null;
  items: DiscoverCard[];
  totals: Record<Nearness, number>;
  total: number;
  page: number;
  pageCount: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Projects open to collaborators, those at the trainee's hospital first, then
 * those in their region, then the rest; filtered as on /projects. Two
 * statements at once whatever the number of projects, sites or collaborators
 * (the trainee's hospital and region are read inside each); a third, after,
 * only for a page past the last, which shows the last page instead.
 */
export async function discoverProjects(actor: Actor, search: ProjectSearch): Promise<Discover> {
  const home = Prisma.sql`(SELECT tp."homeSiteId" FROM "TraineeProfile" tp WHERE tp."userId" = ${actor.id}::uuid)`;
  const region = Prisma.sql`(SELECT tp."deaneryId" FROM "TraineeProfile" tp WHERE tp."userId" = ${actor.id}::uuid)`;
  const statuses = search.status && (OPEN_STATUSES as readonly string[]).includes(search.status) ? [search.status] : [...OPEN_STATUSES];
  const conditions = [Prisma.sql`p.status::text IN (${Prisma.join(statuses)})`];
  if (search.design) conditions.push(Prisma.sql`p.design::text = ${search.design}`);
  if (search.modality) conditions.push(Prisma.sql`${search.modality}::"Modality" = ANY(p.modalities)`);
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    conditions.push(Prisma.sql`(p.title ILIKE ${pattern} OR p.summary ILIKE ${pattern})`);
  }
  const where = Prisma.join(conditions, " AND ");
  const matched = Prisma.sql`
    SELECT p.id, p.slug, p.title, p.summary, p.design, p.modalities, p.status, p."collectionStart", p."collectionEnd",
           CASE
             WHEN EXISTS (SELECT 1 FROM "ProjectSite" ps
                           WHERE ps."projectId" = p.id AND ps."siteId" = ${home} AND ps.status <> 'WITHDRAWN') THEN 0
             WHEN EXISTS (SELECT 1 FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
                           WHERE ps."projectId" = p.id AND s."deaneryId" = ${region} AND ps.status <> 'WITHDRAWN') THEN 1
             ELSE 2
           END AS bucket
      FROM "Project" p
     WHERE ${where}`;

  const pageRows = (page: number) => db.$queryRaw<(Omit<DiscoverCard, "nearness"> & { bucket: number })[]>`
    SELECT m.slug, m.title, m.summary, m.design, m.modalities::text[] AS modalities, m.status, m."collectionStart", m."collectionEnd", m.bucket,
           (SELECT count(*)::int FROM "ProjectSite" ps WHERE ps."projectId" = m.id AND ps.status <> 'WITHDRAWN') AS "siteCount",
           (SELECT count(*)::int FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
             WHERE ps."projectId" = m.id AND ps."siteId" = ${home} AND c.status = 'CONFIRMED') AS "homeCollaborators",
           (SELECT count(*)::int FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
             WHERE ps."projectId" = m.id AND s."deaneryId" = ${region} AND ps.status <> 'WITHDRAWN') AS "regionSites",
           (SELECT count(*)::int FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId" JOIN "Site" s ON s.id = ps."siteId"
             WHERE ps."projectId" = m.id AND s."deaneryId" = ${region} AND ps.status <> 'WITHDRAWN' AND c.status = 'CONFIRMED') AS "regionCollaborators",
           (SELECT c.status::text FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
             WHERE ps."projectId" = m.id AND c."userId" = ${actor.id}::uuid AND c.status IN ('REQUESTED', 'CONFIRMED')
             LIMIT 1) AS "myStatus"
      FROM (${matched}) m
     ORDER BY m.bucket, m."collectionStart" DESC NULLS LAST, m.title
     LIMIT ${DISCOVER_PAGE_SIZE} OFFSET ${(page - 1) * DISCOVER_PAGE_SIZE}`;

  const requested = Math.max(1, search.page);
  const [[summary], requestedRows] = await Promise.all([
    db.$queryRaw<{ hospital: number; region: number; elsewhere: number; homeSite: string | null; regionName: string | null }[]>`
      SELECT count(*) FILTER (WHERE m.bucket = 0)::int AS hospital,
             count(*) FILTER (WHERE m.bucket = 1)::int AS region,
             count(*) FILTER (WHERE m.bucket = 2)::int AS elsewhere,
             (SELECT s.name FROM "TraineeProfile" tp JOIN "Site" s ON s.id = tp."homeSiteId" WHERE tp."userId" = ${actor.id}::uuid) AS "homeSite",
             (SELECT d.name FROM "TraineeProfile" tp JOIN "Deanery" d ON d.id = tp."deaneryId" WHERE tp."userId" = ${actor.id}::uuid) AS "regionName"
        FROM (${matched}) m`,
    pageRows(requested),
  ]);
  const totals: Record<Nearness, number> = { hospital: summary!.hospital, region: summary!.region, elsewhere: summary!.elsewhere };
  const total = totals.hospital + totals.region + totals.elsewhere;
  const { page, pageCount } = pageWindow(total, search.page, DISCOVER_PAGE_SIZE);
  // Asked for a page past the last: the last one, as every list answers.
  const rows = page === requested ? requestedRows : await pageRows(page);

  return {
    homeSite: summary!.homeSite,
    region: summary!.regionName,
    items: rows.map(({ bucket, ...row }) => ({ ...row, nearness: NEARNESS[bucket]! })),
    totals,
    total,
    page,
    pageCount,
  };
}
