// The demo's blind review and conflict of interest (issue 16, docs/decisions/031): on the first
// proposal awaiting review, one review of the version under review is in (the plan's own, or one
// added here) while the chair's assignment of another is due (./committee-reviews.ts), and a
// committee member has declared a conflict of interest. The demo has no committee member at a
// lead's hospital, so the declaration is a personal one; were there such a member, they would
// declare SAME_HOSPITAL_AS_LEAD.
import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;

export function addBlindReviewStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  const random = new SeededRandom(1601);
  const project = plan.projects.find((row) => row.status === "IN_REVIEW" || row.status === "SUBMITTED");
  if (!project) return;
  const projectId = project.id as string;
  const leadIds = plan.projectLeads.filter((lead) => lead.projectId === projectId).map((lead) => lead.userId);
  const version = plan.projectVersions.filter((row) => row.projectId === projectId).sort((a, b) => b.number - a.number)[0];
  if (!version) return;
  const round = version.number;
  const submittedAt = new Date(version.submittedAt as Date);
  const between = (from: Date, to: Date) => new Date(from.getTime() + random.int(1, Math.max(1, Math.floor((to.getTime() - from.getTime()) / 3_600_000) - 1)) * 3_600_000);

  const homeOf = new Map(plan.profiles.map((profile) => [profile.userId, profile.homeSiteId]));
  const committee = plan.users
    .filter((user) => user.role === "COMMITTEE" && user.id !== context.userIds.committee && !leadIds.includes(user.id as string))
    .map((user) => user.id as string);
  const reviewsNow = plan.reviews.filter((review) => review.projectId === projectId && review.round === round);

  // One blind review in, by a member other than the demo's committee account (which reviews in the demo).
  if (!reviewsNow.some((review) => committee.includes(review.reviewerId))) {
    const reviewerId = committee.find((id) => !plan.reviews.some((review) => review.projectId === projectId && review.reviewerId === id));
    if (reviewerId) {
      const createdAt = between(submittedAt, new Date(Math.min(context.midnight.getTime() - DAY, submittedAt.getTime() + 10 * DAY)));
      plan.reviews.push({
        projectId,
        reviewerId,
        round,
        importance: 4,
        feasibility: 2,
        clarity: 3,
        comment: "An important question, but twelve weeks of collection at every site is ambitious. Say how sites with one consultant will manage it.",
        recommendation: "REQUEST_CHANGES",
        createdAt,
      });
      if (project.status === "SUBMITTED") project.status = "IN_REVIEW";
    }
  }

  // A declared conflict, by a member who has not reviewed this proposal at all: one at a lead's
  // hospital if the demo has one, otherwise a personal interest.
  const reviewedIt = new Set(plan.reviews.filter((review) => review.projectId === projectId).map((review) => review.reviewerId));
  const leadHomes = new Set(leadIds.map((id) => homeOf.get(id)));
  const candidates = committee.filter((id) => !reviewedIt.has(id) && !plan.conflicts.some((row) => row.projectId === projectId && row.userId === id));
  const atLeadsHospital = candidates.find((id) => leadHomes.has(homeOf.get(id)));
  const userId = atLeadsHospital ?? candidates[0];
  if (!userId) return;
  // After the member joined, too: their account may be younger than the version.
  const joined = new Date(plan.users.find((user) => user.id === userId)!.createdAt as Date);
  const declaredAt = between(joined > submittedAt ? joined : submittedAt, new Date(context.midnight.getTime() - DAY));
  const kind = atLeadsHospital ? "SAME_HOSPITAL_AS_LEAD" : "PERSONAL";
  const note = atLeadsHospital ? "I work in the same department as the lead." : "The lead is a close friend from medical school.";
  plan.conflicts.push({ projectId, userId, kind, note, declaredAt });
  // The chair's assignments are made for members without a conflict (./committee-reviews.ts runs first).
  const assignments = plan.reviewAssignments.length;
  plan.reviewAssignments = plan.reviewAssignments.filter((row) => !(row.projectId === projectId && row.reviewerId === userId));
  const assignmentsWithdrawn = assignments - plan.reviewAssignments.length;
  plan.auditEvents.push({
    actorId: userId,
    action: "proposal.conflictDeclared",
    entityType: "Project",
    entityId: projectId,
    after: { kind, note, round, assignmentsWithdrawn },
    createdAt: declaredAt,
  });
}
