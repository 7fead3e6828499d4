// The review's scale, said once: the form's labels and hints, the validation messages and the
// decision view's spread all read it from here, so that a "4" means the same thing everywhere. It
// lives in lib/validation, not lib/reviews, so that the form (a component) may import it (docs/decisions/023).

export const SCORE_CRITERIA = ["importance", "feasibility", "clarity"] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];

export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;

/** What each point of the scale means, whatever the criterion. */
export const SCORE_WORDS: Record<(typeof SCORE_VALUES)[number], string> = {
  1: "poor",
  2: "weak",
  3: "adequate",
  4: "good",
  5: "excellent",
};

export interface CriterionScale {
  label: string;
  /** What the criterion asks, and what the ends of the scale mean for it. */
  question: string;
  lowest: string;
  highest: string;
}

export const SCORE_SCALES: Record<ScoreCriterion, CriterionScale> = {
  importance: {
    label: "Importance",
    question: "Does the question matter to patients or to radiology practice?",
    lowest: "a question of little consequence, or already answered",
    highest: "a question that matters nationally, against a standard worth meeting",
  },
  feasibility: {
    label: "Feasibility",
    question: "Can trainees at many hospitals collect these data, in this window, with these approvals?",
    lowest: "sites could not collect the data as described",
    highest: "any site could collect the data in the window without difficulty",
  },
  clarity: {
    label: "Clarity",
    question: "Would two sites reading the proposal collect the same thing?",
    lowest: "the aims, cases or data items are unclear",
    highest: "the aims, cases and data items are precise and unambiguous",
  },
};

/** The radio's label for a value: the number first, then its word ("4 good"). */
export function scoreOptionLabel(value: number): string {
  return `${value} ${SCORE_WORDS[value as keyof typeof SCORE_WORDS] ?? ""}`.trim();
}

/** The hint under a criterion's question: what 1 and 5 mean for it. */
export function scoreHint(criterion: ScoreCriterion): string {
  const scale = SCORE_SCALES[criterion];
  return `${scale.question} 1 (${SCORE_WORDS[1]}): ${scale.lowest}. 5 (${SCORE_WORDS[5]}): ${scale.highest}.`;
}

/** The validation message for a criterion left blank or out of range. */
export function scoreMessage(criterion: ScoreCriterion): string {
  return `Select a score for ${SCORE_SCALES[criterion].label.toLowerCase()}, from 1 (${SCORE_WORDS[1]}) to 5 (${SCORE_WORDS[5]})`;
}

/** A score as read aloud in a list: "4 (good)". */
export function scoreText(value: number): string {
  return `${value} (${SCORE_WORDS[value as keyof typeof SCORE_WORDS] ?? "?"})`;
}

export interface Spread {
  lowest: number;
  median: number;
  highest: number;
}

/** The lowest, median and highest of some scores (null for none). The median of an even count is the mean of the middle two. */
export function spreadOf(scores: readonly number[]): Spread | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { lowest: sorted[0]!, median, highest: sorted.at(-1)! };
}
