import { z } from "zod";
import { isUuid } from "@/lib/ids";
import { optionalText, requiredText, searchText, uuidSchema } from "./fields";

/** The home-hospital choice "My hospital is not on the list": the form then asks for the hospital. */
export const NEW_HOSPITAL = "new";

/** A hospital from the list (its id), or NEW_HOSPITAL. */
export const homeSiteChoiceSchema = z
  .string({ error: "Select your home hospital" })
  .trim()
  .refine((value) => value === NEW_HOSPITAL || isUuid(value), "Select your home hospital");

export const ORGANISATION_CODE_MESSAGE = "Enter the organisation code as 3 to 6 letters and digits, like RGT01";

/** An NHS organisation (ODS) code: 3 to 6 letters and digits, stored in capitals. */
const organisationCode = z
  .string({ error: ORGANISATION_CODE_MESSAGE })
  .trim()
  .max(20, ORGANISATION_CODE_MESSAGE)
  .transform((value) => value.replace(/\s+/g, "").toUpperCase())
  .refine((value) => value === "" || /^[A-Z0-9]{3,6}$/.test(value), ORGANISATION_CODE_MESSAGE);

export const optionalOrganisationCode = organisationCode.transform((value) => (value === "" ? undefined : value)).optional();

/** The fields of "My hospital is not on the list", beside the home hospital on sign-up and profile forms. */
export const newHospitalFields = {
  newHospitalName: optionalText(120, "The hospital's name must be 120 characters or fewer"),
  newHospitalCity: optionalText(80, "The town or city must be 80 characters or fewer"),
  newHospitalTrust: optionalText(160, "The trust or health board must be 160 characters or fewer"),
  newHospitalCode: optionalOrganisationCode,
  newHospitalNote: optionalText(1000, "What helps us find it must be 1,000 characters or fewer", { multiline: true }),
};

export const NEW_HOSPITAL_FIELD_NAMES = ["newHospitalName", "newHospitalCity", "newHospitalTrust", "newHospitalCode", "newHospitalNote"] as const;

/** With "My hospital is not on the list" chosen, its name and town are needed. For a form schema's superRefine. */
export function requireNewHospital(value: { homeSiteId?: unknown; newHospitalName?: unknown; newHospitalCity?: unknown }, context: z.RefinementCtx): void {
  if (value.homeSiteId !== NEW_HOSPITAL) return;
  if (!value.newHospitalName) context.addIssue({ code: "custom", path: ["newHospitalName"], message: "Enter the name of your hospital" });
  if (!value.newHospitalCity) context.addIssue({ code: "custom", path: ["newHospitalCity"], message: "Enter the town or city of your hospital" });
}

/** What a member tells about a missing hospital; its region is the training region of the form. */
export interface HospitalRequestInput {
  name: string;
  city: string;
  trust?: string;
  code?: string;
  note?: string;
  deaneryId: string;
}

type WithNewHospital = {
  deaneryId: string;
  newHospitalName?: string;
  newHospitalCity?: string;
  newHospitalTrust?: string;
  newHospitalCode?: string;
  newHospitalNote?: string;
};

/** The request held in a parsed sign-up or profile form that chose NEW_HOSPITAL. */
export function hospitalRequestOf(input: WithNewHospital): HospitalRequestInput {
  return {
    name: input.newHospitalName ?? "",
    city: input.newHospitalCity ?? "",
    trust: input.newHospitalTrust,
    code: input.newHospitalCode,
    note: input.newHospitalNote,
    deaneryId: input.deaneryId,
  };
}

/** The search of the administrators' list of requests; anything unrecognised is no filter. */
export const hospitalRequestSearchSchema = z.object({
  q: searchText(120),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type HospitalRequestSearch = z.infer<typeof hospitalRequestSearchSchema>;

const requestId = uuidSchema("That request could not be found");

/** Approving: the administrator may correct what the member typed; the code is needed to put it on the list. */
export const approveHospitalRequestSchema = z.object({
  requestId,
  name: requiredText("the hospital's name", 120),
  trust: requiredText("the NHS trust or health board", 160),
  odsCode: organisationCode.refine((value) => value !== "", "Enter the hospital's organisation code, like RGT01"),
  city: requiredText("the town or city", 80),
  deaneryId: uuidSchema("Select the training region"),
});
export type ApproveHospitalRequestInput = z.infer<typeof approveHospitalRequestSchema>;

export const mergeHospitalRequestSchema = z.object({
  requestId,
  intoSiteId: uuidSchema("Select the hospital on the list it is"),
  note: optionalText(1000, "The note to the member must be 1,000 characters or fewer", { multiline: true }),
});
export type MergeHospitalRequestInput = z.infer<typeof mergeHospitalRequestSchema>;

export const declineHospitalRequestSchema = z.object({
  requestId,
  reason: requiredText("why it is declined, for the member", 1000, { multiline: true }),
});
export type DeclineHospitalRequestInput = z.infer<typeof declineHospitalRequestSchema>;

