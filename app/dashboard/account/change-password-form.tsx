"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/constants";
import { IDLE } from "@/lib/validation/form-state";
import { changePasswordAction } from "@/app/client-actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, IDLE);
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} noValidate key={answered.count}>
      <ErrorSummary
        errors={summaryItems(errors, ["currentPassword", "newPassword"])}
        formError={state.status === "error" ? state.formError : undefined}
      />
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Changing it signs you out on every other device.`}
        error={errors.newPassword}
      />
      <SubmitButton pendingText="Changing your password…">Change password</SubmitButton>
    </form>
  );
}
