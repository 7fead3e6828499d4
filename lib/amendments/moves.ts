import "server-only";
// An amendment's lifecycle, like the project's (lib/projects/lifecycle.ts): a table of moves, one
// function per move, each in one transaction with a conditional update of the amendment's status,
// so two people deciding at once cannot both decide, and the audit row in the same transaction.
// Until the committee approves an amendment nothing of the project changes: it runs on the
// approved version.
import { assertCan, type AuthzActor, type ResourceFacts } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AmendmentStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { declinedRecently, offerPlace } from "@/lib/invitations/send";
import { notify } from "@/lib/notifications/notifications";
import { CONTENT_SELECT, contentOf } from "@/lib/projects/content";
import type { AmendmentDecisionInput, AmendmentInput } from "@/lib/validation/amendments";
import { changesOf, changesSiteWork, isEmpty, siteSentences, type AmendmentChanges } from "./changes";

export type AmendmentAction = "propose" | "approve" | "reject" | "withdraw";

export interface AmendmentMove {
  action: AmendmentAction;
  /** null: the move creates the amendment. */
  from: AmendmentStatus | null;
  to: AmendmentStatus;
  who: "lead" | "committee";
  guard?: string;
}

const { PROPOSED, APPROVED, REJECTED, WITHDRAWN } = AmendmentStatus;

export const AMENDMENT_MOVES: readonly AmendmentMove[] = [
  { action: "propose", from: null, to: PROPOSED, who: "lead", guard: "the project is approved and not past data collection; no other amendment is pending; something changes" },
  { action: "approve", from: PROPOSED, to: APPROVED, who: "committee", guard: "the project can still be amended" },
  { action: "reject", from: PROPOSED, to: REJECTED, who: "committee", guard: "a message says why" },
  { action: "withdraw", from: PROPOSED, to: WITHDRAWN, who: "lead" },
];

/** The states in which an approved project may be amended: after approval, until data collection ends. */
export const AMENDABLE_STATUSES: readonly ProjectStatus[] = [ProjectStatus.APPROVED, ProjectStatus.SITE_SETUP, ProjectStatus.DATA_COLLECTION];

export const STATUS_WORDS: Record<AmendmentStatus, string> = {
  PROPOSED: "waiting for the committee",
  APPROVED: "approved",
  REJECTED: "not approved",
  WITHDRAWN: "withdrawn",
};

/** What became of the co-leads an amendment named, said before their names. */
export const INVITES_LABEL: Record<AmendmentStatus, string> = {
  PROPOSED: "To be invited to co-lead once approved: ",
  APPROVED: "Invited to co-lead: ",
  REJECTED: "Proposed as co-leads, not invited as the amendment was not approved: ",
  WITHDRAWN: "Proposed as co-leads, not invited as the amendment was withdrawn: ",
};

const CHANGED_MEANWHILE = "Someone else decided on or withdrew this amendment while you were looking at it. Reload the page to see where it stands now.";

/** Why the project cannot be amended in this state, or null. */
export function notAmendableReason(status: ProjectStatus): string | null {
  return AMENDABLE_STATUSES.includes(status)
    ? null
    : "A project can be amended once the committee has approved it, until its data collection ends.";
}

/** Why the actor cannot decide on an amendment of this project, or null: the page and the move ask the same. */
export function cannotDecideAmendmentReason(actor: AuthzActor, facts: { leadIds: readonly string[]; conflictedIds: readonly string[] }): string | null {
  if (facts.leadIds.includes(actor.id)) return "You lead this project, so you cannot decide on its amendments.";
  if (facts.conflictedIds.includes(actor.id)) return "You declared a conflict of interest in this project, so you cannot decide on its amendments.";
  if (actor.role !== "COMMITTEE" && actor.role !== "ADMIN") return "Only the committee decides on amendments.";
  return null;
}

