const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : "not set";
}

export function formatWindow(start: Date | null, end: Date | null): string {
  if (!start && !end) return "Dates to be confirmed";
  return `${formatDate(start)} to ${formatDate(end)}`;
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** A moment as people in the UK read it on their clock: "3 Jun 2026, 14:05". */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

const longDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" });

/** A moment written out as in a letter, on the UK's clock: "28 November 2026 at 21:27". */
export function formatMoment(date: Date): string {
  return `${longDay.format(date)} at ${clock.format(date)}`;
}

const longDayUtc = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A day written out in full: "28 November 2026" (days are stored as midnight UTC). */
export function formatLongDay(date: Date): string {
  return longDayUtc.format(date);
}
