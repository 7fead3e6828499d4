import "server-only";
import { db, type DatabaseTransaction } from "@/lib/db";
import { audit } from "@/lib/audit";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CollaborationStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notifications";
import { missingForJoining, missingMessage } from "@/lib/trainees/profile";
import { isUniqueViolation } from "@/lib/database/unique-violation";

/** A collaboration that counts as taking part: a trainee has at most one per project. */
export const ACTIVE_STATUSES: readonly CollaborationStatus[] = ["REQUESTED", "CONFIRMED"];

/**
 * Whether a collaboration is a member's part in its project now: asked for or
 * confirmed, at a hospital that has not withdrawn. A place at a hospital that
 * withdrew stays on the record but frees the member to take part elsewhere.
 */
export const takesPart = (collaboration: { status: CollaborationStatus; siteWithdrawn: boolean }) =>
  ACTIVE_STATUSES.includes(collaboration.status) && !collaboration.siteWithdrawn;

/** The same, as a condition on collaborations of one project. */
export const takingPartIn = (projectId: string): Prisma.CollaborationWhereInput => ({
  status: { in: [...ACTIVE_STATUSES] },
  projectSite: { projectId, status: { not: "WITHDRAWN" } },
});
/** Projects that take new collaborators, and that collaborators may still leave. */
export const JOINABLE_STATUSES: readonly ProjectStatus[] = ["SITE_SETUP", "DATA_COLLECTION"];

/** Most site leads a site may have: the one who registered it and a second. */
export const MAX_SITE_LEADS = 2;

export const ALREADY_REQUESTED = "You have already asked to join this project at this hospital. The site lead will confirm or decline.";


/**
 * Takes the person's own row lock for the rest of the transaction, so that two
 * requests from the same person (two tabs, a double click) run one after the
 * other and the second sees the first: that is what keeps "one active
 * collaboration per project" true across different sites, where the unique
 * constraint (one row per site and person) cannot.
 */
async function lockPerson(tx: DatabaseTransaction, userId: string) {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
}

/**
 * Asks to join a project at one of its registered sites. The request waits for
 * that site's lead. Returns the collaboration's id.
 */
export async function requestToJoin(actor: Actor, projectSiteId: string): Promise<string> {
  assertCan(actor, "collaboration.request");
  try {
    return await db.$transaction(async (tx) => {
      await lockPerson(tx, actor.id);
      const profile = await tx.traineeProfile.findUnique({
        where: { userId: actor.id },
        select: { grade: true, deaneryId: true, homeSiteId: true },
      });
      const missing = missingForJoining(profile);
      if (missing.length > 0) throw new DomainError(`${missingMessage(missing)} before you ask to join a project.`);
      const projectSite = await tx.projectSite.findUnique({
        where: { id: projectSiteId },
        select: { id: true, status: true, registeredAt: true, projectId: true, project: { select: { status: true, title: true } }, site: { select: { name: true } } },
      });
      if (!projectSite || !["SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED"].includes(projectSite.project.status)) {
        throw new NotFoundError("That hospital");
      }
      if (!JOINABLE_STATUSES.includes(projectSite.project.status)) {
        throw new DomainError("This project has finished collecting data and takes no new collaborators.", "projectSiteId");
      }
      if (projectSite.status === "WITHDRAWN") {
        throw new DomainError("This hospital has withdrawn from the project. Choose another hospital.", "projectSiteId");
      }
      const mine = await tx.collaboration.findMany({
        where: { userId: actor.id, projectSite: { projectId: projectSite.projectId } },
        select: { id: true, projectSiteId: true, status: true, decidedAt: true, projectSite: { select: { status: true, site: { select: { name: true } } } } },
      });
      const active = mine.find((collaboration) => takesPart({ status: collaboration.status, siteWithdrawn: collaboration.projectSite.status === "WITHDRAWN" }));
      if (active) {
        if (active.projectSiteId === projectSiteId) throw new DomainError(ALREADY_REQUESTED, "projectSiteId");
        throw new DomainError(
          `You already take part in this project at ${active.projectSite.site.name}. Leave it there first to join at another hospital.`,
          "projectSiteId",
        );
      }
      const here = mine.find((collaboration) => collaboration.projectSiteId === projectSiteId);
      // A refusal stands for the registration it was made in: once the hospital withdrew and registered again, its new lead has refused nobody.
      if (here?.status === "DECLINED" && (here.decidedAt === null || here.decidedAt > projectSite.registeredAt)) {
        throw new DomainError(
          `The site lead at ${projectSite.site.name} declined your request. Contact them, or choose another hospital.`,
          "projectSiteId",
        );
      }
      let id: string;
      if (here) {
        // Asking again after leaving: the same row, back to waiting.
        await tx.collaboration.update({
          where: { id: here.id },
          data: { status: "REQUESTED", role: "COLLABORATOR", requestedAt: new Date(), decidedAt: null },
        });
        id = here.id;
      } else {
        id = (await tx.collaboration.create({ data: { projectSiteId, userId: actor.id }, select: { id: true } })).id;
      }
      await audit(tx, {
        actorId: actor.id,
        action: "collaboration.requested",
        entityType: "Collaboration",
        entityId: id,
        ...(here ? { before: { status: here.status } } : {}),
        after: { status: "REQUESTED", projectSiteId, site: projectSite.site.name },
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

/** Withdraws a request or leaves a project, until its data collection ends. */
export async function leaveProject(actor: Actor, collaborationId: string): Promise<void> {
  const collaboration = await db.collaboration.findUnique({
    where: { id: collaborationId },
    select: { id: true, userId: true, role: true, status: true, projectSite: { select: { project: { select: { status: true } } } } },
  });
  if (!collaboration) throw new NotFoundError("That collaboration");
  assertCan(actor, "collaboration.leave", { ownerId: collaboration.userId });
  if (!ACTIVE_STATUSES.includes(collaboration.status)) throw new DomainError("You are not taking part in this project.");
  if (!JOINABLE_STATUSES.includes(collaboration.projectSite.project.status)) {
    throw new DomainError("Data collection has ended, so your part in this project stays on the record.");
  }
  if (collaboration.role === "SITE_LEAD") {
    throw new DomainError("As the site lead, hand the site over to another collaborator before you leave.");
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.collaboration.updateMany({
      where: { id: collaborationId, status: { in: [...ACTIVE_STATUSES] } },
      data: { status: "LEFT", decidedAt: new Date() },
    });
    if (count === 0) throw new DomainError("This has already changed: reload the page.");
    await audit(tx, {
      actorId: actor.id,
      action: "collaboration.left",
      entityType: "Collaboration",
      entityId: collaborationId,
      before: { status: collaboration.status },
      after: { status: "LEFT" },
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
  if (!project || !JOINABLE_STATUSES.includes(project.status)) throw new NotFoundError("That project");
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
