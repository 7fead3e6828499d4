"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextAreaField, TextField, summaryItems } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { LARGE_COUNT_FACTOR, PROGRESS_FIELDS } from "@/lib/validation/sites";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount, valuesOf } from "./form-answer";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Records the cumulative number of cases submitted; the history keeps every count. */
export function ProgressForm({ action, projectSiteId, today, current }: { action: Action; projectSiteId: string; today: string; current: number }) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  // The confirmation is asked for only once a count is that large, and kept while the form is refilled.
  const askToConfirm = Boolean(errors.confirmLarge) || values.confirmLarge === "on";
  return (
    <form action={formAction} noValidate key={key}>
      <SavedNotice state={state} />
      <ErrorSummary errors={summaryItems(errors, PROGRESS_FIELDS)} formError={formErrorOf(state)} />
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      <TextField
        name="cumulativeCases"
        label="Cases submitted so far"
        hint={`The total since data collection started, not the number since the last count. The last count was ${current}.`}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.cumulativeCases}
        error={errors.cumulativeCases}
      />
      {askToConfirm ? (
        <div className={`mb-5 ${errors.confirmLarge ? "border-l-4 border-danger pl-3" : ""}`}>
          {errors.confirmLarge ? (
            <p id="field-confirmLarge-error" className="font-semibold text-danger">
              <span className="sr-only">Error: </span>
              {errors.confirmLarge}
            </p>
          ) : null}
          <div className="flex items-center gap-2">
            <input
              type="checkbox"
              id="field-confirmLarge"
              name="confirmLarge"
              defaultChecked={values.confirmLarge === "on"}
              aria-describedby={errors.confirmLarge ? "field-confirmLarge-error" : undefined}
              className="h-5 w-5"
            />
            <label htmlFor="field-confirmLarge" className="font-semibold">
              I have checked: the count is more than {LARGE_COUNT_FACTOR} times the target and it is right
            </label>
          </div>
        </div>
      ) : null}
      <DateInput name="reportedOn" legend="Date of the count" value={dateValueFrom(values, "reportedOn", today)} error={errors.reportedOn} />
      <TextAreaField name="note" label="Note (optional)" rows={2} defaultValue={values.note} error={errors.note} />
      <TextAreaField
        name="correctionReason"
        label="Reason for a lower count (only if correcting)"
        hint="If the count is lower than the last one, say why, for example cases found to be ineligible."
        rows={2}
        defaultValue={values.correctionReason}
        error={errors.correctionReason}
      />
      <SubmitButton pendingText="Recording…">Record cases</SubmitButton>
    </form>
  );
}
