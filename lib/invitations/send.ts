import "server-only";
// Offering a place: the move into PENDING. A place offered is an invitation,
// with an e-mail (and, for a member, a notification) that leads to where it is
// answered; it grants nothing until accepted (lib/invitations/lifecycle.ts).
// The site lead's answer never says whether an address belongs to a member or
// where that member takes part: "An invitation was sent" in every case.
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type Database, type DatabaseTransaction } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import type { InvitationKind } from "@/lib/generated/prisma/enums";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import { SECRET_PLACEHOLDER } from "@/lib/mail/secret";
import { notify } from "@/lib/notifications/notifications";
import { consumeAttempt, type Limit } from "@/lib/security/rate-limit";
import { siteLeadRoomReason, teamCapReason, teamClosedReason } from "@/lib/participation/rules";
import { countCollaborators, countSiteLeads, lockSite, periodForInvitee, periodsOf } from "@/lib/participation/team";
import { authzFacts, loadProjectSite } from "@/lib/sites/facts";
import { demoteToCollaborator } from "@/lib/sites/team";
import type { InviteToSiteInput } from "@/lib/validation/invitations";
import { addressProof } from "./address-proof";
import { expiryFrom, INVITATION_DAYS } from "./facts";
import { placeWords, projectWords } from "./words";

/** Invitations one member may send in a day: enough for any team, too few to use the portal to send mail at large. */
export const INVITATIONS_PER_DAY: Limit = { max: 60, windowSeconds: 24 * 60 * 60 };

export const INVITATION_LIMIT_MESSAGE = `You have sent ${INVITATIONS_PER_DAY.max} invitations today, the most in a day. Send the rest tomorrow.`;

/** Counts one invitation against the inviter's daily allowance; false once it is used up. Outside any transaction. */
export async function withinInvitationLimit(inviterId: string): Promise<boolean> {
  return consumeAttempt(`invitations:${inviterId}`, INVITATIONS_PER_DAY);
}

type Place = { kind: InvitationKind; projectId: string; projectSiteId: string | null; email: string };

/**
 * When this address declined this place within the last 14 days, or null.
 * Someone who said no is not asked again for a while: an invitation is mail they did not ask for.
 */
