import "server-only";
import { pageOfList } from "@/lib/paging";
// The national view of a project: every site in one table, and the charts
// behind it. Three statements, sent together, whatever the number of sites: the
// project, one aggregate over the sites (latest count and team by LATERAL
// joins), and the national cumulative series (kept in the process's cache
// until a report or a site of the project changes). Filtering, sorting and paging
// happen on the aggregated rows, which hold a few hundred sites at most.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import type { NationalSearch, NationalSort } from "@/lib/validation/sites";
import { SITE_VISIBLE_STATUSES } from "./facts";
import { GOVERNANCE_ROUTES } from "./governance";
import { assertAddressText } from "@/lib/ids";
import { projectTag } from "@/lib/cache/public";
import { publicCache } from "@/lib/cache/store";

export const NATIONAL_PAGE_SIZE = 25;
/** Sites awaiting approval shown at once: each is a form, and a newly opened project may have hundreds. */
export const AWAITING_PAGE_SIZE = 10;
/** An active site with no count for this long is flagged. */
export const STALE_AFTER_DAYS = 14;
/** Points on the national cumulative chart. */
const SERIES_POINTS = 24;

const DAY = 24 * 60 * 60 * 1000;
const STATUS_ORDER: ProjectSiteStatus[] = ["REGISTERED", "APPROVALS_PENDING", "ACTIVE", "COMPLETE", "WITHDRAWN"];
const IN_PROGRESS: readonly ProjectSiteStatus[] = ["REGISTERED", "APPROVALS_PENDING", "ACTIVE"];

export interface NationalSiteRow {
  projectSiteId: string;
  hospital: string;
  city: string;
  odsCode: string;
  regionCode: string;
  region: string;
  status: ProjectSiteStatus;
  siteLeads: string[];
  teamSize: number;
  approvalReference: string | null;
  approvingBody: string | null;
  approvalDate: Date | null;
  caldicottSignedOff: boolean;
  leadApprovedAt: Date | null;
  /** The site's governance checklist (lib/sites/governance.ts): items the route asks, and how many are checked, waiting for a check, sent back. */
  checklist: { required: number; checked: number; waiting: number; sentBack: number };
  registeredAt: Date;
  target: number;
  cases: number;
  /** Cases expected by today, pro rata over the collection window. */
  expected: number;
  lastUpdate: Date | null;
  behind: boolean;
  stale: boolean;
}

export interface NationalView {
  project: { id: string; slug: string; title: string; status: ProjectStatus; minimumCitableCases: number | null; teamCap: number | null };
  rows: NationalSiteRow[];
  /** Rows matching the filters, before paging. */
  matching: number;
  page: number;
  pageCount: number;
  totals: { sites: number; activeSites: number; cases: number; target: number; behind: number; stale: number };
  byStatus: { status: ProjectSiteStatus; count: number }[];
  byRegion: { region: string; regionCode: string; sites: number; cases: number; target: number }[];
  series: { at: Date; cases: number }[];
  regions: { code: string; name: string }[];
  /** Sites with an item of their checklist waiting for a check, or not approved yet (withdrawn ones aside), earliest registered first, a page at a time. */
  awaitingApproval: { rows: NationalSiteRow[]; total: number; page: number; pageCount: number };
  canApprove: boolean;
  canExport: boolean;
  canMessage: boolean;
}

/** A site's row as the statement returns it, before the counts are judged against the calendar. */
interface SiteSql extends Omit<NationalSiteRow, "siteLeads" | "target" | "cases" | "expected" | "behind" | "stale"> {
  siteLeads: string[] | null;
  target: number | null;
  cases: number | null;
}

/**
 * Every site of a project with its latest count and team (site leads by name), in one
 * statement, for those who may see the national view: the project's leads, the committee and
 * admins (the exports and the message page ask narrower permissions first). `project` holds
 * the facts its caller loaded from the database.
 */
export async function projectSiteRows(actor: AuthzActor | null, project: { id: string; projectLeadIds: readonly string[] }): Promise<SiteSql[]> {
  assertCan(actor, "project.viewNational", { projectLeadIds: project.projectLeadIds });
  return siteRowsOf(Prisma.sql`${project.id}::uuid`);
}

