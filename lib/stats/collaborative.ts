import "server-only";
import { db } from "@/lib/db";

export interface CollaborativeCounts {
  trainees: number;
  hospitals: number;
  projects: number;
  cases: number;
}

/** The live figures on the home page, in one query. */
export async function collaborativeCounts(): Promise<CollaborativeCounts> {
  const [row] = await db.$queryRaw<CollaborativeCounts[]>`
    SELECT
      (SELECT count(*) FROM "TraineeProfile")::int AS trainees,
      (SELECT count(DISTINCT "siteId") FROM "ProjectSite" WHERE status <> 'WITHDRAWN')::int AS hospitals,
      (SELECT count(*) FROM "Project"
        WHERE status IN ('SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED'))::int AS projects,
      (SELECT coalesce(sum(latest."cumulativeCases"), 0) FROM (
         SELECT DISTINCT ON ("projectSiteId") "cumulativeCases"
           FROM "ProgressReport" ORDER BY "projectSiteId", "reportedAt" DESC
       ) latest)::int AS cases`;
  return row ?? { trainees: 0, hospitals: 0, projects: 0, cases: 0 };
}
