import { z } from "zod";
import { GovernanceItemKind } from "@/lib/generated/prisma/enums";
import { requiredText, uuidSchema } from "./fields";
import { dateSchema } from "./date-input";

export const GOVERNANCE_KINDS = Object.values(GovernanceItemKind) as [GovernanceItemKind, ...GovernanceItemKind[]];

const kindSchema = z.enum(GOVERNANCE_KINDS, { error: "That item is not on the checklist" });

/** A day typed in the three boxes, today or earlier; the Date is midnight UTC. */
const pastDay = (name: string) =>
  dateSchema({ name, required: true, when: "todayOrPast", earliestYear: 2000 }).transform((iso) => new Date(`${iso!}T00:00:00Z`));

export const GOVERNANCE_ITEM_FIELDS = ["reference", "date"];
export const SEND_BACK_FIELDS = ["reason"];

/** An IRAS project ID: 6 or 7 digits (older ones have 6). */
export const IRAS_PATTERN = /^\d{6,7}$/;
/** A REC reference such as 23/LO/1234: year, committee's two letters, number (a trailing /AM01 of an amendment is allowed). */
export const REC_PATTERN = /^\d{2}\/[A-Z]{2}\/\d{3,4}(\/[A-Z]{2}\d{2})?$/;

/** Checks the format of the references that have one, as typed (spaces around slashes forgiven). */
function referenceFormatProblem(kind: GovernanceItemKind, reference: string): string | null {
  if (kind === "IRAS_NUMBER" && !IRAS_PATTERN.test(reference)) {
    return "Enter the IRAS number as 6 or 7 digits, such as 1234567";
  }
  if (kind === "REC_REFERENCE" && !REC_PATTERN.test(reference)) {
    return "Enter the REC reference as year, committee and number, such as 23/LO/1234";
  }
  return null;
}

const normalised = (kind: GovernanceItemKind, reference: string) =>
  kind === "IRAS_NUMBER" || kind === "REC_REFERENCE" ? reference.replace(/\s+/g, "").toUpperCase() : reference;

const itemShape = {
  kind: kindSchema,
  reference: requiredText("the reference", 100),
  date: pastDay("Date"),
};

function withFormat<T extends { kind: GovernanceItemKind; reference: string }>(schema: z.ZodType<T>) {
  return schema
    .transform((value) => ({ ...value, reference: normalised(value.kind, value.reference) }))
    .superRefine((value, context) => {
      const problem = referenceFormatProblem(value.kind, value.reference);
      if (problem) context.addIssue({ code: "custom", path: ["reference"], message: problem });
    });
}

/** A site lead records one item of the site's checklist: its reference and the date it was given. */
export const recordSiteItemSchema = withFormat(z.object({ projectSiteId: uuidSchema("That site could not be found"), ...itemShape }));
export type RecordSiteItemInput = z.infer<typeof recordSiteItemSchema>;

/** A project lead records one of the project's own items (IRAS number, REC reference). */
export const recordProjectItemSchema = withFormat(z.object({ projectId: uuidSchema("That project could not be found"), ...itemShape }));
export type RecordProjectItemInput = z.infer<typeof recordProjectItemSchema>;

/** The project lead checks one item of a site. */
export const checkSiteItemSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  kind: kindSchema,
  /** When the record the lead saw was made (the form sends it): a record made since is not checked unseen. */
  recordedAt: z.preprocess((value) => (value === "" ? undefined : value), z.iso.datetime({ message: "Reload the page and check the item again." }).optional()),
});
export type CheckSiteItemInput = z.infer<typeof checkSiteItemSchema>;

/** The project lead sends an item back, saying why. */
export const sendBackSiteItemSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  kind: kindSchema,
  reason: requiredText("why you are sending it back", 1000, { multiline: true }),
});
export type SendBackSiteItemInput = z.infer<typeof sendBackSiteItemSchema>;
