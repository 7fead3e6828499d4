import "server-only";
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { CollaborationRole, CollaborationStatus, Grade } from "@/lib/generated/prisma/enums";
import { JOINABLE_STATUSES, takesPart } from "@/lib/collaborations/participation";
import { decideRequest } from "@/lib/collaborations/site-requests";
import { notify } from "@/lib/notifications/notifications";
import { authorshipLine } from "@/lib/trainees/authorship";
import type { AddMemberInput, ContributionInput } from "@/lib/validation/sites";
import { assertUuid, authzFacts, loadProjectSite, loadProjectSiteByAddress, sitePath, type ProjectSiteFacts } from "./facts";

/** Most site leads a site may have: the one who registered it and a second. */
export const MAX_SITE_LEADS = 2;

export interface TeamMember {
  collaborationId: string;
  name: string;
  email: string;
  authorship: string;
  grade: Grade | null;
  role: CollaborationRole;
  status: CollaborationStatus;
  contribution: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  isMe: boolean;
}

export interface SiteTeam {
  facts: ProjectSiteFacts;
  canManage: boolean;
  open: boolean;
  teamCap: number | null;
  confirmedCollaborators: number;
  siteLeads: number;
  requests: TeamMember[];
  members: TeamMember[];
  past: TeamMember[];
}

/** A site's team for its site lead (who manages it) and the project's leads and committee (who see it). Three statements. */
export async function getSiteTeam(actor: AuthzActor | null, slug: string, odsCode: string): Promise<SiteTeam> {
  const facts = await loadProjectSiteByAddress(slug, odsCode);
  assertCan(actor, "site.view", authzFacts(facts));
  const rows = await db.collaboration.findMany({
    where: { projectSiteId: facts.id },
    orderBy: [{ requestedAt: "asc" }],
    select: {
      id: true,
      role: true,
      status: true,
      contribution: true,
      requestedAt: true,
      decidedAt: true,
      userId: true,
      user: { select: { name: true, email: true, profile: { select: { grade: true, authorSurname: true, authorInitials: true } } } },
    },
  });
  const members: TeamMember[] = rows.map((row) => ({
    collaborationId: row.id,
    name: row.user.name,
    email: row.user.email,
    authorship: authorshipLine({ name: row.user.name, authorSurname: row.user.profile?.authorSurname, authorInitials: row.user.profile?.authorInitials }),
    grade: row.user.profile?.grade ?? null,
    role: row.role,
    status: row.status,
    contribution: row.contribution,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
    isMe: row.userId === actor.id,
  }));
  const confirmed = members.filter((member) => member.status === "CONFIRMED");
  confirmed.sort((a, b) => Number(b.role === "SITE_LEAD") - Number(a.role === "SITE_LEAD") || a.name.localeCompare(b.name, "en-GB"));
  return {
    facts,
    canManage: can(actor, "site.manageTeam", authzFacts(facts)),
    open: JOINABLE_STATUSES.includes(facts.project.status) && facts.status !== "WITHDRAWN" && facts.status !== "COMPLETE",
    teamCap: facts.project.teamCap,
    confirmedCollaborators: confirmed.filter((member) => member.role === "COLLABORATOR").length,
    siteLeads: confirmed.filter((member) => member.role === "SITE_LEAD").length,
    requests: members.filter((member) => member.status === "REQUESTED"),
    members: confirmed,
    past: members.filter((member) => member.status === "DECLINED" || member.status === "LEFT"),
  };
}

function assertTeamOpen(facts: ProjectSiteFacts) {
  if (!JOINABLE_STATUSES.includes(facts.project.status)) {
    throw new DomainError("Data collection has ended, so the team stays as it is on the record.");
  }
  if (facts.status === "WITHDRAWN" || facts.status === "COMPLETE") {
    throw new DomainError("This site has finished with the project, so its team can no longer change.");
  }
}

/** One team change at a time per site, so that two additions cannot both pass the team cap. */
async function lockSite(tx: DatabaseTransaction, projectSiteId: string) {
  await tx.$queryRaw`SELECT id FROM "ProjectSite" WHERE id = ${projectSiteId}::uuid FOR UPDATE`;
}

