import "server-only";
// One site's data-collection periods as its pages show them: each period's dates, its latest
// count of cases and its team's size. One statement whatever the number of periods, places and counts.
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { periodEnded, periodIsCurrent, periodLabel } from "@/lib/participation/rules";
import { authzFacts, type ProjectSiteFacts } from "@/lib/sites/facts";

export interface SitePeriod {
  id: string;
  number: number;
  startsOn: Date;
  endsOn: Date;
  label: string;
  current: boolean;
  ended: boolean;
  started: boolean;
  /** The period's latest count at the site; null before any. */
  cases: number | null;
  /** Confirmed collaborators for the period (site leads, and places from before the periods, are in every period). */
  team: number;
}

type Row = { id: string; number: number; startsOn: Date; endsOn: Date; team: number; cases: number | null };

/** The site's periods (none: its project has no periods), for those who may view the site. */
export async function sitePeriods(actor: AuthzActor | null, facts: ProjectSiteFacts, now: Date = new Date()): Promise<SitePeriod[]> {
  assertCan(actor, "site.view", authzFacts(facts));
  if (!facts.project.hasPeriods) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.id, p.number, p."startsOn", p."endsOn",
           (SELECT count(*)::int FROM "Collaboration" c
             WHERE c."projectSiteId" = ${facts.id}::uuid AND c."periodId" = p.id AND c.role = 'COLLABORATOR' AND c.status = 'CONFIRMED') AS team,
           (SELECT r."periodCases" FROM "ProgressReport" r
             WHERE r."projectSiteId" = ${facts.id}::uuid AND r."periodId" = p.id ORDER BY r."reportedAt" DESC, r.id DESC LIMIT 1) AS cases
      FROM "CollectionPeriod" p
     WHERE p."projectId" = ${facts.project.id}::uuid
     ORDER BY p.number`;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return rows.map((row) => ({
    ...row,
    label: periodLabel(row),
    current: periodIsCurrent(row, now),
    ended: periodEnded(row, now),
    started: row.startsOn.getTime() <= today,
  }));
}
