"use client";

import { useActionState } from "react";
import { withdrawAmendmentAction } from "@/app/client-actions";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { InlineProblem } from "@/components/ui/form";
import { IDLE } from "@/lib/validation/form-state";

/** Takes back an amendment the committee has not decided on: nothing of the project changes. */
export function WithdrawAmendmentForm({ amendmentId, number }: { amendmentId: string; number: number }) {
  const [state, action] = useActionState(withdrawAmendmentAction, IDLE);
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="amendmentId" value={amendmentId} />
      <ConfirmButton
        title={`Withdraw amendment ${number}?`}
        body="The committee will no longer be asked to decide on it. The project stays as approved."
        confirmLabel="Withdraw the amendment"
      >
        Withdraw amendment {number}
      </ConfirmButton>
      <InlineProblem state={state} />
    </form>
  );
}
