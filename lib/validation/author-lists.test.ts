import { describe, expect, it } from "vitest";
import { describeHostileForms, type HostileForm } from "./hostile-forms.testing";
import { answerAuthorListSchema, creditRoleSchema, freezeAuthorListSchema, issueAuthorListInput, issueAuthorListSchema } from "./author-lists";

const ID = "0b8e5f3c-1d2a-4b6c-8e9f-a1b2c3d4e5f6";

const forms: HostileForm[] = [
  ["freeze an author list", freezeAuthorListSchema, ["projectId", "grouping", "answerDays"]],
  ["issue a corrected author list", issueAuthorListSchema, ["listId", "grouping", "answerDays", "note"]],
  ["answer for a line on an author list", answerAuthorListSchema, ["listId", "answer", "correction"]],
  ["give a credit role", creditRoleSchema, ["projectId", "userId", "role"]],
];

describeHostileForms(forms, 300);

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

describe("the author list forms", () => {
  it("keeps the answer window between 7 and 60 days, with a sentence", () => {
    const days = (answerDays: string) => freezeAuthorListSchema.safeParse({ projectId: ID, grouping: "region", answerDays });
    expect(days("14").data).toEqual({ projectId: ID, grouping: "region", answerDays: 14 });
    expect(days("6").error?.issues[0]?.message).toBe("The days people have to answer must be from 7 to 60");
    expect(days("61").error?.issues[0]?.message).toBe("The days people have to answer must be from 7 to 60");
    expect(days("two weeks").error?.issues[0]?.message).toBe("Enter the days people have to answer as a whole number from 7 to 60");
  });

  it("asks for the correction when the person says their name is wrong", () => {
    const result = answerAuthorListSchema.safeParse({ listId: ID, answer: "correct", correction: "  " });
    expect(result.error?.issues).toMatchObject([{ path: ["correction"], message: "Enter the correction you need, such as how your name or hospital should be printed" }]);
    expect(answerAuthorListSchema.safeParse({ listId: ID, answer: "confirm", correction: "" }).success).toBe(true);
  });

  it("reads each retyped name from its own field, and a hostile field name stays a plain key", () => {
    const input = issueAuthorListInput(form({ listId: ID, grouping: "hospital", answerDays: "14", note: "Fixed", [`overrides.${ID}`]: " Shah-Khan P ", "overrides.__proto__": "x" }));
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const result = issueAuthorListSchema.safeParse(input);
    // The field that names no entry is never taken as a name to print.
    expect(result.success ? Object.values(result.data.overrides) : result.error.issues.map((issue) => issue.message)).not.toContain("x");
    expect(issueAuthorListSchema.safeParse(issueAuthorListInput(form({ listId: ID, grouping: "hospital", answerDays: "14", note: "Fixed", "overrides.someone": "Me" }))).error?.issues[0]?.message).toBe(
      "That person is not on this version",
    );
    const clean = issueAuthorListSchema.safeParse(issueAuthorListInput(form({ listId: ID, grouping: "hospital", answerDays: "14", note: "Fixed", [`overrides.${ID}`]: " Shah-Khan P " })));
    expect(clean.data?.overrides).toEqual({ [ID]: "Shah-Khan P" });
  });
});
