import { z } from "zod";
import { SiteListing } from "@/lib/generated/prisma/enums";
import { isPlainText, requiredText, searchText, uuidSchema } from "./fields";

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * NHS organisation codes (ODS) as the four nations issue them: upper-case letters and digits.
 * - English trusts have 3 characters (RJ1, R0A) and their sites 5 (RJ121, R0A02);
 * - Welsh health boards 3 (7A1 … 7A7) and their sites 5 (7A4BV University Hospital of Wales, 7A3C7 Morriston);
 * - Scottish hospitals carry the 5-character location codes of Public Health Scotland
 *   (G405H Queen Elizabeth University Hospital, S314H Royal Infirmary of Edinburgh);
 * - other organisations have up to 9 (the ODS allows 1 to 9; none we list has fewer than 3).
 * So the rule is 3 to 9 letters and digits; a
 * lower-case or spaced code typed by a person is tidied, not refused.
 */
export const ODS_CODE_PATTERN = /^[A-Z0-9]{3,9}$/;

const tidyCode = (value: unknown) => (typeof value === "string" ? value.replace(/\s+/g, "").toUpperCase() : value);

export const odsCodeSchema = z.preprocess(
  tidyCode,
  z
    .string({ error: "Enter the hospital's organisation code" })
    .min(1, "Enter the hospital's organisation code")
    .regex(ODS_CODE_PATTERN, "Enter an organisation code of 3 to 9 letters and digits, like RJ121 or 7A4BV"),
);

export const trustCodeSchema = z.preprocess(
  (value) => blankAsUndefined(tidyCode(value)),
  z
    .string({ error: "Enter a trust or health board code of 3 to 9 letters and digits, like RJ1 or 7A4, or leave it empty" })
    .regex(ODS_CODE_PATTERN, "Enter a trust or health board code of 3 to 9 letters and digits, like RJ1 or 7A4, or leave it empty")
    .optional(),
);

const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;

/** A UK postcode, stored upper-case with one space before the last three characters. */
export const postcodeSchema = z.preprocess(
  (value) => blankAsUndefined(typeof value === "string" ? value.trim().toUpperCase().replace(/\s+/g, " ") : value),
  z
    .string({ error: "Enter a UK postcode, like SE1 7EH, or leave it empty" })
    .regex(UK_POSTCODE, "Enter a UK postcode, like SE1 7EH, or leave it empty")
    .transform((value) => normalisePostcode(value))
    .optional(),
);

export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** Adding or editing a hospital. */
export const hospitalSchema = z.object({
  odsCode: odsCodeSchema,
  name: requiredText("the hospital's name", 200),
  trust: requiredText("the trust or health board", 200),
  trustCode: trustCodeSchema,
  city: requiredText("the town or city", 100),
  postcode: postcodeSchema,
  deaneryId: uuidSchema("Choose the training region"),
});
export type HospitalInput = z.infer<typeof hospitalSchema>;

export const hospitalEditSchema = hospitalSchema.extend({ siteId: uuidSchema("Choose a hospital from the list") });
export type HospitalEdit = z.infer<typeof hospitalEditSchema>;

/** The list of hospitals: anything unrecognised in the address is no filter. */
export const hospitalSearchSchema = z.object({
  q: searchText(200),
  region: z.preprocess(blankAsUndefined, z.uuid().optional()).catch(undefined),
  listing: z.preprocess(blankAsUndefined, z.enum(SiteListing).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type HospitalSearch = z.infer<typeof hospitalSearchSchema>;

export const siteIdSchema = z.object({ siteId: uuidSchema("Choose a hospital from the list") });

/** Merging one entry into another: the entry merged away, and the code of the one that stays. */
export const mergeSchema = z.object({
  siteId: uuidSchema("Choose a hospital from the list"),
  survivorCode: z.preprocess(
    tidyCode,
    z
      .string({ error: "Enter the organisation code of the entry to keep" })
      .min(1, "Enter the organisation code of the entry to keep")
      .regex(ODS_CODE_PATTERN, "Enter an organisation code of 3 to 9 letters and digits, like RJ121"),
  ),
  step: z.enum(["check", "merge"]).catch("check"),
});
export type MergeInput = z.infer<typeof mergeSchema>;

export const regionSchema = z.object({
  name: requiredText("the region's name", 100),
  code: z.preprocess(
    tidyCode,
    z
      .string({ error: "Enter a short code for the region" })
      .min(1, "Enter a short code for the region")
      .regex(/^[A-Z0-9]{2,6}$/, "Enter a short code of 2 to 6 letters and digits, like WES"),
  ),
  nation: z.enum(["ENGLAND", "SCOTLAND", "WALES", "NORTHERN_IRELAND"], { error: "Choose the nation" }),
});
export type RegionInput = z.infer<typeof regionSchema>;

export const regionRenameSchema = z.object({
  deaneryId: uuidSchema("Choose a region from the list"),
  name: requiredText("the region's name", 100),
});

/** Which hospitals in a sites file that are not on the list yet are added. */
export const IMPORT_SCOPES = {
  KNOWN_TRUSTS: "Only hospitals of trusts and health boards already on the list",
  ALL: "Every open site in the file",
} as const;
export type ImportScope = keyof typeof IMPORT_SCOPES;

export const importOptionsSchema = z.object({
  scope: z.enum(["KNOWN_TRUSTS", "ALL"], { error: "Choose which new hospitals to add" }),
  fallbackRegionId: z.preprocess(blankAsUndefined, z.uuid("Choose a training region from the list").optional()),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** Applying a previewed import: the files' text as previewed, and the fingerprints of the files and of the plan. */
export const importApplySchema = importOptionsSchema.extend({
  // What the preview read; the parser refuses control characters with the line, and so does this.
  sitesText: z.string({ error: "Preview the files again" }).max(2_000_000, "Preview the files again").refine(isPlainText, "Preview the files again").default(""),
  trustsText: z.string({ error: "Preview the files again" }).max(2_000_000, "Preview the files again").refine(isPlainText, "Preview the files again").default(""),
  fileHash: z.string({ error: "Preview the files again" }).regex(/^[0-9a-f]{64}$/, "Preview the files again"),
  planHash: z.string({ error: "Preview the files again" }).regex(/^[0-9a-f]{64}$/, "Preview the files again"),
});


export const LISTING_LABELS: Record<SiteListing, string> = { LISTED: "On the list", REQUESTED: "Asked for by a member", RETIRED: "Retired" };
