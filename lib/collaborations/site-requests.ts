import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import type { AuthzActor } from "@/lib/authz";
import { authorityFor, tellSiteLeads } from "@/lib/sites/acting-for";
import type { Actor } from "@/lib/auth/session";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Grade, SiteListing } from "@/lib/generated/prisma/enums";
import { listedHospitalName } from "@/lib/reference/hospital-requests";
import { notify } from "@/lib/notifications/notifications";
import { confirmRefusal, openPeriods, periodLabel, TEAM_OPEN_SITE_STATUSES, type Period } from "@/lib/participation/rules";
import { assertTeamHasRoom, chosenPeriod, lockSite, periodsOf } from "@/lib/participation/team";

/**
 * What a site lead deciding on a request may know of the requester: their grade, home hospital
 * and region, and whether that hospital is the site asked to join. Nothing else of the profile.
 */
export interface RequesterFacts {
  grade: Grade | null;
  /** Null without a profile, or when home is a hospital the requester asked to have added (not listed). */
  homeSite: string | null;
  region: string | null;
  /** False when the requester names another hospital as home (null: no profile, nothing to compare). */
  homeIsThisSite: boolean | null;
}

/**
 * The requester's facts from a profile as selected by REQUESTER_PROFILE_SELECT, for the site `siteId`.
 * A hospital the requester asked to have added (pending, or declined and kept) is theirs alone until
 * an administrator lists it (docs/decisions/016): the site lead learns only that home is elsewhere.
 */
export function requesterFacts(
  profile: { grade: Grade; homeSiteId: string; homeSite: { name: string; listing: SiteListing; odsCode: string }; deanery: { name: string } } | null | undefined,
  siteId: string,
): RequesterFacts {
  if (!profile) return { grade: null, homeSite: null, region: null, homeIsThisSite: null };
  const homeIsThisSite = profile.homeSiteId === siteId;
  return { grade: profile.grade, homeSite: homeIsThisSite ? profile.homeSite.name : listedHospitalName(profile.homeSite), region: profile.deanery.name, homeIsThisSite };
}

/** The only parts of a requester's profile read for the site lead (listing and code only to tell whether the name may be shown). */
export const REQUESTER_PROFILE_SELECT = {
  grade: true,
  homeSiteId: true,
  homeSite: { select: { name: true, listing: true, odsCode: true } },
  deanery: { select: { name: true } },
} as const;

export interface SiteRequest {
  id: string;
  traineeName: string;
  requester: RequesterFacts;
  projectTitle: string;
  projectSlug: string;
  site: string;
  /** The site's team page, where the rest of the team is managed. */
  teamPath: string;
  requestedAt: Date;
  /** With data-collection periods: the period asked for, and those the request may be confirmed for. */
  periodId: string | null;
  periods: { id: string; label: string }[];
}

/**
 * Requests waiting at the project sites the person leads (as a confirmed site
 * lead), oldest first. A fixed number of statements whatever the number of sites or requests.
 */
