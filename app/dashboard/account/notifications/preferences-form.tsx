"use client";

import { useActionState } from "react";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount, valuesOf } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { summaryItems } from "@/components/ui/field";
import { Radios } from "@/components/ui/radios";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface PreferenceGroupView {
  id: string;
  heading: string;
  topics: { topic: string; label: string; defaultLabel: string; chosen: string }[];
}

/** One question per kind of notification, grouped by the role it comes with. */
export function PreferencesForm({
  action,
  groups,
  options,
}: {
  action: Action;
  groups: PreferenceGroupView[];
  options: readonly (readonly [string, string])[];
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  const order = groups.flatMap((group) => group.topics.map((topic) => topic.topic));
  return (
    <form action={formAction} noValidate key={key}>
      <SavedNotice state={state} />
      <ErrorSummary errors={summaryItems(errors, order)} formError={formErrorOf(state)} />
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="mb-8">
          <h2 id={`group-${group.id}`} className="mb-4 text-2xl font-bold">
            {group.heading}
          </h2>
          {group.topics.map((topic) => (
            <Radios
              key={topic.topic}
              name={topic.topic}
              legend={topic.label}
              hint={`Default: ${topic.defaultLabel.toLowerCase()}.`}
              options={options}
              value={values[topic.topic] ?? topic.chosen}
              error={errors[topic.topic]}
            />
          ))}
        </section>
      ))}
      <SubmitButton pendingText="Saving…">Save your choices</SubmitButton>
    </form>
  );
}
