import { z } from "zod";
import { OutputKind } from "@/lib/generated/prisma/enums";
import { dateSchema, ukToday } from "./date-input";
import { isPlainLine, requiredText, searchText, uuidSchema } from "./fields";

// What a project produced (lib/outputs): the form a lead fills in, and how a DOI or a PubMed ID
// as people paste them becomes the one form that is stored and looked up.

export const OUTPUT_KIND_LABELS: Record<OutputKind, string> = {
  ABSTRACT: "Abstract",
  POSTER: "Poster",
  ORAL_PRESENTATION: "Oral presentation",
  PAPER: "Paper",
  REPORT: "Report",
};

/** Kinds that are published, so dated on or before today; the others may be accepted for a meeting to come. */
export const PUBLISHED_KINDS: readonly OutputKind[] = ["PAPER", "REPORT"];

/** A meeting more than this many years ahead is almost always a mistyped year. */
const FUTURE_YEARS = 2;

// A DOI as people paste it: bare, with "doi:" in front, or as a link through a resolver.
const DOI_PREFIX = /^(?:doi\s*:\s*|(?:https?:\/\/)?(?:dx\.)?doi\.org\/)/i;
/** A DOI as stored: "10." then a registrant code of digits (and dots), a slash, and a suffix without spaces. */
export const DOI_PATTERN = /^10\.\d{4,9}(?:\.\d+)*\/[^\s]+$/;
const DOI_MAX = 200;

/** The DOI in the stored form ("10.1000/xyz", lower-case, no prefix), or null if it is not one. */
export function normaliseDoi(typed: string): string | null {
  let doi = typed.trim().replace(DOI_PREFIX, "").trim();
  // A link copied from a browser's address bar may carry its slashes escaped.
  if (/%2f/i.test(doi)) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      return null;
    }
  }
  doi = doi.toLowerCase();
  if (doi.length > DOI_MAX || !DOI_PATTERN.test(doi) || !isPlainLine(doi)) return null;
  // "." or ".." as a part of the name would climb out of the address it is put in.
  if (doi.split("/").some((part) => part === "." || part === "..")) return null;
  return doi;
}

// A PubMed ID as people paste it: the number, "PMID: 38012345", or the article's PubMed address.
const PMID_PREFIX = /^(?:pmid\s*:?\s*|(?:https?:\/\/)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/)/i;

/** The PubMed ID as digits (no leading zero, at most 9 of them), or null if it is not one. */
export function normalisePmid(typed: string): string | null {
  const pmid = typed.trim().replace(PMID_PREFIX, "").replace(/\/$/, "").trim();
  return /^[1-9]\d{0,8}$/.test(pmid) ? pmid : null;
}

export const DOI_MESSAGE = "Enter the DOI as it is printed on the article, like 10.1016/j.crad.2025.01.002";
export const PMID_MESSAGE = "Enter the PubMed ID as digits only, like 38012345";

const optionalDoi = z
  .string({ error: DOI_MESSAGE })
  .max(400, DOI_MESSAGE)
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === "") return null;
    const doi = normaliseDoi(value);
    if (doi === null) {
      context.addIssue({ code: "custom", message: DOI_MESSAGE });
      return z.NEVER;
    }
    return doi;
  });

const optionalPmid = z
  .string({ error: PMID_MESSAGE })
  .max(200, PMID_MESSAGE)
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === "") return null;
    const pmid = normalisePmid(value);
    if (pmid === null) {
      context.addIssue({ code: "custom", message: PMID_MESSAGE });
      return z.NEVER;
    }
    return pmid;
  });

/** "" or absent: no author list; otherwise the id of one of the project's frozen lists (checked in lib/outputs). */
const authorListChoice = z
  .string({ error: "Choose an author list version, or none" })
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.uuid("Choose an author list version, or none").nullable());

/** The latest day an output of this kind may be dated, as YYYY-MM-DD. */
export function latestDay(kind: OutputKind, today: string): string {
  if (PUBLISHED_KINDS.includes(kind)) return today;
  return `${Number(today.slice(0, 4)) + FUTURE_YEARS}${today.slice(4)}`;
}

/** How the form and its messages name the date: "Enter date of publication or presentation". */
const DATE_NAME = "Date of publication or presentation";