export interface AmendmentFacts {
  id: string;
  number: number;
  status: AmendmentStatus;
  changes: AmendmentChanges;
  proposedById: string | null;
  project: { id: string; slug: string; title: string; status: ProjectStatus; leadIds: string[]; conflictedIds: string[] };
}

export function authzFactsOf(facts: AmendmentFacts): ResourceFacts {
  return { projectLeadIds: facts.project.leadIds, conflictedIds: facts.project.conflictedIds };
}

/** An amendment with what the permission table needs about its project; not found for an id that names none. */
export async function loadAmendment(amendmentId: string): Promise<AmendmentFacts> {
  if (!isUuid(amendmentId)) throw new NotFoundError("That amendment");
  const row = await db.projectAmendment.findUnique({
    where: { id: amendmentId },
    select: {
      id: true,
      number: true,
      status: true,
      changes: true,
      proposedById: true,
      project: {
        select: {
          id: true,
          slug: true,
          title: true,
          status: true,
          leads: { select: { userId: true } },
          conflicts: { select: { userId: true } },
        },
      },
    },
  });
  if (!row) throw new NotFoundError("That amendment");
  const { project } = row;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    changes: row.changes as AmendmentChanges,
    proposedById: row.proposedById,
    project: {
      id: project.id,
      slug: project.slug,
      title: project.title,
      status: project.status,
      leadIds: project.leads.map((lead) => lead.userId),
      conflictedIds: project.conflicts.map((conflict) => conflict.userId),
    },
  };
}

