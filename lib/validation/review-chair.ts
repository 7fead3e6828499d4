// The chair's forms: assigning reviewers with a due date, and calls for proposals.
import { z } from "zod";
import { dateSchema } from "./date-input";
import { optionalText, requiredText, uuidSchema } from "./fields";

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
/** A day typed in the form, as midnight UTC (how @db.Date columns are read back). */
const day = (name: string) => dateSchema({ name, required: true, when: "any", earliestYear: 2000 }).transform((iso) => new Date(`${iso!}T00:00:00Z`));

/** "Assign a reviewer": who, and by when (today or later is the domain's rule, which knows today). */
export const assignReviewerSchema = z.object({
  reviewerId: uuidSchema("Choose a committee member from the list"),
  dueOn: day("Due date"),
});
export type AssignReviewerInput = z.infer<typeof assignReviewerSchema>;

/** "Change the due date" of one assignment. */
export const changeDueSchema = z.object({
  assignmentId: uuidSchema("Choose an assignment from the list"),
  dueOn: day("Due date"),
});

/** A button on one assignment: withdraw it, or send a reminder now. */
export const assignmentIdSchema = z.object({ assignmentId: uuidSchema("Choose an assignment from the list") });

/** A new call for proposals. */
export const callSchema = z
  .object({
    title: requiredText("a title for the call", 200),
    description: optionalText(2000, "Description must be 2,000 characters or fewer", { multiline: true }),
    opensOn: day("Opening date"),
    closesOn: day("Closing date"),
  })
  .refine((call) => call.closesOn >= call.opensOn, { path: ["closesOn"], message: "Closing date must be the same as or after the opening date" });
export type CallInput = z.infer<typeof callSchema>;

/** A call's new closing date. */
export const callClosingSchema = z.object({
  callId: uuidSchema("Choose a call from the list"),
  closesOn: day("Closing date"),
});

/** The review queue's filters, from the page's address: anything unrecognised is no filter. */
export const reviewQueueSearchSchema = z.object({
  call: z.preprocess(blankAsUndefined, z.uuid().optional()).catch(undefined),
  mine: z.preprocess(blankAsUndefined, z.literal("1").optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ReviewQueueSearch = z.infer<typeof reviewQueueSearchSchema>;
