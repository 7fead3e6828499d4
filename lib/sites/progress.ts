import "server-only";
// Cases submitted at a site: an append-only history of cumulative counts. The
// current count is the latest report's, never a column updated in place, so
// two site leads recording at the same moment both land in the history.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { periodsOf } from "@/lib/participation/team";
import type { Period } from "@/lib/participation/rules";
import { sitePeriods, type SitePeriod } from "@/lib/periods/site";
import { DomainError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { LARGE_COUNT_FACTOR, type RecordProgressInput } from "@/lib/validation/sites";
import { actsForSiteLead, authorityFor, tellSiteLeads } from "./acting-for";
import { authzFacts, loadProjectSite, loadProjectSiteByAddress, seesEarlierTeam, sitePath, targetOf, type ProjectSiteFacts } from "./facts";

const DAY = 24 * 60 * 60 * 1000;
const startOfDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** Why this site cannot record cases now, or null. */
export function progressClosedReason(facts: Pick<ProjectSiteFacts, "status" | "project">): string | null {
  if (facts.project.status !== "DATA_COLLECTION") return "Cases can be recorded while the project is collecting data.";
  if (facts.status !== "ACTIVE") {
    return facts.status === "COMPLETE" || facts.status === "WITHDRAWN"
      ? "This site has finished with the project, so no more cases can be recorded."
      : "Cases can be recorded once the site is active: its approvals recorded, the project lead's approval given, and data collection started here.";
  }
  return null;
}

/**
 * When the report happened: now for a count dated today; midday of an earlier
 * day otherwise, but never before the latest report, so the latest report is
 * always the one recorded last.
 */
function reportTime(reportedOn: Date, now: Date, latest: Date | null): Date {
  const time = startOfDay(now).getTime() === reportedOn.getTime() ? now : new Date(reportedOn.getTime() + DAY / 2);
  return latest && time.getTime() <= latest.getTime() ? new Date(latest.getTime() + 1) : time;
}

export interface RecordedProgress {
  id: string;
  cumulativeCases: number;
  reportedAt: Date;
  /** With periods: the count recorded for the period. */
  periodCases: number | null;
}

/**
 * Why cases cannot be counted for this period, or null: in a project with periods each count is
 * for one of its periods that has started (an ended one may still be brought up to date).
 */
export function progressPeriodRefusal(periods: readonly Period[], periodId: string | null | undefined, now: Date): string | null {
  if (periods.length === 0) return null;
  const period = periods.find((candidate) => candidate.id === periodId);
  if (!periodId) return "Select the data-collection period you are counting.";
  if (!period) return "Select one of this project's data-collection periods.";
  if (period.startsOn.getTime() > startOfDay(now).getTime()) return `Period ${period.number} starts on ${formatDate(period.startsOn)}: its cases can be counted from then.`;
  return null;
}

/**
 * The site lead records the cases submitted so far at their site (or a project lead does, acting
 * for them: docs/decisions/026). In a project with data-collection periods the count is the
 * period's (`periodId`), and the site's cumulative count stored with it is the sum over periods of
 * each one's latest count (plus the last count from before the periods), so every reader of
 * cumulativeCases stays right.
 */
export async function recordProgress(actor: AuthzActor | null, input: RecordProgressInput, now: Date = new Date()): Promise<RecordedProgress> {
  const facts = await loadProjectSite(input.projectSiteId);
  const authority = authorityFor(actor, "site.recordProgress", authzFacts(facts));
  const { actingFor } = authority;
  const closed = progressClosedReason(facts);
  if (closed) throw new DomainError(closed);
  const periods = await periodsOf(db, facts.project.id);
  const periodRefusal = progressPeriodRefusal(periods, input.periodId, now);
  if (periodRefusal) throw new DomainError(periodRefusal, "periodId");
  const period = periods.find((candidate) => candidate.id === input.periodId) ?? null;
  const target = targetOf(facts);
  const assertNotLarge = (total: number) => {
    if (target !== null && target > 0 && total > target * LARGE_COUNT_FACTOR && !input.confirmLarge) {
      throw new DomainError(
        `${period ? `With this count the site's total would be ${total}, ` : `${total} is `}more than ${LARGE_COUNT_FACTOR} times the site's target of ${target}. Check the number, then tick the box to confirm it.`,
        "confirmLarge",
      );
    }
  };
  if (!period) assertNotLarge(input.cumulativeCases);
  const reporter = authority.actor;
  return db.$transaction(async (tx) => {
    // One report at a time per site, so each is checked against the one truly before it.
    await tx.$queryRaw`SELECT id FROM "ProjectSite" WHERE id = ${facts.id}::uuid FOR UPDATE`;
    const latest = await tx.progressReport.findFirst({
      where: { projectSiteId: facts.id },
      orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
      select: { cumulativeCases: true, reportedAt: true },
    });
    if (latest && input.reportedOn.getTime() < startOfDay(latest.reportedAt).getTime()) {
      throw new DomainError(
        `The date of the count cannot be before the last count, recorded for ${formatDate(latest.reportedAt)}. The history is kept as it was recorded.`,
        "reportedOn",
      );
    }
    let cumulativeCases = input.cumulativeCases;
    let lower = latest !== null && input.cumulativeCases < latest.cumulativeCases;
    let lowerThan = latest?.cumulativeCases ?? 0;
    if (period) {
      const byPeriod = await latestByPeriod(tx, facts.id);
      const before = byPeriod.get(period.id) ?? 0;
      lower = input.cumulativeCases < before;
      lowerThan = before;
      byPeriod.set(period.id, input.cumulativeCases);
      cumulativeCases = [...byPeriod.values()].reduce((sum, cases) => sum + cases, 0);
      assertNotLarge(cumulativeCases);
    }
    if (lower && !input.correctionReason) {
      throw new DomainError(
        `${input.cumulativeCases} is lower than the last count${period ? ` for period ${period.number}` : ""} of ${lowerThan}. Give the reason for the correction.`,
        "correctionReason",
      );
    }
    const report = await tx.progressReport.create({
      data: {
        projectSiteId: facts.id,
        reportedById: reporter.id,
        cumulativeCases,
        periodId: period?.id ?? null,
        periodCases: period ? input.cumulativeCases : null,
        note: input.note ?? null,
        correctionReason: lower ? input.correctionReason! : null,
        reportedAt: reportTime(input.reportedOn, now, latest?.reportedAt ?? null),
      },
      select: { id: true, cumulativeCases: true, reportedAt: true, note: true, correctionReason: true },
    });
    await audit(tx, {
      actorId: reporter.id,
      action: actingFor ? "site.progressRecordedActingFor" : "site.progressRecorded",
      entityType: "ProjectSite",
      entityId: facts.id,
      before: { cumulativeCases: latest?.cumulativeCases ?? null },
      after: {
        reportId: report.id,
        cumulativeCases: report.cumulativeCases,
        ...(period ? { periodId: period.id, period: period.number, periodCases: input.cumulativeCases } : {}),
        reportedAt: report.reportedAt.toISOString(),
        note: report.note,
        correctionReason: report.correctionReason,
        ...(actingFor ? { actingFor } : {}),
      },
    });
    await tellSiteLeads(
      tx,
      authority,
      { projectId: facts.project.id, projectTitle: facts.project.title, siteName: facts.site.name, link: sitePath(facts, "progress") },
      period
        ? `recorded ${input.cumulativeCases} ${input.cumulativeCases === 1 ? "case" : "cases"} for period ${period.number} (${report.cumulativeCases} in all)`
        : `recorded ${report.cumulativeCases} ${report.cumulativeCases === 1 ? "case" : "cases"} submitted so far`,
    );
    return { id: report.id, cumulativeCases: report.cumulativeCases, reportedAt: report.reportedAt, periodCases: period ? input.cumulativeCases : null };
  });
}

/**
 * Each period's latest count at the site, by period id, with the site's last count from before it
 * had periods under the key "" (its cases count too). One statement.
 */
async function latestByPeriod(client: DatabaseTransaction | typeof db, projectSiteId: string): Promise<Map<string, number>> {
  const rows = await client.progressReport.findMany({
    where: { projectSiteId },
    distinct: ["periodId"],
    orderBy: [{ periodId: "asc" }, { reportedAt: "desc" }, { id: "desc" }],
    select: { periodId: true, periodCases: true, cumulativeCases: true },
  });
  return new Map(rows.map((row) => [row.periodId ?? "", row.periodId ? (row.periodCases ?? 0) : row.cumulativeCases]));
}

export interface ProgressEntry {
  id: string;
  cumulativeCases: number;
  reportedAt: Date;
  note: string | null;
  correctionReason: string | null;
  reportedById: string;
  reportedBy: string;
  /** With periods: the period counted and its count. */
  periodId: string | null;
  periodCases: number | null;
}

/** Who reported a count, as the new lead of a returning site sees it until the project lead approves the site. */
export const EARLIER_REPORTER = "The team before it registered again";

export interface SiteProgress {
  facts: ProjectSiteFacts;
  target: number | null;
  current: number;
  /** Newest first. */
  history: ProgressEntry[];
  canRecord: boolean;
  /** A project lead who is not a site lead here: they record cases acting for the site lead (docs/decisions/026). */
  actingFor: boolean;
  closedReason: string | null;
  /** The project's data-collection periods with this site's count and team in each; empty without periods. */
  periods: SitePeriod[];
}

/** A site's history of counts (and, with periods, its count per period). Three statements whatever its length. */
export async function getSiteProgress(actor: AuthzActor | null, slug: string, odsCode: string, now: Date = new Date()): Promise<SiteProgress> {
  const facts = await loadProjectSiteByAddress(slug, odsCode);
  const [history, periods] = await Promise.all([siteHistory(actor, facts), sitePeriods(actor, facts, now)]);
  return {
    periods,
    facts,
    target: targetOf(facts),
    current: history[0]?.cumulativeCases ?? 0,
    history,
    canRecord: can(actor, "site.recordProgress", authzFacts(facts)) || actsForSiteLead(actor, "site.recordProgress", authzFacts(facts)),
    actingFor: actsForSiteLead(actor, "site.recordProgress", authzFacts(facts)),
    closedReason: progressClosedReason(facts),
  };
}

/**
 * The history as this person may see it: the counts stay (they are the site's, and carry on),
 * but who reported them before it registered again, and what they wrote, do not show to a new lead whose site the
 * project lead has not approved yet (docs/decisions/011). siteHistory applies it, so every page that shows the history does.
 */
function hideEarlierReporters(
  actor: AuthzActor,
  facts: Pick<ProjectSiteFacts, "leadApprovedAt" | "projectLeadIds" | "registeredAt">,
  history: ProgressEntry[],
): ProgressEntry[] {
  if (seesEarlierTeam(actor, facts)) return history;
  return history.map((entry) =>
    entry.reportedAt <= facts.registeredAt && entry.reportedById !== actor.id
      ? // Notes are free text, and often name people.
        { ...entry, reportedBy: EARLIER_REPORTER, reportedById: "", note: null, correctionReason: null }
      : entry,
  );
}

/**
 * Every report of a site, newest first, as this person may see it: for those who may view
 * the site (by the facts its loader read from the database), refused to anyone else. One statement.
 */
export async function siteHistory(actor: AuthzActor | null, facts: ProjectSiteFacts): Promise<ProgressEntry[]> {
  assertCan(actor, "site.view", authzFacts(facts));
  const rows = await db.progressReport.findMany({
    where: { projectSiteId: facts.id },
    orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      cumulativeCases: true,
      reportedAt: true,
      note: true,
      correctionReason: true,
      reportedById: true,
      periodId: true,
      periodCases: true,
      reportedBy: { select: { name: true } },
    },
  });
  return hideEarlierReporters(
    actor,
    facts,
    rows.map(({ reportedBy, ...row }) => ({ ...row, reportedBy: reportedBy.name })),
  );
}