/** The statement behind `projectSiteRows`, for the project `projectId` (an id, or a statement giving one or none). */
function siteRowsOf(projectId: Prisma.Sql): Promise<SiteSql[]> {
  const localKinds = [...GOVERNANCE_ROUTES.LOCAL_REGISTRATION.site];
  const researchKinds = [...GOVERNANCE_ROUTES.RESEARCH_ETHICS.site];
  return db.$queryRaw<SiteSql[]>`
    SELECT ps.id AS "projectSiteId", s.name AS hospital, s.city, s."odsCode", d.code AS "regionCode", d.name AS region,
           ps.status, ps."approvalReference", ps."approvingBody", ps."approvalDate", ps."caldicottSignedOff",
           ps."leadApprovedAt", ps."registeredAt", COALESCE(ps."caseTarget", p."targetCasesPerSite") AS target,
           latest."cumulativeCases" AS cases, latest."reportedAt" AS "lastUpdate",
           COALESCE(team.size, 0) AS "teamSize", team.leads AS "siteLeads",
           json_build_object('required', cardinality(kinds.asked), 'checked', checklist.checked, 'waiting', checklist.waiting, 'sentBack', checklist."sentBack") AS checklist
      FROM "ProjectSite" ps
      JOIN "Project" p ON p.id = ps."projectId"
      JOIN "Site" s ON s.id = ps."siteId"
      JOIN "Deanery" d ON d.id = s."deaneryId"
      LEFT JOIN LATERAL (
        SELECT r."cumulativeCases", r."reportedAt" FROM "ProgressReport" r
         WHERE r."projectSiteId" = ps.id ORDER BY r."reportedAt" DESC, r.id DESC LIMIT 1
      ) latest ON true
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS size, array_agg(u.name ORDER BY u.name) FILTER (WHERE c.role = 'SITE_LEAD') AS leads
          FROM "Collaboration" c JOIN "User" u ON u.id = c."userId"
         WHERE c."projectSiteId" = ps.id AND c.status = 'CONFIRMED'
      ) team ON true
      CROSS JOIN LATERAL (
        SELECT CASE WHEN p."governanceRoute" = 'RESEARCH_ETHICS' THEN ${researchKinds}::text[] ELSE ${localKinds}::text[] END AS asked
      ) kinds
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE i.state = 'CHECKED')::int AS checked,
               count(*) FILTER (WHERE i.state = 'RECORDED')::int AS waiting,
               count(*) FILTER (WHERE i.state = 'SENT_BACK')::int AS "sentBack"
          FROM "SiteGovernanceItem" i
         WHERE i."projectSiteId" = ps.id AND i.kind::text = ANY(kinds.asked)
      ) checklist ON true
     WHERE ps."projectId" = ${projectId}
     ORDER BY s.name, s.city`;
}

/** The share of the collection window gone by `now`: 1 without a window. */
export function elapsedShare(start: Date | null, end: Date | null, now: Date): number {
  if (!start || !end || end.getTime() <= start.getTime()) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start.getTime()) / (end.getTime() - start.getTime())));
}

export function toNationalRow(row: SiteSql, share: number, now: Date): NationalSiteRow {
  const target = row.target ?? 0;
  const cases = row.cases ?? 0;
  const expected = Math.ceil(target * share);
  // Every field by name: a spread that then overwrites some of the row's fields made this
  // about a hundred times slower, milliseconds a request for a project at every hospital.
  return {
    projectSiteId: row.projectSiteId,
    hospital: row.hospital,
    city: row.city,
    odsCode: row.odsCode,
    regionCode: row.regionCode,
    region: row.region,
    status: row.status,
    siteLeads: row.siteLeads ?? [],
    teamSize: row.teamSize,
    approvalReference: row.approvalReference,
    approvingBody: row.approvingBody,
    approvalDate: row.approvalDate,
    caldicottSignedOff: row.caldicottSignedOff,
    leadApprovedAt: row.leadApprovedAt,
    checklist: row.checklist,
    registeredAt: row.registeredAt,
    lastUpdate: row.lastUpdate,
    target,
    cases,
    expected,
    behind: IN_PROGRESS.includes(row.status) && target > 0 && cases < expected,
    stale: row.status === "ACTIVE" && (!row.lastUpdate || now.getTime() - row.lastUpdate.getTime() > STALE_AFTER_DAYS * DAY),
  };
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });
const percent = (row: NationalSiteRow) => (row.target > 0 ? row.cases / row.target : 0);

