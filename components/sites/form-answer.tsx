"use client";

import { useState } from "react";
import type { FormState } from "@/lib/validation/form-state";

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
