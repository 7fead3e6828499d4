"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems, shortControlClass } from "@/components/ui/field";
import { MINIMUM_CITABLE_CASES_MAX, TEAM_CAP_MAX } from "@/lib/validation/constants";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount, valuesOf } from "@/components/ui/form";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const FIELDS = ["teamCap", "minimumCitableCases"];
const asText = (value: number | null) => (value === null ? "" : String(value));

/** The study's rules: the most collaborators per site, and the cases that make a site's team citable. */
export function StudySettingsForm({
  action,
  projectId,
  saved,
}: {
  action: Action;
  projectId: string;
  saved: { teamCap: number | null; minimumCitableCases: number | null };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const sent = state.status === "error" ? valuesOf(state) : null;
  // The hidden fields are not the person's to correct: a problem with them is the form's.
  const formError = formErrorOf(state) ?? errors.projectId ?? errors.loadedTeamCap ?? errors.loadedMinimumCitableCases;
  return (
    <form action={formAction} noValidate key={key}>
      <SavedNotice state={state} />
      <ErrorSummary errors={summaryItems(errors, FIELDS)} formError={formError} />
      <input type="hidden" name="projectId" value={projectId} />
      {/* The settings as this page showed them: a save over another lead's newer change is refused. */}
      <input type="hidden" name="loadedTeamCap" value={asText(saved.teamCap)} />
      <input type="hidden" name="loadedMinimumCitableCases" value={asText(saved.minimumCitableCases)} />
      <TextField
        name="teamCap"
        label="Most collaborators per site"
        hint={`A whole number from 1 to ${TEAM_CAP_MAX}, or leave it empty for no limit. Site leads are not counted. Lowering it removes nobody: a site above it confirms no one new until its team is below it.`}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className={shortControlClass}
        defaultValue={sent ? sent.teamCap : asText(saved.teamCap)}
        error={errors.teamCap}
      />
      <TextField
        name="minimumCitableCases"
        label="Cases a site must submit for its collaborators to be citable"
        hint={`A whole number from 1 to ${MINIMUM_CITABLE_CASES_MAX.toLocaleString("en-GB")}, or leave it empty so that everyone confirmed is citable. Collaborators at sites with fewer cases are acknowledged on the authorship list instead of cited.`}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className={shortControlClass}
        defaultValue={sent ? sent.minimumCitableCases : asText(saved.minimumCitableCases)}
        error={errors.minimumCitableCases}
      />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
