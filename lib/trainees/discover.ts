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
 * those in their region, then the rest; filtered as on /projects. One
 * statement whatever the number of projects, sites or collaborators; a second,
 * after, only for a page past the last, which shows the last page instead.
 *
 * Its cost grows with the projects that match and the project sites of the
 * trainee's region, never per project in a loop: the hospital's and the
 * region's projects are each read once, through the index on the site, into a
 * set the matched projects are looked up in; the matched projects are read
 * once (MATERIALIZED), for both the counts and the page. Written as a CASE of
 * EXISTS per project, that was about 40 probes a project, computed three times
 * over, and the dashboard's cost grew with the collaborative (docs/benchmarks.md).
 */
export async function discoverProjects(actor: Actor, search: ProjectSearch): Promise<Discover> {
  const statuses = search.status && (OPEN_STATUSES as readonly string[]).includes(search.status) ? [search.status] : [...OPEN_STATUSES];
  const conditions = [Prisma.sql`p.status::text IN (${Prisma.join(statuses)})`];
  if (search.design) conditions.push(Prisma.sql`p.design::text = ${search.design}`);
  if (search.modality) conditions.push(Prisma.sql`${search.modality}::"Modality" = ANY(p.modalities)`);
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    conditions.push(Prisma.sql`(p.title ILIKE ${pattern} OR p.summary ILIKE ${pattern})`);
  }
  const where = Prisma.join(conditions, " AND ");

  type Row = Partial<Omit<DiscoverCard, "nearness">> & {
    hospital: number;
    region: number;
    elsewhere: number;
    homeSite: string | null;
    regionName: string | null;
    bucket: number | null;
  };
  // The counts in every row; the page's projects beside them, or one row of counts alone when the page is empty.
  const read = (page: number) => db.$queryRaw<Row[]>`
    WITH me AS MATERIALIZED (
           SELECT tp."homeSiteId" AS home, tp."deaneryId" AS region FROM "TraineeProfile" tp WHERE tp."userId" = ${actor.id}::uuid),
         home_projects AS MATERIALIZED (
           SELECT ps."projectId" FROM "ProjectSite" ps
            WHERE ps."siteId" = (SELECT home FROM me) AND ps.status <> 'WITHDRAWN'),
         region_projects AS MATERIALIZED (
           SELECT ps."projectId" FROM "ProjectSite" ps
            WHERE ps."siteId" = ANY (ARRAY(SELECT s.id FROM "Site" s WHERE s."deaneryId" = (SELECT region FROM me)))
              AND ps.status <> 'WITHDRAWN'),
         matched AS MATERIALIZED (
           SELECT p.id, p.title, p."collectionStart",
                  CASE WHEN p.id IN (SELECT "projectId" FROM home_projects) THEN 0
                       WHEN p.id IN (SELECT "projectId" FROM region_projects) THEN 1
                       ELSE 2 END AS bucket
             FROM "Project" p
            WHERE ${where}),
         totals AS (
           SELECT count(*) FILTER (WHERE m.bucket = 0)::int AS hospital,
                  count(*) FILTER (WHERE m.bucket = 1)::int AS region,
                  count(*) FILTER (WHERE m.bucket = 2)::int AS elsewhere,
                  (SELECT s.name FROM me JOIN "Site" s ON s.id = me.home) AS "homeSite",
                  (SELECT d.name FROM me JOIN "Deanery" d ON d.id = me.region) AS "regionName"
             FROM matched m),
         page AS (
           SELECT m.id, m.bucket, m.title AS "orderTitle", m."collectionStart" AS "orderStart"
             FROM matched m
            ORDER BY m.bucket, m."collectionStart" DESC NULLS LAST, m.title
            LIMIT ${DISCOVER_PAGE_SIZE} OFFSET ${(page - 1) * DISCOVER_PAGE_SIZE})
    SELECT t.hospital, t.region, t.elsewhere, t."homeSite", t."regionName",
           pg.bucket, p.slug, p.title, p.summary, p.design, p.modalities::text[] AS modalities, p.status, p."collectionStart", p."collectionEnd",
           (SELECT count(*)::int FROM "ProjectSite" ps WHERE ps."projectId" = p.id AND ps.status <> 'WITHDRAWN') AS "siteCount",
           (SELECT count(*)::int FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
             WHERE ps."projectId" = p.id AND ps."siteId" = (SELECT home FROM me) AND c.status = 'CONFIRMED') AS "homeCollaborators",
           (SELECT count(*)::int FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
             WHERE ps."projectId" = p.id AND s."deaneryId" = (SELECT region FROM me) AND ps.status <> 'WITHDRAWN') AS "regionSites",
           (SELECT count(*)::int FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId" JOIN "Site" s ON s.id = ps."siteId"
             WHERE ps."projectId" = p.id AND s."deaneryId" = (SELECT region FROM me) AND ps.status <> 'WITHDRAWN' AND c.status = 'CONFIRMED') AS "regionCollaborators",
           (SELECT c.status::text FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
             WHERE ps."projectId" = p.id AND c."userId" = ${actor.id}::uuid AND c.status IN ('REQUESTED', 'CONFIRMED')
             LIMIT 1) AS "myStatus"
      FROM totals t
      LEFT JOIN page pg ON true
      LEFT JOIN "Project" p ON p.id = pg.id
     ORDER BY pg.bucket, pg."orderStart" DESC NULLS LAST, pg."orderTitle"`;

  const requested = Math.max(1, search.page);
  const requestedRows = await read(requested);
  const summary = requestedRows[0]!;
  const totals: Record<Nearness, number> = { hospital: summary.hospital, region: summary.region, elsewhere: summary.elsewhere };
  const total = totals.hospital + totals.region + totals.elsewhere;
  const { page, pageCount } = pageWindow(total, search.page, DISCOVER_PAGE_SIZE);
  // Asked for a page past the last: the last one, as every list answers.
  const rows = page === requested ? requestedRows : await read(page);

  return {
    homeSite: summary.homeSite,
    region: summary.regionName,
    items: rows
      .filter((row) => row.bucket !== null)
      .map((row) => ({
        slug: row.slug!,
        title: row.title!,
        summary: row.summary!,
        design: row.design ?? null,
        modalities: row.modalities!,
        status: row.status!,
        collectionStart: row.collectionStart ?? null,
        collectionEnd: row.collectionEnd ?? null,
        nearness: NEARNESS[row.bucket!]!,
        siteCount: row.siteCount!,
        homeCollaborators: row.homeCollaborators!,
        regionSites: row.regionSites!,
        regionCollaborators: row.regionCollaborators!,
        myStatus: row.myStatus ?? null,
      })),
    totals,
    total,
    page,
    pageCount,
  };
}
