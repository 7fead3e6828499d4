import "server-only";
// A project's data-collection periods, defined by its leads: generated as consecutive blocks of
// the collection window, then changed or deleted one by one while no place and no count uses
// them. The participation rules that read them (the team cap per period, which period a place may
// be for) are lib/participation's; the counts per period are lib/sites/progress's.
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { assertAddressText, assertUuid } from "@/lib/ids";
import { periodEnded, periodIsCurrent, periodLabel } from "@/lib/participation/rules";
import type { EditPeriodInput, GeneratePeriodsInput } from "@/lib/validation/periods";
import { generatePeriods, periodsRefusal, windowRefusal } from "./schedule";

/** While its periods may change: from approval until data collection ends. */
export const PERIODS_OPEN_STATUSES: readonly ProjectStatus[] = ["APPROVED", "SITE_SETUP", "DATA_COLLECTION"];
/** Where the page exists (read-only once the project has stopped collecting). */
const PERIODS_PAGE_STATUSES: readonly ProjectStatus[] = ["APPROVED", "SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED", "WITHDRAWN"];

export interface ManagedPeriod {
  id: string;
  number: number;
  startsOn: Date;
  endsOn: Date;
  label: string;
  current: boolean;
  ended: boolean;
  /** Places on teams for this period, at any site. */
  places: number;
  /** Counts of cases recorded for this period, at any site. */
  reports: number;
  /** Why it cannot be changed or deleted, or null. */
  lockedReason: string | null;
}

export interface ProjectPeriodsPage {
  project: { id: string; slug: string; title: string; status: ProjectStatus; teamCap: number | null; collectionStart: Date | null; collectionEnd: Date | null };
  periods: ManagedPeriod[];
  /** Whether the project's stage lets its periods change. */
  open: boolean;
  /** Why the window cannot be divided (no dates), or null. */
  windowProblem: string | null;
  /** Why generating again is refused (a period in use), or null. */
  regenerateRefusal: string | null;
}

const usedReason = (label: string, places: number, reports: number) =>
  `${label} is in use (${places} ${places === 1 ? "place" : "places"} on teams, ${reports} ${reports === 1 ? "count" : "counts"} of cases), so it stays as it is.`;

