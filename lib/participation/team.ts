import "server-only";
// The statements a participation move needs inside its transaction: the locks
// that make two moves at once run one after the other, the team's counts, and
// the database form of the rules in ./rules.ts. A move asks these; it never
// counts a team or writes a place's condition itself.
import { DomainError } from "@/lib/errors";
import type { Database, DatabaseTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES, CREDITED_STATUSES, firstPeriodWithRoom, noPeriodWithRoom, periodChoiceRefusal, teamCapReason, type Period } from "./rules";

/**
 * Takes the person's own row lock for the rest of the transaction, so that two
 * moves by the same person (two tabs, a double click) run one after the other
 * and the second sees the first: that is what keeps "one place taking part per
 * project" true across different sites, where the unique constraint (one row
 * per site and person) cannot.
 */
export async function lockPerson(tx: DatabaseTransaction, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
}

/**
 * One team change at a time per site, so that two changes cannot both pass the team cap or both
 * take away the last site lead. Returns the site's status as it is now (null: no such site).
 */
export async function lockSite(tx: DatabaseTransaction, projectSiteId: string): Promise<ProjectSiteStatus | null> {
  const [site] = await tx.$queryRaw<{ status: ProjectSiteStatus }[]>`SELECT status FROM "ProjectSite" WHERE id = ${projectSiteId}::uuid FOR UPDATE`;
  return site?.status ?? null;
}

/** Places taking part (takesPart), as a condition on collaborations of any project. */
export const TAKING_PART: Prisma.CollaborationWhereInput = {
  status: { in: [...ACTIVE_STATUSES] },
  projectSite: { status: { not: "WITHDRAWN" } },
};

/** Places that earn credit (countsForAuthorship), as a condition on collaborations of any project. */
export const EARNING_CREDIT: Prisma.CollaborationWhereInput = {
  status: { in: [...CREDITED_STATUSES] },
  projectSite: { status: { not: "WITHDRAWN" } },
};

/** Places taking part in one project (takesPart), as a condition on collaborations. */
export const takingPartIn = (projectId: string): Prisma.CollaborationWhereInput => ({
  status: { in: [...ACTIVE_STATUSES] },
  projectSite: { projectId, status: { not: "WITHDRAWN" } },
});

/** The confirmed site leads of a site. */
export async function countSiteLeads(tx: DatabaseTransaction, projectSiteId: string): Promise<number> {
  return tx.collaboration.count({ where: { projectSiteId, role: "SITE_LEAD", status: "CONFIRMED" } });
}

/**
 * The confirmed collaborators of a site (site leads aside): what the team cap counts. With a
 * period, that period's team only (places without a period count toward no period's cap).
 */
export async function countCollaborators(tx: DatabaseTransaction, projectSiteId: string, period?: Pick<Period, "id"> | null): Promise<number> {
  return tx.collaboration.count({ where: { projectSiteId, role: "COLLABORATOR", status: "CONFIRMED", ...(period ? { periodId: period.id } : {}) } });
}

/**
 * Refuses, with the sentence of teamCapReason, one more collaborator on a team
 * at its project's cap (with a period: on that period's team). Call it holding the site's lock (lockSite).
 */
export async function assertTeamHasRoom(tx: DatabaseTransaction, projectSiteId: string, teamCap: number | null, field?: string, period?: Period | null): Promise<void> {
  if (teamCap === null) return;
  const reason = teamCapReason(teamCap, await countCollaborators(tx, projectSiteId, period), period);
  if (reason) throw new DomainError(reason, field);
}

/** A project's data-collection periods in order (none: the project has no periods). One statement. */
/** A project's periods as the participation rules read them, in order: for findMany, or a relation read with the project. */
export const PERIODS_IN_ORDER = { orderBy: { number: "asc" }, select: { id: true, number: true, startsOn: true, endsOn: true } } as const;

export async function periodsOf(client: Database | DatabaseTransaction, projectId: string): Promise<Period[]> {
  return client.collectionPeriod.findMany({ where: { projectId }, ...PERIODS_IN_ORDER });
}

/**
 * The period a place is for, as chosen in a form: null in a project without periods (whatever was
 * sent), else the project's own period named, refused with periodChoiceRefusal's sentence when it
 * is missing, another project's or over.
 */
export function chosenPeriod(periods: readonly Period[], periodId: string | null | undefined, now: Date, field = "periodId"): Period | null {
  const refusal = periodChoiceRefusal(periods, periodId, now);
  if (refusal) throw new DomainError(refusal, field);
  return periods.find((period) => period.id === periodId) ?? null;
}

/**
 * Where an accepted invitation to the team places its collaborator in a project with periods:
 * the first period still open whose team has room, or a refusal when none has. Call it holding
 * the site's lock.
 */
export async function periodForInvitee(tx: DatabaseTransaction, projectSiteId: string, periods: readonly Period[], teamCap: number | null, now: Date): Promise<Period> {
  const counts = await tx.collaboration.groupBy({
    by: ["periodId"],
    where: { projectSiteId, role: "COLLABORATOR", status: "CONFIRMED", periodId: { not: null } },
    _count: { _all: true },
  });
  const taken = new Map(counts.map((row) => [row.periodId!, row._count._all]));
  const period = firstPeriodWithRoom(periods, taken, teamCap, now);
  if (!period) throw new DomainError(noPeriodWithRoom(periods, teamCap, now));
  return period;
}
