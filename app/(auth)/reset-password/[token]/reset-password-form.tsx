"use client";

import { useActionState } from "react";
import { useAnswerCount } from "@/components/sites/form-answer";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/constants";
import { IDLE, type FormState } from "@/lib/validation/form-state";

export function ResetPasswordForm({ action, email }: { action: (previous: FormState, formData: FormData) => Promise<FormState>; email: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  const answered = useAnswerCount(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate key={answered}>
      <ErrorSummary errors={summaryItems(errors, ["password", "confirmPassword"])} formError={state.status === "error" ? state.formError : undefined} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words together make a strong password.`}
        error={errors.password}
      />
      <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" error={errors.confirmPassword} />
      <SubmitButton pendingText="Saving your new password…">Save new password</SubmitButton>
    </form>
  );
}
