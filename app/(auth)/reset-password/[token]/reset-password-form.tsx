"use client";

import { TextField } from "@/components/ui/field";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/constants";

export function ResetPasswordForm({ action, email }: { action: FormAction; email: string }) {
  return (
    <ActionForm action={action} fields={["password", "confirmPassword"]} submit="Save new password" pendingText="Saving your new password…">
      {({ errors }) => (
        <>
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
        </>
      )}
    </ActionForm>
  );
}
