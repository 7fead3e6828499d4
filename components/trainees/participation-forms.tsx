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

/** Asks to join at one registered hospital; the home hospital comes first and chosen. */
export function JoinForm({ action, sites, defaultSiteId }: { action: Action; sites: SiteChoice[]; defaultSiteId?: string }) {
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
      <SubmitButton pendingText="Sending your request…">Ask to join</SubmitButton>
    </form>
  );
}

export function LeaveForm({ action, collaborationId, label, body }: { action: Action; collaborationId: string; label: string; body: ReactNode }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <Problem state={state} />
      <input type="hidden" name="collaborationId" value={collaborationId} />
      <ConfirmButton title={`${label}?`} body={body} confirmLabel={label}>
        {label}
      </ConfirmButton>
    </form>
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
