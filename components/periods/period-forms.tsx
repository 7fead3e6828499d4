"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { SelectField, TextField, shortControlClass } from "@/components/ui/field";
import { ActionForm, InlineProblem, type FormAction } from "@/components/ui/form";
import { IDLE } from "@/lib/validation/form-state";
import { EDIT_PERIOD_FIELDS, GENERATE_PERIODS_FIELDS } from "@/lib/validation/periods";

/** Divides the collection window into consecutive blocks of a number of weeks (replacing periods not in use). */
export function GeneratePeriodsForm({ action, projectId, replacing }: { action: FormAction; projectId: string; replacing: boolean }) {
  return (
    <ActionForm action={action} fields={GENERATE_PERIODS_FIELDS} submit={replacing ? "Replace the periods" : "Make the periods"} pendingText="Making the periods…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectId" value={projectId} />
          <TextField
            name="weeks"
            label="Weeks in each period"
            hint="For example, 4 for four-week periods. The last period ends with data collection, so it may be shorter."
            inputMode="numeric"
            autoComplete="off"
            className={shortControlClass}
            defaultValue={values.weeks ?? "4"}
            error={errors.weeks}
          />
        </>
      )}
    </ActionForm>
  );
}

/** Changes the dates of one period not in use. */
export function EditPeriodForm({ action, projectId, periods }: { action: FormAction; projectId: string; periods: { id: string; label: string; startsOn: string; endsOn: string }[] }) {
  return (
    <ActionForm action={action} fields={["periodId", ...EDIT_PERIOD_FIELDS]} submit="Change the dates" pendingText="Saving…">
      {({ errors, values }) => {
        const chosen = periods.find((period) => period.id === values.periodId) ?? periods[0]!;
        return (
          <>
            <input type="hidden" name="projectId" value={projectId} />
            <SelectField name="periodId" label="Period to change" defaultValue={chosen.id} error={errors.periodId}>
              {periods.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.label}
                </option>
              ))}
            </SelectField>
            <DateInput name="startsOn" legend="First day" value={dateValueFrom(values, "startsOn", chosen.startsOn)} error={errors.startsOn} />
            <DateInput name="endsOn" legend="Last day" value={dateValueFrom(values, "endsOn", chosen.endsOn)} error={errors.endsOn} />
          </>
        );
      }}
    </ActionForm>
  );
}

/** Deletes one period not in use, after asking. */
export function DeletePeriodButton({ action, projectId, periodId, label }: { action: FormAction; projectId: string; periodId: string; label: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="periodId" value={periodId} />
      <ConfirmButton title={`Delete ${label}?`} body={<p>The periods after it are numbered again in date order. Nobody is told.</p>} confirmLabel={`Delete ${label}`}>
        Delete<span className="sr-only"> {label}</span>
      </ConfirmButton>
      <InlineProblem state={state} />
    </form>
  );
}
