// The demo's rotation (issue 15, docs/decisions/025): in the completed project, the demo trainee
// started at another hospital that took part, moved to her home hospital halfway through data
// collection, and kept the first place, ended, with the cases recorded there while she was on
// its team. Both places count for credit, and both have their history on the audit log.
import type { CreditStoryContext } from "./credit";
import type { SeedPlan } from "./plan";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;

const time = (value: unknown): number => new Date(value as Date | string).getTime();

export function addRotation(plan: SeedPlan, context: CreditStoryContext): void {
  const random = new SeededRandom(1501);
  const project = plan.projects.find((candidate) => candidate.status === "COMPLETED");
  if (!project || !project.collectionStart || !project.collectionEnd) return;
  const trainee = context.userIds.trainee;
  const sites = plan.projectSites.filter((site) => site.projectId === project.id);
  const home = sites.find((site) => site.siteId === context.homeSiteId);
  const homePlace = home && plan.collaborations.find((c) => c.projectSiteId === home.id && c.userId === trainee && c.status === "CONFIRMED");
  if (!home || !homePlace) return;
  // The first hospital: one that finished the project, reported cases, and where she held no place.
  const reported = new Set(plan.progressReports.map((report) => report.projectSiteId));
  const candidates = sites.filter(
    (site) =>
      site.id !== home.id &&
      site.status === "COMPLETE" &&
      reported.has(site.id as string) &&
      !plan.collaborations.some((c) => c.projectSiteId === site.id && c.userId === trainee) &&
      plan.collaborations.some((c) => c.projectSiteId === site.id && c.role === "SITE_LEAD" && c.status === "CONFIRMED"),
  );
  if (candidates.length === 0) return;
  const first = random.pick(candidates);
  const firstLead = plan.collaborations.find((c) => c.projectSiteId === first.id && c.role === "SITE_LEAD" && c.status === "CONFIRMED")!.userId;
  const homeLead = plan.collaborations.find((c) => c.projectSiteId === home.id && c.role === "SITE_LEAD" && c.status === "CONFIRMED")!.userId;

  const start = time(project.collectionStart);
  const end = Math.min(time(project.collectionEnd), context.midnight.getTime() - DAY);
  // On the first team from before collection started until about halfway through it.
  const requestedAt = new Date(time(first.registeredAt) + random.int(1, 5) * DAY);
  const joinedAt = new Date(requestedAt.getTime() + random.int(2, 6) * DAY);
  const movedAt = new Date(Math.max(joinedAt.getTime() + 14 * DAY, start + Math.floor(((end - start) * random.int(40, 55)) / 100)));
  const rotationId = random.uuid();
  plan.collaborations.push({
    id: rotationId,
    projectSiteId: first.id as string,
    userId: trainee,
    role: "COLLABORATOR",
    status: "ROTATED",
    contribution: "Case identification and data collection",
    requestedAt,
    decidedAt: joinedAt,
    endedAt: movedAt,
  });
  // At her home hospital from a few days after the move to the end of collection.
  homePlace.id ??= random.uuid();
  homePlace.requestedAt = new Date(movedAt.getTime() + random.int(1, 3) * DAY);
  homePlace.decidedAt = new Date(time(homePlace.requestedAt) + random.int(1, 4) * DAY);

  const event = (entityId: string, actorId: string, action: string, at: Date, before: string | null, after: string) =>
    plan.auditEvents.push({
      actorId,
      action,
      entityType: "Collaboration",
      entityId,
      ...(before ? { before: { status: before } } : {}),
      after: { status: after },
      createdAt: at,
    });
  event(rotationId, trainee, "collaboration.requested", requestedAt, null, "REQUESTED");
  event(rotationId, firstLead, "collaboration.confirmed", joinedAt, "REQUESTED", "CONFIRMED");
  event(rotationId, trainee, "collaboration.rotated", movedAt, "CONFIRMED", "ROTATED");
  event(homePlace.id as string, trainee, "collaboration.requested", new Date(time(homePlace.requestedAt)), null, "REQUESTED");
  event(homePlace.id as string, homeLead, "collaboration.confirmed", new Date(time(homePlace.decidedAt)), "REQUESTED", "CONFIRMED");
}
