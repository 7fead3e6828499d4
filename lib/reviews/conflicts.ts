import "server-only";
// A committee member's declared conflict of interest in a proposal: recorded for good, and from
// then on they neither review nor decide it (the permission table's "conflicted" grant, whose
// facts lib/projects/lifecycle.ts and ./reviews.ts load). docs/decisions/031.
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { DomainError, NotFoundError } from "@/lib/errors";
import { assertProjectId } from "@/lib/projects/content";
import type { ConflictInput } from "@/lib/validation/proposals";
import { AWAITING_REVIEW, CONFLICT_AFTER_REVIEW_SENTENCE } from "./reviews";

/**
 * Records the actor's conflict of interest in a proposal awaiting review, and takes them off
 * it: any review the chair asked of them is withdrawn, and they no longer review or decide it.
 * Refused once they have reviewed the version under review: their review is in, and declaring
 * afterwards would not undo what it did (they tell the chair instead).
 */
export async function declareConflict(actor: AuthzActor | null, projectId: string, input: ConflictInput) {
  assertProjectId(projectId);
  const project = await db.project.findFirst({
    where: { id: projectId, status: { not: "DRAFT" } },
    select: { id: true, leads: { select: { userId: true } } },
  });
  if (!project) throw new NotFoundError("That proposal");
  assertCan(actor, "proposal.declareConflict", { projectLeadIds: project.leads.map((lead) => lead.userId) });
  try {
    return await db.$transaction(async (tx) => {
      // Read again inside the transaction: the state and the round are what they are now.
      const now = await tx.project.findUniqueOrThrow({
        where: { id: project.id },
        select: { status: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
      });
      if (!AWAITING_REVIEW.includes(now.status)) {
        throw new DomainError("A conflict of interest is declared while the proposal awaits review. This proposal is not awaiting review.");
      }
      const round = now.versions[0]?.number ?? 0;
      const reviewed = await tx.review.count({ where: { projectId: project.id, reviewerId: actor.id, round } });
      if (reviewed > 0) throw new DomainError(CONFLICT_AFTER_REVIEW_SENTENCE);
      const conflict = await tx.conflictOfInterest.create({
        data: { projectId: project.id, userId: actor.id, kind: input.kind, note: input.note },
        select: { kind: true, note: true, declaredAt: true },
      });
      const { count: assignmentsWithdrawn } = await tx.reviewAssignment.deleteMany({ where: { projectId: project.id, reviewerId: actor.id } });
      await audit(tx, {
        actorId: actor.id,
        action: "proposal.conflictDeclared",
        entityType: "Project",
        entityId: project.id,
        after: { kind: conflict.kind, note: conflict.note, round, assignmentsWithdrawn },
      });
      return conflict;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("You have already declared a conflict of interest in this proposal.");
    throw error;
  }
}
