"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { deleteAccountAction } from "@/app/client-actions";

export function DeleteAccountForm() {
  return (
    <ActionForm
      action={deleteAccountAction}
      fields={["password"]}
      button={
        <ConfirmButton
          title="Delete your account?"
          body={
            <p>
              Your name, e-mail address, GMC number and ORCID iD are erased and you cannot sign in again. That a collaborator
              from your hospital took part in projects is kept, without your name. This cannot be undone.
            </p>
          }
          confirmLabel="Delete my account"
        >
          Delete my account
        </ConfirmButton>
      }
    >
      {({ errors }) => (
        <TextField
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          hint="To make sure it is you."
          error={errors.password}
        />
      )}
    </ActionForm>
  );
}
