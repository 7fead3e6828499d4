// Reads the NHS organisation data (ODS) files that administrators import: pure, no database.
//
// The published files are CSV without a header row, every field quoted, in the ODS "standard
// layout" of 27 columns, shared by the trusts file (etr.csv), the trust sites file (ets.csv)
// and the Welsh health board files (wlhb.csv, wlhbsite.csv):
//
//   1 Organisation Code          10 Postcode                   19-21 (unused)
//   2 Name                       11 Open Date (YYYYMMDD)       22 Amended Record Indicator
//   3 National Grouping          12 Close Date (YYYYMMDD)      23 (unused)
//   4 High Level Health Geography 13 (unused / status)         24 GOR Code (trusts file)
//   5 Address Line 1             14 Organisation Sub-Type Code 25-27 (unused)
//   6 Address Line 2             15 Parent Organisation Code (the trust or health board, sites files only)
//   7 Address Line 3             16 Join Parent Date
//   8 Address Line 4 (town)      17 Left Parent Date
//   9 Address Line 5 (county)    18 Contact Telephone Number
//
// Names and addresses are upper case in the files; we show them in title case.
import { isPlainLine } from "@/lib/validation/fields";
import { normalisePostcode, ODS_CODE_PATTERN } from "@/lib/validation/reference";

export const ODS_COLUMNS = 27;
const COL = { code: 0, name: 1, address3: 6, address4: 7, address2: 5, postcode: 9, openDate: 10, closeDate: 11, parent: 14 } as const;

/** The largest file accepted (each of the two files). */
export const ODS_FILE_MAX_BYTES = 450_000;

export type OdsFileKind = "trusts" | "sites";

export interface OdsRecord {
  /** Line of the file, from 1, for messages. */
  line: number;
  code: string;
  /** As in the file (upper case). */
  name: string;
  /** The town, title-cased; empty when the file gives none. */
  city: string;
  postcode: string | null;
  /** YYYYMMDD, or null. */
  closeDate: string | null;
  /** The trust or health board (sites files only). */
  parentCode: string | null;
}

export type OdsParseResult = { ok: true; kind: OdsFileKind; records: OdsRecord[] } | { ok: false; errors: string[] };

