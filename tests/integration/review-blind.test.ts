// Blind reviews and conflicts of interest (docs/decisions/031): what getReviewView returns to each
// member, and declareConflict's refusals, through the domain functions and the database.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { decideProposal } from "@/lib/projects/lifecycle";
import { getProposalForLead } from "@/lib/projects/proposals";
import { declareConflict } from "@/lib/reviews/conflicts";
import { getReviewView, submitReview } from "@/lib/reviews/reviews";
import { conflictSchema } from "@/lib/validation/proposals";
import { hostileForm } from "../support/hostile";
import { createSite, createUser } from "../support/factories";
import { createProposalIn } from "../support/proposals";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf } from "../support/sites";

type Person = ReturnType<typeof asActor> & { chair?: boolean };
let lead: Person, first: Person, second: Person, third: Person, chair: Person, admin: Person, committeeLead: Person;

const review = (comment: string, importance = 4) => ({ importance, feasibility: 3, clarity: 5, comment, recommendation: "APPROVE" as const });
const comments = (view: Awaited<ReturnType<typeof getReviewView>>) => view.reviews.map((row) => row.comment);

beforeAll(async () => {
  const site = await createSite();
  lead = asActor(await createUser({ name: "Lead Person", siteId: site.id }));
  first = asActor(await createUser({ role: "COMMITTEE", name: "First Reviewer" }));
  second = asActor(await createUser({ role: "COMMITTEE", name: "Second Reviewer" }));
  // Works at the lead's hospital.
  third = asActor(await createUser({ role: "COMMITTEE", name: "Third Member", siteId: site.id }));
  const chairUser = await createUser({ role: "COMMITTEE", name: "Chair Person" });
  await db.user.update({ where: { id: chairUser.id }, data: { committeeChair: true } });
  chair = { ...asActor(chairUser), chair: true };
  admin = asActor(await createUser({ role: "ADMIN" }));
  committeeLead = asActor(await createUser({ role: "COMMITTEE", name: "Committee Lead" }));
});

