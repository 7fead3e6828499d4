import "server-only";
import { can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ConflictKind, ProjectStatus, Recommendation } from "@/lib/generated/prisma/enums";
import { SCORE_CRITERIA, spreadOf, type ScoreCriterion, type Spread } from "@/lib/validation/scores";
import { assertProjectId } from "@/lib/projects/content";
import { diffProposalVersions, type FieldChange } from "@/lib/projects/diff";
import { cannotDecideReason, currentRound, move, reviewsRequiredForDecision } from "@/lib/projects/lifecycle";
import type { ProposalContent, ReviewInput } from "@/lib/validation/proposals";
import { isUniqueViolation } from "@/lib/database/unique-violation";

export const AWAITING_REVIEW: ProjectStatus[] = ["SUBMITTED", "IN_REVIEW"];

export interface ReviewRow {
  id: string;
  round: number;
  reviewer: string;
  mine: boolean;
  importance: number;
  feasibility: number;
  clarity: number;
  comment: string;
  recommendation: Recommendation;
  createdAt: Date;
}

export interface VersionRow {
  number: number;
  submittedAt: Date;
  submittedBy: string;
  content: ProposalContent;
  /** What changed from the version before (empty for the first). */
  changes: FieldChange[];
}

export interface ConflictRow {
  member: string;
  mine: boolean;
  kind: ConflictKind;
  /** Shown to the member who wrote it, the chair and administrators; empty for anyone else. */
  note: string;
  declaredAt: Date;
}

/** One criterion's scores in the round under review, reviewer by reviewer, with their spread. */
export interface CriterionSpread {
  criterion: ScoreCriterion;
  scores: { reviewer: string; mine: boolean; score: number }[];
  spread: Spread;
}

export interface ReviewView {
  id: string;
  title: string;
  status: ProjectStatus;
  leads: { name: string; role: string }[];
  round: number;
  versions: VersionRow[];
  /**
   * The reviews the actor may read: every earlier round's, and the round under review's only once
   * they may see it (docs/decisions/031). Hidden reviews are never loaded, so never reach the page.
   */
  reviews: ReviewRow[];
  /** Whether the reviews of the round under review are shown; if not, why not (they still see how many are in). */
  currentRoundVisible: boolean;
  currentRoundHiddenReason: string | null;
  /** The spread of the round under review's scores, per criterion: empty while hidden or before any review. */
  spreads: CriterionSpread[];
  decisions: { decision: Recommendation; message: string; decidedAt: Date; decidedBy: string }[];
  reviewsRequired: number;
  reviewsThisRound: number;
  /** Whether the actor may review now, and if not, why not. */
  canReview: boolean;
  cannotReviewReason: string | null;
  canDecide: boolean;
  cannotDecideReason: string | null;
  /** The conflicts of interest declared in the proposal (none shown to its leads). */
  conflicts: ConflictRow[];
  /** The actor's own declaration, if they made one. */
  myConflict: { kind: ConflictKind; declaredAt: Date } | null;
  /** Whether the actor may declare a conflict of interest now, and if not, why not (null when it does not apply to them). */
  canDeclareConflict: boolean;
  /** Whether the actor may ask members to review it by a date (the chair or an administrator, not a lead or a conflicted member). */
  canAssignReviewers: boolean;
  cannotDeclareConflictReason: string | null;
  /** The actor's home hospital is a lead's: the page suggests declaring a conflict (it never declares one for them). */
  sameHospitalAsLead: boolean;
}

/**
 * Whether the actor may read the reviews of the round under review before the committee decides
 * (docs/decisions/031): a reviewer once their own review is in, a member once they declared a
 * conflict, and the chair or an administrator who must decide, unless they were asked to review
 * this round themselves and have not. A lead never, and nobody else.
 */
function currentRoundHiddenReason(
  actor: AuthzActor,
  facts: { awaiting: boolean; lead: boolean; reviewed: boolean; conflicted: boolean; assignedNotReviewed: boolean },
): string | null {
  if (facts.lead) return "You lead this proposal: the committee's reviews reach you with its decision, on your proposal's page.";
  if (!facts.awaiting || facts.reviewed || facts.conflicted) return null;
  const decides = actor.role === "ADMIN" || (actor.role === "COMMITTEE" && actor.chair === true);
  if (decides && !facts.assignedNotReviewed) return null;
  return "Reviews are blind: you see the other reviews of this version once you have sent yours, or declared a conflict of interest.";
}

