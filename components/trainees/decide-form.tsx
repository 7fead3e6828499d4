"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** A data-collection period a request may be confirmed for. */
export interface PeriodChoice {
  id: string;
  label: string;
}

/**
 * Confirm or decline one request; says why when the answer is refused. In a project with
 * data-collection periods, a confirmation is for the period chosen (the one asked for, at first).
 */
export function DecideForm({
  action,
  collaborationId,
  traineeName,
  periods = [],
  periodId,
}: {
  action: Action;
  collaborationId: string;
  traineeName: string;
  periods?: PeriodChoice[];
  periodId?: string | null;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const selectId = `period-${collaborationId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      {state.status === "error" ? (
        <p role="alert" className="w-full font-semibold text-danger">
          {state.formError ?? Object.values(state.fieldErrors)[0]}
        </p>
      ) : null}
      <input type="hidden" name="collaborationId" value={collaborationId} />
      {periods.length > 0 ? (
        <div className="w-full max-w-xl">
          <label htmlFor={selectId} className="block font-semibold">
            Period to confirm {traineeName} for
          </label>
          <select
            id={selectId}
            name="periodId"
            defaultValue={(state.status === "error" ? state.values.periodId : undefined) ?? periodId ?? periods[0]!.id}
            className="mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5"
          >
            {periods.map((period) => (
              <option key={period.id} value={period.id}>
                {period.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <SubmitButton name="decision" value="CONFIRM" aria-label={`Confirm ${traineeName}`}>
        Confirm
      </SubmitButton>
      <SubmitButton name="decision" value="DECLINE" variant="secondary" aria-label={`Decline ${traineeName}`}>
        Decline
      </SubmitButton>
    </form>
  );
}
