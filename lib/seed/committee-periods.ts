import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";

/** Filled in by the periods work of issue 16. */
export function addPeriodsStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  void plan;
  void context;
}
