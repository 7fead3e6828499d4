// CSV that opens correctly in Excel: UTF-8 with a byte-order mark (without it
// Excel reads accents as Windows-1252), every field quoted, CRLF line ends.
// A text cell starting with = + - @ or a tab is prefixed with an apostrophe,
// so a name typed as a formula is shown as text, never run by the spreadsheet.

export type CsvValue = string | number | boolean | Date | null | undefined;

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (typeof value === "boolean") text = value ? "Yes" : "No";
  else if (typeof value === "number") text = String(value);
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
