// The period a reviewer's certificate covers: an academic year (August to July) or the twelve
// months ending on a chosen day. Pure: the page's form and the download both read it here.
import { z } from "zod";
import { checkDate, ukToday } from "@/lib/validation/date-input";

export interface ReviewPeriod {
  /** Inclusive ISO days. */
  start: string;
  end: string;
}

/** The earliest academic year offered: the collaborative's first. */
export const FIRST_ACADEMIC_YEAR = 2020;

/** The academic years that have begun by `today` (ISO), newest first: 2025 is August 2025 to July 2026. */
export function academicYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  const latest = today.slice(5) >= "08-01" ? year : year - 1;
  const years: number[] = [];
  for (let y = latest; y >= FIRST_ACADEMIC_YEAR; y--) years.push(y);
  return years;
}

export const academicYearLabel = (year: number) => `August ${year} to July ${year + 1}`;

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The twelve months ending on `end` (ISO): from the day after the same day a year before. */
export function twelveMonthsEnding(end: string): ReviewPeriod {
  const date = new Date(`${end}T00:00:00Z`);
  const year = date.getUTCFullYear() - 1;
  // 29 February a year on: the year before ends on 28 February, so the twelve months start on 1 March.
  const day = Math.min(date.getUTCDate(), new Date(Date.UTC(year, date.getUTCMonth() + 1, 0)).getUTCDate());
  const start = new Date(Date.UTC(year, date.getUTCMonth(), day + 1));
  return { start: iso(start), end };
}

export const academicYearPeriod = (year: number): ReviewPeriod => ({ start: `${year}-08-01`, end: `${year + 1}-07-31` });

/** The reviewer's form: which kind of period, and the year or the day. */
export function reviewerPeriodSchema(now: Date = new Date()) {
  const today = ukToday(now);
  return z
    .object({
      period: z.unknown().optional(),
      academicYear: z.unknown().optional(),
      ending: z.unknown().optional(),
    })
    .transform((input, context): ReviewPeriod => {
      if (input.period === "academic") {
        const year = typeof input.academicYear === "string" && /^\d{4}$/.test(input.academicYear) ? Number(input.academicYear) : null;
        if (year === null || !academicYears(today).includes(year)) {
          context.addIssue({ code: "custom", path: ["academicYear"], message: "Select an academic year from the list" });
          return z.NEVER;
        }
        return academicYearPeriod(year);
      }
      if (input.period === "year") {
        const checked = checkDate(input.ending, { name: "The last day of the twelve months", required: true, when: "todayOrPast", earliestYear: FIRST_ACADEMIC_YEAR }, now);
        if (!checked.ok) {
          context.addIssue({ code: "custom", path: ["ending"], message: checked.message });
          return z.NEVER;
        }
        return twelveMonthsEnding(checked.iso!);
      }
      context.addIssue({ code: "custom", path: ["period"], message: "Select an academic year or twelve months ending on a day you choose" });
      return z.NEVER;
    });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period of a download link (`from`, `to`): one the form gives, an academic year or twelve
 * months, ending no later than today. Anything else finds no certificate.
 */
export function downloadPeriod(from: unknown, to: unknown, now: Date = new Date()): ReviewPeriod | null {
  if (typeof from !== "string" || typeof to !== "string" || !ISO_DAY.test(from) || !ISO_DAY.test(to)) return null;
  const academic = Number(from.slice(0, 4));
  // The academic year under way counts too: its certificate states the reviews so far.
  if (from === `${academic}-08-01` && to === academicYearPeriod(academic).end) {
    return academicYears(ukToday(now)).includes(academic) ? academicYearPeriod(academic) : null;
  }
  const end = checkDate(to, { name: "End", required: true, when: "todayOrPast", earliestYear: FIRST_ACADEMIC_YEAR }, now);
  if (!end.ok || end.iso !== to) return null;
  const twelve = twelveMonthsEnding(to);
  return twelve.start === from ? twelve : null;
}
