const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : "not set";
}

export function formatWindow(start: Date | null, end: Date | null): string {
  if (!start && !end) return "Dates to be confirmed";
  return `${formatDate(start)} to ${formatDate(end)}`;
}
