import "server-only";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type Database, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CollaborationRole, ProjectStatus } from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES, openPeriods, periodLabel, placeTakingPart, takingPartElsewhere } from "@/lib/participation/rules";
import { lockPerson, periodsOf, takingPartIn } from "@/lib/participation/team";
import { PUBLIC_STATUSES } from "@/lib/validation/projects";
import { withdrawSiteInvitations } from "@/lib/invitations/lifecycle";
import { notify } from "@/lib/notifications/notifications";
import type { RegisterSiteInput } from "@/lib/validation/sites";
import { assertUuid, SITE_OPEN_STATUSES } from "./facts";
import { isUniqueViolation } from "@/lib/database/unique-violation";

/**
 * The hospital is already registered for the project (and has not withdrawn).
 * Carries the existing project site so that the form can offer to join its team instead.
 */
export class SiteTakenError extends DomainError {
  constructor(
    readonly hospital: string,
    readonly projectSiteId: string,
  ) {
    super(`${hospital} is already registered for this project. Ask to join its team instead: its site lead will confirm you.`, "siteId");
    this.name = "SiteTakenError";
  }
}

export interface RegistrationOptions {
  project: { id: string; slug: string; title: string; status: ProjectStatus; open: boolean };
  homeSiteId: string | null;
  /** Regions with the listed hospitals that may register: not taking part yet, or withdrawn and free to register again. */
  regions: { id: string; name: string; sites: { id: string; name: string; city: string; withdrawn: boolean }[] }[];
  /** Hospitals taking part (not withdrawn), to join instead of registering. */
  registered: { projectSiteId: string; name: string; city: string }[];
  /** The person's part in the project at a hospital still taking part, if any: one per project, so they register none. */
  mine: { site: string; role: CollaborationRole } | null;
  /** Hospitals that withdrew whose team the person was on (any member may register them again; these are named to them). */
  formerTeams: string[];
  /** With data-collection periods: those a request to join may be for (the current one and later ones). */
  periods: { id: string; label: string }[];
}

/** What the registration page offers. Five statements whatever the number of hospitals. */
export async function getRegistrationOptions(actor: AuthzActor | null, slug: string, now: Date = new Date()): Promise<RegistrationOptions> {
  assertCan(actor, "site.register");
  const project = await db.project.findFirst({
    where: { slug, status: { in: [...PUBLIC_STATUSES] } },
    select: { id: true, slug: true, title: true, status: true },
  });
  if (!project) throw new NotFoundError("That project");
  const [regions, registered, profile, mine, periods] = await Promise.all([
    db.deanery.findMany({
      orderBy: { name: "asc" },
      // Only hospitals on the list: a retired one is kept on past projects, a requested one waits for an administrator.
      select: { id: true, name: true, sites: { where: { listing: "LISTED" }, orderBy: { name: "asc" }, select: { id: true, name: true, city: true } } },
    }),
    db.$queryRaw<{ projectSiteId: string; siteId: string; name: string; city: string; withdrawn: boolean }[]>`
      SELECT ps.id AS "projectSiteId", s.id AS "siteId", s.name, s.city, ps.status = 'WITHDRAWN' AS withdrawn
        FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
       WHERE ps."projectId" = ${project.id}::uuid
       ORDER BY s.name, s.city`,
    db.traineeProfile.findUnique({ where: { userId: actor.id }, select: { homeSiteId: true } }),
    db.collaboration.findMany({
      where: { userId: actor.id, status: { in: [...ACTIVE_STATUSES] }, projectSite: { projectId: project.id } },
      select: { role: true, status: true, projectSite: { select: { siteId: true, status: true, site: { select: { name: true } } } } },
      orderBy: { requestedAt: "asc" },
    }),
    periodsOf(db, project.id),
  ]);
  const taken = new Set(registered.filter((row) => !row.withdrawn).map((row) => row.siteId));
  const withdrawn = new Set(registered.filter((row) => row.withdrawn).map((row) => row.siteId));
  const current = placeTakingPart(mine.map((row) => ({ ...row, siteWithdrawn: row.projectSite.status === "WITHDRAWN" })));
  const formerTeamSiteIds = new Set(mine.filter((row) => row.status === "CONFIRMED" && row.projectSite.status === "WITHDRAWN").map((row) => row.projectSite.siteId));
  const homeSiteId = profile?.homeSiteId ?? null;
  const listed = new Set(regions.flatMap((region) => region.sites.map((site) => site.id)));
  const offered = (siteId: string) => listed.has(siteId) && !taken.has(siteId);
  return {
    project: { ...project, open: SITE_OPEN_STATUSES.includes(project.status) },
    homeSiteId: homeSiteId && offered(homeSiteId) ? homeSiteId : null,
    regions: regions
      .map((region) => ({
        ...region,
        sites: region.sites.filter((site) => offered(site.id)).map((site) => ({ ...site, withdrawn: withdrawn.has(site.id) })),
      }))
      .filter((region) => region.sites.length > 0),
    registered: registered
      .filter((row) => !row.withdrawn)
      .map((row) => ({ projectSiteId: row.projectSiteId, name: row.name, city: row.city })),
    mine: current ? { site: current.projectSite.site.name, role: current.role } : null,
    formerTeams: mine.filter((row) => formerTeamSiteIds.has(row.projectSite.siteId)).map((row) => row.projectSite.site.name),
    periods: openPeriods(periods, now).map((period) => ({ id: period.id, label: periodLabel(period) })),
  };
}

