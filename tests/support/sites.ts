// A project running across sites, with one person in every role the site
// commands know, for the integration tests of lib/sites.
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "./factories";
import { seedChecklist } from "./governance";

export const asActor = (user: { id: string; name: string; email: string; role: Actor["role"]; emailVerified: Date | null }): Actor => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  emailVerified: user.emailVerified,
});

/** Resolves to what the promise threw; fails the test if it did not throw. */
export async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

/**
 * A project with two sites: "home" (led by siteLead) and "other" (led by
 * otherSiteLead); its lead; a committee member, an admin and an unrelated member.
 */
export async function siteScenario(options: { projectStatus?: ProjectStatus; homeStatus?: ProjectSiteStatus; approved?: boolean } = {}) {
  const lead = await createUser({ name: "Tom Okafor" });
  const project = await createProject({ status: options.projectStatus ?? "DATA_COLLECTION", leadId: lead.id });
  const homeHospital = await createSite({ name: "Addenbrooke's Hospital" });
  const otherHospital = await createSite({ name: "Ipswich Hospital" });
  const home = await createProjectSite({ projectId: project.id, siteId: homeHospital.id, status: options.homeStatus ?? "ACTIVE" });
  const other = await createProjectSite({ projectId: project.id, siteId: otherHospital.id, status: "ACTIVE" });
  if (options.approved !== false) {
    await db.projectSite.updateMany({
      where: { id: { in: [home.id, other.id] } },
      data: { leadApprovedAt: new Date(), leadApprovedById: lead.id },
    });
    // Approved: every item of the checklist checked by the lead.
    for (const id of [home.id, other.id]) await seedChecklist(id, { checkedById: lead.id });
  }
  const siteLead = await createUser({ name: "Catriona MacLeod", siteId: homeHospital.id });
  const otherSiteLead = await createUser({ name: "Owen Price", siteId: otherHospital.id });
  await createCollaboration({ projectSiteId: home.id, userId: siteLead.id, role: "SITE_LEAD" });
  await createCollaboration({ projectSiteId: other.id, userId: otherSiteLead.id, role: "SITE_LEAD" });
  const member = await createUser({ name: "Aisha Rahman", siteId: homeHospital.id });
  const committee = await createUser({ name: "Helen Price", role: "COMMITTEE" });
  const admin = await createUser({ name: "Sam Whitfield", role: "ADMIN" });
  return {
    project,
    homeHospital,
    otherHospital,
    home,
    other,
    lead: asActor(lead),
    siteLead: asActor(siteLead),
    otherSiteLead: asActor(otherSiteLead),
    member: asActor(member),
    committee: asActor(committee),
    admin: asActor(admin),
  };
}

export const auditActions = async (entityId: string) =>
  (await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true } })).map((event) => event.action);
