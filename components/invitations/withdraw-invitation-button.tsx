"use client";

import { useActionState } from "react";
import { InlineProblem } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Takes back an invitation that has not been answered; a refusal says why, beside it. */
export function WithdrawInvitationButton({ action, invitationId, name }: { action: Action; invitationId: string; name: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="secondary" pendingText="Withdrawing…">
        Withdraw<span className="sr-only"> the invitation to {name}</span>
      </SubmitButton>
      <InlineProblem state={state} />
    </form>
  );
}
