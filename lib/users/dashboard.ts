import "server-only";
import { GLOBAL_ROLE_LABELS } from "@/lib/validation/constants";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import type { Grade } from "@/lib/generated/prisma/enums";
import { TAKING_PART } from "@/lib/participation/team";
import { SITE_VISIBLE_STATUSES, sitePath } from "@/lib/sites/facts";
import { missingForJoining, type MissingForJoining } from "@/lib/trainees/missing";

export interface DashboardSummary {
  name: string;
  roles: string[];
  grade: Grade | null;
  homeSite: string | null;
  region: string | null;
  /** Places taking part (takesPart): asked for or confirmed, at a hospital that has not withdrawn. */
  collaborations: number;
  /** The sites the person observes (as a supervising consultant), with their pages' addresses. */
  observing: { path: string; hospital: string; project: string }[];
  /** What the profile lacks for joining a project (lib/trainees/missing.ts), read with the rest. */
  missingForJoining: MissingForJoining;
}


/** What the dashboard says about the signed-in person: only their own record. */
export async function getDashboardSummary(actor: Actor): Promise<DashboardSummary> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      name: true,
      role: true,
      profile: {
        select: { grade: true, deaneryId: true, homeSiteId: true, homeSite: { select: { name: true } }, deanery: { select: { name: true } } },
      },
      _count: {
        select: {
          projectsLed: true,
          collaborations: { where: TAKING_PART },
        },
      },
      collaborations: {
        where: { role: "SITE_LEAD", status: "CONFIRMED" },
        select: { id: true },
        take: 1,
      },
      siteObservations: {
        where: { projectSite: { project: { status: { in: [...SITE_VISIBLE_STATUSES] } } } },
        orderBy: { addedAt: "desc" },
        take: 50,
        select: { projectSite: { select: { project: { select: { slug: true, title: true } }, site: { select: { name: true, odsCode: true } } } } },
      },
    },
  });
  const roles: string[] = [GLOBAL_ROLE_LABELS[user.role]];
  if (user.profile) roles.push("Trainee");
  if (user._count.projectsLed > 0) roles.push("Project lead");
  if (user.collaborations.length > 0) roles.push("Site lead");
  return {
    name: user.name,
    roles,
    grade: user.profile?.grade ?? null,
    homeSite: user.profile?.homeSite.name ?? null,
    region: user.profile?.deanery.name ?? null,
    collaborations: user._count.collaborations,
    observing: user.siteObservations.map(({ projectSite }) => ({
      path: sitePath(projectSite),
      hospital: projectSite.site.name,
      project: projectSite.project.title,
    })),
    missingForJoining: missingForJoining(user.profile),
  };
}
