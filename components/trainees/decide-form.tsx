"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Confirm or decline one request; says why when the answer is refused. */
export function DecideForm({ action, collaborationId, traineeName }: { action: Action; collaborationId: string; traineeName: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-3">
      {state.status === "error" ? (
        <p role="alert" className="w-full font-semibold text-danger">
          {state.formError ?? Object.values(state.fieldErrors)[0]}
        </p>
      ) : null}
      <input type="hidden" name="collaborationId" value={collaborationId} />
      <SubmitButton name="decision" value="CONFIRM" aria-label={`Confirm ${traineeName}`}>
        Confirm
      </SubmitButton>
      <SubmitButton name="decision" value="DECLINE" variant="secondary" aria-label={`Decline ${traineeName}`}>
        Decline
      </SubmitButton>
    </form>
  );
}
