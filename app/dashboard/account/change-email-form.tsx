"use client";

import { useEffect, useRef } from "react";
import { TextField } from "@/components/ui/field";
import { ActionForm, SavedNotice } from "@/components/ui/form";
import type { FormState } from "@/lib/validation/form-state";
import { changeEmailAction } from "@/app/client-actions";

export function ChangeEmailForm() {
  return (
    <ActionForm
      action={changeEmailAction}
      fields={["newEmail", "emailPassword"]}
      submit="Change e-mail address"
      pendingText="Sending the link…"
      notice={(state) => <FocusedNotice state={state} />}
    >
      {({ errors, values }) => (
        <>
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
        </>
      )}
    </ActionForm>
  );
}

/** The notice that the link was sent takes focus, as the page does not change. */
function FocusedNotice({ state }: { state: FormState }) {
  const sent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "saved") sent.current?.focus();
  }, [state]);
  return (
    <div ref={sent} tabIndex={-1} className="outline-none">
      <SavedNotice state={state} />
    </div>
  );
}