describe("blind reviews", () => {
  it("two reviewers each see no other review of the round until they send theirs, then all of it, oldest first", async () => {
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
    expect((await getReviewView(first, project.id)).reviews).toEqual([]);

    await submitReview(first, project.id, review("First says clear.", 2));
    const secondBefore = await getReviewView(second, project.id);
    expect(secondBefore.reviews).toEqual([]);
    expect(secondBefore.spreads).toEqual([]);
    expect(secondBefore.reviewsThisRound).toBe(1);
    expect(secondBefore.currentRoundHiddenReason).toMatch(/^Reviews are blind/);
    expect(JSON.stringify(secondBefore)).not.toContain("First says clear.");
    // The first reviewer sees their own review, and nobody else's yet exists.
    expect(comments(await getReviewView(first, project.id))).toEqual(["First says clear."]);

    await submitReview(second, project.id, review("Second says feasible.", 5));
    const firstAfter = await getReviewView(first, project.id);
    const secondAfter = await getReviewView(second, project.id);
    for (const view of [firstAfter, secondAfter]) {
      expect(comments(view)).toEqual(["First says clear.", "Second says feasible."]);
      expect(view.currentRoundVisible).toBe(true);
    }
    expect(secondAfter.spreads.find((row) => row.criterion === "importance")).toMatchObject({
      spread: { lowest: 2, median: 3.5, highest: 5 },
      scores: [
        { reviewer: "First Reviewer", mine: false, score: 2 },
        { reviewer: "Second Reviewer", mine: true, score: 5 },
      ],
    });
    // A member who has not reviewed still sees only how many are in.
    const thirdView = await getReviewView(third, project.id);
    expect(thirdView).toMatchObject({ reviews: [], reviewsThisRound: 2, currentRoundVisible: false });
  });

  it("shows the chair and administrators the round so they can decide, unless they were asked to review it and have not", async () => {
    const project = await createProposalIn("IN_REVIEW", { leadId: lead.id, reviewerIds: [first.id] });
    expect(comments(await getReviewView(chair, project.id))).toEqual(["Clear and feasible."]);
    expect(comments(await getReviewView(admin, project.id))).toEqual(["Clear and feasible."]);
    await db.reviewAssignment.create({ data: { projectId: project.id, round: 1, reviewerId: chair.id, dueOn: new Date("2030-01-01") } });
    expect((await getReviewView(chair, project.id)).reviews).toEqual([]);
  });

  it("keeps the reviews of a decided round visible to everyone in the committee, and hides the new round's", async () => {
    const project = await createProposalIn("IN_REVIEW", { leadId: lead.id, reviewerIds: [first.id] });
    await db.projectVersion.create({ data: { projectId: project.id, number: 2, content: { aims: "Second aims" }, submittedById: lead.id } });
    await db.review.create({ data: { projectId: project.id, reviewerId: second.id, round: 2, importance: 3, feasibility: 3, clarity: 3, comment: "Round two.", recommendation: "APPROVE" } });
    const view = await getReviewView(third, project.id);
    expect(view.reviews.map((row) => [row.round, row.comment])).toEqual([[1, "Clear and feasible."]]);
  });

  it("shows a committee member who leads the proposal no reviews at all, and their proposal's page only the decided round's", async () => {
    const project = await createProposalIn("IN_REVIEW", { leadId: committeeLead.id, reviewerIds: [first.id] });
    const view = await getReviewView(committeeLead, project.id);
    expect(view).toMatchObject({ reviews: [], conflicts: [], canDeclareConflict: false, reviewsThisRound: 1 });
    // A decision on version 1, then a resubmitted version 2 with a review coming in.
    // Version 2 is sent a moment after the decision, as it always is in use: two inserts in one
    // millisecond would otherwise make it look decided.
    const decision = await db.projectDecision.create({ data: { projectId: project.id, decidedById: chair.id, decision: "REQUEST_CHANGES", message: "Change it." } });
    const resubmittedAt = new Date(decision.decidedAt.getTime() + 60_000);
    await db.projectVersion.create({ data: { projectId: project.id, number: 2, content: { aims: "Second aims" }, submittedById: committeeLead.id, submittedAt: resubmittedAt } });
    await db.review.create({ data: { projectId: project.id, reviewerId: second.id, round: 2, importance: 1, feasibility: 1, clarity: 1, comment: "Round two, not decided.", recommendation: "REJECT" } });
    const page = await getProposalForLead(committeeLead, project.id);
    expect(page.feedback.map((row) => row.comment)).toEqual(["Clear and feasible."]);
    // Withdrawn before the committee decided on version 2: its reviews stay unseen by the leads.
    await db.project.update({ where: { id: project.id }, data: { status: "WITHDRAWN" } });
    expect((await getProposalForLead(committeeLead, project.id)).feedback.map((row) => row.comment)).toEqual(["Clear and feasible."]);
  });

  it("reads the page in the same number of statements whatever the number of reviews", async () => {
    const project = await createProposalIn("IN_REVIEW", { leadId: lead.id, reviewerIds: [first.id] });
    const small = (await countStatements(() => getReviewView(chair, project.id))).statements;
    for (let i = 0; i < 8; i++) {
      const reviewer = await createUser({ role: "COMMITTEE" });
      await db.review.create({ data: { projectId: project.id, reviewerId: reviewer.id, round: 1, importance: 3, feasibility: 3, clarity: 3, comment: `r${i}`, recommendation: "APPROVE" } });
      await db.conflictOfInterest.create({ data: { projectId: project.id, userId: (await createUser({ role: "COMMITTEE" })).id, kind: "PERSONAL" } });
    }
    const large = await countStatements(() => getReviewView(chair, project.id));
    expect(large.result.reviews).toHaveLength(9);
    expect(large.result.conflicts).toHaveLength(8);
    expect(large.statements).toBe(small);
  });
});