export const OUTPUT_FIELDS = ["kind", "title", "venue", "date", "doi", "pmid", "authorListId"];

const OUTPUT_SHAPE = {
  kind: z.enum(OutputKind, { error: "Choose what kind of output it is" }),
  title: requiredText("the title", 500),
  venue: requiredText("the journal, conference or publisher", 300),
  // Checked here as any date, so that its problems are listed with the other fields'; the kind's
  // own limit (published: not after today) is checked once every field is right.
  date: dateSchema({ name: DATE_NAME, required: true, when: "any", earliestYear: 2000 }),
  doi: optionalDoi,
  pmid: optionalPmid,
  authorListId: authorListChoice,
};

type OutputFields = z.output<z.ZodObject<typeof OUTPUT_SHAPE>>;

/** The rules across fields: the date for the kind, and a paper's DOI or PMID. */
function checkOutput<T extends OutputFields>(fields: T, context: z.RefinementCtx) {
  const iso = fields.date!;
  const today = ukToday();
  if (PUBLISHED_KINDS.includes(fields.kind) && iso > today) {
    context.addIssue({ code: "custom", path: ["date"], message: "Date of publication must be today or in the past" });
    return z.NEVER;
  }
  if (iso > latestDay(fields.kind, today)) {
    context.addIssue({ code: "custom", path: ["date"], message: `Date of the meeting must be within ${FUTURE_YEARS} years from today` });
    return z.NEVER;
  }
  if (fields.kind === "PAPER" && fields.doi === null && fields.pmid === null) {
    context.addIssue({ code: "custom", path: ["doi"], message: "Enter the paper's DOI or its PubMed ID, or both" });
    return z.NEVER;
  }
  return { ...fields, date: new Date(`${iso}T00:00:00Z`) };
}

export const recordOutputSchema = z
  .object({ projectId: uuidSchema("That project could not be found"), ...OUTPUT_SHAPE })
  .transform((fields, context) => checkOutput(fields, context));
export type RecordOutputInput = z.infer<typeof recordOutputSchema>;

export const changeOutputSchema = z
  .object({ outputId: uuidSchema("That output could not be found"), ...OUTPUT_SHAPE })
  .transform((fields, context) => checkOutput(fields, context));
export type ChangeOutputInput = z.infer<typeof changeOutputSchema>;

/** The fields of an output, as the domain stores them. */
export type OutputInput = Omit<RecordOutputInput, "projectId">;

export const removeOutputSchema = z.object({ outputId: uuidSchema("That output could not be found") });

/** "Look up": the DOI or PubMed ID typed, read as the form reads it; the rest of the form is kept as typed. */
export const lookupOutputSchema = z
  .object({
    projectId: uuidSchema("That project could not be found"),
    doi: optionalDoi,
    pmid: optionalPmid,
  })
  .refine((value) => value.doi !== null || value.pmid !== null, { path: ["doi"], message: "Enter a DOI or a PubMed ID to look up" });

/** Search parameters of /outputs. Anything unrecognised falls back to the default, never an error page. */
export const outputSearchSchema = z.object({
  q: searchText(100),
  kind: z.preprocess((value) => (value === "" ? undefined : value), z.enum(OutputKind).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type OutputSearch = z.infer<typeof outputSearchSchema>;

/** Which output a lead's page opens for a change (?change=<id>); anything else opens none. */
export const changeParamSchema = z.object({ change: z.uuid().optional().catch(undefined) });

/** The DOI's address at doi.org; each part escaped, since a suffix may hold "?" or "#". */
export const doiUrl = (doi: string) => `https://doi.org/${doi.split("/").map(encodeURIComponent).join("/")}`;

/** The PubMed record's page. */
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;

/** An output as every list shows it: the rows of the lead's page, the public lists and My research. */
export interface OutputSummary {
  id: string;
  kind: OutputKind;
  title: string;
  venue: string;
  /** YYYY-MM-DD. */
  date: string;
  doi: string | null;
  pmid: string | null;
}

/** An output with the project it belongs to (the public lists and My research). */
export interface OutputOfProject extends OutputSummary {
  project: { slug: string; title: string };
}
