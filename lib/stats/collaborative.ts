import "server-only";
import { db } from "@/lib/db";

export interface CollaborativeCounts {
  trainees: number;
  hospitals: number;
  projects: number;
  cases: number;
}

/**
 * The live figures on the home page, in one query. Cases are each project site's latest report,
 * found by one probe per site on the (projectSiteId, reportedAt DESC) index, as the public project
 * page finds them: the cost follows the number of project sites, not the number of reports, which
 * grows every week of collection. Ordered by reportedAt alone, as the index is, so the probe
 * needs no sort step.
 */
export async function collaborativeCounts(): Promise<CollaborativeCounts> {
  const [row] = await db.$queryRaw<CollaborativeCounts[]>`
    SELECT
      (SELECT count(*) FROM "TraineeProfile")::int AS trainees,
      (SELECT count(DISTINCT "siteId") FROM "ProjectSite" WHERE status <> 'WITHDRAWN')::int AS hospitals,
      (SELECT count(*) FROM "Project"
        WHERE status IN ('SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED'))::int AS projects,
      (SELECT coalesce(sum(latest."cumulativeCases"), 0) FROM "ProjectSite" ps
         CROSS JOIN LATERAL (
           SELECT r."cumulativeCases" FROM "ProgressReport" r
            WHERE r."projectSiteId" = ps.id ORDER BY r."reportedAt" DESC LIMIT 1
         ) latest)::int AS cases`;
  return row ?? { trainees: 0, hospitals: 0, projects: 0, cases: 0 };
}