const COMPARE: Record<NationalSort, (a: NationalSiteRow, b: NationalSiteRow) => number> = {
  hospital: (a, b) => collator.compare(a.hospital, b.hospital) || collator.compare(a.city, b.city),
  region: (a, b) => collator.compare(a.region, b.region),
  status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
  leads: (a, b) => collator.compare(a.siteLeads[0] ?? "", b.siteLeads[0] ?? ""),
  team: (a, b) => a.teamSize - b.teamSize,
  cases: (a, b) => a.cases - b.cases,
  progress: (a, b) => percent(a) - percent(b),
  updated: (a, b) => (a.lastUpdate?.getTime() ?? 0) - (b.lastUpdate?.getTime() ?? 0),
};

/** The table's rows as the search asks: filtered, sorted (hospital breaks ties), one page. */
export function filterSortPage(rows: NationalSiteRow[], search: NationalSearch) {
  const matching = rows.filter(
    (row) =>
      (!search.status || row.status === search.status) &&
      (!search.region || row.regionCode === search.region) &&
      (!search.behind || row.behind) &&
      (!search.stale || row.stale),
  );
  const sort = search.sort ?? "hospital";
  const direction = (search.dir ?? "asc") === "asc" ? 1 : -1;
  const sorted = [...matching].sort((a, b) => direction * COMPARE[sort](a, b) || COMPARE.hospital(a, b));
  return { ...pageOfList(sorted, search.page, NATIONAL_PAGE_SIZE), matching: sorted.length };
}

function awaitingPage(rows: NationalSiteRow[], requestedPage: number): NationalView["awaitingApproval"] {
  const waiting = rows
    // Sites with an item waiting for the lead's check, and sites not yet approved at all.
    .filter((row) => row.status !== "WITHDRAWN" && (row.checklist.waiting > 0 || !row.leadApprovedAt))
    .sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || COMPARE.hospital(a, b));
  return { ...pageOfList(waiting, requestedPage, AWAITING_PAGE_SIZE), total: waiting.length };
}

/**
 * The project's national cumulative count at evenly spaced moments from its
 * first report to its last. One statement, linear in the project's reports:
 * each report adds the change from its site's previous count, every change is
 * put in the first moment not before it, and a running sum over the moments
 * gives the total of every site's latest count at each (asking each site for
 * its count at each moment took three times as long for 300 sites).
 */
async function nationalSeries(projectId: Prisma.Sql): Promise<{ at: Date; cases: number }[]> {
  return db.$queryRaw<{ at: Date; cases: number }[]>`
    WITH changes AS (
      SELECT r."reportedAt" AS at,
             r."cumulativeCases" - COALESCE(lag(r."cumulativeCases") OVER (PARTITION BY r."projectSiteId" ORDER BY r."reportedAt", r.id), 0) AS change
        FROM "ProgressReport" r JOIN "ProjectSite" ps ON ps.id = r."projectSiteId"
       WHERE ps."projectId" = ${projectId} AND ps.status <> 'WITHDRAWN'
    ), span AS (
      SELECT min(at) AS first, max(at) AS last FROM changes
    ), moments AS (
      SELECT CASE WHEN span.last = span.first THEN 0
                  ELSE ceil(${SERIES_POINTS}::int * extract(epoch FROM changes.at - span.first) / extract(epoch FROM span.last - span.first))::int
             END AS i,
             sum(changes.change) AS change
        FROM changes, span
       GROUP BY 1
    )
    SELECT span.first + (span.last - span.first) * (g.i::float8 / ${SERIES_POINTS}::int) AS at,
           (sum(COALESCE(moments.change, 0)) OVER (ORDER BY g.i))::int AS cases
      FROM span
      CROSS JOIN generate_series(0, CASE WHEN span.last = span.first THEN 0 ELSE ${SERIES_POINTS}::int END) AS g(i)
      LEFT JOIN moments ON moments.i = g.i
     WHERE span.first IS NOT NULL
     ORDER BY g.i`;
}

/**
 * The project named `slug`, as a statement giving its id, when `actor` may see its national view;
 * none otherwise: the sites and the series can then be read beside the project, before the
 * permission is asserted on it, without reading anything for someone who may not see it.
 */
function visibleProjectId(actor: AuthzActor | null, slug: string): Prisma.Sql {
  // The committee and admins see every project's national view; members only those they lead.
  const scope = can(actor, "project.viewNational", { projectLeadIds: [] })
    ? Prisma.sql`true`
    : actor
      ? Prisma.sql`EXISTS (SELECT 1 FROM "ProjectLead" pl WHERE pl."projectId" = p.id AND pl."userId" = ${actor.id}::uuid)`
      : Prisma.sql`false`;
  return Prisma.sql`(SELECT p.id FROM "Project" p
                      WHERE p.slug = ${slug} AND p.status::text IN (${Prisma.join(SITE_VISIBLE_STATUSES)}) AND ${scope})`;
}

