"use client";

import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { ErrorMessage, SelectField, TextAreaField, TextField, questionClass } from "@/components/ui/field";
import { ActionForm, type FormAction, type FormAnswer } from "@/components/ui/form";
import { LARGE_COUNT_FACTOR, PROGRESS_FIELDS } from "@/lib/validation/sites";

/** A data-collection period the site may count cases for (one that has started), with its latest count. */
export interface CountablePeriod {
  id: string;
  label: string;
  cases: number | null;
  current: boolean;
}

/**
 * Records the cumulative number of cases submitted; the history keeps every count. In a project
 * with data-collection periods (`periods`), the count is the chosen period's so far.
 */
export function ProgressForm({
  action,
  projectSiteId,
  today,
  current,
  periods = [],
}: {
  action: FormAction;
  projectSiteId: string;
  today: string;
  current: number;
  periods?: CountablePeriod[];
}) {
  return (
    <ActionForm action={action} fields={PROGRESS_FIELDS} submit="Record cases" pendingText="Recording…">
      {(answer) => <ProgressFields answer={answer} projectSiteId={projectSiteId} today={today} current={current} periods={periods} />}
    </ActionForm>
  );
}

function ProgressFields({
  answer: { errors, values },
  projectSiteId,
  today,
  current,
  periods,
}: {
  answer: FormAnswer;
  projectSiteId: string;
  today: string;
  current: number;
  periods: CountablePeriod[];
}) {
  // The confirmation is asked for only once a count is that large, and kept while the form is refilled.
  const askToConfirm = Boolean(errors.confirmLarge) || values.confirmLarge === "on";
  return (
    <>
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      {periods.length > 0 ? (
        <SelectField
          name="periodId"
          label="Data-collection period"
          hint="The site's total is worked out from the latest count of each period."
          defaultValue={values.periodId ?? periods.find((period) => period.current)?.id ?? periods.at(-1)?.id}
          error={errors.periodId}
        >
          {periods.map((period) => (
            <option key={period.id} value={period.id}>
              {period.label}: last count {period.cases ?? 0}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        name="cumulativeCases"
        label={periods.length > 0 ? "Cases submitted so far in this period" : "Cases submitted so far"}
        hint={
          periods.length > 0
            ? "The total since the period started, not the number since its last count."
            : `The total since data collection started, not the number since the last count. The last count was ${current}.`
        }
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.cumulativeCases}
        error={errors.cumulativeCases}
      />
      {askToConfirm ? (
        <div className={questionClass(errors.confirmLarge)}>
          <ErrorMessage id="field-confirmLarge" error={errors.confirmLarge} />
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
    </>
  );
}
