"use client";

import { useActionState, useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems } from "@/components/ui/field";
import { IDLE } from "@/lib/validation/form-state";
import { deleteAccountAction } from "@/app/client-actions";

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, IDLE);
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} noValidate key={answered.count}>
      <ErrorSummary
        errors={summaryItems(errors, ["password"])}
        formError={state.status === "error" ? state.formError : undefined}
      />
      <TextField
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        hint="To make sure it is you."
        error={errors.password}
      />
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
    </form>
  );
}
