// The forms that keep a site led (docs/decisions/026): a site lead hands the site over to a member
// of its team; a project lead appoints a site lead, from the team or by address, optionally in
// place of one. Ids are keys only: the commands look each one up within the site.
import { z } from "zod";
import { uuidSchema } from "./fields";

export const HAND_OVER_FIELDS = ["collaborationId"];

export const handOverSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  collaborationId: uuidSchema("Choose the member of the team who takes the site over"),
});
export type HandOverInput = z.infer<typeof handOverSchema>;

/** The choice of "someone not in the team, by e-mail address" in the appointment form. */
export const BY_EMAIL = "EMAIL";
/** The choice of "nobody: add a site lead" for whom the appointment replaces. */
export const NOBODY_REPLACED = "NONE";

export const APPOINT_LEAD_FIELDS = ["member", "email", "replacesId"];

const emailText = z
  .string({ error: "Enter the e-mail address of the person to invite" })
  .trim()
  .max(254, "E-mail address must be 254 characters or fewer")
  .pipe(z.union([z.literal(""), z.email("Enter an e-mail address in the correct format, like name@example.org")]))
  .transform((value) => value.toLowerCase());

export const appointLeadSchema = z
  .object({
    projectSiteId: uuidSchema("That site could not be found"),
    member: z
      .string({ error: "Choose who becomes a site lead" })
      .trim()
      .refine((value) => value === BY_EMAIL || z.uuid().safeParse(value).success, "Choose who becomes a site lead"),
    email: emailText.optional(),
    replacesId: z
      .string({ error: "Choose whether they replace a site lead" })
      .trim()
      .refine((value) => value === NOBODY_REPLACED || z.uuid().safeParse(value).success, "Choose whether they replace a site lead")
      .optional(),
  })
  .superRefine((value, context) => {
    if (value.member === BY_EMAIL && !value.email) {
      context.addIssue({ code: "custom", path: ["email"], message: "Enter the e-mail address of the person to invite" });
    }
  })
  .transform(({ projectSiteId, member, email, replacesId }) => ({
    projectSiteId,
    invitee: member === BY_EMAIL ? ({ by: "email", email: email! } as const) : ({ by: "member", collaborationId: member } as const),
    replacesId: replacesId && replacesId !== NOBODY_REPLACED ? replacesId : null,
  }));
export type AppointLeadInput = z.infer<typeof appointLeadSchema>;
