"use client";

import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { TextField, questionClass } from "@/components/ui/field";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { APPROVALS_FIELDS } from "@/lib/validation/sites";

type Action = FormAction;

export interface ApprovalsValues {
  approvalReference: string;
  approvingBody: string;
  approvalDate: string;
  caldicottSignedOff: boolean;
}

/** The site's local governance approval: references only, no documents. */
export function ApprovalsForm({ action, projectSiteId, saved }: { action: Action; projectSiteId: string; saved: ApprovalsValues }) {
  return (
    <ActionForm action={action} fields={APPROVALS_FIELDS} submit="Save approvals" pendingText="Saving…">
      {({ errors, values, state }) => {
        const sent = state.status === "error";
        const caldicott = sent ? values.caldicottSignedOff === "on" : saved.caldicottSignedOff;
        return (
          <>
            <input type="hidden" name="projectSiteId" value={projectSiteId} />
            <TextField
              name="approvalReference"
              label="Approval reference"
              hint="The registration number your audit or clinical governance department gave the project, such as AUD-2026-0042."
              autoComplete="off"
              defaultValue={sent ? values.approvalReference : saved.approvalReference}
              error={errors.approvalReference}
            />
            <TextField
              name="approvingBody"
              label="Approving body"
              hint="Who approved it, such as the trust's clinical audit department."
              defaultValue={sent ? values.approvingBody : saved.approvingBody}
              error={errors.approvingBody}
            />
            <DateInput name="approvalDate" legend="Date of approval" value={dateValueFrom(values, "approvalDate", saved.approvalDate)} error={errors.approvalDate} />
            <div className={questionClass(errors.caldicottSignedOff)}>
              <div className="flex items-center gap-2">
                <input
                  type="checkbox"
                  id="field-caldicottSignedOff"
                  name="caldicottSignedOff"
                  defaultChecked={caldicott}
                  aria-describedby="field-caldicottSignedOff-hint"
                  className="h-5 w-5"
                />
                <label htmlFor="field-caldicottSignedOff" className="font-semibold">
                  The Caldicott guardian has signed off
                </label>
              </div>
              <p id="field-caldicottSignedOff-hint" className="ml-7 text-sm text-muted">
                Tick if your trust needs Caldicott sign-off for this project and it has been given. Upload nothing: no patient data enters the portal.
              </p>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
