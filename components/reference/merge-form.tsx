"use client";

import { useActionState } from "react";
import { errorsOf, useAnswerCount, valuesOf } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { summaryItems, TextField } from "@/components/ui/field";
import type { MergePlan } from "@/lib/reference/hospitals";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type MergeState = FormState | { status: "check"; plan: MergePlan; values: Record<string, string> } | { status: "saved"; message: string };
type Action = (previous: MergeState, formData: FormData) => Promise<MergeState>;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Merging this entry into another: the code of the entry to keep is checked first, and the page
 * says what would move; only then, after a confirmation, does it merge.
 */
export function MergeForm({ action, siteId, name }: { action: Action; siteId: string; name: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const asForm = state.status === "error" ? state : IDLE;
  const errors = errorsOf(asForm);
  const sent = state.status === "check" ? state.values : valuesOf(asForm);
  return (
    <div>
      <form action={formAction} noValidate key={key}>
        <ErrorSummary errors={summaryItems(errors, ["survivorCode"])} formError={state.status === "error" ? (state.formError ?? errors.siteId) : undefined} />
        <input type="hidden" name="siteId" value={siteId} />
        <input type="hidden" name="step" value="check" />
        <TextField
          name="survivorCode"
          label="Organisation code of the entry to keep"
          hint={`Everything that names ${name} will name that entry instead, and ${name} will be retired.`}
          autoComplete="off"
          spellCheck={false}
          className="mt-1 block w-40 border-2 border-ink bg-white px-2 py-1.5 text-base uppercase aria-[invalid=true]:border-danger"
          defaultValue={sent.survivorCode ?? ""}
          error={errors.survivorCode}
        />
        <SubmitButton variant="secondary" pendingText="Checking…">
          Check the merge
        </SubmitButton>
      </form>
      {state.status === "check" ? (
        <form action={formAction} className="mt-6 border-l-8 border-ink bg-white p-4">
          <h3 className="text-xl font-bold">
            Merge into {state.plan.survivor.name} ({state.plan.survivor.odsCode}, {state.plan.survivor.city})
          </h3>
          <p className="mt-2">This moves to {state.plan.survivor.name}:</p>
          <ul className="mt-1 list-disc pl-6">
            <li>{plural(state.plan.moves.projects, "project taking part", "projects taking part")}</li>
            <li>{plural(state.plan.moves.profiles, "member's home hospital", "members' home hospitals")}</li>
            <li>{plural(state.plan.moves.interests, "interest in a project", "interests in projects")}</li>
            <li>{plural(state.plan.moves.requests, "hospital request resolved here", "hospital requests resolved here")}</li>
          </ul>
          <input type="hidden" name="siteId" value={siteId} />
          <input type="hidden" name="survivorCode" value={state.plan.survivor.odsCode} />
          <input type="hidden" name="step" value="merge" />
          <div className="mt-4">
            <ConfirmButton
              title={`Merge ${name} into ${state.plan.survivor.name}?`}
              body={<p>This cannot be undone: {name} will be retired for good, and everything that named it will name {state.plan.survivor.name}.</p>}
              confirmLabel="Merge"
            >
              Merge {name} into {state.plan.survivor.name}
            </ConfirmButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
