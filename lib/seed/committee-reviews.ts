// The demo's chair, calls and assignments (issue 16): committee@example.org chairs the committee;
// an open call closing in three weeks holds the proposals awaiting review; a closed call from
// earlier holds some decided ones; and the resubmitted proposal under review has two reviewers
// assigned, one who has reviewed it and one (the first committee member other than the chair who
// has not) due in a week.
import { formatLongDay } from "@/lib/format/dates";
import { ProjectStatus } from "@/lib/generated/prisma/enums";
import type { CommitteeStoryContext } from "./committee";
import type { SeedPlan } from "./plan";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;
const AWAITING: ProjectStatus[] = [ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW];
const DECIDED: ProjectStatus[] = [ProjectStatus.APPROVED, ProjectStatus.REJECTED, ProjectStatus.CHANGES_REQUESTED];
/** The demo's own projects come first in the plan (the large seed adds more after them). */
const DEMO_PROJECTS = 14;

const dayOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

export function addReviewStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  const random = new SeededRandom(1602);
  const { midnight } = context;
  const chairId = context.userIds.committee;
  const chair = plan.users.find((user) => user.id === chairId);
  if (chair) chair.committeeChair = true;

  const demo = plan.projects.slice(0, DEMO_PROJECTS);
  const submittedOf = (project: SeedPlan["projects"][number]) => new Date(project.submittedAt as Date);
  const awaiting = demo.filter((project) => AWAITING.includes(project.status as ProjectStatus) && project.submittedAt);
  const decided = demo.filter((project) => DECIDED.includes(project.status as ProjectStatus) && project.submittedAt).slice(0, 2);

  const addCall = (title: string, description: string, opensOn: Date, closesOn: Date, projects: typeof demo) => {
    const id = random.uuid();
    const createdAt = new Date(opensOn.getTime() - random.int(2, 6) * DAY);
    plan.reviewCalls.push({ id, title, description, opensOn, closesOn, createdById: chairId, createdAt });
    plan.auditEvents.push({
      actorId: chairId,
      action: "call.created",
      entityType: "ReviewCall",
      entityId: id,
      after: { title, opensOn: opensOn.toISOString().slice(0, 10), closesOn: closesOn.toISOString().slice(0, 10) },
      createdAt,
    });
    for (const project of projects) project.callId = id;
  };

  if (decided.length > 0) {
    const first = Math.min(...decided.map((project) => submittedOf(project).getTime()));
    const last = Math.max(...decided.map((project) => submittedOf(project).getTime()));
    addCall(
      "Spring call: audit in the emergency department",
      "Multicentre audits of imaging requested from the emergency department, reviewed together after the closing date.",
      dayOf(new Date(first - 30 * DAY)),
      dayOf(new Date(last + 3 * DAY)),
      decided,
    );
  }
  if (awaiting.length === 0) return;
  const firstAwaiting = Math.min(...awaiting.map((project) => submittedOf(project).getTime()), midnight.getTime() - 30 * DAY);
  addCall(
    "Winter call: safer imaging pathways",
    "Proposals that make imaging pathways safer or faster for patients, from any subspecialty. Reviewed together once the call closes.",
    dayOf(new Date(firstAwaiting - 7 * DAY)),
    new Date(midnight.getTime() + 21 * DAY),
    awaiting,
  );

  // The proposal under review at its second version: one reviewer in, one due.
  const project = awaiting.find((row) => row.status === ProjectStatus.IN_REVIEW) ?? awaiting[0]!;
  const projectId = project.id as string;
  const round = Math.max(1, ...plan.projectVersions.filter((version) => version.projectId === projectId).map((version) => version.number));
  const versionAt = new Date(plan.projectVersions.find((version) => version.projectId === projectId && version.number === round)!.submittedAt as Date);
  const leadIds = plan.projectLeads.filter((lead) => lead.projectId === projectId).map((lead) => lead.userId);
  const committee = plan.users.filter((user) => user.role === "COMMITTEE" && user.id !== chairId && !leadIds.includes(user.id as string)).map((user) => user.id as string);
  const reviewsThisRound = plan.reviews.filter((review) => review.projectId === projectId && (review.round ?? 1) === round);
  const assign = (reviewerId: string, assignedAt: Date, dueOn: Date) => {
    const id = random.uuid();
    plan.reviewAssignments.push({ id, projectId, round, reviewerId, assignedById: chairId, dueOn, assignedAt });
    plan.auditEvents.push({
      actorId: chairId,
      action: "review.assigned",
      entityType: "Project",
      entityId: projectId,
      after: { assignmentId: id, reviewerId, round, dueOn: dueOn.toISOString().slice(0, 10) },
      createdAt: assignedAt,
    });
    plan.notifications.push({
      userId: reviewerId,
      projectId,
      kind: "review.assigned",
      message: `The chair asks you to review version ${round} of "${project.title}" by ${formatLongDay(dueOn)}.`,
      link: `/dashboard/review/${projectId}`,
      createdAt: assignedAt,
    });
  };

  const reviewed = reviewsThisRound.find((review) => committee.includes(review.reviewerId));
  if (reviewed) {
    const reviewedAt = new Date(reviewed.createdAt as Date);
    const assignedAt = new Date(Math.max(versionAt.getTime(), reviewedAt.getTime() - 5 * DAY) + random.int(1, 6) * 60 * 60 * 1000);
    if (assignedAt < reviewedAt) assign(reviewed.reviewerId, assignedAt, dayOf(new Date(reviewedAt.getTime() + 4 * DAY)));
  }
  const due = committee.find((id) => !reviewsThisRound.some((review) => review.reviewerId === id));
  if (due) assign(due, new Date(midnight.getTime() - 2 * DAY + random.int(9, 16) * 60 * 60 * 1000), new Date(midnight.getTime() + 7 * DAY));
}
