"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { useAnswerCount } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems } from "@/components/ui/field";
import { IDLE } from "@/lib/validation/form-state";
import { forgottenPasswordAction } from "@/app/client-actions";

export function ForgottenPasswordForm() {
  const [state, action] = useActionState(forgottenPasswordAction, IDLE);
  const answered = useAnswerCount(state);
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "sent") sent.current?.focus();
  }, [state]);
  if (state.status === "sent") {
    return (
      <div ref={sent} tabIndex={-1} role="status" className="border-l-8 border-ok bg-white p-4 outline-none">
        <h2 className="text-2xl font-bold">Check your e-mail</h2>
        <p className="mt-2">
          If an account uses <strong className="break-code">{state.email}</strong>, we have sent it a link to choose a new password. The
          link works for 1 hour.
        </p>
        <p className="mt-2">
          Nothing after a few minutes? Look in your spam or junk folder, check the address, or{" "}
          <Link href="/forgotten-password">ask again</Link>.
        </p>
      </div>
    );
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} noValidate key={answered}>
      <ErrorSummary errors={summaryItems(errors, ["email"])} formError={state.status === "error" ? state.formError : undefined} />
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint="The address you sign in with."
        defaultValue={values.email}
        error={errors.email}
      />
      <SubmitButton pendingText="Sending…">Send me a link</SubmitButton>
    </form>
  );
}
