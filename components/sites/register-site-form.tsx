"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, summaryItems } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import type { RegisterSiteState } from "@/lib/validation/sites";
import { errorsOf, formErrorOf, InlineProblem, SavedNotice, useAnswerCount, valuesOf } from "@/components/ui/form";

type Action = (previous: RegisterSiteState, formData: FormData) => Promise<RegisterSiteState>;
type JoinAction = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface RegionChoice {
  id: string;
  name: string;
  sites: { id: string; name: string; city: string; withdrawn: boolean }[];
}

/** Registers a hospital; when it is taken, offers to join its team instead. */
export function RegisterSiteForm({
  action,
  joinAction,
  projectId,
  regions,
  defaultSiteId,
  periods = [],
}: {
  action: Action;
  joinAction: JoinAction;
  projectId: string;
  regions: RegionChoice[];
  defaultSiteId: string | null;
  /** With data-collection periods: those a request to join the team instead may be for. */
  periods?: { id: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  return (
    <>
      <form action={formAction} noValidate key={key}>
        <ErrorSummary errors={summaryItems(errors, ["siteId"])} formError={formErrorOf(state)} />
        <input type="hidden" name="projectId" value={projectId} />
        <SelectField
          name="siteId"
          label="Your hospital"
          hint="Hospitals already taking part are not in this list: ask to join their team instead. A hospital that withdrew can register again: it keeps the cases it submitted, and its former team rejoins by asking or by accepting your invitation."
          defaultValue={values.siteId ?? defaultSiteId ?? ""}
          error={errors.siteId}
        >
          <option value="">Select your hospital</option>
          {regions.map((region) => (
            <optgroup key={region.id} label={region.name}>
              {region.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}, {site.city}
                  {site.withdrawn ? " (withdrew: register it again)" : ""}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SubmitButton pendingText="Registering…">Register this hospital</SubmitButton>
      </form>
      {state.status === "error" && state.join ? <JoinInstead action={joinAction} join={state.join} periods={periods} /> : null}
    </>
  );
}

function JoinInstead({ action, join, periods }: { action: JoinAction; join: { projectSiteId: string; hospital: string }; periods: { id: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <section aria-labelledby="join-instead-title" className="mt-6 border-l-8 border-brand bg-white p-4">
      <h2 id="join-instead-title" className="text-xl font-bold">
        Join the team at {join.hospital}
      </h2>
      {state.status === "saved" ? (
        <div className="mt-2">
          <SavedNotice state={state} />
        </div>
      ) : (
        <form action={formAction} className="mt-2">
          <p className="mb-3">Its site lead confirms each member of the team, and can make you a second site lead.</p>
          <input type="hidden" name="projectSiteId" value={join.projectSiteId} />
          {periods.length > 0 ? (
            <div className="mb-4">
              <label htmlFor="join-instead-period" className="block font-semibold">
                Data-collection period you will take part in
              </label>
              <select id="join-instead-period" name="periodId" defaultValue={periods[0]!.id} className="mt-1 block w-full max-w-md border-2 border-ink bg-white px-2 py-1.5">
                {periods.map((period) => (
                  <option key={period.id} value={period.id}>
                    {period.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <SubmitButton pendingText="Sending your request…">Ask to join the team at {join.hospital}</SubmitButton>
          <InlineProblem state={state} />
        </form>
      )}
    </section>
  );
}
