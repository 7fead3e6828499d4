import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";

/** Filled in by the documents work of issue 16. */
export function addDocumentsStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  void plan;
  void context;
}
