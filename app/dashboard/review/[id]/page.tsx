import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { ProposalDetails, shownValue } from "@/components/proposals/proposal-details";
import { DecisionForm, ReviewForm } from "@/components/proposals/review-forms";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { getReviewView, type ReviewView } from "@/lib/reviews/reviews";
import { CONFLICT_KIND_LABELS, RECOMMENDATION_LABELS } from "@/lib/validation/proposals";
import { ConflictForm } from "@/components/proposals/conflict-form";
import { ReviewCard, ReviewComparison } from "@/components/proposals/review-comparison";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { orNotFound } from "@/lib/server/or-not-found";
import { ReviewDocuments } from "@/components/documents/version-documents";
import { documentsByVersion } from "@/lib/documents/documents";
import { reviewersPath } from "@/lib/reviews/assignments";

export const metadata: Metadata = { title: "Review a proposal" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ReviewPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const view = await orNotFound(getReviewView(actor, id));
  const documents = await orNotFound(documentsByVersion(actor, id));
  const latest = view.versions.at(-1);
  const notice = query.reviewed
    ? "Your review has been recorded."
    : query.decided
      ? "The decision has been recorded and the leads have been told."
      : query.declared
        ? "Your conflict of interest has been recorded. You no longer review or decide this proposal."
        : null;
  const currentReviews = view.reviews.filter((review) => review.round === view.round);
  const earlierReviews = view.reviews.filter((review) => review.round !== view.round);
  return (
    <div>
      <p>
        <Link href="/dashboard/review">Proposals to review</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{view.title}</h1>
      <p className="mt-2">
        <StatusTag status={view.status} />
        <span className="ml-3">
          Led by {view.leads.map((lead) => `${lead.name} (${lead.role.toLowerCase()})`).join(", ")}
        </span>
      </p>
      {view.canAssignReviewers ? (
        <p className="mt-2">
          <Link href={reviewersPath(view.id)}>Reviewers and due dates</Link>
        </p>
      ) : null}
      {notice ? (
        <div role="status" className="mt-4 border-l-8 border-ok bg-white p-4">
          {notice}
        </div>
      ) : null}

      {latest ? (
        <section aria-labelledby="version-title" className="mt-8">
          <h2 id="version-title" className="mb-4 text-2xl font-bold">
            Version {latest.number}, submitted {formatDate(latest.submittedAt)} by {latest.submittedBy}
          </h2>
          <ProposalDetails content={latest.content} />
        </section>
      ) : null}

      <ReviewDocuments byVersion={documents} />

      {view.versions.length > 1 ? (
        <section aria-labelledby="changes-title" className="mt-8">
          <h2 id="changes-title" className="mb-4 text-2xl font-bold">
            What changed between versions
          </h2>
          {view.versions
            .slice(1)
            .reverse()
            .map((version) => (
              <div key={version.number} className="mb-6">
                <h3 className="text-xl font-bold">
                  Version {version.number - 1} to version {version.number}
                </h3>
                {version.changes.length === 0 ? (
                  <p className="mt-2">Nothing was changed.</p>
                ) : (
                  <DataTable
                    className="mt-2 max-w-4xl"
                    caption={`Fields changed from version ${version.number - 1} to version ${version.number}`}
                    head={
                      <>
                        <ColumnHeader>Field</ColumnHeader>
                        <ColumnHeader>Before</ColumnHeader>
                        <ColumnHeader>After</ColumnHeader>
                      </>
                    }
                  >
                    {version.changes.map((change) => {
                      const previous = view.versions.find((other) => other.number === version.number - 1)!;
                      return (
                        <Row key={change.field}>
                          <RowHeader className="font-bold">{change.label}</RowHeader>
                          <Cell label="Before" className="whitespace-pre-line break-words">
                            <del>{shownValue(change.field, previous.content) || "(empty)"}</del>
                          </Cell>
                          <Cell label="After" className="whitespace-pre-line break-words">
                            <ins>{shownValue(change.field, version.content) || "(empty)"}</ins>
                          </Cell>
                        </Row>
                      );
                    })}
                  </DataTable>
                )}
              </div>
            ))}
        </section>
      ) : null}

      <section aria-labelledby="reviews-title" className="mt-8">
        <h2 id="reviews-title" className="mb-4 text-2xl font-bold">
          Reviews
        </h2>
        <p>
          {view.reviewsThisRound} of the {view.reviewsRequired} reviews needed for a decision on version {view.round} are in.
        </p>
        {view.currentRoundHiddenReason ? <p className="mt-2 border-l-8 border-brand bg-white p-4">{view.currentRoundHiddenReason}</p> : null}
        {currentReviews.length > 0 ? (
          <div className="mt-4">
            <ReviewComparison round={view.round} spreads={view.spreads} reviews={currentReviews} />
          </div>
        ) : null}
        {earlierReviews.length > 0 ? (
          <>
            <h3 className="mt-6 text-xl font-bold">Reviews of earlier versions</h3>
            <ol className="mt-2 max-w-3xl space-y-4">
              {earlierReviews.map((review) => (
                <li key={review.id} className="bg-white p-4">
                  <ReviewCard review={review} withRound />
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      {view.decisions.length > 0 ? (
        <section aria-labelledby="decisions-title" className="mt-8">
          <h2 id="decisions-title" className="mb-4 text-2xl font-bold">
            Decisions
          </h2>
          <ol className="max-w-3xl space-y-4">
            {view.decisions.map((decision, index) => (
              <li key={index} className="bg-white p-4">
                <p className="font-semibold">
                  {RECOMMENDATION_LABELS[decision.decision]} by {decision.decidedBy}, {formatDate(decision.decidedAt)}
                </p>
                <p className="mt-1 whitespace-pre-line">{decision.message}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <ConflictSection view={view} />

      <section aria-labelledby="your-review-title" className="mt-8 max-w-3xl">
        <h2 id="your-review-title" className="mb-4 text-2xl font-bold">
          Your review
        </h2>
        {view.canReview ? <ReviewForm projectId={view.id} /> : <p>{view.cannotReviewReason}</p>}
      </section>

      <section aria-labelledby="decision-title" className="mt-8 max-w-3xl">
        <h2 id="decision-title" className="mb-4 text-2xl font-bold">
          The committee&rsquo;s decision
        </h2>
        {view.canDecide ? <DecisionForm projectId={view.id} /> : <p>{view.cannotDecideReason}</p>}
      </section>
    </div>
  );
}

/** Conflicts of interest: the actor's own declaration or the form to make one, and those the committee declared. */
function ConflictSection({ view }: { view: ReviewView }) {
  const mine = view.myConflict;
  const others = view.conflicts;
  if (!mine && !view.canDeclareConflict && others.length === 0 && view.cannotDeclareConflictReason === "You lead this proposal.") return null;
  return (
    <section aria-labelledby="conflict-title" className="mt-8 max-w-3xl">
      <h2 id="conflict-title" className="mb-4 text-2xl font-bold">
        Conflicts of interest
      </h2>
      {mine ? (
        <p className="border-l-8 border-brand bg-white p-4">
          You declared a conflict of interest ({CONFLICT_KIND_LABELS[mine.kind].label.toLowerCase()}) on {formatDate(mine.declaredAt)}: you do not
          review or decide this proposal.
        </p>
      ) : view.canDeclareConflict ? (
        <>
          {view.sameHospitalAsLead ? (
            <p className="mb-4 border-l-8 border-brand bg-tint-yellow p-4">
              Your home hospital is the home hospital of a lead of this proposal. If you work with them, declare a conflict of interest
              below before you review it.
            </p>
          ) : null}
          <h3 className="mb-2 text-xl font-bold">Declare a conflict of interest</h3>
          <ConflictForm projectId={view.id} suggested={view.sameHospitalAsLead ? "SAME_HOSPITAL_AS_LEAD" : undefined} />
        </>
      ) : view.cannotDeclareConflictReason && view.cannotDeclareConflictReason !== "You lead this proposal." ? (
        <p>{view.cannotDeclareConflictReason}</p>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-bold">Declared by the committee</h3>
          <ul className="mt-2 space-y-2">
            {others.map((conflict, index) => (
              <li key={index} className="bg-white p-3">
                <span className="font-semibold">{conflict.mine ? "You" : conflict.member}</span>:{" "}
                {CONFLICT_KIND_LABELS[conflict.kind].label.toLowerCase()}, declared {formatDate(conflict.declaredAt)}
                {conflict.note ? <span className="block whitespace-pre-line break-words text-sm text-muted">{conflict.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
