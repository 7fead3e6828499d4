// The demo's "a site never freezes" (docs/decisions/026): in the completed project, one site whose
// site lead was away for a week, when the project lead recorded its cases for them, and which its
// site lead then handed over to a collaborator on the team, who accepted.
import type { CreditStoryContext } from "./credit";
import type { SeedPlan } from "./plan";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

const time = (value: unknown) => (value instanceof Date || typeof value === "string" ? new Date(value).getTime() : null);

export function addContinuityStory(plan: SeedPlan, context: CreditStoryContext): void {
  const random = new SeededRandom(1502);
  const project =
    plan.projects.find((p) => p.status === "COMPLETED") ?? plan.projects.find((p) => plan.projectSites.some((site) => site.projectId === p.id));
  if (!project?.id || !project.collectionEnd || !project.collectionStart) return;
  const lead = plan.projectLeads.find((row) => row.projectId === project.id && row.role === "LEAD");
  if (!lead) return;
  const end = Math.min(time(project.collectionEnd)!, context.midnight.getTime() - DAY);
  const start = time(project.collectionStart)!;
  const demoPeople = new Set(Object.values(context.userIds));

  for (const site of plan.projectSites) {
    if (site.projectId !== project.id || site.status === "WITHDRAWN" || site.siteId === context.homeSiteId || typeof site.id !== "string") continue;
    const projectSiteId: string = site.id;
    const team = plan.collaborations.filter((c) => c.projectSiteId === projectSiteId && c.status === "CONFIRMED");
    const former = team.find((c) => c.role === "SITE_LEAD" && !demoPeople.has(c.userId) && c.userId !== lead.userId);
    const successor = team.find((c) => c.role === "COLLABORATOR" && !demoPeople.has(c.userId) && c.userId !== lead.userId);
    if (!former || !successor) continue;
    const settled = Math.max(time(former.decidedAt) ?? 0, time(successor.decidedAt) ?? 0, time(site.approvalDate) ?? 0, time(site.leadApprovedAt) ?? 0, start);
    // Handed over a few days before collection ended; the week's count a week earlier.
    const handedOver = end - random.int(3, 6) * DAY + random.int(9, 16) * HOUR;
    const offered = handedOver - random.int(1, 3) * DAY;
    const actedFor = offered - 7 * DAY;
    if (actedFor <= settled + DAY) continue;
    const earlier = plan.progressReports
      .filter((report) => report.projectSiteId === projectSiteId && time(report.reportedAt)! < actedFor)
      .reduce((latest, report) => Math.max(latest, report.cumulativeCases), 0);
    const later = plan.progressReports.filter((report) => report.projectSiteId === projectSiteId && time(report.reportedAt)! > actedFor);
    if (later.some((report) => report.cumulativeCases < earlier)) continue;
    const successorUser = plan.users.find((user) => user.id === successor.userId);
    const formerUser = plan.users.find((user) => user.id === former.userId);
    const leadUser = plan.users.find((user) => user.id === lead.userId);
    if (!successorUser || !formerUser || !leadUser) continue;

    // The project lead records the week's count while the site lead is away.
    plan.progressReports.push({
      projectSiteId,
      reportedById: lead.userId,
      cumulativeCases: earlier,
      note: "Recorded for the site lead while they were on leave",
      reportedAt: new Date(actedFor),
    });
    plan.auditEvents.push({
      actorId: lead.userId,
      action: "site.progressRecordedActingFor",
      entityType: "ProjectSite",
      entityId: projectSiteId,
      before: { cumulativeCases: earlier },
      after: { cumulativeCases: earlier, reportedAt: new Date(actedFor).toISOString(), actingFor: [former.userId] },
      createdAt: new Date(actedFor),
    });
    plan.notifications.push({
      userId: former.userId,
      projectId: project.id,
      kind: "site.actedFor",
      message: `${leadUser.name}, a lead of “${project.title}”, recorded ${earlier} cases submitted so far, acting for you as its site lead.`,
      link: "/dashboard/research",
      createdAt: new Date(actedFor),
    });

    // The site lead offers the site to a collaborator, who accepts: they swap roles.
    const invitationId = random.uuid();
    plan.invitations.push({
      id: invitationId,
      kind: "SITE_LEAD",
      projectId: project.id,
      projectSiteId,
      inviteeId: successor.userId,
      email: successorUser.email,
      label: successorUser.name,
      invitedById: former.userId,
      replacesId: former.userId,
      status: "ACCEPTED",
      createdAt: new Date(offered),
      expiresAt: new Date(offered + 14 * DAY),
      decidedAt: new Date(handedOver),
    });
    // Collaborations are planned without ids; these two get theirs here, for the audit rows.
    const successorPlace = typeof successor.id === "string" ? successor.id : (successor.id = random.uuid());
    const formerPlace = typeof former.id === "string" ? former.id : (former.id = random.uuid());
    successor.role = "SITE_LEAD";
    former.role = "COLLABORATOR";
    const place = { kind: "SITE_LEAD", projectId: project.id, projectSiteId, email: successorUser.email };
    plan.auditEvents.push(
      {
        actorId: former.userId,
        action: "invitation.sent",
        entityType: "Invitation",
        entityId: invitationId,
        after: { status: "PENDING", ...place, inviteeId: successor.userId, replacesId: former.userId },
        createdAt: new Date(offered),
      },
      {
        actorId: successor.userId,
        action: "collaboration.roleChanged",
        entityType: "Collaboration",
        entityId: successorPlace,
        before: { role: "COLLABORATOR" },
        after: { role: "SITE_LEAD", invitationId },
        createdAt: new Date(handedOver),
      },
      {
        actorId: successor.userId,
        action: "collaboration.roleChanged",
        entityType: "Collaboration",
        entityId: formerPlace,
        before: { role: "SITE_LEAD" },
        after: { role: "COLLABORATOR", handedOverTo: successor.userId, invitationId },
        createdAt: new Date(handedOver),
      },
      {
        actorId: successor.userId,
        action: "site.handedOver",
        entityType: "ProjectSite",
        entityId: projectSiteId,
        before: { siteLeadId: former.userId },
        after: { siteLeadId: successor.userId, formerSiteLeadId: former.userId, invitationId },
        createdAt: new Date(handedOver),
      },
      {
        actorId: successor.userId,
        action: "invitation.accepted",
        entityType: "Invitation",
        entityId: invitationId,
        before: { status: "PENDING" },
        after: { status: "ACCEPTED", collaborationId: successorPlace, replacedId: former.userId },
        createdAt: new Date(handedOver),
      },
    );
    plan.notifications.push({
      userId: former.userId,
      projectId: project.id,
      kind: "collaboration.roleChanged",
      message: `${successorUser.name} is now a site lead in “${project.title}”, in your place. You are a collaborator on its team.`,
      link: "/dashboard/research",
      createdAt: new Date(handedOver),
    });
    return;
  }
}
