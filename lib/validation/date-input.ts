import { z } from "zod";

/**
 * The GOV.UK date pattern: a date typed as three boxes (day, month, year), read
 * here once for every form, with the error messages that pattern defines.
 * https://design-system.service.gov.uk/components/date-input/
 */

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Record<DatePart, string>;
/** What a date field holds: the three boxes as typed, or a stored day as YYYY-MM-DD. */
export type DateValue = string | DateParts;

export interface DateRules {
  /** How the messages name the date, capitalised: "Date of the count". */
  name: string;
  required: boolean;
  /** "past": before today; "todayOrPast": not after today; "any": no limit. */
  when: "past" | "todayOrPast" | "any";
  /** The earliest year accepted (dates before it are almost always mistyped). */
  earliestYear?: number;
}

export type DateCheck = { ok: true; iso: string | null } | { ok: false; message: string; parts: DatePart[] };

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The three boxes of a value: typed parts as they are, a stored day split without leading zeros. */
export function datePartsOf(value: DateValue | null | undefined): DateParts {
  if (value && typeof value === "object") return { day: value.day ?? "", month: value.month ?? "", year: value.year ?? "" };
  if (typeof value === "string" && value.split("/").length === 3) {
    const [day, month, year] = value.split("/") as [string, string, string];
    return { day, month, year };
  }
  const match = typeof value === "string" ? ISO_DAY.exec(value.trim()) : null;
  if (!match) return { day: "", month: "", year: "" };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

/** The boxes as one line of text ("31/2/2027"), to keep what was typed where only text is kept. */
export function dateText(parts: DateParts): string {
  return DATE_PARTS.map((part) => parts[part].replaceAll("/", "")).join("/");
}

/** The boxes of a field from a submitted form (`<name>-day`, `<name>-month`, `<name>-year`). */
export function readDateParts(formData: FormData, name: string): DateParts {
  const part = (which: DatePart) => {
    const value = formData.get(`${name}-${which}`);
    return typeof value === "string" ? value.slice(0, 20) : "";
  };
  return { day: part("day"), month: part("month"), year: part("year") };
}

/**
 * A form's fields as a record, with each date's three boxes gathered under the
 * date's own name, so that a schema sees `{ reportedOn: { day, month, year } }`.
 */
export function formRecord(formData: FormData): Record<string, unknown> {
  // Gathered in a Map, never by indexing a plain object with a posted name: a field named
  // "__proto__-day" would otherwise write "day" onto Object.prototype for the whole server.
  const record = new Map<string, unknown>();
  for (const [key, value] of formData.entries()) {
    const match = /^(.+)-(day|month|year)$/.exec(key);
    if (match && typeof value === "string") {
      const name = match[1]!;
      const held = record.get(name);
      const parts = (held && typeof held === "object" && !(held instanceof Blob) ? held : { day: "", month: "", year: "" }) as DateParts;
      parts[match[2] as DatePart] = value.slice(0, 20);
      record.set(name, parts);
    } else {
      record.set(key, value);
    }
  }
  return Object.fromEntries(record);
}

const listed = (parts: DatePart[]) => (parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`);

function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((month) => month.startsWith(lower));
  return index === -1 ? null : index + 1;
}

const isoOf = (year: number, month: number, day: number) => `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

// Made once: building a formatter with a time zone costs more than a page's other date work.
const ukIsoDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in the UK, as YYYY-MM-DD. */
export function ukToday(now: Date = new Date()): string {
  return ukIsoDay.format(now);
}

/**
 * Checks a date as typed, in the order GOV.UK gives: missing, incomplete, not a
 * real date, then the rules of the field. The wrong boxes come with the message.
 */
export function checkDate(value: unknown, rules: DateRules, now: Date = new Date()): DateCheck {
  const raw: DateParts =
    value && typeof value === "object" ? datePartsOf(value as DateParts) : typeof value === "string" ? datePartsOf(value) : { day: "", month: "", year: "" };
  // A stored day that did not split (or anything else that is not a date) is not a real date.
  if (typeof value === "string" && value.trim() !== "" && raw.day === "" && raw.month === "" && raw.year === "") {
    return { ok: false, message: `${rules.name} must be a real date`, parts: [...DATE_PARTS] };
  }
  const parts = { day: String(raw.day).trim(), month: String(raw.month).trim(), year: String(raw.year).trim() };
  const missing = DATE_PARTS.filter((part) => parts[part] === "");
  if (missing.length === 3) {
    return rules.required ? { ok: false, message: `Enter ${rules.name.toLowerCase()}`, parts: [...DATE_PARTS] } : { ok: true, iso: null };
  }
  if (missing.length > 0) return { ok: false, message: `${rules.name} must include a ${listed(missing)}`, parts: missing };

  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : null;
  const month = monthNumber(parts.month);
  const wrong: DatePart[] = [];
  if (day === null || day < 1 || day > 31) wrong.push("day");
  if (month === null || month < 1 || month > 12) wrong.push("month");
  if (!/^\d+$/.test(parts.year)) wrong.push("year");
  if (wrong.length > 0) return { ok: false, message: `${rules.name} must be a real date`, parts: wrong };
  if (parts.year.length !== 4) return { ok: false, message: "Year must include 4 numbers", parts: ["year"] };

  const year = Number(parts.year);
  const date = new Date(Date.UTC(year, month! - 1, day!));
  if (date.getUTCDate() !== day) return { ok: false, message: `${rules.name} must be a real date`, parts: ["day"] };
  const iso = isoOf(year, month!, day!);

  const earliest = rules.earliestYear ?? 1900;
  if (year < earliest) return { ok: false, message: `${rules.name} must be the same as or after 1 January ${earliest}`, parts: [...DATE_PARTS] };
  const today = ukToday(now);
  if (rules.when === "past" && iso >= today) return { ok: false, message: `${rules.name} must be in the past`, parts: [...DATE_PARTS] };
  if (rules.when === "todayOrPast" && iso > today) return { ok: false, message: `${rules.name} must be today or in the past`, parts: [...DATE_PARTS] };
  if (rules.when === "any" && year > 2100) return { ok: false, message: `${rules.name} must be the same as or before 31 December 2100`, parts: [...DATE_PARTS] };
  return { ok: true, iso };
}

/** A date field of a form: the day as YYYY-MM-DD (null when left empty and not required). */
export const dateSchema = (rules: DateRules) =>
  z.unknown().transform((value, context): string | null => {
    const checked = checkDate(value, rules);
    if (!checked.ok) {
      context.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }
    return checked.iso;
  });

/**
 * Which boxes an error marks, worked out again from what was typed: the boxes
 * left empty, the one that is not a number of its kind, or all three when the
 * date as a whole is wrong. The first of them is where the error summary leads.
 */
export function partsForError(value: DateValue | null | undefined, message: string | undefined): DatePart[] {
  if (!message) return [];
  const parts = datePartsOf(value);
  const typed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = DATE_PARTS.filter((part) => typed[part] === "");
  if (missing.length > 0 && missing.length < 3) return missing;
  if (message.startsWith("Year must")) return ["year"];
  if (message.endsWith("must be a real date")) {
    const day = Number(typed.day);
    const month = monthNumber(typed.month);
    const wrong: DatePart[] = [];
    if (!/^\d{1,2}$/.test(typed.day) || day < 1 || day > 31) wrong.push("day");
    if (month === null || month < 1 || month > 12) wrong.push("month");
    if (!/^\d+$/.test(typed.year)) wrong.push("year");
    return wrong.length > 0 ? wrong : ["day"];
  }
  return [...DATE_PARTS];
}
