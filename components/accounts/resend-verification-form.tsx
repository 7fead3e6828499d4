"use client";

import { useActionState, useEffect, useRef } from "react";
import { resendVerificationAction } from "@/app/client-actions";
import { InlineProblem, SavedNotice } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/validation/form-state";

/** "Send the link again": the answer (sent, or why not) is said where the button is, and takes focus. */
export function ResendVerificationForm() {
  const [state, action] = useActionState(resendVerificationAction, IDLE);
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") answer.current?.focus();
  }, [state]);
  return (
    <form action={action} className="mt-4">
      <div ref={answer} tabIndex={-1} className="outline-none">
        <SavedNotice state={state} />
        <InlineProblem state={state} />
      </div>
      <div className="mt-2">
        <SubmitButton variant="secondary" pendingText="Sending the link…">
          Send the link again
        </SubmitButton>
      </div>
    </form>
  );
}