async function lockProject(tx: DatabaseTransaction, projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId}::uuid FOR UPDATE`;
}

/**
 * A lead proposes to change the window, the targets, the methods, the data items or the co-leads
 * of an approved project. Only the fields that change are kept. One amendment waits at a time.
 */
export async function proposeAmendment(actor: AuthzActor | null, input: AmendmentInput): Promise<{ id: string; number: number; slug: string }> {
  if (!isUuid(input.projectId)) throw new NotFoundError("That project");
  const project = await db.project.findUnique({
    where: { id: input.projectId },
    select: { id: true, slug: true, status: true, leads: { select: { userId: true } } },
  });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, "amendment.propose", { projectLeadIds: project.leads.map((lead) => lead.userId) });
  const closed = notAmendableReason(project.status);
  if (closed) throw new DomainError(closed);
  try {
    return await db.$transaction(async (tx) => {
      await lockProject(tx, project.id);
      const [row, pending, latest, coLeads] = await Promise.all([
        tx.project.findUniqueOrThrow({ where: { id: project.id }, select: { ...CONTENT_SELECT, status: true, leads: { select: { userId: true, role: true, user: { select: { name: true, email: true } } }, orderBy: { addedAt: "asc" } } } }),
        tx.projectAmendment.findFirst({ where: { projectId: project.id, status: PROPOSED }, select: { number: true } }),
        tx.projectAmendment.findFirst({ where: { projectId: project.id }, orderBy: { number: "desc" }, select: { number: true } }),
        tx.projectLead.findMany({ where: { projectId: project.id, role: "CO_LEAD" }, select: { userId: true, user: { select: { name: true } } }, orderBy: { addedAt: "asc" } }),
      ]);
      const stillClosed = notAmendableReason(row.status);
      if (stillClosed) throw new DomainError(stillClosed);
      if (pending) {
        throw new DomainError(
          `Amendment ${pending.number} is still waiting for the committee. Wait for its decision, or withdraw it, before proposing another.`,
        );
      }
      if (input.inviteCoLead && row.leads.some((lead) => lead.user.email === input.inviteCoLead!.trim().toLowerCase())) {
        throw new DomainError("That person already leads this project.", "inviteCoLead");
      }
      const current = contentOf({ ...row, leads: row.leads.filter((lead) => lead.role === "CO_LEAD") });
      const changes = changesOf(
        current,
        coLeads.map((lead) => ({ id: lead.userId, name: lead.user.name })),
        input,
      );
      if (isEmpty(changes)) {
        throw new DomainError("The amendment changes nothing. Change at least one field, or a co-lead, before sending it to the committee.");
      }
      const number = (latest?.number ?? 0) + 1;
      const amendment = await tx.projectAmendment.create({
        data: { projectId: project.id, number, changes: changes as Prisma.InputJsonObject, reason: input.reason, proposedById: actor.id },
        select: { id: true, number: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "project.amendmentProposed",
        entityType: "Project",
        entityId: project.id,
        after: { amendmentId: amendment.id, number, changes: changes as Prisma.InputJsonObject, reason: input.reason },
      });
      return { ...amendment, slug: project.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("Another lead proposed an amendment at the same moment. Reload the page to see it.");
    }
    throw error;
  }
}

/** The committee's decision on an amendment: one committee member, or the chair, decides. */
export async function decideAmendment(actor: AuthzActor | null, input: AmendmentDecisionInput, now: Date = new Date()): Promise<{ status: AmendmentStatus }> {
  const facts = await loadAmendment(input.amendmentId);
  assertCan(actor, "amendment.decide", authzFactsOf(facts));
  // Whoever it invites to co-lead has a stake in it, as a lead has.
  const invited = facts.changes.coLeads?.invite ?? [];
  if (invited.length > 0) {
    const me = await db.user.findUnique({ where: { id: actor.id }, select: { email: true } });
    if (me && invited.includes(me.email.toLowerCase())) throw new DomainError("This amendment invites you to co-lead the project, so you cannot decide on it.");
  }
  if (facts.status !== PROPOSED) throw new DomainError(`This amendment is ${STATUS_WORDS[facts.status]}: there is nothing left to decide.`);
  const closed = notAmendableReason(facts.project.status);
  if (closed) throw new DomainError(closed);
  const to = input.decision === "APPROVE" ? APPROVED : REJECTED;
  return db.$transaction(async (tx) => {
    const { count } = await tx.projectAmendment.updateMany({
      where: { id: facts.id, status: PROPOSED },
      data: { status: to, decidedById: actor.id, decidedAt: now, decisionMessage: input.message },
    });
    if (count === 0) throw new DomainError(CHANGED_MEANWHILE);
    const details: Prisma.InputJsonObject = { amendmentId: facts.id, number: facts.number, message: input.message };
    if (to === APPROVED) Object.assign(details, await applyAmendment(tx, actor, facts, now));
    await audit(tx, {
      actorId: actor.id,
      action: to === APPROVED ? "project.amendmentApproved" : "project.amendmentRejected",
      entityType: "Project",
      entityId: facts.project.id,
      before: { amendmentStatus: PROPOSED },
      after: { amendmentStatus: to, ...details },
    });
    await notify(tx, facts.project.leadIds, {
      kind: "amendment.decided",
      projectId: facts.project.id,
      message:
        to === APPROVED
          ? `The committee approved amendment ${facts.number} to ${facts.project.title}`
          : `The committee did not approve amendment ${facts.number} to ${facts.project.title}`,
      link: `/dashboard/projects/${facts.project.slug}/amendments`,
    });
    return { status: to };
  });
}

/** The approved amendment's changes applied to the project, kept as a new version, and told to those it concerns. */
async function applyAmendment(tx: DatabaseTransaction, actor: AuthzActor, facts: AmendmentFacts, now: Date): Promise<Prisma.InputJsonObject> {
  const { changes } = facts;
  const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : undefined);
  const data: Prisma.ProjectUpdateManyMutationInput = {};
  if (changes.collectionStart) data.collectionStart = day(changes.collectionStart);
  if (changes.collectionEnd) data.collectionEnd = day(changes.collectionEnd);
  if (changes.targetSites != null) data.targetSites = changes.targetSites;
  if (changes.targetCasesPerSite != null) data.targetCasesPerSite = changes.targetCasesPerSite;
  if (changes.methods !== undefined) data.methods = changes.methods;
  if (changes.dataItems !== undefined) data.dataItems = changes.dataItems;
  const { count } = await tx.project.updateMany({
    where: { id: facts.project.id, status: { in: [...AMENDABLE_STATUSES] } },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new DomainError(notAmendableReason(ProjectStatus.ANALYSIS)!);

  const invited: string[] = [];
  if (changes.coLeads) {
    const removeIds = changes.coLeads.remove.map((lead) => lead.id);
    if (removeIds.length > 0) await tx.projectLead.deleteMany({ where: { projectId: facts.project.id, userId: { in: removeIds }, role: "CO_LEAD" } });
    // Nobody becomes a co-lead unasked: the approval sends the invitation, which the person accepts or not.
    const inviterId = facts.proposedById && facts.project.leadIds.includes(facts.proposedById) ? facts.proposedById : facts.project.leadIds[0]!;
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: inviterId }, select: { id: true, name: true } });
    for (const email of changes.coLeads.invite) {
      const place = { kind: "CO_LEAD" as const, projectId: facts.project.id, projectSiteId: null, email };
      if (await declinedRecently(tx, place, now)) continue;
      const member = await tx.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, name: true } });
      if (member && facts.project.leadIds.includes(member.id)) continue;
      await offerPlace(tx, { kind: "CO_LEAD", project: { id: facts.project.id, title: facts.project.title }, site: null, email, invitee: member, inviter, label: email }, now);
      invited.push(email);
    }
  }

  const [project, latest] = await Promise.all([
    tx.project.findUniqueOrThrow({ where: { id: facts.project.id }, select: CONTENT_SELECT }),
    tx.projectVersion.findFirst({ where: { projectId: facts.project.id }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  const versionNumber = (latest?.number ?? 0) + 1;
  await tx.projectVersion.create({
    data: { projectId: facts.project.id, number: versionNumber, kind: "AMENDMENT", content: { ...contentOf(project) }, submittedById: facts.proposedById ?? actor.id, submittedAt: now },
  });
  await tx.projectAmendment.update({ where: { id: facts.id }, data: { versionNumber } });

  let siteLeadsTold = 0;
  if (changesSiteWork(changes)) {
    const siteLeads = await tx.collaboration.findMany({
      where: { role: "SITE_LEAD", status: "CONFIRMED", projectSite: { projectId: facts.project.id, status: { not: "WITHDRAWN" } } },
      select: { userId: true },
    });
    const userIds = [...new Set(siteLeads.map((lead) => lead.userId))];
    siteLeadsTold = userIds.length;
    await notify(tx, userIds, {
      kind: "project.amended",
      projectId: facts.project.id,
      message: `${facts.project.title} was amended. ${siteSentences(changes).join(" ")}`,
      link: `/projects/${facts.project.slug}`,
    });
  }
  return { versionNumber, invited, siteLeadsTold };
}

/** A lead takes back an amendment the committee has not decided on yet. */
export async function withdrawAmendment(actor: AuthzActor | null, amendmentId: string): Promise<{ slug: string }> {
  const facts = await loadAmendment(amendmentId);
  assertCan(actor, "amendment.propose", authzFactsOf(facts));
  if (facts.status !== PROPOSED) throw new DomainError(`This amendment is ${STATUS_WORDS[facts.status]}, so it cannot be withdrawn.`);
  await db.$transaction(async (tx) => {
    const { count } = await tx.projectAmendment.updateMany({ where: { id: facts.id, status: PROPOSED }, data: { status: WITHDRAWN } });
    if (count === 0) throw new DomainError(CHANGED_MEANWHILE);
    await audit(tx, {
      actorId: actor.id,
      action: "project.amendmentWithdrawn",
      entityType: "Project",
      entityId: facts.project.id,
      before: { amendmentStatus: PROPOSED },
      after: { amendmentStatus: WITHDRAWN, amendmentId: facts.id, number: facts.number },
    });
  });
  return { slug: facts.project.slug };
}