/** The key the national series of the project at `slug` is kept under (lib/cache/store.ts). */
const seriesKey = (slug: string) => `nationalSeries:${JSON.stringify(slug)}`;

/**
 * The national view of a project for its leads, the committee and admins.
 * Three statements, sent together, whatever the number of sites; two once the
 * series is cached.
 *
 * The series (a window over every report of the project, the costliest of the
 * three) is the same for everyone who may see the view and changes only when a
 * report or a site of the project does, which the public pages' triggers
 * announce under the project's tag: it is kept in the process's cache, as the
 * public pages' data is (docs/decisions/037-public-page-cache.md). It is kept
 * only when read for someone who may see it (read for anyone else, the scoped
 * statement finds nothing), given out only after the permission is asserted,
 * and used only for the project it was read for.
 */
export async function getNationalView(actor: AuthzActor | null, slug: string, search: NationalSearch, now: Date = new Date()): Promise<NationalView> {
  assertAddressText(slug, "That project");
  const visible = visibleProjectId(actor, slug);
  const projectRead = db.project.findFirst({
    where: { slug, status: { in: [...SITE_VISIBLE_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      minimumCitableCases: true,
      teamCap: true,
      collectionStart: true,
      collectionEnd: true,
      leads: { select: { userId: true } },
    },
  });
  const factsOf = (found: { leads: { userId: string }[] }) => ({ projectLeadIds: found.leads.map((lead) => lead.userId) });
  const key = seriesKey(slug);
  let readForViewer = false;
  const seriesRead = publicCache().read(
    key,
    [projectTag(slug)],
    async () => {
      const [found, series] = await Promise.all([projectRead, nationalSeries(visible)]);
      readForViewer = found !== null && can(actor, "project.viewNational", factsOf(found));
      return { projectId: found?.id ?? null, series };
    },
    () => (readForViewer ? key : null),
  );
  const [project, siteRows, kept] = await Promise.all([projectRead, siteRowsOf(visible), seriesRead]);
  if (!project) throw new NotFoundError("That project");
  const facts = factsOf(project);
  assertCan(actor, "project.viewNational", facts);
  // Kept for another project once at this address: read this one's. (Only a draft's address changes,
  // and a draft has no national view, so this is a guard, not a path taken.)
  const series = kept.projectId === project.id ? kept.series : await nationalSeries(Prisma.sql`${project.id}::uuid`);
  const share = elapsedShare(project.collectionStart, project.collectionEnd, now);
  const all = siteRows.map((row) => toNationalRow(row, share, now));
  const counted = all.filter((row) => row.status !== "WITHDRAWN");

  const regions = new Map<string, { region: string; regionCode: string; sites: number; cases: number; target: number }>();
  for (const row of counted) {
    const entry = regions.get(row.regionCode) ?? { region: row.region, regionCode: row.regionCode, sites: 0, cases: 0, target: 0 };
    entry.sites += 1;
    entry.cases += row.cases;
    entry.target += row.target;
    regions.set(row.regionCode, entry);
  }
  const byRegion = [...regions.values()].sort((a, b) => b.cases - a.cases || collator.compare(a.region, b.region));
  return {
    project: {
      id: project.id,
      slug: project.slug,
      title: project.title,
      status: project.status,
      minimumCitableCases: project.minimumCitableCases,
      teamCap: project.teamCap,
    },
    ...filterSortPage(all, search),
    totals: {
      sites: counted.length,
      activeSites: counted.filter((row) => row.status === "ACTIVE").length,
      cases: counted.reduce((sum, row) => sum + row.cases, 0),
      target: counted.reduce((sum, row) => sum + row.target, 0),
      behind: all.filter((row) => row.behind).length,
      stale: all.filter((row) => row.stale).length,
    },
    byStatus: STATUS_ORDER.map((status) => ({ status, count: all.filter((row) => row.status === status).length })),
    byRegion,
    series,
    regions: [...new Map(all.map((row) => [row.regionCode, row.region])).entries()]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    awaitingApproval: awaitingPage(all, search.awaiting),
    canApprove: can(actor, "site.approve", facts),
    canExport: can(actor, "project.export", facts),
    canMessage: can(actor, "project.messageSites", facts),
  };
}