async function projectWhere(where: { slug: string } | { id: string }) {
  const project = await db.project.findFirst({
    where: { ...where, status: { in: [...PERIODS_PAGE_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      teamCap: true,
      collectionStart: true,
      collectionEnd: true,
      leads: { select: { userId: true } },
    },
  });
  if (!project) throw new NotFoundError("That project");
  const { leads, ...rest } = project;
  return { ...rest, facts: { projectLeadIds: leads.map((lead) => lead.userId) } };
}

async function periodsWithUse(client: DatabaseTransaction | typeof db, projectId: string, now: Date): Promise<ManagedPeriod[]> {
  const rows = await client.collectionPeriod.findMany({
    where: { projectId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, startsOn: true, endsOn: true, _count: { select: { collaborations: true, progressReports: true } } },
  });
  return rows.map(({ _count, ...period }) => {
    const label = periodLabel(period);
    const used = _count.collaborations > 0 || _count.progressReports > 0;
    return {
      ...period,
      label,
      current: periodIsCurrent(period, now),
      ended: periodEnded(period, now),
      places: _count.collaborations,
      reports: _count.progressReports,
      lockedReason: used ? usedReason(`Period ${period.number}`, _count.collaborations, _count.progressReports) : null,
    };
  });
}

/** The lead's page of the project's periods. Two statements. */
export async function getProjectPeriods(actor: AuthzActor | null, slug: string, now: Date = new Date()): Promise<ProjectPeriodsPage> {
  assertAddressText(slug, "That project");
  const { facts, ...project } = await projectWhere({ slug });
  assertCan(actor, "project.managePeriods", facts);
  const periods = await periodsWithUse(db, project.id, now);
  const used = periods.find((period) => period.lockedReason);
  return {
    project,
    periods,
    open: PERIODS_OPEN_STATUSES.includes(project.status),
    windowProblem: windowRefusal(project.collectionStart, project.collectionEnd),
    regenerateRefusal: used ? `${used.lockedReason} Change or delete the periods not in use one by one instead.` : null,
  };
}

/** Loads the project for a change, checks the lead may make it, and takes the project's lock for the transaction. */
async function forChange(actor: AuthzActor | null, projectId: string) {
  assertUuid(projectId, "That project");
  const { facts, ...project } = await projectWhere({ id: projectId });
  assertCan(actor, "project.managePeriods", facts);
  if (!PERIODS_OPEN_STATUSES.includes(project.status)) {
    throw new DomainError("Data-collection periods can be changed from the project's approval until its data collection ends.");
  }
  return { project, actor };
}

async function lockProject(tx: DatabaseTransaction, projectId: string) {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId}::uuid FOR UPDATE`;
}

/** Numbers the project's periods 1, 2, ... in date order again (after one moved or went). */
async function renumber(tx: DatabaseTransaction, projectId: string) {
  // Through negative numbers, so that no two periods hold the same number on the way.
  await tx.$executeRaw`UPDATE "CollectionPeriod" p SET number = -r.rn
                         FROM (SELECT id, row_number() OVER (ORDER BY "startsOn") AS rn FROM "CollectionPeriod" WHERE "projectId" = ${projectId}::uuid) r
                        WHERE p.id = r.id`;
  await tx.$executeRaw`UPDATE "CollectionPeriod" SET number = -number WHERE "projectId" = ${projectId}::uuid`;
}

/**
 * The lead divides the collection window into consecutive blocks of `weeks` weeks, replacing the
 * periods it had, as long as none of those is in use. Returns how many periods there are now.
 */
export async function generateProjectPeriods(actor: AuthzActor | null, input: GeneratePeriodsInput, now: Date = new Date()): Promise<number> {
  const { project, actor: lead } = await forChange(actor, input.projectId);
  const window = windowRefusal(project.collectionStart, project.collectionEnd);
  if (window) throw new DomainError(window, "weeks");
  const dates = generatePeriods(project.collectionStart!, project.collectionEnd!, input.weeks);
  return db.$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const existing = await periodsWithUse(tx, project.id, now);
    const used = existing.find((period) => period.lockedReason);
    if (used) throw new DomainError(`${used.lockedReason} Change or delete the periods not in use one by one instead.`, "weeks");
    await tx.collectionPeriod.deleteMany({ where: { projectId: project.id } });
    await tx.collectionPeriod.createMany({ data: dates.map((period, index) => ({ projectId: project.id, number: index + 1, ...period })) });
    await audit(tx, {
      actorId: lead.id,
      action: "project.periodsGenerated",
      entityType: "Project",
      entityId: project.id,
      before: { periods: existing.length },
      after: {
        weeks: input.weeks,
        periods: dates.map((period) => ({ startsOn: period.startsOn.toISOString().slice(0, 10), endsOn: period.endsOn.toISOString().slice(0, 10) })),
      },
    });
    return dates.length;
  });
}

async function periodOf(tx: DatabaseTransaction, projectId: string, periodId: string, now: Date) {
  assertUuid(periodId, "That period");
  // Scoped by the project: another project's period is simply not found here.
  const periods = await periodsWithUse(tx, projectId, now);
  const period = periods.find((candidate) => candidate.id === periodId);
  if (!period) throw new NotFoundError("That period");
  return { period, periods };
}

/** The lead changes one period's dates, while no place or count uses it; the periods stay inside the window and apart. */
export async function editPeriod(actor: AuthzActor | null, input: EditPeriodInput, now: Date = new Date()): Promise<void> {
  const { project, actor: lead } = await forChange(actor, input.projectId);
  await db.$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const { period, periods } = await periodOf(tx, project.id, input.periodId, now);
    if (period.lockedReason) throw new DomainError(period.lockedReason);
    const after = periods.map((candidate) =>
      candidate.id === period.id
        ? { startsOn: input.startsOn, endsOn: input.endsOn, label: `Period ${candidate.number}` }
        : { startsOn: candidate.startsOn, endsOn: candidate.endsOn, label: `Period ${candidate.number}` },
    );
    const refusal = periodsRefusal(after, project.collectionStart, project.collectionEnd);
    if (refusal) throw new DomainError(refusal.message, refusal.field);
    await tx.collectionPeriod.update({ where: { id: period.id }, data: { startsOn: input.startsOn, endsOn: input.endsOn } });
    await renumber(tx, project.id);
    await audit(tx, {
      actorId: lead.id,
      action: "project.periodChanged",
      entityType: "Project",
      entityId: project.id,
      before: { periodId: period.id, number: period.number, startsOn: formatDate(period.startsOn), endsOn: formatDate(period.endsOn) },
      after: { periodId: period.id, startsOn: formatDate(input.startsOn), endsOn: formatDate(input.endsOn) },
    });
  });
}

/** The lead deletes one period, while no place or count uses it; the others are numbered again in date order. */
export async function deletePeriod(actor: AuthzActor | null, input: { projectId: string; periodId: string }, now: Date = new Date()): Promise<void> {
  const { project, actor: lead } = await forChange(actor, input.projectId);
  await db.$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const { period } = await periodOf(tx, project.id, input.periodId, now);
    if (period.lockedReason) throw new DomainError(period.lockedReason);
    await tx.collectionPeriod.delete({ where: { id: period.id } });
    await renumber(tx, project.id);
    await audit(tx, {
      actorId: lead.id,
      action: "project.periodDeleted",
      entityType: "Project",
      entityId: project.id,
      before: { periodId: period.id, number: period.number, startsOn: formatDate(period.startsOn), endsOn: formatDate(period.endsOn) },
    });
  });
}
