import type { z } from "zod";
import { EmailNotConfirmedError, ForbiddenError } from "@/lib/authz";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formRecord } from "@/lib/validation/date-input";

/** What a server action hands back to its form. Never holds a password. */
export type FormState =
  | { status: "idle" }
  | {
      status: "error";
      fieldErrors: Record<string, string>;
      formError?: string;
      values: Record<string, string>;
    };

export const IDLE: FormState = { status: "idle" };

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

export function failure(
  formData: FormData,
  fieldErrors: Record<string, string>,
  formError?: string,
): FormState {
  return { status: "error", fieldErrors, formError, values: formValues(formData) };
}

/** Parses a form against a schema: the data, or the state to send back. */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
): { ok: true; data: z.output<Schema> } | { ok: false; state: FormState } {
  // Each date's three boxes arrive gathered under the date's name.
  const parsed = schema.safeParse(formRecord(formData));
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, state: failure(formData, fieldErrorsOf(parsed.error)) };
}

/**
 * Turns a refusal from the domain into the form's state; anything else is a
 * bug and is thrown on (Next.js redirects, too, travel as thrown errors).
 */
export function refusal(error: unknown, formData: FormData): FormState {
  if (error instanceof DomainError) {
    return failure(formData, error.field ? { [error.field]: error.message } : {}, error.field ? undefined : error.message);
  }
  // Before the generic refusal: it says what to do.
  if (error instanceof EmailNotConfirmedError) return failure(formData, {}, error.message);
  if (error instanceof ForbiddenError || error instanceof NotFoundError) {
    return failure(formData, {}, "You cannot do that. It may have changed since the page was loaded: reload it and try again.");
  }
  throw error;
}
