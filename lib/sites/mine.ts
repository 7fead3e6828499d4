import "server-only";
import type { AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { SITE_VISIBLE_STATUSES } from "./facts";

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

/** What the person runs: their sites and their projects. Two statements. */
export async function getMyStudies(actor: AuthzActor): Promise<MyStudies> {
  const [sites, projects] = await Promise.all([
    db.$queryRaw<MySite[]>`
      SELECT ps.id AS "projectSiteId", s.name AS hospital, s."odsCode", ps.status, ps."leadApprovedAt" IS NOT NULL AS "approvedByLead",
             p.slug AS "projectSlug", p.title AS "projectTitle", p.status AS "projectStatus",
             (SELECT count(*)::int FROM "Collaboration" r WHERE r."projectSiteId" = ps.id AND r.status = 'REQUESTED') AS requests
        FROM "Collaboration" c
        JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
        JOIN "Site" s ON s.id = ps."siteId"
        JOIN "Project" p ON p.id = ps."projectId"
       WHERE c."userId" = ${actor.id}::uuid AND c.role = 'SITE_LEAD' AND c.status = 'CONFIRMED'
       ORDER BY p.title, s.name`,
    db.project.findMany({
      where: { leads: { some: { userId: actor.id } }, status: { in: [...SITE_VISIBLE_STATUSES] } },
      orderBy: { title: "asc" },
      select: { slug: true, title: true, status: true, _count: { select: { sites: { where: { status: { not: "WITHDRAWN" } } } } } },
    }),
  ]);
  return {
    sites,
    projects: projects.map(({ _count, ...project }) => ({ ...project, sites: _count.sites })),
  };
}
