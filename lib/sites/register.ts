import "server-only";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type Database, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CollaborationRole, ProjectStatus } from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES } from "@/lib/collaborations/participation";
import { notify } from "@/lib/notifications/notifications";
import type { RegisterSiteInput } from "@/lib/validation/sites";
import { assertUuid, SITE_OPEN_STATUSES } from "./facts";

/**
 * The hospital is already registered for the project. Carries the existing
 * project site so that the form can offer to join its team instead.
 */
export class SiteTakenError extends DomainError {
  constructor(
    readonly hospital: string,
    readonly projectSiteId: string,
    readonly joinable: boolean,
  ) {
    super(
      joinable
        ? `${hospital} is already registered for this project. Ask to join its team instead: its site lead will confirm you.`
        : `${hospital} has withdrawn from this project, so it cannot be registered again. Contact the project lead.`,
      "siteId",
    );
    this.name = "SiteTakenError";
  }
}

export interface RegistrationOptions {
  project: { id: string; slug: string; title: string; status: ProjectStatus; open: boolean };
  homeSiteId: string | null;
  /** Regions with the hospitals not yet registered for the project. */
  regions: { id: string; name: string; sites: { id: string; name: string; city: string }[] }[];
  /** Hospitals already taking part, to join instead of registering. */
  registered: { projectSiteId: string; name: string; city: string; withdrawn: boolean }[];
  /** The person's active part in the project, if any: one per project. */
  mine: { site: string; role: CollaborationRole } | null;
}

/** What the registration page offers. Four statements whatever the number of hospitals. */
export async function getRegistrationOptions(actor: AuthzActor | null, slug: string): Promise<RegistrationOptions> {
  assertCan(actor, "site.register");
  const project = await db.project.findFirst({
    where: { slug, status: { in: ["SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED"] } },
    select: { id: true, slug: true, title: true, status: true },
  });
  if (!project) throw new NotFoundError("That project");
  const [regions, registered, profile, mine] = await Promise.all([
    db.deanery.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, sites: { orderBy: { name: "asc" }, select: { id: true, name: true, city: true } } },
    }),
    db.$queryRaw<{ projectSiteId: string; siteId: string; name: string; city: string; withdrawn: boolean }[]>`
      SELECT ps.id AS "projectSiteId", s.id AS "siteId", s.name, s.city, ps.status = 'WITHDRAWN' AS withdrawn
        FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
       WHERE ps."projectId" = ${project.id}::uuid
       ORDER BY s.name, s.city`,
    db.traineeProfile.findUnique({ where: { userId: actor.id }, select: { homeSiteId: true } }),
    db.collaboration.findFirst({
      where: { userId: actor.id, status: { in: [...ACTIVE_STATUSES] }, projectSite: { projectId: project.id } },
      select: { role: true, projectSite: { select: { site: { select: { name: true } } } } },
    }),
  ]);
  const taken = new Set(registered.map((row) => row.siteId));
  return {
    project: { ...project, open: SITE_OPEN_STATUSES.includes(project.status) },
    homeSiteId: profile && !taken.has(profile.homeSiteId) ? profile.homeSiteId : null,
    regions: regions
      .map((region) => ({ ...region, sites: region.sites.filter((site) => !taken.has(site.id)) }))
      .filter((region) => region.sites.length > 0),
    registered: registered.map((row) => ({ projectSiteId: row.projectSiteId, name: row.name, city: row.city, withdrawn: row.withdrawn })),
    mine: mine ? { site: mine.projectSite.site.name, role: mine.role } : null,
  };
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function takenError(client: Database | DatabaseTransaction, projectId: string, siteId: string): Promise<SiteTakenError | null> {
  const existing = await client.projectSite.findUnique({
    where: { projectId_siteId: { projectId, siteId } },
    select: { id: true, status: true, site: { select: { name: true } } },
  });
  return existing ? new SiteTakenError(existing.site.name, existing.id, existing.status !== "WITHDRAWN") : null;
}

/**
 * Registers a hospital for a project that takes sites; the member who does it
 * becomes its site lead, pending the project lead's approval of the site.
 * Returns the new project site's id.
 */
export async function registerSite(actor: AuthzActor | null, input: RegisterSiteInput): Promise<{ projectSiteId: string; odsCode: string }> {
  assertCan(actor, "site.register");
  assertUuid(input.projectId, "That project");
  assertUuid(input.siteId, "That hospital");
  const [project, site] = await Promise.all([
    db.project.findFirst({
      where: { id: input.projectId, status: { in: ["SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED"] } },
      select: { id: true, slug: true, title: true, status: true, targetCasesPerSite: true, leads: { select: { userId: true } } },
    }),
    db.site.findUnique({ where: { id: input.siteId }, select: { id: true, name: true, odsCode: true } }),
  ]);
  if (!project) throw new NotFoundError("That project");
  if (!site) throw new DomainError("Select your hospital from the list", "siteId");
  if (!SITE_OPEN_STATUSES.includes(project.status)) {
    throw new DomainError("This project has finished collecting data and takes no new sites.");
  }
  try {
    return await db.$transaction(async (tx) => {
      // The person's row lock: two registrations by one person (two tabs) run one after the other.
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id}::uuid FOR UPDATE`;
      const active = await tx.collaboration.findFirst({
        where: { userId: actor.id, status: { in: [...ACTIVE_STATUSES] }, projectSite: { projectId: project.id } },
        select: { projectSite: { select: { site: { select: { name: true } } } } },
      });
      if (active) {
        throw new DomainError(
          `You already take part in this project at ${active.projectSite.site.name}. A member takes part at one hospital per project.`,
          "siteId",
        );
      }
      const taken = await takenError(tx, project.id, site.id);
      if (taken) throw taken;
      // Two members registering the same hospital at once: the unique (project, site) index lets one through.
      const projectSite = await tx.projectSite.create({
        data: { projectId: project.id, siteId: site.id, caseTarget: project.targetCasesPerSite },
        select: { id: true, status: true },
      });
      const lead = await tx.collaboration.create({
        data: { projectSiteId: projectSite.id, userId: actor.id, role: "SITE_LEAD", status: "CONFIRMED", decidedAt: new Date() },
        select: { id: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "site.registered",
        entityType: "ProjectSite",
        entityId: projectSite.id,
        after: { projectId: project.id, siteId: site.id, site: site.name, status: projectSite.status },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "collaboration.siteLeadRegistered",
        entityType: "Collaboration",
        entityId: lead.id,
        after: { projectSiteId: projectSite.id, role: "SITE_LEAD", status: "CONFIRMED" },
      });
      await notify(
        tx,
        project.leads.map((projectLead) => projectLead.userId).filter((id) => id !== actor.id),
        {
          kind: "site.registered",
          projectId: project.id,
          message: `${site.name} registered for "${project.title}". Approve the site when you are ready.`,
          link: `/dashboard/projects/${project.slug}`,
        },
      );
      return { projectSiteId: projectSite.id, odsCode: site.odsCode };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const taken = await takenError(db, project.id, site.id);
      if (taken) throw taken;
    }
    throw error;
  }
}
