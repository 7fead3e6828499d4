"use client";

import { useActionState, useState, type FormHTMLAttributes, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { summaryItems } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/validation/form-state";

/** A server action as a form calls it: the previous state and the form's data. */
export type FormAction<State = FormState> = (previous: State, formData: FormData) => Promise<State>;

/**
 * A number that changes with each answer from the server. Used as the key of
 * a form's fields, it remounts them with what was sent (or, once saved, with
 * the page's fresh values), so React's reset of the form cannot blank them.
 */
export function useAnswerCount(state: unknown): number {
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return answered.count;
}

/** Says a change was saved, where the person is looking. */
export function SavedNotice({ state }: { state: FormState }) {
  if (state.status !== "saved") return null;
  return (
    <p role="status" className="mb-4 border-l-8 border-ok bg-white p-3 font-semibold">
      {state.message}
    </p>
  );
}

/** A refusal of a one-button form (no fields to point at). */
export function InlineProblem({ state }: { state: FormState }) {
  if (state.status !== "error") return null;
  const messages = [state.formError, ...Object.values(state.fieldErrors)].filter(Boolean);
  return (
    <div role="alert" className="mt-2 border-l-4 border-danger bg-white p-2 font-semibold text-danger">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export const errorsOf = (state: FormState) => (state.status === "error" ? state.fieldErrors : {});
export const valuesOf = (state: FormState) => (state.status === "error" ? state.values : {});
export const formErrorOf = (state: FormState) => (state.status === "error" ? state.formError : undefined);

/** What a form's fields are drawn from: the answer, each field's error, and what was typed. */
export interface FormAnswer {
  state: FormState;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * The scaffolding of a form: `useActionState` on the action, the saved notice, the
 * GOV.UK error summary (its links in `fields`' order), the fields (drawn from the
 * answer, remounted with each one so what was typed stays) and the submit button.
 * The form posts to the action itself, so it works before JavaScript has loaded.
 */
export function ActionForm({
  action,
  fields,
  submit,
  pendingText,
  button,
  notice = (state) => <SavedNotice state={state} />,
  children,
  ...form
}: {
  action: FormAction;
  /** The fields' names, in the order the summary lists their errors. */
  fields: string[];
  /** The submit button's words… */
  submit?: ReactNode;
  pendingText?: string;
  /** …or a button of the form's own (such as one that asks to confirm) in its place. */
  button?: ReactNode;
  /** What says the change was saved, above the summary; the saved notice unless told. */
  notice?: (state: FormState) => ReactNode;
  children: (answer: FormAnswer) => ReactNode;
} & Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "children">) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  return (
    <form action={formAction} noValidate key={key} {...form}>
      {notice(state)}
      <ErrorSummary errors={summaryItems(errors, fields)} formError={formErrorOf(state)} />
      {children({ state, errors, values: valuesOf(state) })}
      {button ?? <SubmitButton pendingText={pendingText}>{submit}</SubmitButton>}
    </form>
  );
}
