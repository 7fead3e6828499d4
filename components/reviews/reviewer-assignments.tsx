"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { SelectField } from "@/components/ui/field";
import { FocusedAnswer } from "@/components/ui/focused-answer";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { Tag } from "@/components/ui/tag";
import { formatDate } from "@/lib/format/dates";
import { IDLE, type FormState } from "@/lib/validation/form-state";

export interface AssignmentView {
  id: string;
  reviewer: string;
  dueOn: Date;
  reviewed: boolean;
  remindedAt: Date | null;
  overdueNotifiedAt: Date | null;
  overdue: boolean;
}

/** The chair asks a committee member to review this version by a date. */
export function AssignReviewerForm({ action, candidates }: { action: FormAction; candidates: { id: string; name: string }[] }) {
  return (
    <ActionForm action={action} fields={["reviewerId", "dueOn"]} submit="Assign the reviewer" pendingText="Assigning…">
      {({ errors, values }) => (
        <>
          <SelectField
            name="reviewerId"
            label="Committee member"
            hint="Members who lead this proposal, declared a conflict of interest, already reviewed this version or are already asked are not listed."
            defaultValue={values.reviewerId ?? ""}
            error={errors.reviewerId}
          >
            <option value="">Choose a committee member</option>
            {candidates.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </SelectField>
          <DateInput
            name="dueOn"
            legend="Due date"
            hint="Today or later. They are told at once, and reminded two days before it if their review is not in."
            error={errors.dueOn}
            value={dateValueFrom(values, "dueOn")}
          />
        </>
      )}
    </ActionForm>
  );
}

/** The chair moves the due date of one assignment. */
export function ChangeDueForm({ action, assignments }: { action: FormAction; assignments: AssignmentView[] }) {
  return (
    <ActionForm action={action} fields={["assignmentId", "dueOn"]} submit="Change the due date" pendingText="Changing…">
      {({ errors, values }) => (
        <>
          <SelectField name="assignmentId" label="Whose review" defaultValue={values.assignmentId ?? ""} error={errors.assignmentId}>
            <option value="">Choose a reviewer</option>
            {assignments.map((assignment) => (
              <option key={assignment.id} value={assignment.id}>
                {assignment.reviewer} (due {formatDate(assignment.dueOn)})
              </option>
            ))}
          </SelectField>
          <DateInput name="dueOn" legend="New due date" hint="Today or later. A new reminder is sent before it." error={errors.dueOn} value={dateValueFrom(values, "dueOn")} />
        </>
      )}
    </ActionForm>
  );
}

/** The assignments of the version under review, with a reminder and a withdrawal per pending one. */
export function AssignmentsTable({
  assignments,
  remindAction,
  withdrawAction,
  editable,
}: {
  assignments: AssignmentView[];
  remindAction: FormAction;
  withdrawAction: FormAction;
  editable: boolean;
}) {
  const [remindState, remind] = useActionState(remindAction, IDLE);
  const [withdrawState, withdraw] = useActionState(withdrawAction, IDLE);
  // The latest answer, reminder or withdrawal, is the one shown.
  const [state, setState] = useState<FormState>(IDLE);
  const [seen, setSeen] = useState({ remindState, withdrawState });
  if (seen.remindState !== remindState || seen.withdrawState !== withdrawState) {
    setSeen({ remindState, withdrawState });
    setState(seen.remindState !== remindState ? remindState : withdrawState);
  }
  return (
    <div>
      <FocusedAnswer state={state} />
      <DataTable
        className="mt-2"
        caption="Reviewers asked to review this version"
        head={
          <>
            <ColumnHeader>Reviewer</ColumnHeader>
            <ColumnHeader>Due</ColumnHeader>
            <ColumnHeader>Review</ColumnHeader>
            <ColumnHeader>Reminded</ColumnHeader>
            <ColumnHeader>Chair told it is overdue</ColumnHeader>
            {editable ? <ColumnHeader>Actions</ColumnHeader> : null}
          </>
        }
      >
        {assignments.map((assignment) => (
          <Row key={assignment.id}>
            <RowHeader>{assignment.reviewer}</RowHeader>
            <Cell label="Due">
              {formatDate(assignment.dueOn)}
              {assignment.overdue ? (
                <>
                  {" "}
                  <Tag tone="red">Overdue</Tag>
                </>
              ) : null}
            </Cell>
            <Cell label="Review">{assignment.reviewed ? <Tag tone="green">Reviewed</Tag> : <Tag tone="yellow">Not yet</Tag>}</Cell>
            <Cell label="Reminded">{assignment.remindedAt ? `Reminded on ${formatDate(assignment.remindedAt)}` : "Not yet"}</Cell>
            <Cell label="Chair told it is overdue">{assignment.overdueNotifiedAt ? `Told on ${formatDate(assignment.overdueNotifiedAt)}` : "No"}</Cell>
            {editable ? (
              <Cell label="Actions">
                {assignment.reviewed ? (
                  <span className="text-muted">Nothing to do</span>
                ) : (
                  <div className="flex flex-wrap gap-2">
                    <form action={remind}>
                      <input type="hidden" name="assignmentId" value={assignment.id} />
                      <SubmitButton variant="secondary" pendingText="Sending…">
                        Send a reminder now <span className="sr-only">to {assignment.reviewer}</span>
                      </SubmitButton>
                    </form>
                    <form action={withdraw}>
                      <input type="hidden" name="assignmentId" value={assignment.id} />
                      <ConfirmButton
                        title={`Withdraw ${assignment.reviewer}'s assignment?`}
                        body={<p>They are no longer asked to review this version, and get no more reminders. They may still review it.</p>}
                        confirmLabel="Withdraw the assignment"
                      >
                        Withdraw <span className="sr-only">{assignment.reviewer}&apos;s assignment</span>
                      </ConfirmButton>
                    </form>
                  </div>
                )}
              </Cell>
            ) : null}
          </Row>
        ))}
      </DataTable>
    </div>
  );
}
