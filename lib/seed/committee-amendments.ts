import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";

/** Filled in by the amendments work of issue 16. */
export function addAmendmentStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  void plan;
  void context;
}
