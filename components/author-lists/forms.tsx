"use client";

import { ActionForm, InlineProblem, SavedNotice, type FormAction } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField, shortControlClass } from "@/components/ui/field";
import { Radios } from "@/components/ui/radios";
import { useActionState } from "react";
import { ANSWER_WINDOW, ASSIGNABLE_CREDIT_ROLES, CREDIT_ROLE_LABELS, GROUPING_LABELS } from "@/lib/validation/credit-roles";
import { IDLE } from "@/lib/validation/form-state";
import { AUTHORSHIP_GROUPS, type AuthorshipGroup } from "@/lib/validation/sites";

const GROUPING_OPTIONS = AUTHORSHIP_GROUPS.map((group) => [group, GROUPING_LABELS[group]] as const);
const DAYS_HINT = `How long people have to confirm their name or ask for a correction: ${ANSWER_WINDOW.min} to ${ANSWER_WINDOW.max} days.`;

/** Freezing version 1: how it is grouped, and how long people have to answer. */
export function FreezeForm({ action, projectId, grouping }: { action: FormAction; projectId: string; grouping: AuthorshipGroup }) {
  return (
    <ActionForm action={action} fields={["grouping", "answerDays"]} submit="Freeze the list and tell everyone on it" pendingText="Freezing…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectId" value={projectId} />
          <Radios name="grouping" legend="Group the frozen list" options={GROUPING_OPTIONS} value={values.grouping ?? grouping} error={errors.grouping} />
          <TextField name="answerDays" label="Days to answer" hint={DAYS_HINT} inputMode="numeric" autoComplete="off" className={shortControlClass} defaultValue={values.answerDays ?? String(ANSWER_WINDOW.default)} error={errors.answerDays} />
        </>
      )}
    </ActionForm>
  );
}

export interface AskedEntry {
  entryId: string;
  printedName: string;
  correction: string | null;
}

/** Issuing the next version: rebuilt from the live list, with the names retyped for those who asked. */
export function IssueForm({ action, listId, grouping, asked }: { action: FormAction; listId: string; grouping: AuthorshipGroup; asked: AskedEntry[] }) {
  const overrideFields = asked.map((entry) => `overrides.${entry.entryId}`);
  return (
    <ActionForm action={action} fields={[...overrideFields, "grouping", "answerDays", "note"]} submit="Issue the corrected version and tell everyone on it" pendingText="Issuing…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="listId" value={listId} />
          {asked.map((entry) => (
            <TextField
              key={entry.entryId}
              name={`overrides.${entry.entryId}`}
              label={`Name to print for ${entry.printedName}`}
              hint={`They asked: “${entry.correction ?? ""}”`}
              autoComplete="off"
              spellCheck={false}
              defaultValue={values[`overrides.${entry.entryId}`] ?? entry.printedName}
              error={errors[`overrides.${entry.entryId}`]}
            />
          ))}
          <Radios name="grouping" legend="Group the new version" options={GROUPING_OPTIONS} value={values.grouping ?? grouping} error={errors.grouping} />
          <TextField name="answerDays" label="Days to answer" hint={DAYS_HINT} inputMode="numeric" autoComplete="off" className={shortControlClass} defaultValue={values.answerDays ?? String(ANSWER_WINDOW.default)} error={errors.answerDays} />
          <TextAreaField
            name="note"
            label="What changed, for the people on the list"
            hint="Printed in the change log under the changes the portal finds by itself."
            rows={3}
            defaultValue={values.note ?? ""}
            error={errors.note}
          />
        </>
      )}
    </ActionForm>
  );
}

/** A person's answer to their own line. */
export function AnswerForm({ action, listId }: { action: FormAction; listId: string }) {
  return (
    <ActionForm action={action} fields={["answer", "correction"]} submit="Send my answer" pendingText="Sending…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="listId" value={listId} />
          <Radios
            name="answer"
            legend="Is your name right as printed?"
            options={[
              ["confirm", "Yes, print it as shown"],
              ["correct", "No, I need a correction"],
            ]}
            value={values.answer}
            error={errors.answer}
          />
          <TextAreaField
            name="correction"
            label="The correction you need (if any)"
            hint="For example how your surname, initials or hospital should be printed."
            rows={3}
            defaultValue={values.correction ?? ""}
            error={errors.correction}
          />
        </>
      )}
    </ActionForm>
  );
}

/** A lead gives a person on the list a credit role. */
export function CreditRoleForm({ action, projectId, people }: { action: FormAction; projectId: string; people: { userId: string; printedName: string }[] }) {
  return (
    <ActionForm action={action} fields={["userId", "role"]} submit="Give the role" pendingText="Saving…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectId" value={projectId} />
          <SelectField name="userId" label="Person" defaultValue={values.userId ?? ""} error={errors.userId}>
            <option value="">Choose a person</option>
            {people.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.printedName}
              </option>
            ))}
          </SelectField>
          <SelectField name="role" label="Role" defaultValue={values.role ?? ""} error={errors.role}>
            <option value="">Choose a role</option>
            {ASSIGNABLE_CREDIT_ROLES.map((role) => (
              <option key={role} value={role}>
                {CREDIT_ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </ActionForm>
  );
}

/** Takes one credit role back: a button in the row of the roles table. */
export function TakeBackButton({ action, projectId, userId, role, label }: { action: FormAction; projectId: string; userId: string; role: string; label: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role} />
      <SubmitButton variant="secondary" pendingText="Taking back…" aria-label={label}>
        Take back
      </SubmitButton>
      <InlineProblem state={state} />
      <SavedNotice state={state} />
    </form>
  );
}
