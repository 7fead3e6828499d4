import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";

/** Filled in by the reviews work of issue 16. */
export function addReviewStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  void plan;
  void context;
}
