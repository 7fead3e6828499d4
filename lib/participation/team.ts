import "server-only";
// The statements a participation move needs inside its transaction: the locks
// that make two moves at once run one after the other, the team's counts, and
// the database form of the rules in ./rules.ts. A move asks these; it never
// counts a team or writes a place's condition itself.
import { DomainError } from "@/lib/errors";
import type { DatabaseTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES, CREDITED_STATUSES, teamCapReason } from "./rules";

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

/** The confirmed collaborators of a site (site leads aside): what the team cap counts. */
export async function countCollaborators(tx: DatabaseTransaction, projectSiteId: string): Promise<number> {
  return tx.collaboration.count({ where: { projectSiteId, role: "COLLABORATOR", status: "CONFIRMED" } });
}

/**
 * Refuses, with the sentence of teamCapReason, one more collaborator on a team
 * at its project's cap. Call it holding the site's lock (lockSite).
 */
export async function assertTeamHasRoom(tx: DatabaseTransaction, projectSiteId: string, teamCap: number | null, field?: string): Promise<void> {
  if (teamCap === null) return;
  const reason = teamCapReason(teamCap, await countCollaborators(tx, projectSiteId));
  if (reason) throw new DomainError(reason, field);
}
