import "server-only";
// The one place that knows how a project moves through its lifecycle: the
// table of allowed moves (from which states, to which, by whom, under which
// guard) and one function per move. Every move re-checks the state inside its
// transaction with a conditional update, so two people pressing buttons at the
// same moment cannot both move the project, and no route (page, action, a
// hand-made POST) can make a move the table does not allow.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { audit } from "@/lib/audit";
import { settings } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ProjectStatus, type Recommendation } from "@/lib/generated/prisma/enums";
import { committeeExcept, notify } from "@/lib/notifications/notifications";
import { fieldErrorsOf } from "@/lib/validation/form-state";
import { STATUS_LABELS } from "@/lib/validation/projects";
import { proposalFormInput, proposalSubmitSchema, type DecisionInput } from "@/lib/validation/proposals";
import { assertProjectId, CONTENT_SELECT, contentOf, uniqueSlug } from "./content";
import { sitesReadyToCollect } from "@/lib/sites/governance";
import { callRefusal } from "@/lib/reviews/calls";

export type LifecycleAction =
  | "submit"
  | "review"
  | "approve"
  | "requestChanges"
  | "reject"
  | "withdraw"
  | "openToSites"
  | "startCollection"
  | "startAnalysis"
  | "complete";

/** Who makes a move: a lead or co-lead of the project, or the committee (committee members and admins who do not lead it). */
export type Mover = "lead" | "committee";

export interface Transition {
  action: LifecycleAction;
  from: readonly ProjectStatus[];
  to: ProjectStatus;
  who: Mover;
  /** The rule beyond the state, in words; checked by the move's function. */
  guard?: string;
}

const { DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SITE_SETUP, DATA_COLLECTION, ANALYSIS, COMPLETED, REJECTED, WITHDRAWN } =
  ProjectStatus;

export const LIFECYCLE: readonly Transition[] = [
  { action: "submit", from: [DRAFT, CHANGES_REQUESTED], to: SUBMITTED, who: "lead", guard: "every field of the proposal is complete" },
  { action: "review", from: [SUBMITTED, IN_REVIEW], to: IN_REVIEW, who: "committee", guard: "one review per reviewer per version" },
  { action: "approve", from: [IN_REVIEW], to: APPROVED, who: "committee", guard: "enough reviews of the current version" },
  { action: "requestChanges", from: [IN_REVIEW], to: CHANGES_REQUESTED, who: "committee", guard: "enough reviews of the current version" },
  { action: "reject", from: [IN_REVIEW], to: REJECTED, who: "committee", guard: "enough reviews of the current version" },
  { action: "withdraw", from: [DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SITE_SETUP], to: WITHDRAWN, who: "lead" },
  { action: "openToSites", from: [APPROVED], to: SITE_SETUP, who: "lead" },
  {
    action: "startCollection",
    from: [SITE_SETUP],
    to: DATA_COLLECTION,
    who: "lead",
    guard: "a site has recorded its approvals and the collection window has opened",
  },
  { action: "startAnalysis", from: [DATA_COLLECTION], to: ANALYSIS, who: "lead" },
  { action: "complete", from: [ANALYSIS], to: COMPLETED, who: "lead" },
];

export const ACTION_LABELS: Record<LifecycleAction, string> = {
  submit: "Submit for review",
  review: "Review",
  approve: "Approve",
  requestChanges: "Request changes",
  reject: "Reject",
  withdraw: "Withdraw the project",
  openToSites: "Open to sites",
  startCollection: "Start data collection",
  startAnalysis: "Close data collection and start analysis",
  complete: "Mark as completed",
};

const DECISION_ACTIONS: Record<Recommendation, LifecycleAction> = {
  APPROVE: "approve",
  REQUEST_CHANGES: "requestChanges",
  REJECT: "reject",
};

function transitionOf(action: LifecycleAction): Transition {
  return LIFECYCLE.find((transition) => transition.action === action)!;
}

