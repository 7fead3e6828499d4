"use client";

import { useActionState } from "react";
import { declareConflictAction } from "@/app/client-actions";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, HintAndError, TextAreaField, summaryItems } from "@/components/ui/field";
import { useAnswerCount } from "@/components/ui/form";
import { ConflictKind } from "@/lib/generated/prisma/enums";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { CONFLICT_KIND_LABELS } from "@/lib/validation/proposals";

const KINDS = Object.values(ConflictKind);

/** A committee member declares a conflict of interest in a proposal, and so drops out of its review and decision. */
export function ConflictForm({ projectId, suggested }: { projectId: string; suggested?: ConflictKind }) {
  const [state, action] = useActionState(declareConflictAction.bind(null, projectId), IDLE);
  const key = useAnswerCount(state);
  return (
    <form action={action} noValidate>
      <ConflictFields key={key} state={state} suggested={suggested} />
    </form>
  );
}

function ConflictFields({ state, suggested }: { state: FormState; suggested?: ConflictKind }) {
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const chosen = values.kind ?? suggested;
  const id = "field-kind";
  const hint = "Once declared, you neither review nor decide this proposal, and the committee sees your declaration. It cannot be undone.";
  return (
    <>
      <ErrorSummary errors={summaryItems(errors, ["kind", "note"])} formError={state.status === "error" ? state.formError : undefined} />
      <fieldset className={`mb-5 ${errors.kind ? "border-l-4 border-danger pl-3" : ""}`} aria-describedby={describedBy(id, hint, errors.kind)}>
        <legend className="font-semibold">What is your conflict of interest?</legend>
        <HintAndError id={id} hint={hint} error={errors.kind} />
        <div className="mt-1 space-y-2">
          {KINDS.map((kind, index) => {
            const inputId = index === 0 ? id : `${id}-${kind}`;
            return (
              <div key={kind} className="flex items-start gap-2">
                <input
                  type="radio"
                  id={inputId}
                  name="kind"
                  value={kind}
                  defaultChecked={chosen === kind}
                  aria-describedby={`${inputId}-item-hint`}
                  className="mt-0.5 size-5 shrink-0"
                />
                <div>
                  <label htmlFor={inputId}>{CONFLICT_KIND_LABELS[kind].label}</label>
                  <p id={`${inputId}-item-hint`} className="text-sm text-muted">
                    {CONFLICT_KIND_LABELS[kind].hint}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
      <TextAreaField
        name="note"
        label="Note (optional)"
        hint="Say what the conflict is, in a sentence. The chair and administrators read it."
        rows={3}
        defaultValue={values.note}
        error={errors.note}
      />
      <SubmitButton pendingText="Declaring…">Declare a conflict of interest</SubmitButton>
    </>
  );
}
