"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ActionForm, InlineProblem, type FormAction } from "@/components/ui/form";
import type { GovernanceItemKind } from "@/lib/generated/prisma/enums";
import { GOVERNANCE_ITEM_FIELDS, SEND_BACK_FIELDS } from "@/lib/validation/governance";
import { IDLE } from "@/lib/validation/form-state";

export interface ItemFormText {
  kind: GovernanceItemKind;
  label: string;
  phrase: string;
  hint: string;
  dateLegend: string;
  /** What is recorded now, if anything: the form starts from it. */
  reference: string | null;
  date: string | null;
}

/**
 * One item of a checklist: its reference and its date, never a document (no patient data enters
 * the portal). `owner` names the hidden field that says whose item it is (a site's or the project's).
 */
export function GovernanceItemForm({ action, owner, item }: { action: FormAction; owner: { name: "projectSiteId" | "projectId"; value: string }; item: ItemFormText }) {
  return (
    <ActionForm action={action} fields={GOVERNANCE_ITEM_FIELDS} submit={`Save the ${item.phrase}`} pendingText="Saving…">
      {({ errors, values, state }) => {
        const sent = state.status === "error";
        return (
          <>
            <input type="hidden" name={owner.name} value={owner.value} />
            <input type="hidden" name="kind" value={item.kind} />
            <TextField
              name="reference"
              label={`${item.label}: reference`}
              hint={item.hint}
              autoComplete="off"
              spellCheck={false}
              defaultValue={sent ? values.reference : (item.reference ?? "")}
              error={errors.reference ?? errors.kind}
            />
            <DateInput name="date" legend={item.dateLegend} value={dateValueFrom(values, "date", item.date)} error={errors.date} />
          </>
        );
      }}
    </ActionForm>
  );
}

/** The project lead sends an item back: the reason is required, and the site's leads read it. */
export function SendBackForm({ action, projectSiteId, kind, phrase }: { action: FormAction; projectSiteId: string; kind: GovernanceItemKind; phrase: string }) {
  return (
    <ActionForm action={action} fields={SEND_BACK_FIELDS} submit={`Send back the ${phrase}`} pendingText="Sending back…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectSiteId" value={projectSiteId} />
          <input type="hidden" name="kind" value={kind} />
          <TextAreaField
            name="reason"
            label="Why are you sending it back?"
            hint="The site's leads read this, so say what they should change, such as a reference that does not match the department's letter."
            defaultValue={values.reason ?? ""}
            error={errors.reason ?? errors.kind}
            rows={4}
          />
        </>
      )}
    </ActionForm>
  );
}

/** The project lead checks one recorded item; a refusal says why under the button. */
export function CheckItemButton({
  action,
  projectSiteId,
  kind,
  phrase,
  recordedAt,
}: {
  action: FormAction;
  projectSiteId: string;
  kind: GovernanceItemKind;
  phrase: string;
  /** When the item the lead is looking at was recorded: a check applies to that record only. */
  recordedAt: Date | null;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name="projectSiteId" value={projectSiteId} />
      <input type="hidden" name="kind" value={kind} />
      {recordedAt ? <input type="hidden" name="recordedAt" value={recordedAt.toISOString()} /> : null}
      <SubmitButton pendingText="Checking…" aria-label={`Mark the ${phrase} as checked`}>
        Mark as checked
      </SubmitButton>
      <InlineProblem state={state} />
    </form>
  );
}