/** Whether the table allows `action` from `status` (guards aside). */
export function allows(action: LifecycleAction, status: ProjectStatus): boolean {
  return transitionOf(action).from.includes(status);
}

/** The moves a lead's management page offers in a state, in the order of the lifecycle. */
export function leadMovesFrom(status: ProjectStatus): LifecycleAction[] {
  return LIFECYCLE.filter((transition) => transition.who === "lead" && transition.action !== "submit" && transition.from.includes(status)).map(
    (transition) => transition.action,
  );
}

export function reviewsRequiredForDecision(): number {
  return settings().REVIEWS_REQUIRED_FOR_DECISION;
}

/**
 * Why the actor cannot record the committee's decision on a proposal now, or null: the one
 * statement of the decision's rules, which the review page shows and decideProposal's guard
 * refuses with. `reviewsThisRound` counts the reviews of the version under review.
 */
export function cannotDecideReason(
  actor: AuthzActor,
  project: { status: ProjectStatus; leadIds: readonly string[]; conflictedIds?: readonly string[] },
  reviewsThisRound: number,
  required: number = reviewsRequiredForDecision(),
): string | null {
  if (!can(actor, "project.decide", { projectLeadIds: project.leadIds, conflictedIds: project.conflictedIds })) {
    if (project.leadIds.includes(actor.id)) return "You lead this proposal, so you cannot decide on it.";
    if (project.conflictedIds?.includes(actor.id)) return "You declared a conflict of interest in this proposal, so you do not decide on it.";
    return "Only the committee decides on proposals.";
  }
  if (!allows(DECISION_ACTIONS.APPROVE, project.status)) return "A decision can be recorded once the proposal is in review.";
  if (reviewsThisRound < required) {
    return `The committee can decide once ${required} reviews of this version are in. There ${reviewsThisRound === 1 ? "is" : "are"} ${reviewsThisRound} so far.`;
  }
  return null;
}

interface ProjectFacts {
  id: string;
  status: ProjectStatus;
  title: string;
  leadIds: string[];
  /** Committee members who declared a conflict of interest in it (lib/reviews/conflicts): they neither review nor decide. */
  conflictedIds: string[];
}

async function loadFacts(projectId: string): Promise<ProjectFacts> {
  assertProjectId(projectId);
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { id: true, status: true, title: true, leads: { select: { userId: true } }, conflicts: { select: { userId: true } } },
  });
  if (!project) throw new NotFoundError("That project");
  return {
    id: project.id,
    status: project.status,
    title: project.title,
    leadIds: project.leads.map((lead) => lead.userId),
    conflictedIds: project.conflicts.map((conflict) => conflict.userId),
  };
}

function authorise(actor: AuthzActor | null, transition: Transition, facts: ProjectFacts): asserts actor is AuthzActor {
  const permission =
    transition.who === "lead" ? "project.transition" : transition.action === "review" ? "project.review" : "project.decide";
  assertCan(actor, permission, { projectLeadIds: facts.leadIds, conflictedIds: facts.conflictedIds });
}

interface MoveOptions {
  /** Refuses the move with the sentence returned, checked inside the transaction. */
  guard?: (tx: DatabaseTransaction, project: ProjectFacts) => Promise<string | null>;
  /** Further columns to set with the new status. */
  data?: (tx: DatabaseTransaction, project: ProjectFacts) => Promise<Prisma.ProjectUpdateManyMutationInput>;
  /** Only if the project is still at this version (a lead's form submits the version it was loaded at). */
  expectedVersion?: number;
  /** The rest of the move's work, in the same transaction, after the status changed; its result goes in the audit row. */
  then?: (tx: DatabaseTransaction, project: ProjectFacts) => Promise<Prisma.InputJsonObject | void>;
}

export interface MoveResult {
  id: string;
  from: ProjectStatus;
  to: ProjectStatus;
}

/**
 * Makes one move of the table, or refuses it with nothing changed: by the
 * permission table, by the state, by the guard, and again by a conditional
 * update in case another move got there first.
 */
