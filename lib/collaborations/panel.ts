import "server-only";
import { db } from "@/lib/db";
import { can, needsConfirmedEmail } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import type { CollaborationRole, CollaborationStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { missingForJoining, missingMessage, type MissingForJoining } from "@/lib/trainees/missing";
import { leaveRefusal, openPeriods, periodLabel, projectJoinRefusal, rotateRefusal, takesPart } from "@/lib/participation/rules";
import { PERIODS_IN_ORDER } from "@/lib/participation/team";
import { PUBLIC_STATUSES } from "@/lib/validation/projects";
import { isAddressText } from "@/lib/ids";

export interface JoinableSite {
  projectSiteId: string;
  name: string;
  city: string;
  collaborators: number;
  isHome: boolean;
}

export interface PanelPlace {
  id: string;
  site: string;
  status: CollaborationStatus;
  role: CollaborationRole;
  siteWithdrawn: boolean;
}

export interface JoinPanel {
  projectId: string;
  projectStatus: ProjectStatus;
  open: boolean;
  /** Why nobody may join the project now (the request's own refusal), or null. */
  closedReason: string | null;
  /** The signed-in person's e-mail address, and whether it must be confirmed before they join or register. */
  email: string;
  emailUnconfirmed: boolean;
  missing: MissingForJoining;
  /** "Add your grade … to your profile", or null with a complete profile. */
  profileIncomplete: string | null;
  homeSite: string | null;
  homeRegistered: boolean;
  sites: JoinableSite[];
  /** The person's collaborations on this project, at any site. */
  mine: PanelPlace[];
  /** The person's place taking part in the project, why they may not leave it (null: they may), and whether they may leave it as a move to another hospital. */
  active: (PanelPlace & { leaveRefusal: string | null; mayRotate: boolean }) | null;
  interestRegistered: boolean;
  /** Demand from hospitals not yet registered; only for the project's leads. */
  demand: { site: string; city: string; count: number }[] | null;
  /** The data-collection periods a request may be for (the current one and later ones); empty without periods. */
  periods: { id: string; label: string }[];
}

/**
 * What the signed-in person sees on a project page about taking part, or null
 * for a project that is not public. A fixed number of statements whatever the
 * number of sites and collaborators.
 */
export async function getJoinPanel(actor: Actor, slug: string, now: Date = new Date()): Promise<JoinPanel | null> {
  if (!isAddressText(slug)) return null;
  const [project, profile] = await Promise.all([
    db.project.findFirst({
      where: { slug, status: { in: [...PUBLIC_STATUSES] } },
      // The periods with the project, in the same statement: a project without any costs nothing more.
      select: { id: true, status: true, leads: { select: { userId: true } }, periods: PERIODS_IN_ORDER },
    }),
    db.traineeProfile.findUnique({
      where: { userId: actor.id },
      select: { grade: true, deaneryId: true, homeSiteId: true, homeSite: { select: { name: true } } },
    }),
  ]);
  if (!project) return null;
  const leads = project.leads;
  const periods = project.periods;
  const [sites, mine, interest] = await Promise.all([
    db.$queryRaw<{ projectSiteId: string; name: string; city: string; siteId: string; collaborators: number }[]>`
      SELECT ps.id AS "projectSiteId", s.name, s.city, s.id AS "siteId",
             (SELECT count(*)::int FROM "Collaboration" c WHERE c."projectSiteId" = ps.id AND c.status = 'CONFIRMED') AS collaborators
        FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
       WHERE ps."projectId" = ${project.id}::uuid AND ps.status <> 'WITHDRAWN'
       ORDER BY s.name, s.city`,
    db.$queryRaw<PanelPlace[]>`
      SELECT c.id, s.name AS site, c.status, c.role, ps.status = 'WITHDRAWN' AS "siteWithdrawn"
        FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId" JOIN "Site" s ON s.id = ps."siteId"
       WHERE c."userId" = ${actor.id}::uuid AND ps."projectId" = ${project.id}::uuid
       ORDER BY c."requestedAt" DESC`,
    db.siteInterest.findUnique({ where: { projectId_userId: { projectId: project.id, userId: actor.id } }, select: { id: true } }),
  ]);
  const mayViewDemand = can(actor, "project.viewNational", { projectLeadIds: leads.map((lead) => lead.userId) });
  const demand = mayViewDemand ? await getSiteDemand(project.id) : null;
  const homeSiteId = profile?.homeSiteId ?? null;
  const closedReason = projectJoinRefusal(project.status);
  const missing = missingForJoining(profile);
  const active = mine.find(takesPart) ?? null;
  return {
    projectId: project.id,
    projectStatus: project.status,
    open: closedReason === null,
    closedReason,
    email: actor.email,
    // Joining, registering interest and registering a hospital all wait for a confirmed address.
    emailUnconfirmed: needsConfirmedEmail(actor, "collaboration.request"),
    missing,
    profileIncomplete: missing.length > 0 ? missingMessage(missing) : null,
    homeSite: profile?.homeSite.name ?? null,
    homeRegistered: sites.some((site) => site.siteId === homeSiteId),
    sites: sites.map(({ siteId, ...site }) => ({ ...site, isHome: siteId === homeSiteId })),
    mine,
    active: active ? { ...active, leaveRefusal: leaveRefusal(active, project.status), mayRotate: rotateRefusal(active, project.status) === null } : null,
    interestRegistered: interest !== null,
    demand,
    periods: openPeriods(periods, now).map((period) => ({ id: period.id, label: periodLabel(period) })),
  };
}

/** The person's request or place on the project, at a hospital still taking part (for messages). */
export function activeCollaboration(panel: Pick<JoinPanel, "mine">) {
  return panel.mine.find(takesPart) ?? null;
}

/**
 * Trainees who would take part, by hospital not (or no longer) registered, of the hospitals on the
 * list or once on it. One statement. Private: getJoinPanel reads it only for those who may see
 * the project's national view.
 */
async function getSiteDemand(projectId: string) {
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
