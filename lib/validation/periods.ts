import { z } from "zod";
import { MAX_WEEKS } from "@/lib/periods/schedule";
import { dateSchema } from "./date-input";
import { uuidSchema } from "./fields";

export const GENERATE_PERIODS_FIELDS = ["weeks"];
export const EDIT_PERIOD_FIELDS = ["startsOn", "endsOn"];

const day = (name: string) =>
  dateSchema({ name, required: true, when: "any", earliestYear: 2000 }).transform((iso) => new Date(`${iso!}T00:00:00Z`));

/** The lead divides the collection window into consecutive blocks of a number of weeks. */
export const generatePeriodsSchema = z.object({
  projectId: uuidSchema("That project could not be found"),
  weeks: z
    .string({ error: "Enter the number of weeks in each period" })
    .trim()
    .min(1, { error: "Enter the number of weeks in each period", abort: true })
    .refine((value) => /^\d{1,3}$/.test(value), { error: "Enter the number of weeks as a whole number, like 4", abort: true })
    .transform(Number)
    .refine((value) => value >= 1 && value <= MAX_WEEKS, `Enter a number of weeks from 1 to ${MAX_WEEKS}`),
});
export type GeneratePeriodsInput = z.infer<typeof generatePeriodsSchema>;

/** The lead changes one period's dates. */
export const editPeriodSchema = z.object({
  projectId: uuidSchema("That project could not be found"),
  periodId: uuidSchema("That period could not be found"),
  startsOn: day("Start date"),
  endsOn: day("End date"),
});
export type EditPeriodInput = z.infer<typeof editPeriodSchema>;

/** The lead deletes one period (or all of them). */
export const deletePeriodSchema = z.object({
  projectId: uuidSchema("That project could not be found"),
  periodId: uuidSchema("That period could not be found"),
});

/**
 * The period a request, a confirmation or a count is for, in a form that offers the choice only
 * when the project has periods: absent or empty is no choice made (the domain says whether one is needed).
 */
export const periodChoiceSchema = z
  .string({ error: "Select one of this project's data-collection periods" })
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.uuid("Select one of this project's data-collection periods").optional())
  .optional();
