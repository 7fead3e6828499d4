"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextAreaField, summaryItems } from "@/components/ui/field";
import { IDLE } from "@/lib/validation/form-state";
import type { SiteFormState } from "@/lib/validation/sites";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount, valuesOf } from "./form-answer";

type Action = (previous: SiteFormState, formData: FormData) => Promise<SiteFormState>;

/** A notice to every site lead of the project, delivered to their notifications. */
export function MessageSitesForm({ action, projectId }: { action: Action; projectId: string }) {
  const [state, formAction] = useActionState(action, IDLE as SiteFormState);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  return (
    <form action={formAction} noValidate key={key}>
      <SavedNotice state={state} />
      <ErrorSummary errors={summaryItems(errors, ["message"])} formError={formErrorOf(state)} />
      <input type="hidden" name="projectId" value={projectId} />
      <TextAreaField
        name="message"
        label="Message"
        hint="Up to 1,000 characters. Never include patient details."
        rows={6}
        defaultValue={values.message}
        error={errors.message}
      />
      <SubmitButton pendingText="Sending…">Send to all site leads</SubmitButton>
    </form>
  );
}
