import "server-only";
// A site's supervising consultant (docs/decisions/027): named by the site's lead or the project's
// leads, shown to the team and on the site's certificate line, and invited by them to observe the
// site. Observing is a SiteObserver row, made only when the invitee accepts (lib/invitations/
// lifecycle.ts); it lets them see the site's pages (`site.view`) and change nothing.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { withdrawObserverInvitations } from "@/lib/invitations/lifecycle";
import { INVITATION_LIMIT_MESSAGE, offerPlace, withinInvitationLimit } from "@/lib/invitations/send";
import { lockSite } from "@/lib/participation/team";
import type { ConsultantInput } from "@/lib/validation/consultant";
import { assertUuid, authzFacts, loadProjectSite, seesSiteContacts, type ProjectSiteFacts } from "./facts";

/** Names the consultant, or changes what was named. Open invitations sent to another address are withdrawn. */
export async function nameConsultant(actor: AuthzActor | null, input: ConsultantInput, now: Date = new Date()): Promise<void> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "site.editConsultant", authzFacts(facts));
  const after = { consultantName: input.consultantName, consultantRole: input.consultantRole ?? null, consultantEmail: input.consultantEmail ?? null };
  await db.$transaction(async (tx) => {
    await lockSite(tx, facts.id);
    const before = await tx.projectSite.findUniqueOrThrow({
      where: { id: facts.id },
      select: { consultantName: true, consultantRole: true, consultantEmail: true },
    });
    await tx.projectSite.update({ where: { id: facts.id }, data: after });
    if (before.consultantEmail !== after.consultantEmail) await withdrawObserverInvitations(tx, actor.id, facts.id, after.consultantEmail, now);
    await audit(tx, { actorId: actor.id, action: "site.consultantNamed", entityType: "ProjectSite", entityId: facts.id, before, after });
  });
}

/** Clears the consultant: the site names nobody. Who observes the site already goes on doing so until removed. */
export async function clearConsultant(actor: AuthzActor | null, projectSiteId: string, now: Date = new Date()): Promise<void> {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.editConsultant", authzFacts(facts));
  await db.$transaction(async (tx) => {
    await lockSite(tx, facts.id);
    const before = await tx.projectSite.findUniqueOrThrow({
      where: { id: facts.id },
      select: { consultantName: true, consultantRole: true, consultantEmail: true },
    });
    if (before.consultantName === null) throw new DomainError("The site names no consultant: there is nothing to clear.");
    await tx.projectSite.update({ where: { id: facts.id }, data: { consultantName: null, consultantRole: null, consultantEmail: null } });
    await withdrawObserverInvitations(tx, actor.id, facts.id, null, now);
    await audit(tx, { actorId: actor.id, action: "site.consultantCleared", entityType: "ProjectSite", entityId: facts.id, before });
  });
}

/**
 * Invites the named consultant, at the address the site gave for them, to observe the site. The
 * answer never says whether the address belongs to a member; an invitation still open is not sent twice.
 */
export async function inviteConsultant(actor: AuthzActor | null, projectSiteId: string, now: Date = new Date()): Promise<{ sent: boolean }> {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "invitation.inviteObserver", authzFacts(facts));
  const consultant = facts.consultant;
  if (!consultant) throw new DomainError("Name the site's supervising consultant first.");
  if (!consultant.email) throw new DomainError(`Add ${consultant.name}'s e-mail address first: the invitation is sent there.`);
  if (facts.status === "WITHDRAWN") throw new DomainError(`${facts.site.name} has withdrawn from the project, so there is nothing to observe.`);
  const [account, inviter] = await Promise.all([
    db.user.findUnique({ where: { email: consultant.email }, select: { id: true, name: true, deletedAt: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } }),
  ]);
  const member = account && !account.deletedAt ? { id: account.id, name: account.name } : null;
  if (member?.id === actor.id) throw new DomainError("The invitation to observe is for the site's supervising consultant: you cannot invite yourself.");
  // The site's page lists its observers already: saying one of them is the consultant discloses nothing.
  if (member && facts.observerIds.includes(member.id)) throw new DomainError(`${consultant.name} already observes the site.`);
  if (!(await withinInvitationLimit(actor.id))) throw new DomainError(INVITATION_LIMIT_MESSAGE);
  return db.$transaction(async (tx) => {
    await lockSite(tx, facts.id);
    const { sent } = await offerPlace(
      tx,
      {
        kind: "SITE_OBSERVER",
        project: { id: facts.project.id, title: facts.project.title },
        site: { projectSiteId: facts.id, name: facts.site.name, registeredAt: facts.registeredAt },
        email: consultant.email!,
        invitee: member,
        inviter,
        label: consultant.email!,
      },
      now,
    );
    return { sent };
  });
}

