// A project's data-collection periods as dates: generating consecutive blocks of the collection
// window, and the rules every set of periods keeps (inside the window, none overlapping). Pure.
import { formatDate } from "@/lib/format/dates";

const DAY = 24 * 60 * 60 * 1000;

export interface PeriodDates {
  startsOn: Date;
  endsOn: Date;
}

/** Most weeks a generated block may last: half a year is already one period for most studies. */
export const MAX_WEEKS = 26;

/**
 * Consecutive blocks of `weeks` weeks from the first day of collection to its last, in order; the
 * last block ends with the window, so it may be shorter.
 */
export function generatePeriods(collectionStart: Date, collectionEnd: Date, weeks: number): PeriodDates[] {
  const periods: PeriodDates[] = [];
  const length = weeks * 7 * DAY;
  for (let start = collectionStart.getTime(); start <= collectionEnd.getTime(); start += length) {
    periods.push({ startsOn: new Date(start), endsOn: new Date(Math.min(start + length - DAY, collectionEnd.getTime())) });
  }
  return periods;
}

/** Why the collection window cannot be divided into periods, or null. */
export function windowRefusal(collectionStart: Date | null, collectionEnd: Date | null): string | null {
  if (!collectionStart || !collectionEnd) return "Set the project's data-collection dates first: periods divide that window.";
  if (collectionEnd < collectionStart) return "The project's data collection ends before it starts: correct its dates first.";
  return null;
}

/**
 * Why these periods cannot stand together, or null: each ends on or after its start, lies within
 * the collection window, and overlaps no other. `label` names a period in the sentence.
 */
export function periodsRefusal(
  periods: readonly (PeriodDates & { label: string })[],
  collectionStart: Date | null,
  collectionEnd: Date | null,
): { message: string; field: "startsOn" | "endsOn" } | null {
  const window = windowRefusal(collectionStart, collectionEnd);
  if (window) return { message: window, field: "startsOn" };
  for (const period of periods) {
    if (period.endsOn < period.startsOn) return { message: `${period.label} must end on or after the day it starts.`, field: "endsOn" };
    if (period.startsOn < collectionStart!) {
      return { message: `${period.label} must start on or after ${formatDate(collectionStart)}, when data collection starts.`, field: "startsOn" };
    }
    if (period.endsOn > collectionEnd!) {
      return { message: `${period.label} must end on or before ${formatDate(collectionEnd)}, when data collection ends.`, field: "endsOn" };
    }
  }
  const sorted = [...periods].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  for (let index = 1; index < sorted.length; index += 1) {
    const before = sorted[index - 1]!;
    const after = sorted[index]!;
    if (after.startsOn <= before.endsOn) {
      return { message: `${after.label} overlaps ${before.label}, which ends on ${formatDate(before.endsOn)}. Periods must not overlap.`, field: "startsOn" };
    }
  }
  return null;
}