const SITE_SELECT = { id: true, name: true, odsCode: true, listing: true, mergedInto: { select: { name: true, listing: true } } } satisfies Prisma.SiteSelect;

/** Only a hospital on the list is registered: a retired one is kept on past projects only, a requested one is not on the list yet. */
function assertListed(site: Prisma.SiteGetPayload<{ select: typeof SITE_SELECT }>): void {
  if (site.listing === "LISTED") return;
  if (site.listing === "REQUESTED") {
    throw new DomainError(
      `${site.name} is waiting for an administrator to add it to the list of hospitals. You can register it once it is on the list.`,
      "siteId",
    );
  }
  const merged = site.mergedInto?.listing === "LISTED" ? site.mergedInto.name : null;
  throw new DomainError(
    merged
      ? `${site.name} is no longer on the list of hospitals: it is now part of ${merged}. Register ${merged} instead.`
      : `${site.name} is no longer on the list of hospitals, so it cannot be registered. Choose your hospital from the list.`,
    "siteId",
  );
}


async function takenError(client: Database | DatabaseTransaction, projectId: string, siteId: string): Promise<SiteTakenError | null> {
  const existing = await client.projectSite.findUnique({
    where: { projectId_siteId: { projectId, siteId } },
    select: { id: true, status: true, site: { select: { name: true } } },
  });
  return existing && existing.status !== "WITHDRAWN" ? new SiteTakenError(existing.site.name, existing.id) : null;
}

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

const REOPEN_SELECT = {
  id: true,
  status: true,
  registeredAt: true,
  approvalReference: true,
  approvingBody: true,
  approvalDate: true,
  caldicottSignedOff: true,
  leadApprovedAt: true,
  leadApprovedById: true,
} satisfies Prisma.ProjectSiteSelect;

type ExistingProjectSite = Prisma.ProjectSiteGetPayload<{ select: typeof REOPEN_SELECT }>;

interface Registration {
  actorId: string;
  project: { id: string; title: string; targetCasesPerSite: number | null };
  site: { id: string; name: string };
}

/** A first registration: a new row. Two members at once meet the unique (project, site) index. */
async function addProjectSite(tx: DatabaseTransaction, { actorId, project, site }: Registration): Promise<string> {
  const projectSite = await tx.projectSite.create({
    data: { projectId: project.id, siteId: site.id, caseTarget: project.targetCasesPerSite },
    select: { id: true, status: true },
  });
  await audit(tx, {
    actorId,
    action: "site.registered",
    entityType: "ProjectSite",
    entityId: projectSite.id,
    after: { projectId: project.id, siteId: site.id, site: site.name, status: projectSite.status },
  });
  return projectSite.id;
}

