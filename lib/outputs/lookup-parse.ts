// Reading the answers of the two lookup services into the form's fields. Pure, so the unit
// tests read hand-written samples of each service's answer (./lookup-parse.test.ts).
// Crossref works API: https://api.crossref.org/swagger-ui/index.html (GET /works/{doi}).
// NCBI E-utilities esummary: https://www.ncbi.nlm.nih.gov/books/NBK25500/ (db=pubmed, retmode=json).
import { isPlainLine } from "@/lib/validation/fields";
import { normaliseDoi } from "@/lib/validation/outputs";

/** What a lookup fills in. A part the service did not give is absent, and the lead types it. */
export interface LookedUp {
  title?: string;
  venue?: string;
  /** YYYY-MM-DD; a date given only to the month or year is taken as its first day. */
  date?: string;
  doi?: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** One line of text fit for a field: tags (Crossref titles carry JATS markup) and runs of space removed; too long or odd, none. */
function cleanLine(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value
    .replace(/<[^>]{0,200}>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "");
  if (text === "" || text.length > max || !isPlainLine(text)) return undefined;
  return text;
}

function isoDay(year: number, month = 1, day = 1): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!Number.isInteger(day) || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Crossref's { "date-parts": [[2025, 3, 14]] }. */
function crossrefDate(value: unknown): string | undefined {
  if (!isRecord(value) || !Array.isArray(value["date-parts"])) return undefined;
  const parts: unknown = (value["date-parts"] as unknown[])[0];
  if (!Array.isArray(parts) || parts.length === 0 || !parts.every((part) => typeof part === "number")) return undefined;
  return isoDay(...(parts.slice(0, 3) as [number, number?, number?]));
}

/** Crossref's answer to GET /works/{doi}: { status: "ok", message: { title: [...], "container-title": [...], published: {...} } }. */
export function parseCrossref(body: unknown): LookedUp | null {
  if (!isRecord(body) || !isRecord(body.message)) return null;
  const work = body.message;
  const first = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);
  const looked: LookedUp = {};
  const title = cleanLine(first(work.title), 500);
  const venue = cleanLine(first(work["container-title"]), 300) ?? cleanLine(work.publisher, 300);
  // The earliest the work was out: print or online, else when it was issued.
  const date = ["published", "published-print", "published-online", "issued"].map((key) => crossrefDate(work[key])).find(Boolean);
  const doi = typeof work.DOI === "string" ? normaliseDoi(work.DOI) : null;
  if (title) looked.title = title;
  if (venue) looked.venue = venue;
  if (date) looked.date = date;
  if (doi) looked.doi = doi;
  return Object.keys(looked).length > 0 ? looked : null;
}

/** PubMed's "2024 Mar 15", "2024 Mar", "2024", "2023 Dec-2024 Jan" (the first day counts). */
function pubmedDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{4})(?:\s+([A-Za-z]{3})[a-z]*(?:\s+(\d{1,2}))?)?/.exec(value.trim());
  if (!match) return undefined;
  const month = match[2] ? MONTHS.indexOf(match[2].toLowerCase()) + 1 : 1;
  if (month === 0) return isoDay(Number(match[1]));
  return isoDay(Number(match[1]), month, match[3] ? Number(match[3]) : 1);
}

/** esummary's answer: { result: { uids: ["38012345"], "38012345": { title, fulljournalname, pubdate, articleids } } }. */
export function parseEsummary(body: unknown, pmid: string): LookedUp | null {
  if (!isRecord(body) || !isRecord(body.result)) return null;
  const summary = body.result[pmid];
  // An unknown PMID comes back as { uid, error: "cannot get document summary" }.
  if (!isRecord(summary) || summary.error !== undefined) return null;
  const looked: LookedUp = {};
  const title = cleanLine(summary.title, 500);
  const venue = cleanLine(summary.fulljournalname, 300) ?? cleanLine(summary.source, 300);
  const date = pubmedDate(summary.pubdate) ?? pubmedDate(summary.epubdate);
  const articleIds = Array.isArray(summary.articleids) ? summary.articleids : [];
  const doiEntry = articleIds.find((entry) => isRecord(entry) && entry.idtype === "doi" && typeof entry.value === "string") as { value: string } | undefined;
  const doi = doiEntry ? normaliseDoi(doiEntry.value) : null;
  if (title) looked.title = title;
  if (venue) looked.venue = venue;
  if (date) looked.date = date;
  if (doi) looked.doi = doi;
  return Object.keys(looked).length > 0 ? looked : null;
}
