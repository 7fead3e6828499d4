import "server-only";
import type { AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";

export interface MySite {
  projectSiteId: string;
  hospital: string;
  odsCode: string;
  status: ProjectSiteStatus;
  approvedByLead: boolean;
  projectSlug: string;
  projectTitle: string;
  projectStatus: ProjectStatus;
  requests: number;
}

export interface MyStudies {
  /** Sites the person leads (confirmed site lead). */
  sites: MySite[];
  /** Projects with sites that the person leads or co-leads. */
  projects: { slug: string; title: string; status: ProjectStatus; sites: number }[];
}

/** What the person runs: their sites and their projects. One statement, so the dashboard can afford it. */
export async function getMyStudies(actor: AuthzActor): Promise<MyStudies> {
  const [row] = await db.$queryRaw<[{ sites: MySite[] | null; projects: MyStudies["projects"] | null }]>`
    SELECT
      (SELECT json_agg(mine ORDER BY mine."projectTitle", mine.hospital) FROM (
         SELECT ps.id AS "projectSiteId", s.name AS hospital, s."odsCode", ps.status, ps."leadApprovedAt" IS NOT NULL AS "approvedByLead",
                p.slug AS "projectSlug", p.title AS "projectTitle", p.status AS "projectStatus",
                (SELECT count(*)::int FROM "Collaboration" r WHERE r."projectSiteId" = ps.id AND r.status = 'REQUESTED') AS requests
           FROM "Collaboration" c
           JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
           JOIN "Site" s ON s.id = ps."siteId"
           JOIN "Project" p ON p.id = ps."projectId"
          WHERE c."userId" = ${actor.id}::uuid AND c.role = 'SITE_LEAD' AND c.status = 'CONFIRMED'
      ) mine) AS sites,
      (SELECT json_agg(led ORDER BY led.title) FROM (
         SELECT p.slug, p.title, p.status,
                (SELECT count(*)::int FROM "ProjectSite" ps WHERE ps."projectId" = p.id AND ps.status <> 'WITHDRAWN') AS sites
           FROM "Project" p
          WHERE p.status IN ('SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED', 'WITHDRAWN')
            AND EXISTS (SELECT 1 FROM "ProjectLead" pl WHERE pl."projectId" = p.id AND pl."userId" = ${actor.id}::uuid)
      ) led) AS projects`;
  return { sites: row.sites ?? [], projects: row.projects ?? [] };
}
