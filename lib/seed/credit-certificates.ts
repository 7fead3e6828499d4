// The demo's certificates of every role (docs/decisions/030): the demo project lead becomes the
// co-lead of the completed project, so that a lead's certificate can be downloaded in the demo.
// Nothing else changes: the demo trainee already has a place at it, and the administrator reviewed
// proposals. The demo committee member reviews none (they still have the open proposals to review).
import type { CreditStoryContext } from "./credit";
import type { SeedPlan } from "./plan";

export function addCertificatesStory(plan: SeedPlan, context: CreditStoryContext): void {
  // No random choice here, so no sequence of its own (1506 is this part's, should it need one).
  const completed = plan.projects.find((p) => p.status === "COMPLETED");
  if (typeof completed?.id !== "string") return;
  const projectId = completed.id;
  const leads = plan.projectLeads.filter((l) => l.projectId === projectId);
  if (leads.some((l) => l.userId === context.userIds.lead)) return;
  // A co-lead from when the project was proposed: the lead is the trainee who proposed it.
  plan.projectLeads.push({ projectId, userId: context.userIds.lead, role: "CO_LEAD", addedAt: completed.createdAt ?? new Date(context.midnight.getTime() - 400 * 86_400_000) });
}
