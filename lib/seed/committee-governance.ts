import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";

/** Filled in by the governance work of issue 16. */
export function addGovernanceStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  void plan;
  void context;
}
