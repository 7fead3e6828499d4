import "server-only";
import { can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ProjectStatus, Recommendation } from "@/lib/generated/prisma/enums";
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

export interface ReviewView {
  id: string;
  title: string;
  status: ProjectStatus;
  leads: { name: string; role: string }[];
  round: number;
  versions: VersionRow[];
  reviews: ReviewRow[];
  decisions: { decision: Recommendation; message: string; decidedAt: Date; decidedBy: string }[];
  reviewsRequired: number;
  reviewsThisRound: number;
  /** Whether the actor may review now, and if not, why not. */
  canReview: boolean;
  cannotReviewReason: string | null;
  canDecide: boolean;
  cannotDecideReason: string | null;
}

/**
 * A submitted proposal as the committee reads it: every version with what
 * changed, the reviews and decisions. Drafts never submitted are not found, and
 * nobody outside the committee (or the leads, who see their own pages) finds it.
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
      versions: { orderBy: { number: "asc" }, select: { number: true, submittedAt: true, content: true, submittedById: true } },
      reviews: {
        orderBy: [{ round: "desc" }, { createdAt: "asc" }],
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
      },
      decisions: {
        orderBy: { decidedAt: "desc" },
        select: { decision: true, message: true, decidedAt: true, decidedById: true },
      },
    },
  });
  const leadIds = project?.leads.map((lead) => lead.userId) ?? [];
  // Not found rather than forbidden: whether a proposal exists is the committee's to know.
  if (!project || !can(actor, "project.readReviews", { projectLeadIds: leadIds })) throw new NotFoundError("That proposal");
  // Everyone named on the page, in one statement rather than one per relation.
  const people = await db.user.findMany({
    where: {
      id: {
        in: [
          ...new Set([
            ...leadIds,
            ...project.versions.map((version) => version.submittedById),
            ...project.reviews.map((review) => review.reviewerId),
            ...project.decisions.map((decision) => decision.decidedById),
          ]),
        ],
      },
    },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const name = (id: string) => nameOf.get(id) ?? "A former member";

  const round = project.versions.at(-1)?.number ?? 0;
  const reviewsThisRound = project.reviews.filter((review) => review.round === round);
  const required = reviewsRequiredForDecision();
  const awaiting = AWAITING_REVIEW.includes(project.status);

  let cannotReviewReason: string | null = null;
  if (!can(actor, "project.review", { projectLeadIds: leadIds })) cannotReviewReason = "You lead this proposal, so you cannot review it.";
  else if (!awaiting) cannotReviewReason = "This proposal is not awaiting review.";
  else if (reviewsThisRound.some((review) => review.reviewerId === actor.id)) cannotReviewReason = "You have reviewed this version.";

  const cannotDecide = cannotDecideReason(actor, { status: project.status, leadIds }, reviewsThisRound.length, required);

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

  return {
    id: project.id,
    title: project.title,
    status: project.status,
    leads: project.leads.map((lead) => ({ name: name(lead.userId), role: lead.role === "LEAD" ? "Lead" : "Co-lead" })),
    round,
    versions,
    reviews: project.reviews.map(({ reviewerId, ...review }) => ({ ...review, reviewer: name(reviewerId), mine: reviewerId === actor.id })),
    decisions: project.decisions.map(({ decidedById, ...decision }) => ({ ...decision, decidedBy: name(decidedById) })),
    reviewsRequired: required,
    reviewsThisRound: reviewsThisRound.length,
    canReview: cannotReviewReason === null,
    cannotReviewReason,
    canDecide: cannotDecide === null,
    cannotDecideReason: cannotDecide,
  };
}

/**
 * Records the actor's review of the version under review; the first review
 * moves the proposal from SUBMITTED to IN_REVIEW. One review per reviewer per
 * version, held by the database's unique index.
 */
export async function submitReview(actor: AuthzActor | null, projectId: string, input: ReviewInput) {
  try {
    return await move(actor, projectId, "review", {
      then: async (tx, facts) => {
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