/** Splits CSV text into rows of fields: RFC 4180 quoting ("" inside quotes), CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const SMALL_WORDS = new Set(["and", "of", "the", "on", "upon", "in", "at", "for", "by", "le", "de"]);
const KEEP_UPPER = new Set(["NHS", "UK", "HSC", "ICB", "GP", "II", "III", "IV"]);

/** "ST THOMAS' HOSPITAL" → "St Thomas' Hospital"; "STOKE-ON-TRENT" → "Stoke-on-Trent". */
export function titleCase(text: string): string {
  let first = true;
  return text
    .trim()
    .replace(/\s+/g, " ")
    .split(/([ -])/)
    .map((part) => {
      if (part === " " || part === "-" || part === "") return part;
      const upper = part.toUpperCase();
      const lower = part.toLowerCase();
      const word = KEEP_UPPER.has(upper.replace(/[^A-Z]/g, "")) ? upper : !first && SMALL_WORDS.has(lower) ? lower : lower.replace(/^(\W*)(\w)/, (_, lead: string, letter: string) => lead + letter.toUpperCase());
      first = false;
      return word;
    })
    .join("");
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const looksLikeHeader = (fields: string[]) => /organi[sz]ation|code/i.test(fields[0] ?? "") && !ODS_CODE_PATTERN.test(fields[0] ?? "");

/**
 * Parses one ODS file. Refuses, with sentences naming the lines, anything that is not the
 * standard layout: a header row, another number of columns, a code that is not one, a date
 * that is not YYYYMMDD, or a file mixing trusts and sites.
 */
export function parseOdsFile(text: string): OdsParseResult {
  const source = text.replace(/^\uFEFF/, "");
  if (source.includes("\u0000")) return { ok: false, errors: ["This is not a text file. Upload the CSV file from the NHS organisation data service, unzipped."] };
  const rows = parseCsv(source)
    .map((fields, index) => ({ fields, line: index + 1 }))
    .filter(({ fields }) => !(fields.length === 1 && fields[0]!.trim() === ""));
  if (rows.length === 0) return { ok: false, errors: ["The file is empty."] };
  if (looksLikeHeader(rows[0]!.fields)) {
    return { ok: false, errors: ["The file starts with a header row. The NHS files have none: upload the file as it was published, without adding column names."] };
  }
  const errors: string[] = [];
  const records: OdsRecord[] = [];
  const seen = new Set<string>();
  for (const { fields, line } of rows) {
    if (fields.length !== ODS_COLUMNS) {
      errors.push(`Line ${line} has ${fields.length} ${fields.length === 1 ? "column" : "columns"}, not the ${ODS_COLUMNS} of the NHS layout. Upload the trusts file (etr.csv) or the sites file (ets.csv) as published.`);
      continue;
    }
    const value = (index: number) => fields[index]!.trim();
    const code = value(COL.code).toUpperCase();
    if (!ODS_CODE_PATTERN.test(code)) {
      errors.push(`Line ${line}: “${value(COL.code).slice(0, 20)}” is not an organisation code.`);
      continue;
    }
    if (seen.has(code)) {
      errors.push(`Line ${line}: the code ${code} appears twice in the file.`);
      continue;
    }
    seen.add(code);
    const name = value(COL.name).replace(/\s+/g, " ");
    if (!name) errors.push(`Line ${line}: the organisation ${code} has no name.`);
    const dates = [value(COL.openDate), value(COL.closeDate)];
    const badDate = dates.find((date) => date !== "" && !DATE.test(date));
    if (badDate !== undefined) {
      errors.push(`Line ${line}: “${badDate.slice(0, 20)}” is not a date of the form YYYYMMDD.`);
      continue;
    }
    const parent = value(COL.parent).toUpperCase();
    if (parent && !ODS_CODE_PATTERN.test(parent)) {
      errors.push(`Line ${line}: the parent organisation “${parent.slice(0, 20)}” is not an organisation code.`);
      continue;
    }
    const postcode = value(COL.postcode);
    const town = value(COL.address4) || value(COL.address3) || value(COL.address2);
    // What the hospital form refuses (lib/validation/reference.ts) is refused here too: these names reach every member's pickers.
    const badText = ([["name", name, 200], ["town", town, 100]] as const).find(([, text, max]) => text.length > max || !isPlainLine(text));
    if (badText) {
      const [field, text, max] = badText;
      errors.push(
        text.length > max
          ? `Line ${line}: the ${field} of ${code} is longer than ${max} characters.`
          : `Line ${line}: the ${field} of ${code} holds control or direction characters.`,
      );
      continue;
    }
    records.push({
      line,
      code,
      name,
      city: titleCase(town),
      postcode: postcode ? normalisePostcode(postcode) : null,
      closeDate: value(COL.closeDate) || null,
      parentCode: parent || null,
    });
    if (errors.length > 20) break;
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 5);
    if (errors.length > 5) shown.push(`… and ${errors.length - 5 > 15 ? "more" : errors.length - 5} more problems.`);
    return { ok: false, errors: shown };
  }
  const withParent = records.filter((record) => record.parentCode !== null).length;
  if (withParent === records.length) return { ok: true, kind: "sites", records };
  if (withParent === 0) return { ok: true, kind: "trusts", records };
  return {
    ok: false,
    errors: ["Some lines name a parent trust and some do not: the file mixes trusts and sites. Upload the trusts file (etr.csv) and the sites file (ets.csv) separately, each in its own field."],
  };
}

/** Whether a close date in the file has come (dates compared as YYYYMMDD). */
export function isClosed(record: Pick<OdsRecord, "closeDate">, today: Date): boolean {
  if (!record.closeDate) return false;
  return record.closeDate <= today.toISOString().slice(0, 10).replaceAll("-", "");
}
