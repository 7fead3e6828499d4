"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { InlineProblem } from "@/components/ui/form";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Removes an output recorded in error, after asking. */
export function RemoveOutputForm({ action, outputId, title }: { action: Action; outputId: string; title: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <InlineProblem state={state} />
      <input type="hidden" name="outputId" value={outputId} />
      <ConfirmButton
        title="Remove this output?"
        body={<p>“{title}” will no longer show on the project&apos;s public page, on the collaborative&apos;s list of outputs or on its collaborators&apos; research pages.</p>}
        confirmLabel="Remove the output"
      >
        Remove<span className="sr-only"> “{title}”</span>
      </ConfirmButton>
    </form>
  );
}
