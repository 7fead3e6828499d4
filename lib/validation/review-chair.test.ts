import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileForm } from "@/tests/support/hostile";
import { describeHostileForms } from "./hostile-forms.testing";
import { roleChangeSchema } from "./members";
import { assignmentIdSchema, assignReviewerSchema, callClosingSchema, callSchema, changeDueSchema, reviewQueueSearchSchema } from "./review-chair";

describeHostileForms(
  [
    ["assign a reviewer", assignReviewerSchema, ["reviewerId", "dueOn"]],
    ["change a review's due date", changeDueSchema, ["assignmentId", "dueOn"]],
    ["a button on a review assignment", assignmentIdSchema, ["assignmentId"]],
    ["new call for proposals", callSchema, ["title", "description", "opensOn", "closesOn"]],
    ["a call's closing date", callClosingSchema, ["callId", "closesOn"]],
    ["change of role (with the chair)", roleChangeSchema, ["userId", "from", "to"]],
  ],
  1000,
);

describe("the review queue's address", () => {
  it("never fails: a call that is not an id, or anything but 1 for 'assigned to me', is no filter", () => {
    fc.assert(
      fc.property(hostileForm(["call", "mine", "page"]), (input) => {
        const result = reviewQueueSearchSchema.safeParse(input);
        expect(result.success).toBe(true);
        if (result.data?.call !== undefined) expect(result.data.call).toMatch(/^[0-9a-f-]{36}$/i);
        expect([undefined, "1"]).toContain(result.data?.mine);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a call's dates", () => {
  const call = (opens: string, closes: string) =>
    callSchema.safeParse({ title: "Spring call", opensOn: opens, closesOn: closes });
  it("refuses a closing date before the opening date, at the closing date", () => {
    const result = call("2027-03-10", "2027-03-01");
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["closesOn"], message: "Closing date must be the same as or after the opening date" })]);
  });
  it("takes a call of one day", () => {
    expect(call("2027-03-10", "2027-03-10").success).toBe(true);
  });
  it("says what to do about a date that is not one", () => {
    const result = assignReviewerSchema.safeParse({ reviewerId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90", dueOn: { day: "31", month: "2", year: "2027" } });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Due date must be a real date"]);
  });
});
