import { z } from "zod";
import { optionalText, personName, uuidSchema, isPlainLine, CONTROL_CHARACTERS_MESSAGE } from "./fields";

export const CONSULTANT_FIELDS = ["consultantName", "consultantRole", "consultantEmail"];

/** The site's supervising consultant, as its site lead or the project's leads name them. */
export const consultantSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  consultantName: personName("the consultant's name", 120),
  consultantRole: optionalText(120, "The consultant's role must be 120 characters or fewer"),
  consultantEmail: z
    .string({ error: "Enter the consultant's e-mail address in the correct format, like name@example.org" })
    .trim()
    .max(254, "The consultant's e-mail address must be 254 characters or fewer")
    .refine(isPlainLine, CONTROL_CHARACTERS_MESSAGE)
    .pipe(z.union([z.literal(""), z.email("Enter the consultant's e-mail address in the correct format, like name@example.org")]))
    .transform((value) => (value === "" ? undefined : value.toLowerCase()))
    .optional(),
});
export type ConsultantInput = z.infer<typeof consultantSchema>;

/** A button about the site alone: clearing the consultant, inviting them, stopping observing. */
export const projectSiteOnlySchema = z.object({ projectSiteId: uuidSchema("That site could not be found") });

/** The site's lead or the project's removes one observer. */
export const removeObserverSchema = z.object({
  projectSiteId: uuidSchema("That site could not be found"),
  userId: uuidSchema("That observer could not be found"),
});
