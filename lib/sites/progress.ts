import "server-only";
// Cases submitted at a site: an append-only history of cumulative counts. The
// current count is the latest report's, never a column updated in place, so
// two site leads recording at the same moment both land in the history.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
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
}

/** The site lead records the cases submitted so far at their site (or a project lead does, acting for them: docs/decisions/026). */
export async function recordProgress(actor: AuthzActor | null, input: RecordProgressInput): Promise<RecordedProgress> {
  const facts = await loadProjectSite(input.projectSiteId);
  const authority = authorityFor(actor, "site.recordProgress", authzFacts(facts));
  const { actingFor } = authority;
  const closed = progressClosedReason(facts);
  if (closed) throw new DomainError(closed);
  const target = targetOf(facts);
  if (target !== null && target > 0 && input.cumulativeCases > target * LARGE_COUNT_FACTOR && !input.confirmLarge) {
    throw new DomainError(
      `${input.cumulativeCases} is more than ${LARGE_COUNT_FACTOR} times the site's target of ${target}. Check the number, then tick the box to confirm it.`,
      "confirmLarge",
    );
  }
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
    const lower = latest !== null && input.cumulativeCases < latest.cumulativeCases;
    if (lower && !input.correctionReason) {
      throw new DomainError(
        `${input.cumulativeCases} is lower than the last count of ${latest.cumulativeCases}. Give the reason for the correction.`,
        "correctionReason",
      );
    }
    const report = await tx.progressReport.create({
      data: {
        projectSiteId: facts.id,
        reportedById: reporter.id,
        cumulativeCases: input.cumulativeCases,
        note: input.note ?? null,
        correctionReason: lower ? input.correctionReason! : null,
        reportedAt: reportTime(input.reportedOn, new Date(), latest?.reportedAt ?? null),
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
      `recorded ${report.cumulativeCases} ${report.cumulativeCases === 1 ? "case" : "cases"} submitted so far`,
    );
    return { id: report.id, cumulativeCases: report.cumulativeCases, reportedAt: report.reportedAt };
  });
}

export interface ProgressEntry {
  id: string;
  cumulativeCases: number;
  reportedAt: Date;
  note: string | null;
  correctionReason: string | null;
  reportedById: string;
  reportedBy: string;
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
}

/** A site's history of counts. Two statements whatever its length. */
export async function getSiteProgress(actor: AuthzActor | null, slug: string, odsCode: string): Promise<SiteProgress> {
  const facts = await loadProjectSiteByAddress(slug, odsCode);
  const history = await siteHistory(actor, facts);
  return {
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
    select: { id: true, cumulativeCases: true, reportedAt: true, note: true, correctionReason: true, reportedById: true, reportedBy: { select: { name: true } } },
  });
  return hideEarlierReporters(
    actor,
    facts,
    rows.map(({ reportedBy, ...row }) => ({ ...row, reportedBy: reportedBy.name })),
  );
}
