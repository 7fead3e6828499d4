import "server-only";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notifications";
import type { MessageSitesInput } from "@/lib/validation/sites";
import { assertUuid, SITE_VISIBLE_STATUSES } from "./facts";

/** The project lead sends a notice to every confirmed site lead of the project's sites that have not withdrawn. */
export async function messageSites(actor: AuthzActor | null, input: MessageSitesInput): Promise<{ recipients: number }> {
  assertUuid(input.projectId, "That project");
  const project = await db.project.findFirst({
    where: { id: input.projectId, status: { in: [...SITE_VISIBLE_STATUSES] } },
    select: { id: true, slug: true, title: true, leads: { select: { userId: true } } },
  });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, "project.messageSites", { projectLeadIds: project.leads.map((lead) => lead.userId) });
  return db.$transaction(async (tx) => {
    const leads = await tx.collaboration.findMany({
      where: { role: "SITE_LEAD", status: "CONFIRMED", user: { deletedAt: null }, projectSite: { projectId: project.id, status: { not: "WITHDRAWN" } } },
      select: { userId: true },
    });
    const recipients = [...new Set(leads.map((lead) => lead.userId))];
    if (recipients.length === 0) throw new DomainError("No site has a site lead yet, so there is no one to send the message to.");
    await notify(tx, recipients, {
      kind: "sites.message",
      projectId: project.id,
      message: `Message from the lead of "${project.title}": ${input.message}`,
      link: "/dashboard/sites",
    });
    await audit(tx, {
      actorId: actor.id,
      action: "project.sitesMessaged",
      entityType: "Project",
      entityId: project.id,
      after: { message: input.message, recipients: recipients.length },
    });
    return { recipients: recipients.length };
  });
}

/** What the message page needs: the project, and how many site leads will be told. Two statements. */
export async function getMessageSitesPage(actor: AuthzActor | null, slug: string) {
  const project = await db.project.findFirst({
    where: { slug, status: { in: [...SITE_VISIBLE_STATUSES] } },
    select: { id: true, slug: true, title: true, leads: { select: { userId: true } } },
  });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, "project.messageSites", { projectLeadIds: project.leads.map((lead) => lead.userId) });
  const [{ recipients }] = await db.$queryRaw<[{ recipients: number }]>`
    SELECT count(DISTINCT c."userId")::int AS recipients
      FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId" JOIN "User" u ON u.id = c."userId"
     WHERE ps."projectId" = ${project.id}::uuid AND ps.status <> 'WITHDRAWN'
       AND c.role = 'SITE_LEAD' AND c.status = 'CONFIRMED' AND u."deletedAt" IS NULL`;
  return { project: { id: project.id, slug: project.slug, title: project.title }, recipients };
}
