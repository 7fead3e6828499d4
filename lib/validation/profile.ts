import { z } from "zod";
import { Grade, Modality, Subspecialty } from "@/lib/generated/prisma/enums";
import { gmcNumberSchema } from "./auth";
import { homeSiteChoiceSchema, newHospitalFields, requireNewHospital } from "./hospital-requests";
import { listOf, optionalText, uuidSchema, personName } from "./fields";
export { SUBSPECIALTY_LABELS } from "./constants";


/** ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD. */
export function orcidCheckCharacter(baseDigits: string): string {
  let total = 0;
  for (const digit of baseDigits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? "X" : String(result);
}

/** An ORCID iD in the form 0000-0002-1825-0097 whose last character is its checksum. */
export function isValidOrcid(value: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return false;
  const digits = value.replace(/-/g, "");
  return orcidCheckCharacter(digits.slice(0, 15)) === digits[15];
}

export const ORCID_FORMAT_MESSAGE = "Enter your ORCID iD as 16 characters in 4 groups, like 0000-0002-1825-0097";
export const ORCID_CHECKSUM_MESSAGE = "This ORCID iD is not valid: check it against your ORCID record, a character may be mistyped";

/**
 * Accepts the iD as people paste it (with the https://orcid.org/ prefix, spaces
 * or a lower-case x) and stores the bare form.
 */
export const orcidSchema = optionalText(60, ORCID_FORMAT_MESSAGE)
  .transform((value) => {
    if (value === undefined) return undefined;
    const bare = value.replace(/^(https?:\/\/)?(www\.)?orcid\.org\//i, "").replace(/\s/g, "").toUpperCase();
    return /^[\dX]{16}$/.test(bare) ? bare.replace(/(.{4})(?=.)/g, "$1-") : bare;
  })
  .superRefine((value, context) => {
    if (value === undefined) return;
    if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) context.addIssue({ code: "custom", message: ORCID_FORMAT_MESSAGE });
    else if (!isValidOrcid(value)) context.addIssue({ code: "custom", message: ORCID_CHECKSUM_MESSAGE });
  });

export const profileSchema = z.object({
  name: personName("your full name", 120),
  grade: z.enum(Grade, { error: "Select your grade" }),
  deaneryId: uuidSchema("Select your training region"),
  homeSiteId: homeSiteChoiceSchema,
  gmcNumber: gmcNumberSchema,
  orcid: orcidSchema,
  modalities: listOf(z.enum(Modality, { error: "Choose modalities from the list" })),
  subspecialties: listOf(z.enum(Subspecialty, { error: "Choose subspecialties from the list" })),
  contactConsent: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
  authorSurname: optionalText(80, "Surname for author lists must be 80 characters or fewer").refine(
    (value) => value === undefined || /\p{L}/u.test(value),
    "Enter a surname with at least one letter, or leave it empty",
  ),
  authorInitials: optionalText(10, "Initials must be 10 characters or fewer").refine(
    (value) => value === undefined || /^[\p{L}.\-\s]+$/u.test(value),
    "Enter initials as letters only, like MJ",
  ),
  ...newHospitalFields,
}).superRefine(requireNewHospital);
export type ProfileInput = z.infer<typeof profileSchema>;

/** FormData to a plain object, keeping repeated fields (checkboxes) as arrays. */
export function profileFormObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = Object.fromEntries(formData);
  object.modalities = formData.getAll("modalities");
  object.subspecialties = formData.getAll("subspecialties");
  return object;
}
