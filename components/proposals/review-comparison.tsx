import { formatDate } from "@/lib/format/dates";
import type { CriterionSpread, ReviewRow } from "@/lib/reviews/reviews";
import { SCORE_CRITERIA, SCORE_SCALES, SCORE_VALUES, scoreText } from "@/lib/validation/scores";
import { RECOMMENDATION_LABELS } from "@/lib/validation/proposals";

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/**
 * The round under review as the committee decides it: per criterion, each reviewer's score on
 * the 1 to 5 scale (a dot per reviewer, the range between lowest and highest shaded) with the
 * numbers written out; then the reviews side by side, one card each, stacking on a narrow screen.
 */
export function ReviewComparison({ round, spreads, reviews }: { round: number; spreads: CriterionSpread[]; reviews: ReviewRow[] }) {
  return (
    <div>
      <h3 id="spread-title" className="text-xl font-bold">
        How the reviewers scored version {round}
      </h3>
      <ul className="mt-2 grid max-w-4xl gap-4 md:grid-cols-3" aria-labelledby="spread-title">
        {spreads.map(({ criterion, scores, spread }) => (
          <li key={criterion} className="bg-white p-4">
            <p className="font-semibold">{SCORE_SCALES[criterion].label}</p>
            <p className="text-sm">
              Lowest {spread.lowest}, median {number(spread.median)}, highest {spread.highest}
              {spread.highest - spread.lowest >= 2 ? <strong className="ml-1">(the reviewers disagree)</strong> : null}
            </p>
            <div aria-hidden="true" className="relative mt-3 grid grid-cols-5 text-center text-sm">
              <div
                className="absolute top-1 h-6 bg-tint-blue"
                style={{ left: `${(spread.lowest - 1) * 20}%`, width: `${(spread.highest - spread.lowest + 1) * 20}%` }}
              />
              {SCORE_VALUES.map((value) => {
                const here = scores.filter((score) => score.score === value).length;
                return (
                  <div key={value} className="relative">
                    <div className="flex h-8 flex-wrap items-center justify-center gap-0.5">
                      {Array.from({ length: here }, (_, i) => (
                        <span key={i} className="inline-block size-3 rounded-full bg-brand" />
                      ))}
                    </div>
                    <span className="text-muted">{value}</span>
                  </div>
                );
              })}
            </div>
            <ul className="mt-2 text-sm">
              {scores.map((score, index) => (
                <li key={index}>
                  {score.mine ? "You" : score.reviewer}: {scoreText(score.score)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>

      <h3 id="side-by-side-title" className="mt-6 text-xl font-bold">
        The reviews of version {round}, side by side
      </h3>
      <ol className="mt-2 grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-labelledby="side-by-side-title">
        {reviews.map((review) => (
          <li key={review.id} className="min-w-0 bg-white p-4">
            <ReviewCard review={review} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One review: who and when, the scores, the recommendation and the comment. */
export function ReviewCard({ review, withRound = false }: { review: ReviewRow; withRound?: boolean }) {
  return (
    <>
      <p className="font-semibold">
        {review.mine ? "You" : review.reviewer}
        {withRound ? `, on version ${review.round}` : ""}, {formatDate(review.createdAt)}
      </p>
      <p className="mt-1">Recommended: {RECOMMENDATION_LABELS[review.recommendation].toLowerCase()}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        {SCORE_CRITERIA.map((criterion) => (
          <div key={criterion} className="contents">
            <dt className="text-muted">{SCORE_SCALES[criterion].label}</dt>
            <dd>{scoreText(review[criterion])}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 whitespace-pre-line break-words">{review.comment}</p>
    </>
  );
}
