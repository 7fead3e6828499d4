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