export async function listSiteRequests(actor: Actor, now: Date = new Date()): Promise<SiteRequest[]> {
  const rows = await db.collaboration.findMany({
    where: {
      status: "REQUESTED",
      // A site that withdrew or finished takes nobody new; registering it again ends its requests (docs/decisions/011).
      projectSite: { status: { in: [...TEAM_OPEN_SITE_STATUSES] }, collaborations: { some: { userId: actor.id, role: "SITE_LEAD", status: "CONFIRMED" } } },
    },
    orderBy: { requestedAt: "asc" },
    select: {
      id: true,
      requestedAt: true,
      periodId: true,
      user: { select: { name: true, profile: { select: REQUESTER_PROFILE_SELECT } } },
      projectSite: {
        select: {
          siteId: true,
          site: { select: { name: true, odsCode: true } },
          project: { select: { title: true, slug: true, periods: { orderBy: { number: "asc" }, select: { id: true, number: true, startsOn: true, endsOn: true } } } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    traineeName: row.user.name,
    requester: requesterFacts(row.user.profile, row.projectSite.siteId),
    projectTitle: row.projectSite.project.title,
    projectSlug: row.projectSite.project.slug,
    site: row.projectSite.site.name,
    teamPath: `/dashboard/projects/${row.projectSite.project.slug}/sites/${encodeURIComponent(row.projectSite.site.odsCode)}/team`,
    requestedAt: row.requestedAt,
    periodId: row.periodId,
    periods: openPeriods(row.projectSite.project.periods, now).map((period) => ({ id: period.id, label: periodLabel(period) })),
  }));
}

/**
 * The site lead confirms or declines a request to join their site; or a lead of the project does,
 * acting for an absent site lead (docs/decisions/026): recorded as such, and the site leads are told.
 * In a project with data-collection periods a confirmation names the period (`periodId`, else the
 * one asked for), which must be the current one or a later one with room on its team.
 */
export async function decideRequest(
  actor: AuthzActor,
  collaborationId: string,
  decision: "CONFIRM" | "DECLINE",
  periodId?: string | null,
  now: Date = new Date(),
): Promise<void> {
  const collaboration = await db.collaboration.findUnique({
    where: { id: collaborationId },
    select: {
      id: true,
      userId: true,
      status: true,
      periodId: true,
      projectSiteId: true,
      projectSite: {
        select: {
          site: { select: { name: true, odsCode: true } },
          project: { select: { id: true, title: true, slug: true, status: true, teamCap: true, leads: { select: { userId: true } } } },
          collaborations: { where: { role: "SITE_LEAD", status: "CONFIRMED" }, select: { userId: true } },
        },
      },
    },
  });
  if (!collaboration) throw new NotFoundError("That request");
  const { projectSite } = collaboration;
  const authority = authorityFor(actor, "site.manageTeam", {
    siteLeadIds: projectSite.collaborations.map((lead) => lead.userId),
    projectLeadIds: projectSite.project.leads.map((lead) => lead.userId),
  });
  const { actingFor } = authority;
  // Acting for a site lead is answering others' requests: a project lead's own request to join is
  // the site lead's to answer, as anyone's is.
  if (actingFor && collaboration.userId === actor.id) {
    throw new DomainError("Your own request to join is for the site lead to answer, not you acting for them.");
  }
  if (collaboration.status !== "REQUESTED") throw new DomainError("This request has already been answered.");
  const status = decision === "CONFIRM" ? "CONFIRMED" : "DECLINED";
  let period: Period | null = null;
  await db.$transaction(async (tx) => {
    // One decision at a time per site, so that two confirmations cannot both pass the team cap.
    const siteStatus = await lockSite(tx, collaboration.projectSiteId);
    if (decision === "CONFIRM") {
      const refusal = confirmRefusal({ status: siteStatus ?? "WITHDRAWN", project: projectSite.project });
      if (refusal) throw new DomainError(refusal);
      period = chosenPeriod(await periodsOf(tx, projectSite.project.id), periodId || collaboration.periodId, now);
      await assertTeamHasRoom(tx, collaboration.projectSiteId, projectSite.project.teamCap, period ? "periodId" : undefined, period);
    }
    const { count } = await tx.collaboration.updateMany({
      where: { id: collaborationId, status: "REQUESTED" },
      data: { status, decidedAt: new Date(), ...(period ? { periodId: period.id } : {}) },
    });
    if (count === 0) throw new DomainError("This request has already been answered.");
    await audit(tx, {
      actorId: actor.id,
      action: actingFor ? (decision === "CONFIRM" ? "collaboration.confirmedActingFor" : "collaboration.declinedActingFor") : decision === "CONFIRM" ? "collaboration.confirmed" : "collaboration.declined",
      entityType: "Collaboration",
      entityId: collaborationId,
      before: { status: "REQUESTED" },
      after: { status, ...(period ? { periodId: period.id, period: period.number } : {}), ...(actingFor ? { actingFor } : {}) },
    });
    if (actingFor) {
      const requester = await tx.user.findUniqueOrThrow({ where: { id: collaboration.userId }, select: { name: true } });
      await tellSiteLeads(tx, authority, {
        projectId: projectSite.project.id,
        projectTitle: projectSite.project.title,
        siteName: projectSite.site.name,
        link: `/dashboard/projects/${projectSite.project.slug}/sites/${encodeURIComponent(projectSite.site.odsCode)}/team`,
      }, `${decision === "CONFIRM" ? "confirmed" : "declined"} ${requester.name}'s request to join`);
    }
    await notify(tx, [collaboration.userId], {
      kind: decision === "CONFIRM" ? "collaboration.confirmed" : "collaboration.declined",
      projectId: projectSite.project.id,
      message:
        decision === "CONFIRM"
          ? `You are confirmed as a collaborator on "${projectSite.project.title}" at ${projectSite.site.name}${period ? `, for ${periodLabel(period)}` : ""}.`
          : `Your request to join "${projectSite.project.title}" at ${projectSite.site.name} was declined.`,
      link: "/dashboard/research",
    });
  });
}