async function assertRoom(tx: DatabaseTransaction, facts: ProjectSiteFacts, role: CollaborationRole) {
  if (role === "SITE_LEAD") {
    const leads = await tx.collaboration.count({ where: { projectSiteId: facts.id, role: "SITE_LEAD", status: "CONFIRMED" } });
    if (leads >= MAX_SITE_LEADS) throw new DomainError(`A site can have ${MAX_SITE_LEADS} site leads at most, and this site has ${leads}.`, "role");
    return;
  }
  if (facts.project.teamCap === null) return;
  const confirmed = await tx.collaboration.count({ where: { projectSiteId: facts.id, role: "COLLABORATOR", status: "CONFIRMED" } });
  if (confirmed >= facts.project.teamCap) {
    throw new DomainError(`This site already has ${confirmed} collaborators, the most this project allows.`);
  }
}

/**
 * The site lead adds an existing member to the team by e-mail address,
 * confirmed at once, with a role; for someone already in the team, with
 * another role, it changes their role (how a collaborator becomes the second site lead).
 */
export async function addMember(actor: AuthzActor | null, input: AddMemberInput): Promise<{ collaborationId: string; outcome: "added" | "roleChanged" }> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "site.manageTeam", authzFacts(facts));
  assertTeamOpen(facts);
  const person = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, deletedAt: true } });
  if (!person || person.deletedAt) {
    throw new DomainError("No member has this e-mail address. Ask them to sign up to RADIANT first, then add them.", "email");
  }
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${person.id}::uuid FOR UPDATE`;
    await lockSite(tx, facts.id);
    const theirs = await tx.collaboration.findMany({
      where: { userId: person.id, projectSite: { projectId: facts.project.id } },
      select: { id: true, projectSiteId: true, status: true, role: true, projectSite: { select: { status: true, site: { select: { name: true } } } } },
    });
    const elsewhere = theirs.find(
      (row) => row.projectSiteId !== facts.id && takesPart({ status: row.status, siteWithdrawn: row.projectSite.status === "WITHDRAWN" }),
    );
    if (elsewhere) {
      throw new DomainError(`${person.name} already takes part in this project at ${elsewhere.projectSite.site.name}.`, "email");
    }
    const here = theirs.find((row) => row.projectSiteId === facts.id);
    if (here?.status === "CONFIRMED") {
      if (here.role === input.role) throw new DomainError(`${person.name} is already in the team as ${input.role === "SITE_LEAD" ? "a site lead" : "a collaborator"}.`, "email");
      return changeRole(tx, actor.id, facts, { id: here.id, userId: person.id, name: person.name, from: here.role, to: input.role });
    }
    await assertRoom(tx, facts, input.role);
    const data = { role: input.role, status: "CONFIRMED" as const, decidedAt: new Date() };
    const collaborationId = here
      ? (await tx.collaboration.update({ where: { id: here.id }, data, select: { id: true } })).id
      : (await tx.collaboration.create({ data: { ...data, projectSiteId: facts.id, userId: person.id }, select: { id: true } })).id;
    await audit(tx, {
      actorId: actor.id,
      action: "collaboration.added",
      entityType: "Collaboration",
      entityId: collaborationId,
      ...(here ? { before: { status: here.status } } : {}),
      after: { status: "CONFIRMED", role: input.role, projectSiteId: facts.id, userId: person.id },
    });
    await notify(tx, [person.id], {
      kind: "collaboration.added",
      projectId: facts.project.id,
      message: `You were added as ${input.role === "SITE_LEAD" ? "a site lead" : "a collaborator"} on "${facts.project.title}" at ${facts.site.name}.`,
      link: input.role === "SITE_LEAD" ? sitePath(facts) : "/dashboard/research",
    });
    return { collaborationId, outcome: "added" as const };
  });
}

/** Makes a confirmed member a site lead or a collaborator, within the limits of each role. */
async function changeRole(
  tx: DatabaseTransaction,
  actorId: string,
  facts: ProjectSiteFacts,
  member: { id: string; userId: string; name: string; from: CollaborationRole; to: CollaborationRole },
) {
  if (member.from === "SITE_LEAD") {
    const leads = await tx.collaboration.count({ where: { projectSiteId: facts.id, role: "SITE_LEAD", status: "CONFIRMED" } });
    if (leads <= 1) throw new DomainError("A site needs a site lead. Make someone else a site lead first.", "role");
  }
  await assertRoom(tx, facts, member.to);
  await tx.collaboration.update({ where: { id: member.id }, data: { role: member.to } });
  await audit(tx, {
    actorId,
    action: "collaboration.roleChanged",
    entityType: "Collaboration",
    entityId: member.id,
    before: { role: member.from },
    after: { role: member.to },
  });
  if (member.userId !== actorId) {
    await notify(tx, [member.userId], {
      kind: "collaboration.added",
      projectId: facts.project.id,
      message: `You are now ${member.to === "SITE_LEAD" ? "a site lead" : "a collaborator"} on "${facts.project.title}" at ${facts.site.name}.`,
      link: member.to === "SITE_LEAD" ? sitePath(facts) : "/dashboard/research",
    });
  }
  return { collaborationId: member.id, outcome: "roleChanged" as const };
}

async function memberOf(facts: ProjectSiteFacts, collaborationId: string) {
  assertUuid(collaborationId, "That member");
  // Scoped by the site: another site's collaboration id is simply not found here.
  const row = await db.collaboration.findFirst({
    where: { id: collaborationId, projectSiteId: facts.id },
    select: { id: true, userId: true, role: true, status: true, contribution: true, user: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError("That member");
  return row;
}

/** The site lead answers a request to join, from the site's team page. */
export async function decideTeamRequest(actor: AuthzActor | null, projectSiteId: string, collaborationId: string, decision: "CONFIRM" | "DECLINE") {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.manageTeam", authzFacts(facts));
  await memberOf(facts, collaborationId);
  await decideRequest(actor, collaborationId, decision);
}

/** The site lead takes a confirmed member off the team (asked to confirm first, in the page). */
export async function removeMember(actor: AuthzActor | null, projectSiteId: string, collaborationId: string): Promise<void> {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.manageTeam", authzFacts(facts));
  assertTeamOpen(facts);
  const member = await memberOf(facts, collaborationId);
  if (member.status !== "CONFIRMED") throw new DomainError(`${member.user.name} is not in the team.`);
  await db.$transaction(async (tx) => {
    await lockSite(tx, facts.id);
    if (member.role === "SITE_LEAD") {
      const leads = await tx.collaboration.count({ where: { projectSiteId: facts.id, role: "SITE_LEAD", status: "CONFIRMED" } });
      if (leads <= 1) throw new DomainError("A site needs a site lead. Add another site lead before you remove this one.");
    }
    const { count } = await tx.collaboration.updateMany({
      where: { id: member.id, status: "CONFIRMED" },
      data: { status: "LEFT", decidedAt: new Date() },
    });
    if (count === 0) throw new DomainError("This has already changed: reload the page.");
    await audit(tx, {
      actorId: actor.id,
      action: "collaboration.removed",
      entityType: "Collaboration",
      entityId: member.id,
      before: { status: "CONFIRMED", role: member.role },
      after: { status: "LEFT" },
    });
    if (member.userId !== actor.id) {
      await notify(tx, [member.userId], {
        kind: "collaboration.removed",
        projectId: facts.project.id,
        message: `The site lead removed you from the team of "${facts.project.title}" at ${facts.site.name}.`,
        link: "/dashboard/research",
      });
    }
  });
}

/** The site lead records what a member did, for the authorship list and the certificate. */
export async function recordContribution(actor: AuthzActor | null, input: ContributionInput): Promise<void> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "site.manageTeam", authzFacts(facts));
  const member = await memberOf(facts, input.collaborationId);
  if (member.status !== "CONFIRMED") throw new DomainError(`${member.user.name} is not in the team.`, "contribution");
  if (member.contribution === input.contribution) return;
  await db.$transaction(async (tx) => {
    await tx.collaboration.update({ where: { id: member.id }, data: { contribution: input.contribution } });
    await audit(tx, {
      actorId: actor.id,
      action: "collaboration.contributionRecorded",
      entityType: "Collaboration",
      entityId: member.id,
      before: { contribution: member.contribution },
      after: { contribution: input.contribution },
    });
  });
}
