"use client";

import { TextField } from "@/components/ui/field";
import { ActionForm, type FormAnswer } from "@/components/ui/form";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/constants";
import { changePasswordAction } from "@/app/client-actions";

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction} fields={["currentPassword", "newPassword"]} submit="Change password" pendingText="Changing your password…">
      {(answer) => <PasswordFields {...answer} />}
    </ActionForm>
  );
}

function PasswordFields({ errors }: FormAnswer) {
  return (
    <>
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Changing it signs you out on every other device.`}
        error={errors.newPassword}
      />
    </>
  );
}