/**
 * A hospital that withdrew registers again: its row opens again, as one
 * (project, site) row is what the rest of the portal counts on, and what it
 * did stays with it: progress reports (the count carries on from the last
 * one) and case target. What belonged to the registration that ended is
 * cleared, so the new one goes through every step again: the local approvals
 * (recording them is what moves a site on from REGISTERED, and the new site
 * lead vouches for them afresh) and the project lead's approval (given to a
 * site and its lead). The values cleared stay in the AuditEvent's "before".
 *
 * Its former team does not come back (docs/decisions/011): the registrant
 * says where they work, and nobody else's place, role or details follow from
 * that claim. Every other place or request at the hospital ends here, on the
 * record; former members rejoin as anyone does, by asking or by accepting an
 * invitation, and the new site lead sees who they were only once the project
 * lead has approved the returning site (`seesEarlierTeam` in ./facts).
 */
async function reopenProjectSite(tx: DatabaseTransaction, { actorId, site }: Registration, existing: ExistingProjectSite): Promise<string> {
  const registeredAt = new Date();
  const cleared = {
    approvalReference: null,
    approvingBody: null,
    approvalDate: null,
    caldicottSignedOff: false,
    leadApprovedAt: null,
    leadApprovedById: null,
  };
  // Two members registering it again at once: the second waits on the first's row lock, then finds it no longer withdrawn.
  const { count } = await tx.projectSite.updateMany({
    where: { id: existing.id, status: "WITHDRAWN" },
    data: { status: "REGISTERED", registeredAt, ...cleared },
  });
  if (count === 0) throw new SiteTakenError(site.name, existing.id);
  // Its governance checklist starts again too: the new site lead records each item, the lead checks it.
  const { count: itemsCleared } = await tx.siteGovernanceItem.deleteMany({ where: { projectSiteId: existing.id } });
  await audit(tx, {
    actorId,
    action: "site.registeredAgain",
    entityType: "ProjectSite",
    entityId: existing.id,
    before: {
      status: existing.status,
      registeredAt: existing.registeredAt.toISOString(),
      approvalReference: existing.approvalReference,
      approvingBody: existing.approvingBody,
      approvalDate: isoOrNull(existing.approvalDate)?.slice(0, 10) ?? null,
      caldicottSignedOff: existing.caldicottSignedOff,
      leadApprovedAt: isoOrNull(existing.leadApprovedAt),
      leadApprovedById: existing.leadApprovedById,
    },
    after: { status: "REGISTERED", registeredAt: registeredAt.toISOString(), ...cleared, checklistItemsCleared: itemsCleared },
  });
  // The places held when the site withdrew already counted for nothing (a place at a withdrawn site
  // frees its member), so ending them moves nobody between teams and needs no one's lock. Their
  // end is dated with the new registration, which is what tells the team page they came before it.
  const former = await tx.collaboration.findMany({
    where: { projectSiteId: existing.id, status: { in: [...ACTIVE_STATUSES] }, userId: { not: actorId } },
    select: { id: true, status: true, role: true },
  });
  if (former.length > 0) {
    await tx.collaboration.updateMany({
      where: { id: { in: former.map((row) => row.id) }, status: { in: [...ACTIVE_STATUSES] } },
      data: { status: "LEFT", decidedAt: registeredAt, endedAt: registeredAt },
    });
    for (const row of former) {
      await audit(tx, {
        actorId,
        action: "collaboration.left",
        entityType: "Collaboration",
        entityId: row.id,
        before: { status: row.status, role: row.role },
        after: { status: "LEFT", reason: `${site.name} registered again after it withdrew; its former team does not come back with it.` },
      });
    }
  }
  await withdrawSiteInvitations(tx, actorId, existing.id, registeredAt, `${site.name} registered again after it withdrew.`);
  return existing.id;
}

