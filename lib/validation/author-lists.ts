import { z } from "zod";
import { formRecord } from "./date-input";
import { optionalText, personName, requiredText, uuidSchema } from "./fields";
import { ANSWER_WINDOW, ASSIGNABLE_CREDIT_ROLES } from "@/lib/validation/credit-roles";
import { AUTHORSHIP_GROUPS } from "./sites";

const answerWindow = z
  .string({ error: `Enter the days people have to answer as a whole number from ${ANSWER_WINDOW.min} to ${ANSWER_WINDOW.max}` })
  .trim()
  .refine((value) => /^\d{1,3}$/.test(value), { error: `Enter the days people have to answer as a whole number from ${ANSWER_WINDOW.min} to ${ANSWER_WINDOW.max}`, abort: true })
  .transform(Number)
  .refine((days) => days >= ANSWER_WINDOW.min && days <= ANSWER_WINDOW.max, `The days people have to answer must be from ${ANSWER_WINDOW.min} to ${ANSWER_WINDOW.max}`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const grouping = z.enum(AUTHORSHIP_GROUPS, { error: "Choose how the list is grouped" });

/** Freezing version 1 of a project's list. */
export const freezeAuthorListSchema = z.object({
  projectId: uuidSchema("That project could not be found"),
  grouping,
  answerDays: answerWindow,
});
export type FreezeAuthorListInput = z.infer<typeof freezeAuthorListSchema>;

export const OVERRIDE_PREFIX = "overrides.";

/** Issuing the next version: rebuilt from the live list, with the names the lead retyped for those who asked. */
export const issueAuthorListSchema = z.object({
  listId: uuidSchema("That author list could not be found"),
  grouping,
  answerDays: answerWindow,
  note: requiredText("what changed, for the people on the list", 2000, { multiline: true }),
  /** Entry id of the version before → the name to print for that person. */
  overrides: z
    .record(z.string(), personName("the name to print", 120))
    .refine((names) => Object.keys(names).every((key) => UUID.test(key)), "That person is not on this version")
    .default({}),
});
export type IssueAuthorListInput = z.infer<typeof issueAuthorListSchema>;

/** The issue form: each retyped name is a field `overrides.<entry id>`. */
export function issueAuthorListInput(formData: FormData): Record<string, unknown> {
  const record = formRecord(formData);
  // Own properties only (fromEntries), never assignment: a field named "overrides.__proto__" stays a plain key.
  const overrides = Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key.startsWith(OVERRIDE_PREFIX))
      .map(([key, value]) => [key.slice(OVERRIDE_PREFIX.length), value]),
  );
  return { ...record, overrides };
}

/** A person's answer to their line on a frozen list. */
export const answerAuthorListSchema = z
  .object({
    listId: uuidSchema("That author list could not be found"),
    answer: z.enum(["confirm", "correct"], { error: "Choose whether your name is right as printed" }),
    correction: optionalText(500, "The correction must be 500 characters or fewer", { multiline: true }),
  })
  .refine((data) => data.answer === "confirm" || data.correction !== undefined, {
    path: ["correction"],
    message: "Enter the correction you need, such as how your name or hospital should be printed",
  });
export type AnswerAuthorListInput = z.infer<typeof answerAuthorListSchema>;

/** A lead giving a person a credit role, or taking it back. */
export const creditRoleSchema = z.object({
  projectId: uuidSchema("That project could not be found"),
  userId: uuidSchema("Choose a person on the list"),
  role: z.enum(ASSIGNABLE_CREDIT_ROLES, { error: "Choose a role" }),
});
export type CreditRoleInput = z.infer<typeof creditRoleSchema>;