describe("conflicts of interest", () => {
  it("suggests a declaration to a member at a lead's hospital, records it, withdraws their assignment, and shows them the reviews", async () => {
    const project = await createProposalIn("IN_REVIEW", { leadId: lead.id, reviewerIds: [first.id] });
    await db.reviewAssignment.create({ data: { projectId: project.id, round: 1, reviewerId: third.id, dueOn: new Date("2030-01-01") } });
    const before = await getReviewView(third, project.id);
    expect(before).toMatchObject({ sameHospitalAsLead: true, canDeclareConflict: true, canReview: true, reviews: [] });
    expect((await getReviewView(second, project.id)).sameHospitalAsLead).toBe(false);

    await declareConflict(third, project.id, { kind: "SAME_HOSPITAL_AS_LEAD", note: "Same department." });
    expect(await db.reviewAssignment.count({ where: { projectId: project.id, reviewerId: third.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: project.id, action: "proposal.conflictDeclared" } });
    expect(audit).toMatchObject({ actorId: third.id, after: { kind: "SAME_HOSPITAL_AS_LEAD", note: "Same department.", round: 1, assignmentsWithdrawn: 1 } });

    const after = await getReviewView(third, project.id);
    expect(after).toMatchObject({
      canReview: false,
      cannotReviewReason: "You declared a conflict of interest in this proposal, so you do not review it.",
      canDecide: false,
      cannotDecideReason: "You declared a conflict of interest in this proposal, so you do not decide on it.",
      canDeclareConflict: false,
      sameHospitalAsLead: false,
      myConflict: { kind: "SAME_HOSPITAL_AS_LEAD" },
    });
    expect(comments(after)).toEqual(["Clear and feasible."]);
    // The committee sees who declared what; the note only the chair (and the member) reads.
    expect((await getReviewView(second, project.id)).conflicts).toEqual([expect.objectContaining({ member: "Third Member", kind: "SAME_HOSPITAL_AS_LEAD", note: "" })]);
    expect((await getReviewView(chair, project.id)).conflicts[0]).toMatchObject({ note: "Same department." });

    expect(await refusalOf(submitReview(third, project.id, review("I should not.")))).toBeInstanceOf(ForbiddenError);
    expect(await db.review.count({ where: { projectId: project.id, reviewerId: third.id } })).toBe(0);
    await submitReview(second, project.id, review("Second."));
    expect(await refusalOf(decideProposal(third, project.id, { decision: "APPROVE", message: "Fine." }))).toBeInstanceOf(ForbiddenError);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("IN_REVIEW");

    const again = await refusalOf(declareConflict(third, project.id, { kind: "PERSONAL", note: "" }));
    expect(again).toBeInstanceOf(DomainError);
    expect((again as Error).message).toBe("You have already declared a conflict of interest in this proposal.");
  });

  it("refuses a declaration after the member reviewed the round, saying why, and changes nothing", async () => {
    const project = await createProposalIn("IN_REVIEW", { leadId: lead.id, reviewerIds: [first.id] });
    const refusal = await refusalOf(declareConflict(first, project.id, { kind: "PERSONAL", note: "" }));
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as Error).message).toMatch(/^You have already reviewed this version, so you cannot declare a conflict of interest in it now\./);
    expect(await db.conflictOfInterest.count({ where: { projectId: project.id } })).toBe(0);
    expect((await getReviewView(first, project.id)).cannotDeclareConflictReason).toBe((refusal as Error).message);
  });

  it("refuses the ids in the URL that are not a proposal awaiting the actor: a draft, a made-up id, one they lead, one decided", async () => {
    const draft = await createProposalIn("DRAFT", { leadId: lead.id });
    const led = await createProposalIn("SUBMITTED", { leadId: committeeLead.id });
    const decided = await createProposalIn("APPROVED", { leadId: lead.id });
    const input = { kind: "PERSONAL" as const, note: "" };
    expect(await refusalOf(declareConflict(second, draft.id, input))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(declareConflict(second, "7b0c1d9e-5f4a-4b3c-8d2e-1f0a9b8c7d6e", input))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(declareConflict(second, "not-an-id", input))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(declareConflict(committeeLead, led.id, input))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(declareConflict(asActor(lead), decided.id, input))).toBeInstanceOf(ForbiddenError);
    expect(((await refusalOf(declareConflict(second, decided.id, input))) as Error).message).toMatch(/not awaiting review/);
    expect(await refusalOf(declareConflict(null, led.id, input))).toBeInstanceOf(ForbiddenError);
    expect(await db.conflictOfInterest.count({ where: { projectId: { in: [draft.id, led.id, decided.id] } } })).toBe(0);
  });

  it("answers hostile form input with data or a sentence, and records exactly what was accepted", async () => {
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostileForm(["kind", "note"]), async (form) => {
        const parsed = conflictSchema.safeParse(form);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) expect(issue.message).not.toMatch(/Invalid input|expected|received/i);
          return;
        }
        if (accepted > 2) return;
        const member = asActor(await createUser({ role: "COMMITTEE" }));
        await declareConflict(member, project.id, parsed.data);
        accepted++;
        const row = await db.conflictOfInterest.findUniqueOrThrow({ where: { projectId_userId: { projectId: project.id, userId: member.id } } });
        expect(row).toMatchObject({ kind: parsed.data.kind, note: parsed.data.note });
      }),
      { numRuns: 150 },
    );
    expect(conflictSchema.safeParse({ kind: "SAME_HOSPITAL_AS_LEAD", note: "  A note \u0007 " }).success).toBe(false);
    expect(conflictSchema.safeParse({ kind: "NEPOTISM" }).error?.issues[0]?.message).toBe("Select what your conflict of interest is");
    expect(conflictSchema.parse({ kind: "PERSONAL" })).toEqual({ kind: "PERSONAL", note: "" });
  });
});
