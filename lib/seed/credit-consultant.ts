// The demo's supervising consultant: at the demo trainee's home hospital in the completed project,
// the site's leads named the consultant who supervised its team and invited them to observe the
// site; they accepted. A new account (signing in with the demo password), made as the plan makes
// its people but with no trainee profile: a consultant is no trainee, and the seed's trainees
// (counted in the README) stay as they were.
import { InvitationStatus } from "@/lib/generated/prisma/enums";
import type { CreditStoryContext } from "./credit";
import type { SeedPlan } from "./plan";
import { SeededRandom } from "./random";

const DAY = 24 * 60 * 60 * 1000;
const CONSULTANT = { name: "Dr Helen Okafor", role: "Consultant radiologist", email: "helen.okafor.consultant@nhs.example.net" };

export function addSupervisingConsultant(plan: SeedPlan, context: CreditStoryContext): void {
  const random = new SeededRandom(1503);
  const project = plan.projects.find((candidate) => candidate.status === "COMPLETED");
  const projectSite = project && plan.projectSites.find((site) => site.projectId === project.id && site.siteId === context.homeSiteId);
  if (!project || !projectSite || plan.users.some((user) => user.email === CONSULTANT.email)) return;
  const projectSiteId = projectSite.id as string;
  const inviterId =
    plan.collaborations.find((place) => place.projectSiteId === projectSiteId && place.role === "SITE_LEAD" && place.status === "CONFIRMED")?.userId ??
    (project.createdById as string);

  // Named and invited a few days after the site registered, accepted within the week: all long before today.
  const registeredAt = new Date(projectSite.registeredAt as Date);
  const invitedAt = new Date(Math.min(registeredAt.getTime() + random.int(3, 10) * DAY, context.midnight.getTime() - 30 * DAY));
  const acceptedAt = new Date(invitedAt.getTime() + random.int(1, 6) * DAY);
  const createdAt = new Date(invitedAt.getTime() - random.int(60, 400) * DAY);

  const consultantId = random.uuid();
  plan.users.push({ id: consultantId, name: CONSULTANT.name, email: CONSULTANT.email, role: "MEMBER", passwordHash: plan.users[0]!.passwordHash, createdAt, emailVerified: createdAt });

  projectSite.consultantName = CONSULTANT.name;
  projectSite.consultantRole = CONSULTANT.role;
  projectSite.consultantEmail = CONSULTANT.email;

  const invitationId = random.uuid();
  plan.invitations.push({
    id: invitationId,
    kind: "SITE_OBSERVER",
    projectId: project.id as string,
    projectSiteId,
    inviteeId: consultantId,
    email: CONSULTANT.email,
    invitedById: inviterId,
    status: InvitationStatus.ACCEPTED,
    createdAt: invitedAt,
    expiresAt: new Date(invitedAt.getTime() + 14 * DAY),
    decidedAt: acceptedAt,
  });
  plan.siteObservers.push({ projectSiteId, userId: consultantId, addedAt: acceptedAt });
  plan.auditEvents.push(
    {
      actorId: inviterId,
      action: "site.consultantNamed",
      entityType: "ProjectSite",
      entityId: projectSiteId,
      after: { consultantName: CONSULTANT.name, consultantRole: CONSULTANT.role, consultantEmail: CONSULTANT.email },
      createdAt: new Date(invitedAt.getTime() - 60 * 60 * 1000),
    },
    { actorId: inviterId, action: "invitation.sent", entityType: "Invitation", entityId: invitationId, after: { status: "PENDING", kind: "SITE_OBSERVER" }, createdAt: invitedAt },
    { actorId: consultantId, action: "site.observerAdded", entityType: "ProjectSite", entityId: projectSiteId, after: { userId: consultantId, invitationId }, createdAt: acceptedAt },
    { actorId: consultantId, action: "invitation.accepted", entityType: "Invitation", entityId: invitationId, before: { status: "PENDING" }, after: { status: "ACCEPTED", projectSiteId }, createdAt: acceptedAt },
  );
}