/** The site's lead or the project's leads stop someone observing the site. */
export async function removeObserver(actor: AuthzActor | null, input: { projectSiteId: string; userId: string }): Promise<{ name: string }> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "invitation.inviteObserver", authzFacts(facts));
  assertUuid(input.userId, "That observer");
  return db.$transaction(async (tx) => {
    const observer = await tx.siteObserver.findUnique({
      where: { projectSiteId_userId: { projectSiteId: facts.id, userId: input.userId } },
      select: { addedAt: true, user: { select: { name: true } } },
    });
    if (!observer) throw new NotFoundError("That observer");
    await tx.siteObserver.delete({ where: { projectSiteId_userId: { projectSiteId: facts.id, userId: input.userId } } });
    await audit(tx, {
      actorId: actor.id,
      action: "site.observerRemoved",
      entityType: "ProjectSite",
      entityId: facts.id,
      before: { userId: input.userId, addedAt: observer.addedAt.toISOString() },
    });
    return { name: observer.user.name };
  });
}

/** An observer stops observing the site: theirs to do at any time, and nobody else's place changes. */
export async function stopObserving(actor: AuthzActor | null, projectSiteId: string): Promise<void> {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.view", authzFacts(facts));
  if (!facts.observerIds.includes(actor.id)) throw new DomainError("You do not observe this site.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.siteObserver.deleteMany({ where: { projectSiteId: facts.id, userId: actor.id } });
    if (count === 0) throw new DomainError("You no longer observe this site.");
    await audit(tx, { actorId: actor.id, action: "site.observerLeft", entityType: "ProjectSite", entityId: facts.id, before: { userId: actor.id } });
  });
}

export interface ConsultantPanel {
  /** The named consultant; `email` only for those who see the site's contacts (its leads, the committee, administrators). */
  consultant: { name: string; role: string | null; email: string | null } | null;
  canEdit: boolean;
  canInvite: boolean;
  /** The consultant's account observes the site already. */
  consultantObserves: boolean;
  /** The invitation to the consultant's address still waiting for an answer, for those who may invite. */
  invitation: { sentAt: Date; expiresAt: Date } | null;
  observers: { userId: string; name: string; addedAt: Date; isMe: boolean }[];
  isObserver: boolean;
}

/** What the site's page says about its consultant and observers, for whoever may view the site. One statement. */
export async function getConsultantPanel(actor: AuthzActor | null, facts: ProjectSiteFacts, now: Date = new Date()): Promise<ConsultantPanel> {
  const authz = authzFacts(facts);
  assertCan(actor, "site.view", authz);
  const canInvite = can(actor, "invitation.inviteObserver", authz);
  const email = facts.consultant?.email ?? null;
  const row = await db.projectSite.findUniqueOrThrow({
    where: { id: facts.id },
    select: {
      observers: { orderBy: [{ addedAt: "asc" }, { userId: "asc" }], select: { userId: true, addedAt: true, user: { select: { name: true, email: true } } } },
      invitations: {
        where: { kind: "SITE_OBSERVER", status: "PENDING", expiresAt: { gt: now }, email: email ?? "" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true, expiresAt: true },
      },
    },
  });
  const pending = row.invitations[0];
  return {
    consultant: facts.consultant ? { ...facts.consultant, email: seesSiteContacts(actor, facts) ? facts.consultant.email : null } : null,
    canEdit: can(actor, "site.editConsultant", authz),
    canInvite,
    consultantObserves: email !== null && row.observers.some((observer) => observer.user.email === email),
    invitation: canInvite && pending ? { sentAt: pending.createdAt, expiresAt: pending.expiresAt } : null,
    observers: row.observers.map((observer) => ({ userId: observer.userId, name: observer.user.name, addedAt: observer.addedAt, isMe: observer.userId === actor.id })),
    isObserver: facts.observerIds.includes(actor.id),
  };
}
