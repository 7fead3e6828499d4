import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { DomainError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notifications";
import { missingForJoining, missingMessage } from "@/lib/trainees/missing";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import {
  ACTIVE_STATUSES,
  ALREADY_REQUESTED,
  joinRefusal,
  leaveRefusal,
  profileJoinRefusal,
  projectTakesCollaborators,
  rotateRefusal,
  type LeaveChoice,
} from "@/lib/participation/rules";
import { assertTeamHasRoom, chosenPeriod, lockPerson, periodsOf } from "@/lib/participation/team";
import { PUBLIC_STATUSES } from "@/lib/validation/projects";

// The rules of taking part are lib/participation's; they are exported again here for the modules
// that have always imported them from this file.

/**
 * Asks to join a project at one of its registered sites. The request waits for
 * that site's lead. In a project with data-collection periods the request names the period
 * (`periodId`: the current one or a later one) and is refused when that period's team is full.
 * Returns the collaboration's id.
 */
export async function requestToJoin(actor: Actor, projectSiteId: string, periodId?: string | null, now: Date = new Date()): Promise<string> {
  assertCan(actor, "collaboration.request");
  try {
    return await db.$transaction(async (tx) => {
      await lockPerson(tx, actor.id);
      const profile = await tx.traineeProfile.findUnique({
        where: { userId: actor.id },
        select: { grade: true, deaneryId: true, homeSiteId: true },
      });
      const missing = missingForJoining(profile);
      const incomplete = profileJoinRefusal(missing);
      if (incomplete) throw new DomainError(incomplete);
      const projectSite = await tx.projectSite.findUnique({
        where: { id: projectSiteId },
        select: { id: true, status: true, registeredAt: true, projectId: true, project: { select: { status: true, title: true, teamCap: true } }, site: { select: { name: true } } },
      });
      if (!projectSite || !(PUBLIC_STATUSES as readonly string[]).includes(projectSite.project.status)) {
        throw new NotFoundError("That hospital");
      }
      const rows = await tx.collaboration.findMany({
        where: { userId: actor.id, projectSite: { projectId: projectSite.projectId } },
        select: { id: true, projectSiteId: true, status: true, decidedAt: true, projectSite: { select: { status: true, site: { select: { name: true } } } } },
      });
      const mine = rows.map((row) => ({ ...row, siteWithdrawn: row.projectSite.status === "WITHDRAWN", site: row.projectSite.site.name }));
      const refusal = joinRefusal({
        missing,
        projectStatus: projectSite.project.status,
        site: { id: projectSite.id, name: projectSite.site.name, status: projectSite.status, registeredAt: projectSite.registeredAt },
        mine,
      });
      if (refusal) throw new DomainError(refusal.message, refusal.field);
      // The period's cap is checked again, under the site's lock, when the site lead confirms.
      const period = chosenPeriod(await periodsOf(tx, projectSite.projectId), periodId, now);
      if (period) await assertTeamHasRoom(tx, projectSiteId, projectSite.project.teamCap, "periodId", period);
      const here = mine.find((collaboration) => collaboration.projectSiteId === projectSiteId);
      let id: string;
      if (here) {
        // Asking again after withdrawing or being declined (a rotated place is refused above): the same row, back to waiting.
        await tx.collaboration.update({
          where: { id: here.id },
          data: { status: "REQUESTED", role: "COLLABORATOR", requestedAt: new Date(), decidedAt: null, endedAt: null, periodId: period?.id ?? null },
        });
        id = here.id;
      } else {
        id = (await tx.collaboration.create({ data: { projectSiteId, userId: actor.id, periodId: period?.id ?? null }, select: { id: true } })).id;
      }
      await audit(tx, {
        actorId: actor.id,
        action: "collaboration.requested",
        entityType: "Collaboration",
        entityId: id,
        ...(here ? { before: { status: here.status } } : {}),
        after: { status: "REQUESTED", projectSiteId, site: projectSite.site.name, ...(period ? { periodId: period.id, period: period.number } : {}) },
      });
      // The site's leads are told there is a request to answer, with a link to it.
      const leads = await tx.collaboration.findMany({
        where: { projectSiteId, role: "SITE_LEAD", status: "CONFIRMED" },
        select: { userId: true },
      });
      await notify(
        tx,
        leads.map((lead) => lead.userId),
        {
          kind: "collaboration.requested",
          projectId: projectSite.projectId,
          message: `${actor.name} asked to join "${projectSite.project.title}" at ${projectSite.site.name}.`,
          link: `/dashboard/site-requests#request-${id}`,
        },
      );
      return id;
    });
  } catch (error) {
    // The database's constraint is the last word on duplicates (one row per site and person).
    if (isUniqueViolation(error)) throw new DomainError(ALREADY_REQUESTED, "projectSiteId");
    throw error;
  }
}

/**
 * Ends the person's place, until the project's data collection ends, as they choose: moving to
 * another hospital ("rotate") keeps the place on the record with its joined date and the credit
 * for their time there (ROTATED); withdrawing ("withdraw") takes them off the author list (LEFT).
 * A request still waiting can only be withdrawn. Either way the place's end is dated.
 */
export async function leaveProject(actor: Actor, collaborationId: string, choice: LeaveChoice = "withdraw"): Promise<void> {
  const collaboration = await db.collaboration.findUnique({
    where: { id: collaborationId },
    select: { id: true, userId: true, role: true, status: true, projectSite: { select: { status: true, project: { select: { status: true } } } } },
  });
  if (!collaboration) throw new NotFoundError("That collaboration");
  assertCan(actor, "collaboration.leave", { ownerId: collaboration.userId });
  const place = { ...collaboration, siteWithdrawn: collaboration.projectSite.status === "WITHDRAWN" };
  const projectStatus = collaboration.projectSite.project.status;
  const refusal = choice === "rotate" ? rotateRefusal(place, projectStatus) : leaveRefusal(place, projectStatus);
  if (refusal) throw new DomainError(refusal, "choice");
  const status = choice === "rotate" ? "ROTATED" : "LEFT";
  await db.$transaction(async (tx) => {
    // The joined date (decidedAt) stays: it is where the time on the team, and its cases, start.
    const { count } = await tx.collaboration.updateMany({
      where: { id: collaborationId, status: choice === "rotate" ? "CONFIRMED" : { in: [...ACTIVE_STATUSES] }, role: collaboration.role },
      data: { status, endedAt: new Date() },
    });
    if (count === 0) throw new DomainError("This has already changed: reload the page.");
    await audit(tx, {
      actorId: actor.id,
      action: choice === "rotate" ? "collaboration.rotated" : "collaboration.left",
      entityType: "Collaboration",
      entityId: collaborationId,
      before: { status: collaboration.status },
      after: { status },
    });
  });
}

/**
 * Says the person would take part if their home hospital registered for the
 * project; the project lead sees these as demand by hospital.
 */
export async function registerInterest(actor: Actor, projectId: string): Promise<void> {
  assertCan(actor, "collaboration.request");
  const [profile, project] = await Promise.all([
    db.traineeProfile.findUnique({ where: { userId: actor.id }, select: { grade: true, deaneryId: true, homeSiteId: true } }),
    db.project.findUnique({
      where: { id: projectId },
      select: { status: true, sites: { where: { status: { not: "WITHDRAWN" } }, select: { siteId: true } } },
    }),
  ]);
  if (!project || !projectTakesCollaborators(project.status)) throw new NotFoundError("That project");
  const missing = missingForJoining(profile);
  if (!profile || missing.length > 0) throw new DomainError(`${missingMessage(missing)} before you register interest.`);
  if (project.sites.some((site) => site.siteId === profile.homeSiteId)) {
    throw new DomainError("Your hospital is already taking part: ask to join instead.");
  }
  try {
    await db.$transaction(async (tx) => {
      const interest = await tx.siteInterest.create({
        data: { projectId, siteId: profile.homeSiteId, userId: actor.id },
        select: { id: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "siteInterest.registered",
        entityType: "SiteInterest",
        entityId: interest.id,
        after: { projectId, siteId: profile.homeSiteId },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("You have already registered your interest in this project.");
    throw error;
  }
}