/** The registering member becomes a confirmed site lead: a new collaboration, or their earlier one at this site. */
async function makeSiteLead(tx: DatabaseTransaction, actorId: string, projectSiteId: string, reopened: boolean): Promise<void> {
  const earlier = reopened
    ? await tx.collaboration.findUnique({
        where: { projectSiteId_userId: { projectSiteId, userId: actorId } },
        select: { id: true, role: true, status: true },
      })
    : null;
  if (earlier?.role === "SITE_LEAD" && earlier.status === "CONFIRMED") return;
  const data = { role: "SITE_LEAD" as const, status: "CONFIRMED" as const, decidedAt: new Date() };
  const lead = earlier
    ? await tx.collaboration.update({ where: { id: earlier.id }, data, select: { id: true } })
    : await tx.collaboration.create({ data: { ...data, projectSiteId, userId: actorId }, select: { id: true } });
  await audit(tx, {
    actorId,
    action: "collaboration.siteLeadRegistered",
    entityType: "Collaboration",
    entityId: lead.id,
    ...(earlier ? { before: { role: earlier.role, status: earlier.status } } : {}),
    after: { projectSiteId, role: "SITE_LEAD", status: "CONFIRMED" },
  });
}

/**
 * Registers a hospital for a project that takes sites, or registers again one
 * that withdrew; the member who does it becomes its site lead, pending the
 * project lead's approval of the site. Returns the project site's id.
 */
export async function registerSite(actor: AuthzActor | null, input: RegisterSiteInput): Promise<{ projectSiteId: string; odsCode: string }> {
  assertCan(actor, "site.register");
  assertUuid(input.projectId, "That project");
  assertUuid(input.siteId, "That hospital");
  const [project, site] = await Promise.all([
    db.project.findFirst({
      where: { id: input.projectId, status: { in: [...PUBLIC_STATUSES] } },
      select: { id: true, slug: true, title: true, status: true, targetCasesPerSite: true, leads: { select: { userId: true } } },
    }),
    db.site.findUnique({ where: { id: input.siteId }, select: SITE_SELECT }),
  ]);
  if (!project) throw new NotFoundError("That project");
  if (!site) throw new DomainError("Select your hospital from the list", "siteId");
  assertListed(site);
  if (!SITE_OPEN_STATUSES.includes(project.status)) {
    throw new DomainError("This project has finished collecting data and takes no new sites.");
  }
  try {
    return await db.$transaction(async (tx) => {
      // The person's row lock: two registrations by one person (two tabs) run one after the other.
      await lockPerson(tx, actor.id);
      // The hospital's row is held until the registration is written, so an administrator retiring
      // or merging it meanwhile waits, and one who got there first is seen here.
      await tx.$queryRaw`SELECT id FROM "Site" WHERE id = ${site.id}::uuid FOR SHARE`;
      assertListed(await tx.site.findUniqueOrThrow({ where: { id: site.id }, select: SITE_SELECT }));
      // A place at a hospital that withdrew does not count: it frees the member (registering it again brings back only their own).
      const active = await tx.collaboration.findFirst({
        where: { userId: actor.id, ...takingPartIn(project.id) },
        select: { projectSite: { select: { site: { select: { name: true } } } } },
        orderBy: { requestedAt: "asc" },
      });
      if (active) throw new DomainError(takingPartElsewhere(active.projectSite.site.name, "register"), "siteId");
      const existing = await tx.projectSite.findUnique({ where: { projectId_siteId: { projectId: project.id, siteId: site.id } }, select: REOPEN_SELECT });
      if (existing && existing.status !== "WITHDRAWN") throw new SiteTakenError(site.name, existing.id);
      const registration = { actorId: actor.id, project, site };
      const projectSiteId = existing ? await reopenProjectSite(tx, registration, existing) : await addProjectSite(tx, registration);
      await makeSiteLead(tx, actor.id, projectSiteId, Boolean(existing));
      const { name: registrant } = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
      await notify(
        tx,
        project.leads.map((projectLead) => projectLead.userId).filter((id) => id !== actor.id),
        {
          kind: "site.registered",
          projectId: project.id,
          // Approving a returning site is what shows its new lead who was on the team: the lead is told whose word it rests on.
          message: existing
            ? `${site.name} registered again for "${project.title}" after it withdrew, by ${registrant}, who says they work there. Its former team is not back on it; ${registrant} sees who they were once you approve the site. Check before you approve.`
            : `${site.name} registered for "${project.title}". Approve the site when you are ready.`,
          link: `/dashboard/projects/${project.slug}`,
        },
      );
      return { projectSiteId, odsCode: site.odsCode };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const taken = await takenError(db, project.id, site.id);
      if (taken) throw taken;
    }
    throw error;
  }
}
