import { formatDate } from "@/lib/format/dates";
import type { CommitteeFeedback } from "@/lib/projects/proposals";
import type { Recommendation } from "@/lib/generated/prisma/enums";
import { RECOMMENDATION_LABELS } from "@/lib/validation/proposals";

const DECISION_HEADINGS: Record<Recommendation, string> = {
  APPROVE: "Approved",
  REQUEST_CHANGES: "Changes requested",
  REJECT: "Not approved",
};

/** The committee's decision and the reviewers' comments, shown to the leads beside their proposal. */
export function CommitteeFeedbackPanel({
  decision,
  feedback,
}: {
  decision: { decision: Recommendation; message: string; decidedAt: Date };
  feedback: CommitteeFeedback[];
}) {
  return (
    <aside aria-labelledby="feedback-title" className="self-start border-l-8 border-brand bg-white p-4">
      <h2 id="feedback-title" className="text-2xl font-bold">
        The committee&rsquo;s decision
      </h2>
      <p className="mt-2 font-semibold">
        {DECISION_HEADINGS[decision.decision]} on {formatDate(decision.decidedAt)}
      </p>
      <p className="mt-2 whitespace-pre-line">{decision.message}</p>
      {feedback.length > 0 ? (
        <>
          <h3 className="mt-6 text-xl font-bold">Reviewers&rsquo; comments</h3>
          <ol className="mt-2 space-y-4">
            {feedback.map((review, index) => (
              <li key={index} className="border-t border-line pt-3">
                <p className="text-sm text-muted">
                  Importance {review.importance}/5, feasibility {review.feasibility}/5, clarity {review.clarity}/5. Recommended:{" "}
                  {RECOMMENDATION_LABELS[review.recommendation].toLowerCase()}.
                </p>
                <p className="mt-1 whitespace-pre-line">{review.comment}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </aside>
  );
}
