"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

function Problem({ state }: { state: FormState }) {
  if (state.status !== "error") return null;
  const messages = [state.formError, ...Object.values(state.fieldErrors)].filter(Boolean);
  return (
    <div role="alert" className="mb-4 border-l-4 border-danger bg-white p-3 font-semibold text-danger">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export interface SiteChoice {
  projectSiteId: string;
  label: string;
}

/**
 * Asks to join at one registered hospital; the home hospital comes first and chosen. In a project
 * with data-collection periods, for one period (the current one or a later one).
 */
export function JoinForm({
  action,
  sites,
  defaultSiteId,
  periods = [],
}: {
  action: Action;
  sites: SiteChoice[];
  defaultSiteId?: string;
  periods?: { id: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <Problem state={state} />
      <label htmlFor="join-site" className="block font-semibold">
        Hospital where you will take part
      </label>
      <select
        id="join-site"
        name="projectSiteId"
        defaultValue={defaultSiteId ?? ""}
        className="mt-1 mb-4 block w-full max-w-xl border-2 border-ink bg-white px-2 py-1.5"
      >
        {defaultSiteId ? null : <option value="">Select a hospital</option>}
        {sites.map((site) => (
          <option key={site.projectSiteId} value={site.projectSiteId}>
            {site.label}
          </option>
        ))}
      </select>
      {periods.length > 0 ? (
        <>
          <label htmlFor="join-period" className="block font-semibold">
            Data-collection period you will take part in
          </label>
          <select
            id="join-period"
            name="periodId"
            defaultValue={(state.status === "error" ? state.values.periodId : undefined) ?? periods[0]!.id}
            className="mt-1 mb-4 block w-full max-w-xl border-2 border-ink bg-white px-2 py-1.5"
          >
            {periods.map((period) => (
              <option key={period.id} value={period.id}>
                {period.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <SubmitButton pendingText="Sending your request…">Ask to join</SubmitButton>
    </form>
  );
}

export function LeaveForm({
  action,
  collaborationId,
  choice,
  label,
  title,
  body,
  confirmLabel = label,
  tone = "danger",
}: {
  action: Action;
  collaborationId: string;
  /** Moving to another hospital (the place keeps its credit) or withdrawing (it gives it up). */
  choice: "rotate" | "withdraw";
  label: string;
  title: string;
  body: ReactNode;
  confirmLabel?: string;
  tone?: "danger" | "primary";
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <Problem state={state} />
      <input type="hidden" name="collaborationId" value={collaborationId} />
      <input type="hidden" name="choice" value={choice} />
      <ConfirmButton title={title} body={body} confirmLabel={confirmLabel} tone={tone}>
        {label}
      </ConfirmButton>
    </form>
  );
}

/**
 * How a person may end their place: a request is withdrawn; a confirmed place ends either as a
 * move to another hospital, which keeps the credit for the time there, or as a withdrawal from
 * the project, which gives it up. Each asks first.
 */
export function LeaveChoices({
  action,
  place,
}: {
  action: Action;
  place: { id: string; status: string; site: string; project: string; mayRotate: boolean };
}) {
  if (place.status === "REQUESTED") {
    return (
      <LeaveForm
        action={action}
        collaborationId={place.id}
        choice="withdraw"
        label="Withdraw request"
        title="Withdraw request?"
        body={<p>Your request to join {place.project} at {place.site} will be withdrawn.</p>}
      />
    );
  }
  return (
    <div className="space-y-3">
      {place.mayRotate ? (
        <LeaveForm
          action={action}
          collaborationId={place.id}
          choice="rotate"
          tone="primary"
          label="I am moving to another hospital (keep my credit for my time here)"
          title="Moving to another hospital?"
          confirmLabel="Yes, I am moving hospital"
          body={
            <>
              <p>
                Your place at {place.site} ends today. It stays on the record with the cases recorded there while you were on the team, and
                counts for the author list and certificates.
              </p>
              <p className="mt-2">You can then ask to join {place.project} at your new hospital. You cannot rejoin the team at {place.site}.</p>
            </>
          }
        />
      ) : null}
      <LeaveForm
        action={action}
        collaborationId={place.id}
        choice="withdraw"
        label="I am withdrawing from the project (my name comes off the author list)"
        title="Withdraw from the project?"
        confirmLabel="Withdraw from the project"
        body={
          <p>
            You will no longer take part in {place.project} at {place.site}, and your name comes off its author list and certificates. If you
            are only moving hospital, cancel and choose that instead.
          </p>
        }
      />
    </div>
  );
}

export function InterestForm({ action, projectId, hospital }: { action: Action; projectId: string; hospital: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <Problem state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <SubmitButton variant="secondary" pendingText="Registering…">
        Register interest for {hospital}
      </SubmitButton>
    </form>
  );
}
