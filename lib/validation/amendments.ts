import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, isPlainText } from "./fields";
import { dateSchema, formRecord } from "./date-input";
import { coLeadAddressSchema } from "./invitations";

// The fields an amendment may change, with the same rules as the proposal form's (lib/validation/proposals):
// every one is required, as it was when the proposal was submitted.

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`)
    .refine(isPlainText, CONTROL_CHARACTERS_MESSAGE);

const wholeNumber = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label} as a whole number, like 20` })
    .trim()
    .refine((value) => value !== "", `Enter the ${label}`)
    .refine((value) => value === "" || /^\d+$/.test(value), `Enter the ${label} as a whole number, like 20`)
    .transform((value) => Number(value))
    .refine((value) => value >= 1 && value <= max, `The ${label} must be between 1 and ${max}`);

const day = (name: string) => dateSchema({ name, required: true, when: "any", earliestYear: 2000 });

const ids = z
  .array(z.string({ error: "Choose co-leads from the list" }).uuid("Choose co-leads from the list"), { error: "Choose co-leads from the list" })
  .max(50, "Choose co-leads from the list");

export const AMENDMENT_REASON_MAX = 2000;

/** What the lead's form sends: every changeable field as it should be after the amendment, and why. */
export const amendmentSchema = z
  .object({
    projectId: z.string({ error: "Reload the page and try again" }).uuid("Reload the page and try again"),
    collectionStart: day("Start date of data collection"),
    collectionEnd: day("End date of data collection"),
    targetSites: wholeNumber("target number of sites", 1000),
    targetCasesPerSite: wholeNumber("target number of cases per site", 100_000),
    methods: text("the methods", 10_000),
    dataItems: text("the data items to be collected", 10_000),
    /** The co-leads ticked to stay; any other co-lead is removed once the amendment is approved. */
    keepCoLeadIds: ids,
    /** Someone to invite as co-lead once the amendment is approved, by e-mail address. */
    inviteCoLead: z
      .string({ error: "Enter the co-lead's e-mail address" })
      .trim()
      .max(254, "E-mail address must be 254 characters or fewer")
      .refine((value) => value === "" || coLeadAddressSchema.safeParse(value).success, "Enter the co-lead's e-mail address in the correct format, like name@example.org")
      .transform((value) => (value === "" ? null : value.toLowerCase())),
    reason: text("why the project needs this change", AMENDMENT_REASON_MAX),
  })
  .refine((value) => !value.collectionStart || !value.collectionEnd || value.collectionEnd > value.collectionStart, {
    message: "The end of data collection must be after its start",
    path: ["collectionEnd"],
  });

export type AmendmentInput = z.output<typeof amendmentSchema>;

/** The form's fields as the schema reads them: the ticked co-leads are a list. */
export function amendmentInputFromForm(formData: FormData): Record<string, unknown> {
  const record = formRecord(formData);
  return {
    ...record,
    keepCoLeadIds: formData.getAll("keepCoLeadIds").filter((value): value is string => typeof value === "string"),
    inviteCoLead: typeof record.inviteCoLead === "string" ? record.inviteCoLead : "",
  };
}

export const amendmentDecisionSchema = z.object({
  amendmentId: z.string({ error: "Reload the page and try again" }).uuid("Reload the page and try again"),
  decision: z.enum(["APPROVE", "REJECT"], { error: "Select approve or reject" }),
  message: z
    .string({ error: "Enter a message to the leads" })
    .trim()
    .max(5000, "The message must be 5000 characters or fewer")
    .refine(isPlainText, CONTROL_CHARACTERS_MESSAGE),
}).refine((value) => value.decision === "APPROVE" || value.message !== "", {
  message: "Enter a message to the leads saying why the amendment is not approved",
  path: ["message"],
});

export type AmendmentDecisionInput = z.output<typeof amendmentDecisionSchema>;

export const amendmentWithdrawSchema = z.object({
  amendmentId: z.string({ error: "Reload the page and try again" }).uuid("Reload the page and try again"),
});
