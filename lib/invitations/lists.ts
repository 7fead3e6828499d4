import "server-only";
// Invitations as people see them: the invitee on their dashboard (what, where,
// who invited them, and whether they can accept now), the inviter beside the
// team or the proposal they invited to.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { InvitationKind } from "@/lib/generated/prisma/enums";
import { authzFacts, seesSiteContacts, type ProjectSiteFacts } from "@/lib/sites/facts";
import { PUBLIC_STATUSES } from "@/lib/validation/projects";
import { loadOpenInvitationsOf } from "./facts";
import { acceptRefusal } from "./lifecycle";
import { placeHeading, placeWords, projectWords } from "./words";

export interface MyInvitation {
  id: string;
  kind: InvitationKind;
  /** "Collaborator at Addenbrooke's Hospital in “Title”". */
  heading: string;
  /** "a collaborator at Addenbrooke's Hospital in “Title”". */
  place: string;
  /** The project's title, in quotes (or "an untitled proposal"). */
  project: string;
  /** The project's public page, once it has one. */
  projectPath: string | null;
  invitedBy: string;
  invitedAt: Date;
  expiresAt: Date;
  /** Why it cannot be accepted now (the page shows this instead of the button), or null. */
  refusal: string | null;
}

/**
 * The signed-in person's open invitations. Their details are shown only once
 * the person has confirmed their address: someone who signed up with another
 * person's address learns nothing of what that person was invited to.
 */
export type MyInvitations = { confirmed: true; items: MyInvitation[] } | { confirmed: false; waiting: number };

/** One statement. */
export async function listMyInvitations(actor: AuthzActor, now: Date = new Date()): Promise<MyInvitations> {
  if (!can(actor, "invitation.respond", { ownerId: actor.id })) {
    const waiting = await db.invitation.count({ where: { inviteeId: actor.id, status: "PENDING", expiresAt: { gt: now } } });
    return { confirmed: false, waiting };
  }
  const invitations = await loadOpenInvitationsOf(db, actor.id, now);
  return {
    confirmed: true,
    items: invitations.map((facts) => ({
      id: facts.id,
      kind: facts.kind,
      heading: placeHeading(facts),
      place: placeWords(facts),
      project: projectWords(facts.project.title),
      projectPath: (PUBLIC_STATUSES as readonly string[]).includes(facts.project.status) ? `/projects/${facts.project.slug}` : null,
      invitedBy: facts.invitedByName,
      invitedAt: facts.createdAt,
      expiresAt: facts.expiresAt,
      refusal: acceptRefusal(facts, now),
    })),
  };
}

export interface SiteInvitation {
  id: string;
  /** The address invited: the inviter typed it, so it is all the page shows (never whose account it is). */
  email: string;
  kind: InvitationKind;
  invitedBy: string;
  invitedAt: Date;
  expiresAt: Date;
}

/**
 * A team's invitations waiting for an answer, oldest first. One statement; none for an observer
 * of the site, who sees its pages but not the addresses of the people invited to it.
 */
export async function openSiteInvitations(actor: AuthzActor | null, facts: ProjectSiteFacts, now: Date): Promise<SiteInvitation[]> {
  assertCan(actor, "site.view", authzFacts(facts));
  if (!seesSiteContacts(actor, facts)) return [];
  const rows = await db.invitation.findMany({
    where: { projectSiteId: facts.id, status: "PENDING", expiresAt: { gt: now } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, email: true, kind: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    kind: row.kind,
    invitedBy: row.invitedBy.name,
    invitedAt: row.createdAt,
    expiresAt: row.expiresAt,
  }));
}
