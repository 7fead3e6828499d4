// The demo's committee and governance story (issue 16), added after the credit story: an open call
// for proposals with a proposal under blind review (one review in, one due), a declared conflict of
// interest, an approved amendment, a research project with its governance checklist, a project run
// in four-week periods, and documents in two versions. Each part has its own file and its own
// random sequence, so a part changes nothing else.
import type { SeedPlan } from "./plan";
import type { CreditStoryContext } from "./credit";
import { addReviewStory } from "./committee-reviews";
import { addBlindReviewStory } from "./committee-blind";
import { addAmendmentStory } from "./committee-amendments";
import { addGovernanceStory } from "./committee-governance";
import { addPeriodsStory } from "./committee-periods";
import { addDocumentsStory } from "./committee-documents";

export type CommitteeStoryContext = CreditStoryContext;

type CommitteePart = (plan: SeedPlan, context: CommitteeStoryContext) => void;

/** In story order: a later part may read what an earlier one added. */
const PARTS: CommitteePart[] = [addReviewStory, addBlindReviewStory, addAmendmentStory, addGovernanceStory, addPeriodsStory, addDocumentsStory];

export function addCommitteeStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  for (const part of PARTS) part(plan, context);
}
