import type { z } from "zod";
import { EmailNotConfirmedError, ForbiddenError } from "@/lib/authz";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formRecord } from "@/lib/validation/date-input";

/** A form sent back with what was wrong: a message per field and/or one for the form, and what was typed. */
export interface FormErrors {
  status: "error";
  fieldErrors: Record<string, string>;
  formError?: string;
  values: Record<string, string>;
}

/**
 * What a server action hands back to its form, the one type for every form. Never holds a password.
 * - `idle`: nothing sent yet (or nothing to say);
 * - `saved`: done, with the sentence that says so;
 * - `refused`: a one-button form's refusal, said beside the button (`about`: which item's button, when
 *   a list of them shares one state);
 * - `error`: the form again, with what was wrong and what was typed. `Extra` adds to (or replaces)
 *   its fields, for a form that must get more back (the proposal's saved draft);
 * - `More`: a form's own further answers (a preview before applying, a check before merging).
 */
export type FormState<Extra extends object = Record<never, never>, More extends { status: string } = never> =
  | { status: "idle" }
  | { status: "saved"; message: string }
  | { status: "refused"; message: string; about?: string }
  | (Omit<FormErrors, keyof Extra> & Extra)
  | More;

/** The state before any answer: fits every form's state, so no cast is needed. */
export const IDLE = { status: "idle" } as const;

/** Any field with "password" in its name (password, currentPassword, newPassword, confirmPassword…), and an invitation link's proof. */
const isSecretField = (name: string) => /password|invitationProof/i.test(name);

/** The form's text values, minus secrets, to refill the form after a failed submit. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !isSecretField(key) && !key.startsWith("$ACTION")) {
      values[key] = value.slice(0, 20_000);
    }
  }
  return values;
}

/** The first message for each field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function failure(formData: FormData, fieldErrors: Record<string, string>, formError?: string): FormErrors {
  return { status: "error", fieldErrors, formError, values: formValues(formData) };
}

/** Parses a form against a schema: the data, or the state to send back. */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
): { ok: true; data: z.output<Schema> } | { ok: false; state: FormErrors } {
  // Each date's three boxes arrive gathered under the date's name.
  const parsed = schema.safeParse(formRecord(formData));
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, state: failure(formData, fieldErrorsOf(parsed.error)) };
}

export const CANNOT = "You cannot do that. It may have changed since the page was loaded: reload it and try again.";

/** What the domain's refusal says, and the field it is about if any. */
export interface Refusal {
  field?: string;
  message: string;
}

/**
 * What a refusal from the domain says; anything else is a bug and is thrown
 * on (Next.js redirects and notFound, too, travel as thrown errors).
 * `cannot` is said for "not allowed" and "not found" alike, so neither tells which.
 */
export function refusalOf(error: unknown, cannot: string = CANNOT): Refusal {
  if (error instanceof DomainError) return error.field ? { field: error.field, message: error.message } : { message: error.message };
  // Before the generic refusal (it is one): it says what to do.
  if (error instanceof EmailNotConfirmedError) return { message: error.message };
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { message: cannot };
  throw error;
}

/** A refusal as the form's state: beside its field, or above the form. */
export function refusal(error: unknown, formData: FormData): FormErrors {
  const { field, message } = refusalOf(error);
  return field ? failure(formData, { [field]: message }) : failure(formData, {}, message);
}
