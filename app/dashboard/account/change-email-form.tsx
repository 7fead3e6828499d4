"use client";

import { useActionState, useEffect, useRef } from "react";
import { SavedNotice, useAnswerCount } from "@/components/sites/form-answer";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems } from "@/components/ui/field";
import { IDLE } from "@/lib/validation/form-state";
import { changeEmailAction } from "@/app/client-actions";

export function ChangeEmailForm() {
  const [state, action] = useActionState(changeEmailAction, IDLE);
  const answered = useAnswerCount(state);
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "saved") sent.current?.focus();
  }, [state]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} noValidate key={answered}>
      <div ref={sent} tabIndex={-1} className="outline-none">
        <SavedNotice state={state} />
      </div>
      <ErrorSummary errors={summaryItems(errors, ["newEmail", "emailPassword"])} formError={state.status === "error" ? state.formError : undefined} />
      <TextField
        name="newEmail"
        label="New e-mail address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint="We will send a link to it. Your address changes when you open the link, and we tell your current address."
        defaultValue={values.newEmail}
        error={errors.newEmail}
      />
      <TextField
        name="emailPassword"
        label="Password"
        type="password"
        autoComplete="current-password"
        hint="Your current password, to make sure it is you."
        error={errors.emailPassword}
      />
      <SubmitButton pendingText="Sending the link…">Change e-mail address</SubmitButton>
    </form>
  );
}
