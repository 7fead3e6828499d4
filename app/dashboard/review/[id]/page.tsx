import type { Metadata } from "next";
import Link from "next/link";
import { StatusTag } from "@/components/projects/status-tag";
import { ProposalDetails, shownValue } from "@/components/proposals/proposal-details";
import { DecisionForm, ReviewForm } from "@/components/proposals/review-forms";
import { requireActor } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/dates";
import { getReviewView } from "@/lib/reviews/reviews";
import { RECOMMENDATION_LABELS } from "@/lib/validation/proposals";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { orNotFound } from "@/lib/server/or-not-found";
import { ReviewDocuments } from "@/components/documents/version-documents";
import { documentsByVersion } from "@/lib/documents/documents";

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
  const notice = query.reviewed ? "Your review has been recorded." : query.decided ? "The decision has been recorded and the leads have been told." : null;
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
        {view.reviews.length > 0 ? (
          <ol className="mt-4 max-w-3xl space-y-4">
            {view.reviews.map((review) => (
              <li key={review.id} className="bg-white p-4">
                <p className="font-semibold">
                  {review.mine ? "You" : review.reviewer}, on version {review.round}, {formatDate(review.createdAt)}: {RECOMMENDATION_LABELS[review.recommendation].toLowerCase()}
                </p>
                <p className="text-sm text-muted">
                  Importance {review.importance}/5, feasibility {review.feasibility}/5, clarity {review.clarity}/5
                </p>
                <p className="mt-1 whitespace-pre-line">{review.comment}</p>
              </li>
            ))}
          </ol>
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
