import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import type { CollaborationRole, CollaborationStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { missingForJoining, type MissingForJoining } from "@/lib/trainees/profile";
import { JOINABLE_STATUSES, takesPart } from "./participation";
import { isAddressText } from "@/lib/ids";

export interface JoinableSite {
  projectSiteId: string;
  name: string;
  city: string;
  collaborators: number;
  isHome: boolean;
}

export interface JoinPanel {
  projectId: string;
  projectStatus: ProjectStatus;
  open: boolean;
  missing: MissingForJoining;
  homeSite: string | null;
  homeRegistered: boolean;
  sites: JoinableSite[];
  /** The person's collaborations on this project, at any site. */
  mine: { id: string; site: string; status: CollaborationStatus; role: CollaborationRole; siteWithdrawn: boolean }[];
  interestRegistered: boolean;
  /** Demand from hospitals not yet registered; only for the project's leads. */
  demand: { site: string; city: string; count: number }[] | null;
}

/**
 * What the signed-in person sees on a project page about taking part, or null
 * for a project that is not public. A fixed number of statements whatever the
 * number of sites and collaborators.
 */
export async function getJoinPanel(actor: Actor, slug: string): Promise<JoinPanel | null> {
  if (!isAddressText(slug)) return null;
  const [project, profile] = await Promise.all([
    db.project.findFirst({
      where: { slug, status: { in: ["SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED"] } },
      select: { id: true, status: true, leads: { select: { userId: true } } },
    }),
    db.traineeProfile.findUnique({
      where: { userId: actor.id },
      select: { grade: true, deaneryId: true, homeSiteId: true, homeSite: { select: { name: true } } },
    }),
  ]);
  if (!project) return null;
  const leads = project.leads;
  const [sites, mine, interest] = await Promise.all([
    db.$queryRaw<{ projectSiteId: string; name: string; city: string; siteId: string; collaborators: number }[]>`
      SELECT ps.id AS "projectSiteId", s.name, s.city, s.id AS "siteId",
             (SELECT count(*)::int FROM "Collaboration" c WHERE c."projectSiteId" = ps.id AND c.status = 'CONFIRMED') AS collaborators
        FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
       WHERE ps."projectId" = ${project.id}::uuid AND ps.status <> 'WITHDRAWN'
       ORDER BY s.name, s.city`,
    db.$queryRaw<{ id: string; site: string; status: CollaborationStatus; role: CollaborationRole; siteWithdrawn: boolean }[]>`
      SELECT c.id, s.name AS site, c.status, c.role, ps.status = 'WITHDRAWN' AS "siteWithdrawn"
        FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId" JOIN "Site" s ON s.id = ps."siteId"
       WHERE c."userId" = ${actor.id}::uuid AND ps."projectId" = ${project.id}::uuid
       ORDER BY c."requestedAt" DESC`,
    db.siteInterest.findUnique({ where: { projectId_userId: { projectId: project.id, userId: actor.id } }, select: { id: true } }),
  ]);
  const mayViewDemand = can(actor, "project.viewNational", { projectLeadIds: leads.map((lead) => lead.userId) });
  const demand = mayViewDemand ? await getSiteDemand(project.id) : null;
  const homeSiteId = profile?.homeSiteId ?? null;
  return {
    projectId: project.id,
    projectStatus: project.status,
    open: JOINABLE_STATUSES.includes(project.status),
    missing: missingForJoining(profile),
    homeSite: profile?.homeSite.name ?? null,
    homeRegistered: sites.some((site) => site.siteId === homeSiteId),
    sites: sites.map(({ siteId, ...site }) => ({ ...site, isHome: siteId === homeSiteId })),
    mine,
    interestRegistered: interest !== null,
    demand,
  };
}

/** The person's request or place on the project, at a hospital still taking part (for messages). */
export function activeCollaboration(panel: JoinPanel) {
  return panel.mine.find(takesPart) ?? null;
}

/** Trainees who would take part, by hospital not (or no longer) registered, of the hospitals on the list or once on it. One statement. */
export async function getSiteDemand(projectId: string) {
  return db.$queryRaw<{ site: string; city: string; count: number }[]>`
    SELECT s.name AS site, s.city, count(*)::int AS count
      FROM "SiteInterest" i JOIN "Site" s ON s.id = i."siteId"
     WHERE i."projectId" = ${projectId}::uuid
       -- A member's request for a missing hospital is theirs and the administrators' until it is listed (docs/decisions/016).
       AND s.listing <> 'REQUESTED'
       AND NOT EXISTS (SELECT 1 FROM "ProjectSite" ps WHERE ps."projectId" = i."projectId" AND ps."siteId" = i."siteId" AND ps.status <> 'WITHDRAWN')
     GROUP BY s.id, s.name, s.city
     ORDER BY count(*) DESC, s.name`;
}