export async function move(actor: AuthzActor | null, projectId: string, action: LifecycleAction, options: MoveOptions = {}): Promise<MoveResult> {
  const transition = transitionOf(action);
  const facts = await loadFacts(projectId);
  authorise(actor, transition, facts);
  if (!transition.from.includes(facts.status)) {
    throw new DomainError(
      `You cannot ${ACTION_LABELS[action].toLowerCase()} while the project is ${STATUS_LABELS[facts.status].toLowerCase()}.`,
    );
  }
  return db.$transaction(async (tx) => {
    const reason = options.guard ? await options.guard(tx, facts) : null;
    if (reason) throw new DomainError(reason);
    const extra = options.data ? await options.data(tx, facts) : {};
    const { count } = await tx.project.updateMany({
      where: {
        id: facts.id,
        status: facts.status,
        ...(options.expectedVersion === undefined ? {} : { version: options.expectedVersion }),
      },
      data: { ...extra, status: transition.to, version: { increment: 1 } },
    });
    if (count === 0) {
      throw new DomainError("Someone else changed this project while you were looking at it. Reload the page to see where it stands now.");
    }
    const details = options.then ? await options.then(tx, facts) : undefined;
    await audit(tx, {
      actorId: actor.id,
      action: `project.${action}`,
      entityType: "Project",
      entityId: facts.id,
      before: { status: facts.status },
      after: { status: transition.to, ...(extra as Prisma.InputJsonObject), ...(details ?? {}) } as Prisma.InputJsonObject,
    });
    return { id: facts.id, from: facts.status, to: transition.to };
  });
}

/** The proposal lacks something the committee needs; each field's message is in `fieldErrors`. */
export class IncompleteProposalError extends DomainError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("The proposal is not complete yet. Complete the fields marked, then submit it again.");
    this.name = "IncompleteProposalError";
  }
}

/**
 * Sends a draft, or a revision after changes were requested, to the committee,
 * keeping what was sent as the next ProjectVersion (the next review round).
 */
export async function submitProposal(actor: AuthzActor | null, projectId: string, options: { expectedVersion?: number } = {}) {
  let versionNumber = 0;
  return move(actor, projectId, "submit", {
    expectedVersion: options.expectedVersion,
    guard: async (tx, facts) => {
      const project = await tx.project.findUniqueOrThrow({ where: { id: facts.id }, select: CONTENT_SELECT });
      const parsed = proposalSubmitSchema.safeParse(proposalFormInput(contentOf(project)));
      if (!parsed.success) throw new IncompleteProposalError(fieldErrorsOf(parsed.error));
      // A proposal in a call for proposals is first submitted while the call is open.
      return callRefusal(tx, facts.id, facts.status === DRAFT);
    },
    data: async (tx, facts) => ({
      submittedAt: new Date(),
      // The address is settled from the title as it was first submitted.
      ...(facts.status === DRAFT ? { slug: await uniqueSlug(tx, facts.title, facts.id) } : {}),
    }),
    then: async (tx, facts) => {
      const [project, latest] = await Promise.all([
        tx.project.findUniqueOrThrow({ where: { id: facts.id }, select: CONTENT_SELECT }),
        tx.projectVersion.findFirst({ where: { projectId: facts.id }, orderBy: { number: "desc" }, select: { number: true } }),
      ]);
      versionNumber = (latest?.number ?? 0) + 1;
      await tx.projectVersion.create({
        data: { projectId: facts.id, number: versionNumber, content: { ...contentOf(project) }, submittedById: actor!.id },
      });
      const committee = await committeeExcept(tx, facts.leadIds);
      await notify(tx, committee, {
        kind: versionNumber === 1 ? "proposal.toReview" : "proposal.resubmitted",
        projectId: facts.id,
        message:
          versionNumber === 1
            ? `New proposal to review: ${project.title}`
            : `Resubmitted after changes (version ${versionNumber}): ${project.title}`,
        link: `/dashboard/review/${facts.id}`,
      });
      return { versionNumber };
    },
  });
}

