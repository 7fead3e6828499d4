// The demo's amendments after approval (issue 16): the lead's flagship, collecting data, had its
// collection window extended by an amendment the committee approved (the project's end date is the
// amended one, kept as a version of kind AMENDMENT, and its site leads were told); another approved
// project has an amendment waiting for the committee.
import { siteSentences, type AmendmentChanges } from "@/lib/amendments/changes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const asDate = (value: unknown): Date | null => (value instanceof Date ? value : typeof value === "string" ? new Date(value) : null);

export function addAmendmentStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  const random = new SeededRandom(1603);
  const { midnight, userIds } = context;

  // The flagship: its window extended, approved by the demo committee member.
  const flagship = plan.projects.find((project) => project.createdById === userIds.lead && project.status === "DATA_COLLECTION");
  const start = asDate(flagship?.collectionStart);
  const end = asDate(flagship?.collectionEnd);
  if (flagship && start && end) {
    const projectId = flagship.id as string;
    const weeks = random.int(8, 12);
    const newEnd = new Date(end.getTime() + weeks * 7 * DAY);
    const proposedAt = new Date(Math.max(start.getTime() + DAY, midnight.getTime() - random.int(18, 26) * DAY) + 10 * 60 * 60 * 1000);
    const decidedAt = new Date(proposedAt.getTime() + random.int(2, 5) * DAY);
    const changes: AmendmentChanges = { collectionEnd: isoDay(newEnd) };
    const versions = plan.projectVersions.filter((version) => version.projectId === projectId);
    const last = versions.reduce<(typeof versions)[number] | undefined>((held, version) => (!held || version.number > held.number ? version : held), undefined);
    const versionNumber = (last?.number ?? 0) + 1;
    const amendmentId = random.uuid();
    const deciderId = userIds.committee;
    const message = "Approved: the extension keeps the same methods and gives the sites that started late time to reach their targets.";
    plan.amendments.push({
      id: amendmentId,
      projectId,
      number: 1,
      status: "APPROVED",
      changes: changes as Prisma.InputJsonObject,
      reason: "Several sites received their local approvals later than planned. Extending data collection lets them reach the target number of cases.",
      proposedById: userIds.lead,
      proposedAt,
      decidedById: deciderId,
      decidedAt,
      decisionMessage: message,
      versionNumber,
    });
    flagship.collectionEnd = newEnd;
    if (last) {
      plan.projectVersions.push({
        projectId,
        number: versionNumber,
        kind: "AMENDMENT",
        content: { ...(last.content as Prisma.InputJsonObject), collectionEnd: isoDay(newEnd) },
        submittedById: userIds.lead,
        submittedAt: decidedAt,
      });
    }
    const leadIds = plan.projectLeads.filter((lead) => lead.projectId === projectId).map((lead) => lead.userId);
    const liveSites = new Set(plan.projectSites.filter((site) => site.projectId === projectId && site.status !== "WITHDRAWN").map((site) => site.id as string));
    const siteLeadIds = [
      ...new Set(
        plan.collaborations
          .filter((place) => place.role === "SITE_LEAD" && place.status === "CONFIRMED" && liveSites.has(place.projectSiteId))
          .map((place) => place.userId),
      ),
    ];
    for (const userId of leadIds) {
      plan.notifications.push({
        userId,
        projectId,
        kind: "amendment.decided",
        message: `The committee approved amendment 1 to ${flagship.title}`,
        link: `/dashboard/projects/${flagship.slug}/amendments`,
        createdAt: decidedAt,
      });
    }
    for (const userId of siteLeadIds) {
      plan.notifications.push({
        userId,
        projectId,
        kind: "project.amended",
        message: `${flagship.title} was amended. ${siteSentences(changes).join(" ")}`,
        link: `/projects/${flagship.slug}`,
        createdAt: decidedAt,
      });
    }
    plan.auditEvents.push(
      {
        actorId: userIds.lead,
        action: "project.amendmentProposed",
        entityType: "Project",
        entityId: projectId,
        after: { amendmentId, number: 1, changes: changes as Prisma.InputJsonObject },
        createdAt: proposedAt,
      },
      {
        actorId: deciderId,
        action: "project.amendmentApproved",
        entityType: "Project",
        entityId: projectId,
        before: { amendmentStatus: "PROPOSED" },
        after: { amendmentStatus: "APPROVED", amendmentId, number: 1, message, versionNumber, siteLeadsTold: siteLeadIds.length },
        createdAt: decidedAt,
      },
    );
  }

  // Another approved project, setting up its sites, asks for a higher target per site.
  const other = plan.projects.find(
    (project) => project.id !== flagship?.id && project.status === "SITE_SETUP" && project.createdById !== userIds.lead && project.targetCasesPerSite,
  );
  const otherLead = other ? plan.projectLeads.find((lead) => lead.projectId === other.id && lead.role === "LEAD") : undefined;
  if (other && otherLead) {
    const target = (other.targetCasesPerSite as number) + random.int(2, 6) * 5;
    const proposedAt = new Date(midnight.getTime() - random.int(2, 4) * DAY + 9 * 60 * 60 * 1000);
    const amendmentId = random.uuid();
    const changes: AmendmentChanges = { targetCasesPerSite: target };
    plan.amendments.push({
      id: amendmentId,
      projectId: other.id as string,
      number: 1,
      status: "PROPOSED",
      changes: changes as Prisma.InputJsonObject,
      reason: "The pilot sites found more eligible cases than expected; a higher target gives the study the power it needs.",
      proposedById: otherLead.userId,
      proposedAt,
    });
    plan.auditEvents.push({
      actorId: otherLead.userId,
      action: "project.amendmentProposed",
      entityType: "Project",
      entityId: other.id as string,
      after: { amendmentId, number: 1, changes: changes as Prisma.InputJsonObject },
      createdAt: proposedAt,
    });
  }
}