export async function declinedRecently(client: Database | DatabaseTransaction, place: Place, now: Date, since?: Date): Promise<Date | null> {
  const window = new Date(now.getTime() - INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const declined = await client.invitation.findFirst({
    where: { ...place, status: "DECLINED", decidedAt: { gt: since && since > window ? since : window } },
    orderBy: { decidedAt: "desc" },
    select: { decidedAt: true },
  });
  return declined?.decidedAt ?? null;
}

export function declinedMessage(label: string, declinedOn: Date): string {
  return `${label} declined this invitation on ${formatDate(declinedOn)}. You can invite them again from ${formatDate(expiryFrom(declinedOn))}.`;
}

export interface Offer {
  kind: InvitationKind;
  project: { id: string; title: string };
  /**
   * `registeredAt`: when the site's current registration began. A refusal stands for the
   * registration it was made in: one given to the lead of a site that withdrew neither stops its
   * new lead nor is told to them (docs/decisions/011).
   */
  site: { projectSiteId: string; name: string; registeredAt?: Date } | null;
  /** The address invited, lower-cased. */
  email: string;
  /** The member the invitation is for: the account holding the address, or the member the lead chose by name. */
  invitee: { id: string; name: string } | null;
  inviter: { id: string; name: string };
  /** How the inviter named the person (the address or the name typed), for sentences shown to the inviter. */
  label: string;
  /** A site lead's place that hands the site over: the site lead the invitee takes over from. */
  replaces?: { id: string; name: string };
  /** Who the inviter is, in the e-mail's closing line, when not a site lead of the site (a project lead appointing). */
  inviterRole?: string;
}

const ABOUT: Record<InvitationKind, string> = {
  CO_LEAD: "Co-leads shape the proposal with its lead and, once it is approved, run the project across its sites.",
  SITE_LEAD: "Site leads run the project at their hospital: its local approvals, its team and the cases it submits.",
  TEAM_MEMBER: "Collaborators collect the project's data at their hospital and are named in its authorship list.",
  SITE_OBSERVER:
    "As the site's supervising consultant, you would see its pages on RADIANT (where it stands, its team and the cases it has submitted) without changing anything. You can stop observing whenever you like.",
};

function subjectOf(offer: Offer): string {
  if (offer.kind === "CO_LEAD") return `Invitation to be a co-lead of ${projectWords(offer.project.title)}`;
  if (offer.kind === "SITE_OBSERVER") return `Invitation to observe the team at ${offer.site!.name}`;
  return offer.kind === "SITE_LEAD" ? `Invitation to be a site lead at ${offer.site!.name}` : `Invitation to join the team at ${offer.site!.name}`;
}

/**
 * Creates the invitation, its e-mail and, for a member, its notification, in
 * the caller's transaction (which holds the lock of the place). The same place
 * already offered to the same address and still open is not offered twice:
 * nothing is sent again, and the caller answers the same.
 */
export async function offerPlace(tx: DatabaseTransaction, offer: Offer, now: Date): Promise<{ invitationId: string; sent: boolean }> {
  const place: Place = { kind: offer.kind, projectId: offer.project.id, projectSiteId: offer.site?.projectSiteId ?? null, email: offer.email };
  const open = await tx.invitation.findFirst({ where: { ...place, status: "PENDING", expiresAt: { gt: now } }, select: { id: true } });
  if (open) return { invitationId: open.id, sent: false };
  const declinedOn = await declinedRecently(tx, place, now, offer.site?.registeredAt);
  if (declinedOn) throw new DomainError(declinedMessage(offer.label, declinedOn), offer.kind === "CO_LEAD" ? "addCoLead" : "email");
  const expiresAt = expiryFrom(now);
  // A member chosen by name is shown and greeted by that name; an invitation to a typed address
  // never shows or uses the name of whoever holds it (that would tell who has an account, and
  // the holder of an unconfirmed address may not be its owner).
  const chosenByName = offer.invitee !== null && offer.label !== offer.email;
  const invitation = await tx.invitation.create({
    data: {
      ...place,
      inviteeId: offer.invitee?.id ?? null,
      label: chosenByName ? offer.label : null,
      invitedById: offer.inviter.id,
      replacesId: offer.replaces?.id ?? null,
      expiresAt,
      createdAt: now,
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId: offer.inviter.id,
    action: "invitation.sent",
    entityType: "Invitation",
    entityId: invitation.id,
    after: {
      status: "PENDING",
      ...place,
      inviteeId: offer.invitee?.id ?? null,
      ...(offer.replaces ? { replacesId: offer.replaces.id } : {}),
      expiresAt: expiresAt.toISOString(),
    },
  });
  const what = placeWords(offer) + (offer.replaces ? `, in place of ${offer.replaces.name}` : "");
  const inviterRole =
    offer.inviterRole ??
    (offer.kind === "CO_LEAD"
      ? `who leads ${projectWords(offer.project.title)}`
      : offer.kind === "SITE_OBSERVER"
        ? `who runs ${projectWords(offer.project.title)} at ${offer.site!.name}`
        : `a site lead at ${offer.site!.name}`);
  await queueEmail(tx, {
    to: offer.email,
    userId: offer.invitee?.id ?? null,
    kind: "invitation",
    subject: subjectOf(offer),
    ...(chosenByName ? { greeting: `Dear ${offer.invitee!.name},` } : {}),
    paragraphs: [
      `${offer.inviter.name} invited you to be ${what}, on RADIANT, the UK radiology trainee research collaborative.`,
      ABOUT[offer.kind],
      ...(offer.replaces ? [`${offer.replaces.name} hands the site over to you: once you accept, they stay on the team as a collaborator.`] : []),
      `Nothing changes unless you accept. The invitation is open until ${formatDate(expiresAt)}.`,
      ...(offer.invitee
        ? []
        : ["You do not have a RADIANT account yet. Create one with this e-mail address, and the invitation will be waiting on your dashboard."]),
    ],
    action: offer.invitee
      ? { label: "Accept or decline the invitation", url: absoluteUrl("/dashboard#invitations") }
      : {
          label: "Create your account",
          url: absoluteUrl(`/signup?email=${encodeURIComponent(offer.email)}&invitation=${invitation.id}&proof=${SECRET_PLACEHOLDER}`),
        },
    ...(offer.invitee ? {} : { secret: addressProof(invitation.id, offer.email) }),
    reason: `You are getting this e-mail because ${offer.inviter.name}, ${inviterRole}, invited this address. If you were not expecting it, you can ignore it: nothing happens unless you accept.`,
  });
  if (offer.invitee) {
    await notify(tx, [offer.invitee.id], {
      kind: "invitation.received",
      projectId: offer.project.id,
      message: `${offer.inviter.name} invited you to be ${what}. Accept or decline it on your dashboard.`,
      link: "/dashboard#invitations",
    });
  }
  return { invitationId: invitation.id, sent: true };
}

/** Why the team has no room for one more in this role (as its page shows), or null. */
async function roomFor(tx: DatabaseTransaction, projectSiteId: string, role: "SITE_LEAD" | "COLLABORATOR", teamCap: number | null, projectId: string, now: Date): Promise<string | null> {
  if (role === "SITE_LEAD") return siteLeadRoomReason(await countSiteLeads(tx, projectSiteId));
  if (teamCap === null) return null;
  // With periods, the invitee's place will be in the first period still open with room (lib/invitations/lifecycle joinTeam).
  const periods = await periodsOf(tx, projectId);
  if (periods.length > 0) {
    try {
      await periodForInvitee(tx, projectSiteId, periods, teamCap, now);
      return null;
    } catch (error) {
      if (error instanceof DomainError) return error.message;
      throw error;
    }
  }
  return teamCapReason(teamCap, await countCollaborators(tx, projectSiteId));
}

export type InviteToSiteOutcome = { outcome: "invited" } | { outcome: "roleChanged"; name: string };

/**
 * The site lead invites someone to the team by e-mail address, as a
 * collaborator or a site lead: a member or not, on another team or not, the
 * answer is the same. Only what the team page shows already is said (someone
 * in this team with that role). A site lead entered as a collaborator steps down
 * at once: giving up a role needs nobody's consent but the site's.
 */
export async function inviteToSite(actor: AuthzActor | null, input: InviteToSiteInput, now: Date = new Date()): Promise<InviteToSiteOutcome> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "invitation.inviteToSite", authzFacts(facts));
  const closed = teamClosedReason(facts);
  if (closed) throw new DomainError(closed);
  const [account, inviter] = await Promise.all([
    db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, deletedAt: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } }),
  ]);
  const member = account && !account.deletedAt ? { id: account.id, name: account.name } : null;
  const here = member
    ? await db.collaboration.findUnique({
        where: { projectSiteId_userId: { projectSiteId: facts.id, userId: member.id } },
        select: { id: true, status: true, role: true },
      })
    : null;
  if (member && here?.status === "CONFIRMED") {
    // In the team already: the team page shows them, so saying so discloses nothing.
    if (here.role === input.role) {
      throw new DomainError(`${member.name} is already in the team as ${input.role === "SITE_LEAD" ? "a site lead" : "a collaborator"}.`, "email");
    }
    if (here.role === "SITE_LEAD") {
      return db.$transaction(async (tx) => {
        await lockSite(tx, facts.id);
        await demoteToCollaborator(tx, actor.id, facts, { id: here.id, userId: member.id, name: member.name });
        return { outcome: "roleChanged" as const, name: member.name };
      });
    }
  }
  if (!(await withinInvitationLimit(actor.id))) throw new DomainError(INVITATION_LIMIT_MESSAGE, "email");
  return db.$transaction(async (tx) => {
    await lockSite(tx, facts.id);
    // A place the team page already shows is not there to offer (accepting checks again, as the team may change meanwhile).
    const room = await roomFor(tx, facts.id, input.role, facts.project.teamCap, facts.project.id, now);
    if (room) throw new DomainError(room, input.role === "SITE_LEAD" ? "role" : "email");
    await offerPlace(
      tx,
      {
        kind: input.role === "SITE_LEAD" ? "SITE_LEAD" : "TEAM_MEMBER",
        project: { id: facts.project.id, title: facts.project.title },
        site: { projectSiteId: facts.id, name: facts.site.name, registeredAt: facts.registeredAt },
        email: input.email,
        invitee: member,
        inviter,
        label: input.email,
      },
      now,
    );
    return { outcome: "invited" as const };
  });
}
