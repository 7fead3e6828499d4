"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems } from "@/components/ui/field";
import { IDLE } from "@/lib/validation/form-state";
import { signInAction } from "@/app/client-actions";

/** `returnTo`: where signing in leads, already checked by the page (and again by the action). */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, action] = useActionState(signInAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <form action={action} noValidate>
      <ErrorSummary
        errors={summaryItems(errors, ["email", "password"])}
        formError={state.status === "error" ? state.formError : undefined}
      />
      <input type="hidden" name="callbackUrl" value={returnTo} />
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
