// The invite → accept flow in one call, for tests that need someone in a team or among a
// project's leads the way the portal now puts them there.
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";

/** The open invitation of this kind to this address, for this place. */
export async function openInvitation(email: string, place: { projectSiteId?: string; projectId?: string }) {
  return db.invitation.findFirstOrThrow({
    where: { email: email.toLowerCase(), status: "PENDING", ...(place.projectSiteId ? { projectSiteId: place.projectSiteId } : { projectId: place.projectId!, kind: "CO_LEAD" }) },
    orderBy: { createdAt: "desc" },
  });
}

/** The site lead invites `person` to the team with `role`, and `person` accepts. Returns their collaboration's id. */
export async function inviteAndAccept(siteLead: Actor, projectSiteId: string, person: Actor, role: "SITE_LEAD" | "COLLABORATOR" = "COLLABORATOR"): Promise<string> {
  await inviteToSite(siteLead, { projectSiteId, email: person.email, role });
  const invitation = await openInvitation(person.email, { projectSiteId });
  await acceptInvitation(person, invitation.id);
  return (await db.collaboration.findUniqueOrThrow({ where: { projectSiteId_userId: { projectSiteId, userId: person.id } }, select: { id: true } })).id;
}
