"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import type { SiteMoveName } from "@/lib/validation/sites";
import { InlineProblem, SavedNotice } from "@/components/ui/form";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface SiteMoveChoice {
  move: SiteMoveName;
  label: string;
  question: string;
  explanation: string;
}

/** One status move of a site, asked for confirmation first; a refusal says why. */
export function SiteMoveButton({ action, projectSiteId, choice }: { action: Action; projectSiteId: string; choice: SiteMoveChoice }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mb-4">
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      <input type="hidden" name="move" value={choice.move} />
      <ConfirmButton
        title={choice.question}
        body={<p>{choice.explanation}</p>}
        confirmLabel={choice.label}
        tone={choice.move === "withdraw" ? "danger" : "primary"}
      >
        {choice.label}
      </ConfirmButton>
      <InlineProblem state={state} />
    </form>
  );
}

/** The project lead accepts a site. Pressing it twice is harmless. */
export function ApproveSiteButton({ action, projectSiteId, hospital }: { action: Action; projectSiteId: string; hospital: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <SavedNotice state={state} />
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      <SubmitButton pendingText="Approving…" aria-label={`Approve ${hospital}`}>
        Approve
      </SubmitButton>
      <InlineProblem state={state} />
    </form>
  );
}