/**
 * A submitted proposal as the committee reads it: every version with what
 * changed, the reviews the actor may read and the decisions. Drafts never submitted are not found, and
 * nobody outside the committee (or the leads, who see their own pages) finds it.
 * Four statements whatever the number of versions, reviews or people.
 */
export async function getReviewView(actor: AuthzActor, projectId: string): Promise<ReviewView> {
  assertProjectId(projectId);
  const project = await db.project.findFirst({
    where: { id: projectId, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      status: true,
      leads: { select: { userId: true, role: true }, orderBy: { addedAt: "asc" } },
      versions: { where: { kind: "PROPOSAL" }, orderBy: { number: "asc" }, select: { number: true, submittedAt: true, content: true, submittedById: true } },
      // The actor's own reviews and assignments only: which rounds they reviewed, or were asked to.
      reviews: { where: { reviewerId: actor.id }, select: { round: true } },
      reviewAssignments: { where: { reviewerId: actor.id }, select: { round: true } },
      conflicts: { orderBy: { declaredAt: "asc" }, select: { userId: true, kind: true, note: true, declaredAt: true } },
      decisions: {
        orderBy: { decidedAt: "desc" },
        select: { decision: true, message: true, decidedAt: true, decidedById: true },
      },
    },
  });
  const leadIds = project?.leads.map((lead) => lead.userId) ?? [];
  // Not found rather than forbidden: whether a proposal exists is the committee's to know.
  if (!project || !can(actor, "project.readReviews", { projectLeadIds: leadIds })) throw new NotFoundError("That proposal");
  const conflictedIds = project.conflicts.map((conflict) => conflict.userId);
  const facts = { projectLeadIds: leadIds, conflictedIds };

  const round = project.versions.at(-1)?.number ?? 0;
  const awaiting = AWAITING_REVIEW.includes(project.status);
  const lead = leadIds.includes(actor.id);
  const reviewed = project.reviews.some((review) => review.round === round);
  const conflicted = conflictedIds.includes(actor.id);
  const assignedNotReviewed = !reviewed && project.reviewAssignments.some((assignment) => assignment.round === round);
  const hiddenReason = currentRoundHiddenReason(actor, { awaiting, lead, reviewed, conflicted, assignedNotReviewed });
  // What the actor may read, asked of the database: the hidden reviews are not loaded at all.
  const visibleRounds = lead ? { lt: 0 } : hiddenReason ? { lt: round } : undefined;

  const [reviews, reviewsThisRound, homes] = await Promise.all([
    db.review.findMany({
      where: { projectId: project.id, ...(visibleRounds ? { round: visibleRounds } : {}) },
      orderBy: [{ round: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        round: true,
        reviewerId: true,
        importance: true,
        feasibility: true,
        clarity: true,
        comment: true,
        recommendation: true,
        createdAt: true,
      },
    }),
    db.review.count({ where: { projectId: project.id, round } }),
    // Home hospitals of the actor and the leads, to suggest a declaration (never to make one).
    lead ? Promise.resolve([]) : db.traineeProfile.findMany({ where: { userId: { in: [actor.id, ...leadIds] } }, select: { userId: true, homeSiteId: true } }),
  ]);
  // Everyone named on the page, in one statement rather than one per relation.
  const people = await db.user.findMany({
    where: {
      id: {
        in: [
          ...new Set([
            ...leadIds,
            ...project.versions.map((version) => version.submittedById),
            ...reviews.map((review) => review.reviewerId),
            ...project.decisions.map((decision) => decision.decidedById),
            ...conflictedIds,
          ]),
        ],
      },
    },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const name = (id: string) => nameOf.get(id) ?? "A former member";

  const required = reviewsRequiredForDecision();

  let cannotReviewReason: string | null = null;
  if (!can(actor, "project.review", facts)) {
    cannotReviewReason = lead
      ? "You lead this proposal, so you cannot review it."
      : conflicted
        ? "You declared a conflict of interest in this proposal, so you do not review it."
        : "Only the committee reviews proposals.";
  } else if (!awaiting) cannotReviewReason = "This proposal is not awaiting review.";
  else if (reviewed) cannotReviewReason = "You have reviewed this version.";

  const cannotDecide = cannotDecideReason(actor, { status: project.status, leadIds, conflictedIds }, reviewsThisRound, required);

  let cannotDeclareConflictReason: string | null = null;
  if (!can(actor, "proposal.declareConflict", facts)) cannotDeclareConflictReason = lead ? "You lead this proposal." : "Only the committee declares conflicts of interest.";
  else if (conflicted) cannotDeclareConflictReason = "You have declared a conflict of interest in this proposal.";
  else if (!awaiting) cannotDeclareConflictReason = "This proposal is not awaiting review.";
  else if (reviewed) cannotDeclareConflictReason = CONFLICT_AFTER_REVIEW_SENTENCE;

  const homeOf = new Map(homes.map((home) => [home.userId, home.homeSiteId]));
  const myHome = homeOf.get(actor.id);
  const sameHospitalAsLead = !lead && !conflicted && myHome != null && leadIds.some((id) => homeOf.get(id) === myHome);

  let previous: ProposalContent | null = null;
  const versions = project.versions.map((version) => {
    const content = version.content as unknown as ProposalContent;
    const row: VersionRow = {
      number: version.number,
      submittedAt: version.submittedAt,
      submittedBy: name(version.submittedById),
      content,
      changes: previous ? diffProposalVersions(previous, content) : [],
    };
    previous = content;
    return row;
  });

  const rows: ReviewRow[] = reviews.map(({ reviewerId, ...review }) => ({ ...review, reviewer: name(reviewerId), mine: reviewerId === actor.id }));
  const current = rows.filter((review) => review.round === round);
  const spreads: CriterionSpread[] =
    hiddenReason || current.length === 0
      ? []
      : SCORE_CRITERIA.map((criterion) => ({
          criterion,
          scores: current.map((review) => ({ reviewer: review.reviewer, mine: review.mine, score: review[criterion] })),
          spread: spreadOf(current.map((review) => review[criterion]))!,
        }));
  const seesNotes = actor.role === "ADMIN" || actor.chair === true;

  return {
    id: project.id,
    title: project.title,
    status: project.status,
    leads: project.leads.map((row) => ({ name: name(row.userId), role: row.role === "LEAD" ? "Lead" : "Co-lead" })),
    round,
    versions,
    reviews: rows,
    currentRoundVisible: hiddenReason === null,
    currentRoundHiddenReason: hiddenReason,
    spreads,
    decisions: project.decisions.map(({ decidedById, ...decision }) => ({ ...decision, decidedBy: name(decidedById) })),
    reviewsRequired: required,
    reviewsThisRound,
    canReview: cannotReviewReason === null,
    cannotReviewReason,
    canDecide: cannotDecide === null,
    cannotDecideReason: cannotDecide,
    conflicts: lead
      ? []
      : project.conflicts.map((conflict) => ({
          member: name(conflict.userId),
          mine: conflict.userId === actor.id,
          kind: conflict.kind,
          note: seesNotes || conflict.userId === actor.id ? conflict.note : "",
          declaredAt: conflict.declaredAt,
        })),
    myConflict: project.conflicts
      .filter((conflict) => conflict.userId === actor.id)
      .map((conflict) => ({ kind: conflict.kind, declaredAt: conflict.declaredAt }))[0] ?? null,
    canDeclareConflict: cannotDeclareConflictReason === null,
    canAssignReviewers: can(actor, "review.assign", facts),
    cannotDeclareConflictReason,
    sameHospitalAsLead,
  };
}

/** Why a member who reviewed the version under review cannot declare a conflict in it now. */
export const CONFLICT_AFTER_REVIEW_SENTENCE =
  "You have already reviewed this version, so you cannot declare a conflict of interest in it now. If your review should not count, tell the chair of the committee.";

/**
 * Records the actor's review of the version under review; the first review
 * moves the proposal from SUBMITTED to IN_REVIEW. One review per reviewer per
 * version, held by the database's unique index.
 */
export async function submitReview(actor: AuthzActor | null, projectId: string, input: ReviewInput) {
  try {
    return await move(actor, projectId, "review", {
      then: async (tx, facts) => {
        // A conflict declared after the facts were read still takes the member off the proposal.
        if (await tx.conflictOfInterest.count({ where: { projectId: facts.id, userId: actor!.id } })) {
          throw new DomainError("You declared a conflict of interest in this proposal, so you do not review it.");
        }
        const round = await currentRound(tx, facts.id);
        const review = await tx.review.create({
          data: { projectId: facts.id, reviewerId: actor!.id, round, ...input },
          select: { id: true, round: true, importance: true, feasibility: true, clarity: true, recommendation: true, comment: true },
        });
        return { review };
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("You have already reviewed this version of the proposal.");
    }
    throw error;
  }
}
