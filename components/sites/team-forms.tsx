"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ErrorMessage, SelectField, TextField } from "@/components/ui/field";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { IDLE } from "@/lib/validation/form-state";
import { INVITE_TO_SITE_FIELDS } from "@/lib/validation/invitations";
import { ROLE_LABELS } from "@/lib/validation/sites";
import { errorsOf, formErrorOf, InlineProblem, useAnswerCount, valuesOf } from "@/components/ui/form";

type Action = FormAction;

/**
 * Invites someone to the team by e-mail address, with the role offered. In a project with
 * data-collection periods (`inPeriods`), a collaborator who accepts takes a place in the first
 * period still open with room: the invitation itself holds no period.
 */
export function InviteForm({ action, projectSiteId, inPeriods = false }: { action: Action; projectSiteId: string; inPeriods?: boolean }) {
  return (
    <ActionForm action={action} fields={INVITE_TO_SITE_FIELDS} submit="Send the invitation" pendingText="Sending…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectSiteId" value={projectSiteId} />
          <TextField
            name="email"
            type="email"
            label="E-mail address"
            hint={`They get an e-mail and join the team only if they accept. Someone without a RADIANT account is asked to create one with this address. To make someone in the team a site lead, enter their address with that role.${
              inPeriods ? " A collaborator who accepts joins the team of the current period, or of the first later period with a place free." : ""
            }`}
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.email}
            error={errors.email}
          />
          <SelectField name="role" label="Role" defaultValue={values.role ?? "COLLABORATOR"} error={errors.role}>
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </ActionForm>
  );
}

/** What one member did; saved on its own, without leaving the table. */
export function ContributionForm({
  action,
  projectSiteId,
  collaborationId,
  name,
  contribution,
}: {
  action: Action;
  projectSiteId: string;
  collaborationId: string;
  name: string;
  contribution: string | null;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  const id = `contribution-${collaborationId}`;
  const error = errors.contribution ?? formErrorOf(state);
  return (
    <form action={formAction} noValidate key={key} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      <input type="hidden" name="collaborationId" value={collaborationId} />
      <div>
        <label htmlFor={id} className="sr-only">
          Contribution of {name}
        </label>
        <ErrorMessage id={id} error={error} />
        <input
          id={id}
          name="contribution"
          defaultValue={state.status === "error" ? values.contribution : (contribution ?? "")}
          placeholder="For example: data collection"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block w-56 max-w-full border-2 border-ink bg-white px-2 py-1 aria-[invalid=true]:border-danger"
        />
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…" aria-label={`Save the contribution of ${name}`}>
        Save
      </SubmitButton>
      {state.status === "saved" ? (
        <span role="status" className="text-sm font-semibold text-ok">
          Saved
        </span>
      ) : null}
    </form>
  );
}

/** Takes a member off the team, after asking. */
export function RemoveMemberButton({ action, projectSiteId, collaborationId, name }: { action: Action; projectSiteId: string; collaborationId: string; name: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      <input type="hidden" name="collaborationId" value={collaborationId} />
      <ConfirmButton
        title={`Remove ${name} from the team?`}
        body={<p>{name} will no longer be part of the team at this site, and will not appear in the authorship list for it. They are told.</p>}
        confirmLabel={`Remove ${name}`}
      >
        Remove<span className="sr-only"> {name}</span>
      </ConfirmButton>
      <InlineProblem state={state} />
    </form>
  );
}
