// What a place earned, from the site's case reports: the credit that follows a person from one
// hospital to the next (docs/decisions/025). Pure.

export interface CaseReport {
  /** The site's running total at that report. */
  cumulativeCases: number;
  reportedAt: Date;
}

/** The site's running total as it stood at `moment`: its latest report at or before it (0 before any). */
export function casesAt(reports: readonly CaseReport[], moment: Date): number {
  let latest: CaseReport | null = null;
  for (const report of reports) {
    if (report.reportedAt <= moment && (latest === null || report.reportedAt >= latest.reportedAt)) latest = report;
  }
  return latest?.cumulativeCases ?? 0;
}

/**
 * The cases the site recorded while the person was on its team: its total when they left (or at
 * `now`, while they are still there) less its total when they joined. Never below 0: a correction
 * that lowered the total during their time takes nothing from what was there before them.
 */
export function casesWhileOnTeam(reports: readonly CaseReport[], joinedAt: Date, endedAt: Date | null, now: Date): number {
  const end = endedAt ?? now;
  return Math.max(0, casesAt(reports, end) - casesAt(reports, new Date(joinedAt.getTime() - 1)));
}