/**
 * The number of the version under review: the latest submitted proposal (0 before the first
 * submission). An approved amendment's version (kind AMENDMENT) is not a review round.
 */
export async function currentRound(tx: DatabaseTransaction, projectId: string): Promise<number> {
  const latest = await tx.projectVersion.findFirst({
    where: { projectId, kind: "PROPOSAL" },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return latest?.number ?? 0;
}

/** The committee's decision on the current version, with its message to the leads. */
export async function decideProposal(actor: AuthzActor | null, projectId: string, input: DecisionInput) {
  const required = reviewsRequiredForDecision();
  return move(actor, projectId, DECISION_ACTIONS[input.decision], {
    guard: async (tx, facts) => {
      const round = await currentRound(tx, facts.id);
      const reviews = await tx.review.count({ where: { projectId: facts.id, round } });
      return cannotDecideReason(actor!, facts, reviews, required);
    },
    then: async (tx, facts) => {
      const decision = await tx.projectDecision.create({
        data: { projectId: facts.id, decidedById: actor!.id, decision: input.decision, message: input.message },
        select: { id: true, decision: true, message: true },
      });
      const said =
        input.decision === "APPROVE"
          ? "The committee approved your proposal"
          : input.decision === "REJECT"
            ? "The committee did not approve your proposal"
            : "The committee asked for changes to your proposal";
      await notify(tx, facts.leadIds, {
        kind: input.decision === "REQUEST_CHANGES" ? "proposal.changesRequested" : "proposal.decided",
        projectId: facts.id,
        message: `${said}: ${facts.title}`,
        link: `/dashboard/proposals/${facts.id}`,
      });
      return { decision };
    },
  });
}

export async function withdrawProject(actor: AuthzActor | null, projectId: string) {
  return move(actor, projectId, "withdraw");
}

/** Opens the project to hospitals; members who asked to hear of new projects are told in the weekly e-mail (lib/notifications/new-projects). */
export async function openToSites(actor: AuthzActor | null, projectId: string) {
  return move(actor, projectId, "openToSites", { data: async () => ({ openedToSitesAt: new Date() }) });
}

/** Needs a site whose governance checklist is complete and checked (lib/sites/governance.ts), and the collection window open (its start today or earlier). */
export async function startCollection(actor: AuthzActor | null, projectId: string, today: Date = new Date()) {
  return move(actor, projectId, "startCollection", {
    guard: async (tx, facts) => {
      const [project, readySites] = await Promise.all([
        tx.project.findUniqueOrThrow({ where: { id: facts.id }, select: { collectionStart: true } }),
        sitesReadyToCollect(tx, facts.id),
      ]);
      if (readySites === 0) {
        return "Data collection cannot start until at least one site has its governance checklist complete and checked by a project lead (and, for research, the project's IRAS number and REC reference are recorded).";
      }
      if (!project.collectionStart) return "Data collection cannot start until the project has a collection window.";
      const endOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
      if (project.collectionStart.getTime() > endOfToday) {
        return `Data collection cannot start before the collection window opens on ${formatDate(project.collectionStart)}.`;
      }
      return null;
    },
  });
}

export async function startAnalysis(actor: AuthzActor | null, projectId: string) {
  return move(actor, projectId, "startAnalysis");
}

export async function completeProject(actor: AuthzActor | null, projectId: string) {
  return move(actor, projectId, "complete");
}

/** The lead's moves by name, for the one action that serves every button of the management page. */
export const LEAD_MOVES = {
  withdraw: withdrawProject,
  openToSites,
  startCollection: (actor: AuthzActor | null, projectId: string) => startCollection(actor, projectId),
  startAnalysis,
  complete: completeProject,
} as const satisfies Partial<Record<LifecycleAction, (actor: AuthzActor | null, projectId: string) => Promise<MoveResult>>>;
export type LeadMove = keyof typeof LEAD_MOVES;
