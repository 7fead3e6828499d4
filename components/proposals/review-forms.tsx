"use client";

import { useActionState, useState } from "react";
import { decideProposalAction, submitReviewAction } from "@/app/client-actions";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextAreaField, summaryItems } from "@/components/ui/field";
import { Radios } from "@/components/ui/radios";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { RECOMMENDATION_LABELS } from "@/lib/validation/constants";
import { SCORE_CRITERIA, SCORE_SCALES, SCORE_VALUES, scoreHint, scoreOptionLabel } from "@/lib/validation/scores";

/** Each value of the scale with its word ("4 good"): lib/reviews/scores is the one description of it. */
const SCORES: [string, string][] = SCORE_VALUES.map((score) => [String(score), scoreOptionLabel(score)]);
const RECOMMENDATIONS = Object.entries(RECOMMENDATION_LABELS);

/** Remounts the fields with each answer from the server so nothing typed is blanked. */
function useAnsweredKey(state: FormState) {
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return answered.count;
}

export function ReviewForm({ projectId }: { projectId: string }) {
  const [state, action] = useActionState(submitReviewAction.bind(null, projectId), IDLE);
  const key = useAnsweredKey(state);
  return (
    <form action={action} noValidate>
      <ReviewFields key={key} state={state} />
    </form>
  );
}

function ReviewFields({ state }: { state: FormState }) {
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <>
      <ErrorSummary
        errors={summaryItems(errors, ["importance", "feasibility", "clarity", "comment", "recommendation"])}
        formError={state.status === "error" ? state.formError : undefined}
      />
      <p className="mb-4 text-sm text-muted">Score each from 1 (poor) to 5 (excellent). Other members see your review only once they have sent theirs.</p>
      {SCORE_CRITERIA.map((criterion) => (
        <Radios
          key={criterion}
          name={criterion}
          legend={SCORE_SCALES[criterion].label}
          hint={scoreHint(criterion)}
          options={SCORES}
          value={values[criterion]}
          error={errors[criterion]}
        />
      ))}
      <TextAreaField name="comment" label="Comments for the leads" hint="The leads see your comments but not your name." defaultValue={values.comment} error={errors.comment} />
      <Radios name="recommendation" legend="Your recommendation" options={RECOMMENDATIONS} value={values.recommendation} error={errors.recommendation} />
      <SubmitButton pendingText="Sending…">Send review</SubmitButton>
    </>
  );
}

export function DecisionForm({ projectId }: { projectId: string }) {
  const [state, action] = useActionState(decideProposalAction.bind(null, projectId), IDLE);
  const key = useAnsweredKey(state);
  return (
    <form action={action} noValidate>
      <DecisionFields key={key} state={state} />
    </form>
  );
}

function DecisionFields({ state }: { state: FormState }) {
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <>
      <ErrorSummary errors={summaryItems(errors, ["decision", "message"])} formError={state.status === "error" ? state.formError : undefined} />
      <Radios name="decision" legend="The committee's decision" options={RECOMMENDATIONS} value={values.decision} error={errors.decision} />
      <TextAreaField name="message" label="Message to the leads" hint="Sent to every lead of the proposal with the decision." defaultValue={values.message} error={errors.message} />
      <SubmitButton pendingText="Recording…">Record the decision</SubmitButton>
    </>
  );
}
