"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { ActionForm, InlineProblem, SavedNotice, type FormAction } from "@/components/ui/form";
import { CONSULTANT_FIELDS } from "@/lib/validation/consultant";
import { IDLE } from "@/lib/validation/form-state";

export interface ConsultantValues {
  consultantName: string;
  consultantRole: string;
  consultantEmail: string;
}

/** Names the site's supervising consultant, or changes what was named. */
export function ConsultantForm({ action, projectSiteId, saved }: { action: FormAction; projectSiteId: string; saved: ConsultantValues }) {
  return (
    <ActionForm action={action} fields={CONSULTANT_FIELDS} submit="Save the consultant" pendingText="Saving…" aria-label="The site's supervising consultant">
      {({ errors, values, state }) => {
        const sent = state.status === "error";
        return (
          <>
            <input type="hidden" name="projectSiteId" value={projectSiteId} />
            <TextField
              name="consultantName"
              label="Consultant's name"
              hint="As it should appear to the team and on the site's certificates, such as Dr Priya Shah."
              autoComplete="off"
              defaultValue={sent ? values.consultantName : saved.consultantName}
              error={errors.consultantName}
            />
            <TextField
              name="consultantRole"
              label="Role (optional)"
              hint="Such as Consultant radiologist."
              autoComplete="off"
              defaultValue={sent ? values.consultantRole : saved.consultantRole}
              error={errors.consultantRole}
            />
            <TextField
              name="consultantEmail"
              type="email"
              label="E-mail address (optional)"
              hint="Shown only to the site's leads and the project's. You need it to invite the consultant to observe the site."
              autoComplete="off"
              spellCheck={false}
              defaultValue={sent ? values.consultantEmail : saved.consultantEmail}
              error={errors.consultantEmail}
            />
          </>
        );
      }}
    </ActionForm>
  );
}

/**
 * One button about the site (clear the consultant, invite them, remove an observer, stop
 * observing), asking first when `confirm` is given; what happened, or why not, is said beside it.
 */
export function SiteConsultantButton({
  action,
  projectSiteId,
  userId,
  label,
  pendingText,
  confirm,
}: {
  action: FormAction;
  projectSiteId: string;
  userId?: string;
  label: string;
  pendingText?: string;
  confirm?: { title: string; body: string; tone?: "danger" | "primary" };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mt-2">
      <SavedNotice state={state} />
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      {userId ? <input type="hidden" name="userId" value={userId} /> : null}
      {confirm ? (
        <ConfirmButton title={confirm.title} body={<p>{confirm.body}</p>} confirmLabel={label} tone={confirm.tone ?? "danger"}>
          {label}
        </ConfirmButton>
      ) : (
        <SubmitButton pendingText={pendingText} variant="secondary">
          {label}
        </SubmitButton>
      )}
      <InlineProblem state={state} />
    </form>
  );
}
