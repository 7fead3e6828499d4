"use client";

import { TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { signInAction } from "@/app/client-actions";

/** `returnTo`: where signing in leads, already checked by the page (and again by the action). */
export function SignInForm({ returnTo }: { returnTo: string }) {
  return (
    <ActionForm action={signInAction} fields={["email", "password"]} submit="Sign in" pendingText="Signing in…">
      {({ errors, values }) => (
        <>
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
        </>
      )}
    </ActionForm>
  );
}
