// The demo's credit story (issue 15), added to the plan after everything it builds on: a trainee
// who rotated between two hospitals in one project, a site handed over, a supervising consultant
// observing a site, a completed project's frozen author list with one correction, and a recorded
// paper. Each part has its own file and its own random sequence, so a part changes nothing else.
import { addDemoOutputs } from "./credit-outputs";
import type { SeedPlan } from "./plan";
import { addSupervisingConsultant } from "./credit-consultant";
import { addRotation } from "./credit-rotations";
import { addFrozenAuthorLists } from "./credit-authorlists";
import { addCertificatesStory } from "./credit-certificates";
import { addContinuityStory } from "./credit-continuity";

export interface CreditStoryContext {
  /** Today at 00:00 UTC: every date of the story is before it. */
  midnight: Date;
  /** The demo accounts' ids. */
  userIds: { trainee: string; lead: string; siteLead: string; committee: string; admin: string };
  /** The demo trainee's home hospital. */
  homeSiteId: string;
}

type CreditPart = (plan: SeedPlan, context: CreditStoryContext) => void;

/** In story order: a later part may read what an earlier one added. */
const PARTS: CreditPart[] = [addRotation, addContinuityStory, addSupervisingConsultant, addFrozenAuthorLists, addDemoOutputs, addCertificatesStory];

export function addCreditStory(plan: SeedPlan, context: CreditStoryContext): void {
  for (const part of PARTS) part(plan, context);
}
