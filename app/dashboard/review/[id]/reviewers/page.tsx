import type { Metadata } from "next";
import { StatusTag } from "@/components/projects/status-tag";
import { AssignmentsTable, AssignReviewerForm, ChangeDueForm } from "@/components/reviews/reviewer-assignments";
import { BackHeading } from "@/components/ui/page-heading";
import { requireActor } from "@/lib/auth/session";
import { getReviewersView } from "@/lib/reviews/assignments";
import { orNotFound } from "@/lib/server/or-not-found";
import { assignReviewerAction, changeDueAction, remindReviewerAction, withdrawAssignmentAction } from "./actions";

export const metadata: Metadata = { title: "Reviewers of a proposal" };

export default async function ReviewersPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const view = await orNotFound(getReviewersView(actor, id));
  const pending = view.assignments.filter((assignment) => !assignment.reviewed);
  return (
    <div className="max-w-4xl">
      <BackHeading href={`/dashboard/review/${view.id}`} backLabel="Back to the proposal">
        Reviewers of {view.title}
      </BackHeading>
      <p className="mt-2">
        <StatusTag status={view.status} /> <span className="ml-2">Version {view.round} is under review.</span>
      </p>
      <p className="mt-4 max-w-3xl">
        Ask committee members to review this version by a date. Each is told at once and reminded two days before the date if their review
        is not in; once the date passes, the chairs are told.
      </p>

      <section aria-labelledby="assigned-title" className="mt-8">
        <h2 id="assigned-title" className="text-2xl font-bold">
          Asked to review this version
        </h2>
        {view.assignments.length === 0 ? (
          <p className="mt-2">Nobody has been asked to review this version yet.</p>
        ) : (
          <AssignmentsTable
            assignments={view.assignments}
            editable={view.awaiting}
            remindAction={remindReviewerAction.bind(null, view.id)}
            withdrawAction={withdrawAssignmentAction.bind(null, view.id)}
          />
        )}
      </section>

      {view.awaiting ? (
        <>
          <section aria-labelledby="assign-title" className="mt-8 max-w-2xl">
            <h2 id="assign-title" className="mb-4 text-2xl font-bold">
              Assign a reviewer
            </h2>
            {view.candidates.length === 0 ? (
              <p>Every committee member who may review this version has reviewed it or is already asked.</p>
            ) : (
              <AssignReviewerForm action={assignReviewerAction.bind(null, view.id)} candidates={view.candidates} />
            )}
          </section>
          {pending.length > 0 ? (
            <section aria-labelledby="due-title" className="mt-8 max-w-2xl">
              <h2 id="due-title" className="mb-4 text-2xl font-bold">
                Change a due date
              </h2>
              <ChangeDueForm action={changeDueAction.bind(null, view.id)} assignments={pending} />
            </section>
          ) : null}
        </>
      ) : (
        <p className="mt-8">This proposal is not awaiting review, so its reviewers can no longer be changed.</p>
      )}
    </div>
  );
}
