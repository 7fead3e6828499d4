// The chair's assignments of reviewers with due dates, and the reminders: who may assign, withdraw
// or remind (written out here, apart from the permission table), who may be assigned, ids that
// belong elsewhere, and reminders sent once before the date and the chair told once after it.
// A refusal changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { assignReviewers, changeAssignmentDue, getReviewersView, remindNow, withdrawAssignment } from "@/lib/reviews/assignments";
import { sendReviewReminders } from "@/lib/reviews/reminders";
import { reviewQueue } from "@/lib/reviews/queue";
import { changeRole } from "@/lib/users/roles";
import { createUser } from "../support/factories";
import { createProposalIn } from "../support/proposals";
import { countStatements } from "../support/query-count";

type Person = AuthzActor & { name: string };
const make = async (role: "MEMBER" | "COMMITTEE" | "ADMIN", options: { chair?: boolean; name?: string } = {}): Promise<Person> => {
  const user = await createUser({ role, ...(options.name ? { name: options.name } : {}) });
  if (options.chair) await db.user.update({ where: { id: user.id }, data: { committeeChair: true } });
  return { id: user.id, role: user.role, name: user.name, chair: options.chair === true, emailVerified: user.emailVerified };
};

const NOW = new Date("2026-11-29T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let lead: Person, member: Person, committee: Person, chair: Person, chairLead: Person, conflicted: Person, admin: Person, reviewer: Person, other: Person;

beforeAll(async () => {
  lead = await make("MEMBER", { name: "Lena Lead" });
  member = await make("MEMBER");
  committee = await make("COMMITTEE");
  chair = await make("COMMITTEE", { chair: true, name: "Cara Chair" });
  chairLead = await make("COMMITTEE", { chair: true, name: "Colm Chair-and-colead" });
  conflicted = await make("COMMITTEE", { chair: true, name: "Conor Conflicted" });
  admin = await make("ADMIN");
  reviewer = await make("COMMITTEE", { name: "Rhiannon Reviewer" });
  other = await make("COMMITTEE", { name: "Osian Other" });
});

async function proposal() {
  const project = await createProposalIn("SUBMITTED", { leadId: lead.id, coLeadIds: [chairLead.id] });
  await db.conflictOfInterest.create({ data: { projectId: project.id, userId: conflicted.id, kind: "PERSONAL" } });
  return project;
}

const trail = async (projectId: string) => ({
  assignments: await db.reviewAssignment.count({ where: { projectId } }),
  audit: await db.auditEvent.count({ where: { entityId: projectId, action: { startsWith: "review." } } }),
  notifications: await db.notification.count({ where: { projectId, kind: { startsWith: "review." } } }),
});

describe("who may assign, change, withdraw and remind", () => {
  const PERSONAS: [string, () => Person | null, boolean][] = [
    ["visitor", () => null, false],
    ["member", () => member, false],
    ["committee member", () => committee, false],
    ["chair", () => chair, true],
    ["chair who co-leads the proposal", () => chairLead, false],
    ["chair who declared a conflict", () => conflicted, false],
    ["administrator", () => admin, true],
  ];
  for (const [persona, who, allowed] of PERSONAS) {
    it(`${persona}: ${allowed ? "may" : "may not"}`, async () => {
      const project = await proposal();
      const actor = who();
      // An assignment made by someone who may, for the other commands to act on.
      const { assigned } = await assignReviewers(admin, project.id, { reviewerIds: [other.id], dueOn: day("2026-12-20") }, NOW);
      const before = await trail(project.id);
      const attempts = [
        () => getReviewersView(actor!, project.id, NOW),
        () => assignReviewers(actor, project.id, { reviewerIds: [reviewer.id], dueOn: day("2026-12-10") }, NOW),
        () => changeAssignmentDue(actor, project.id, { assignmentId: assigned[0]!.id, dueOn: day("2026-12-21") }, NOW),
        () => remindNow(actor, project.id, assigned[0]!.id, NOW),
        () => withdrawAssignment(actor, project.id, assigned[0]!.id),
      ];
      for (const attempt of attempts) {
        if (allowed) await expect(attempt()).resolves.toBeTruthy();
        else await expect(attempt()).rejects.toThrow(actor === null ? Error : ForbiddenError);
      }
      if (!allowed) expect(await trail(project.id)).toEqual(before);
      else expect(await db.reviewAssignment.findMany({ where: { projectId: project.id }, select: { reviewerId: true } })).toEqual([{ reviewerId: reviewer.id }]);
    });
  }
});

describe("who may be assigned", () => {
  it("refuses a lead, a conflicted member, a non-committee member, one who reviewed, or one already assigned, saying why", async () => {
    const project = await createProposalIn("IN_REVIEW", { leadId: lead.id, coLeadIds: [chairLead.id], reviewerIds: [committee.id] });
    await db.conflictOfInterest.create({ data: { projectId: project.id, userId: conflicted.id, kind: "SAME_HOSPITAL_AS_LEAD" } });
    await assignReviewers(chair, project.id, { reviewerIds: [reviewer.id], dueOn: day("2026-12-10") }, NOW);
    const before = await trail(project.id);
    const cases: [string, string][] = [
      [chairLead.id, "Colm Chair-and-colead leads this proposal, so cannot review it."],
      [conflicted.id, "Conor Conflicted declared a conflict of interest in this proposal, so cannot review it."],
      [member.id, `${member.name} is not on the committee, so cannot be asked to review.`],
      [admin.id, `${admin.name} is not on the committee, so cannot be asked to review.`],
      [committee.id, `${committee.name} has already reviewed this version.`],
      [reviewer.id, "Rhiannon Reviewer is already asked to review this version. Change the due date in the list instead."],
      ["00000000-0000-4000-8000-000000000000", "Choose a committee member from the list."],
    ];
    for (const [id, message] of cases) {
      const attempt = assignReviewers(chair, project.id, { reviewerIds: [other.id, id], dueOn: day("2026-12-10") }, NOW);
      await expect(attempt).rejects.toThrow(DomainError);
      await expect(attempt).rejects.toThrow(message);
    }
    expect(await trail(project.id)).toEqual(before);
    const view = await getReviewersView(chair, project.id, NOW);
    expect(view.candidates.map((person) => person.id)).toContain(other.id);
    for (const excluded of [chairLead, conflicted, member, admin, committee, reviewer]) expect(view.candidates.map((person) => person.id)).not.toContain(excluded.id);
  });

  it("refuses a due date in the past, and a proposal not awaiting review", async () => {
    const project = await proposal();
    await expect(assignReviewers(chair, project.id, { reviewerIds: [reviewer.id], dueOn: day("2026-11-28") }, NOW)).rejects.toThrow(
      "Due date must be today or in the future",
    );
    const approved = await createProposalIn("APPROVED", { leadId: lead.id });
    await expect(assignReviewers(chair, approved.id, { reviewerIds: [reviewer.id], dueOn: day("2026-12-10") }, NOW)).rejects.toThrow(
      "This proposal is not awaiting review",
    );
    expect(await db.reviewAssignment.count({ where: { projectId: { in: [project.id, approved.id] } } })).toBe(0);
  });

  it("tells the reviewer with a link to the review page, audited; today is accepted", async () => {
    const project = await proposal();
    await assignReviewers(chair, project.id, { reviewerIds: [reviewer.id], dueOn: day("2026-11-29") }, NOW);
    const note = await db.notification.findFirstOrThrow({ where: { projectId: project.id, userId: reviewer.id, kind: "review.assigned" } });
    expect(note.link).toBe(`/dashboard/review/${project.id}`);
    expect(note.message).toContain("by 29 November 2026");
    expect(await db.auditEvent.count({ where: { entityId: project.id, action: "review.assigned", actorId: chair.id } })).toBe(1);
  });
});

describe("ids that are not the proposal's", () => {
  it("an assignment of another proposal, or a made-up id, is not found and changes nothing", async () => {
    const [mine, theirs] = [await proposal(), await proposal()];
    const { assigned } = await assignReviewers(chair, theirs.id, { reviewerIds: [reviewer.id], dueOn: day("2026-12-20") }, NOW);
    const before = await trail(theirs.id);
    for (const id of [assigned[0]!.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(withdrawAssignment(chair, mine.id, id)).rejects.toThrow(NotFoundError);
      await expect(remindNow(chair, mine.id, id, NOW)).rejects.toThrow(NotFoundError);
      await expect(changeAssignmentDue(chair, mine.id, { assignmentId: id, dueOn: day("2026-12-22") }, NOW)).rejects.toThrow(NotFoundError);
    }
    await expect(withdrawAssignment(chair, mine.id, "not-an-id")).rejects.toThrow(NotFoundError);
    await expect(getReviewersView(chair, "00000000-0000-4000-8000-000000000000", NOW)).rejects.toThrow(NotFoundError);
    expect(await trail(theirs.id)).toEqual(before);
  });
});

describe("reminders", () => {
  const reminders = (projectId: string) => db.notification.count({ where: { projectId, kind: "review.reminder" } });
  const overdueNotices = (projectId: string, userId?: string) =>
    db.notification.count({ where: { projectId, kind: "review.overdue", ...(userId ? { userId } : {}) } });

  it("reminds once within two days of the date, not before; then tells the chairs once after it passes", async () => {
    const project = await proposal();
    await assignReviewers(chair, project.id, { reviewerIds: [reviewer.id], dueOn: day("2026-12-10") }, NOW);
    expect((await db.reviewAssignment.findFirstOrThrow({ where: { projectId: project.id } })).remindedAt).toBeNull();
    await sendReviewReminders(new Date("2026-12-07T08:30:00Z"));
    expect(await reminders(project.id)).toBe(0);
    await sendReviewReminders(new Date("2026-12-08T08:30:00Z"));
    await sendReviewReminders(new Date("2026-12-09T08:30:00Z"));
    expect(await reminders(project.id)).toBe(1);
    expect(await db.notification.findFirstOrThrow({ where: { projectId: project.id, kind: "review.reminder" }, select: { userId: true } })).toEqual({ userId: reviewer.id });
    expect(await overdueNotices(project.id)).toBe(0);
    await sendReviewReminders(new Date("2026-12-10T20:00:00Z"));
    expect(await overdueNotices(project.id)).toBe(0);
    await sendReviewReminders(new Date("2026-12-11T08:30:00Z"));
    await sendReviewReminders(new Date("2026-12-12T08:30:00Z"));
    // Every chair who may see it: not the chair who co-leads it, nor the one who declared a conflict.
    expect(await overdueNotices(project.id, chair.id)).toBe(1);
    expect(await overdueNotices(project.id, chairLead.id)).toBe(0);
    expect(await overdueNotices(project.id, conflicted.id)).toBe(0);
    expect(await overdueNotices(project.id, admin.id)).toBe(0);
    const row = await db.reviewAssignment.findFirstOrThrow({ where: { projectId: project.id } });
    expect(row.remindedAt).not.toBeNull();
    expect(row.overdueNotifiedAt).not.toBeNull();
  });

  it("reminds at once when assigned within the window; a review in or a withdrawal stops the rest", async () => {
    const project = await proposal();
    await assignReviewers(chair, project.id, { reviewerIds: [reviewer.id, other.id], dueOn: day("2026-11-30") }, NOW);
    expect(await reminders(project.id)).toBe(2);
    expect(await db.reviewAssignment.count({ where: { projectId: project.id, remindedAt: { not: null } } })).toBe(2);
    await db.review.create({
      data: { projectId: project.id, reviewerId: reviewer.id, round: 1, importance: 4, feasibility: 4, clarity: 4, comment: "Fine.", recommendation: "APPROVE" },
    });
    const otherAssignment = await db.reviewAssignment.findFirstOrThrow({ where: { projectId: project.id, reviewerId: other.id } });
    await withdrawAssignment(chair, project.id, otherAssignment.id);
    await sendReviewReminders(new Date("2026-12-05T08:30:00Z"));
    expect(await overdueNotices(project.id)).toBe(0);
  });

  it("the chair's reminder now is recorded whatever the date; the admins hear of overdue reviews when there is no chair", async () => {
    const project = await proposal();
    const { assigned } = await assignReviewers(admin, project.id, { reviewerIds: [reviewer.id], dueOn: day("2027-01-20") }, NOW);
    await remindNow(chair, project.id, assigned[0]!.id, NOW);
    expect((await db.reviewAssignment.findUniqueOrThrow({ where: { id: assigned[0]!.id } })).remindedAt).toEqual(NOW);
    expect(await reminders(project.id)).toBe(1);
    const chairs = await db.user.findMany({ where: { committeeChair: true }, select: { id: true } });
    await db.user.updateMany({ where: { committeeChair: true }, data: { committeeChair: false } });
    try {
      await sendReviewReminders(new Date("2027-01-21T08:30:00Z"));
      expect(await overdueNotices(project.id, admin.id)).toBe(1);
    } finally {
      await db.user.updateMany({ where: { id: { in: chairs.map((row) => row.id) } }, data: { committeeChair: true } });
    }
  });

  it("sends the same number of statements for one assignment or many", async () => {
    const count = async (n: number, at: string) => {
      for (let i = 0; i < n; i++) {
        const project = await proposal();
        await db.reviewAssignment.createMany({
          data: [
            { projectId: project.id, round: 1, reviewerId: reviewer.id, dueOn: day("2028-03-10") },
            { projectId: project.id, round: 1, reviewerId: other.id, dueOn: day("2028-03-01") },
          ],
        });
      }
      return (await countStatements(() => sendReviewReminders(new Date(at)))).statements;
    };
    const one = await count(1, "2028-03-09T08:30:00Z");
    const many = await count(6, "2028-03-09T08:31:00Z");
    expect(many).toBe(one);
  });
});

describe("the queue", () => {
  it("shows the assigned reviewers, the earliest due date, and what is assigned to the member", async () => {
    const project = await proposal();
    await assignReviewers(chair, project.id, { reviewerIds: [reviewer.id], dueOn: day("2026-12-15") }, NOW);
    await assignReviewers(chair, project.id, { reviewerIds: [other.id], dueOn: day("2026-12-08") }, NOW);
    const mine = await reviewQueue(reviewer, { mine: "1", page: 1 });
    const item = mine.items.find((row) => row.id === project.id)!;
    expect(item).toMatchObject({ assignedCount: 2, earliestDue: day("2026-12-08"), myDueOn: day("2026-12-15") });
    expect(mine.items.every((row) => row.myDueOn !== null)).toBe(true);
    expect((await reviewQueue(committee, { mine: "1", page: 1 })).items.map((row) => row.id)).not.toContain(project.id);
  });
});

describe("the chair's role", () => {
  it("is given by an administrator only, audited, and cleared by any other role", async () => {
    const target = await make("COMMITTEE", { name: "Tamsin To-chair" });
    await expect(changeRole(chair, { userId: target.id, from: "COMMITTEE", to: "CHAIR" })).rejects.toThrow(ForbiddenError);
    await changeRole(admin, { userId: target.id, from: "COMMITTEE", to: "CHAIR" });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, committeeChair: true } })).toEqual({ role: "COMMITTEE", committeeChair: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: target.id, action: "user.roleChanged" } });
    expect(event.after).toEqual({ role: "COMMITTEE", committeeChair: true });
    // A stale page that still thinks they are an ordinary committee member is refused.
    await expect(changeRole(admin, { userId: target.id, from: "COMMITTEE", to: "ADMIN" })).rejects.toThrow("Someone else made Tamsin To-chair a chair of the committee");
    await changeRole(admin, { userId: target.id, from: "CHAIR", to: "ADMIN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, committeeChair: true } })).toEqual({ role: "ADMIN", committeeChair: false });
  });
});
