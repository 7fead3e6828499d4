import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeHostileForms, type HostileForm } from "./hostile-forms.testing";
import { deletePeriodSchema, editPeriodSchema, generatePeriodsSchema, periodChoiceSchema } from "./periods";
import { recordProgressSchema } from "./sites";
import { uuidSchema } from "./fields";

const ID = "6a1f6b2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("the periods forms", () => {
  it("asks for a whole number of weeks from 1 to 26", () => {
    const weeks = (value: string) => generatePeriodsSchema.safeParse({ projectId: ID, weeks: value });
    expect(weeks("4")).toMatchObject({ success: true, data: { weeks: 4 } });
    expect(weeks("").error?.issues[0]?.message).toBe("Enter the number of weeks in each period");
    expect(weeks("four").error?.issues[0]?.message).toBe("Enter the number of weeks as a whole number, like 4");
    expect(weeks("0").error?.issues[0]?.message).toBe("Enter a number of weeks from 1 to 26");
    expect(weeks("27").error?.issues[0]?.message).toBe("Enter a number of weeks from 1 to 26");
  });

  it("reads a period's dates as days, and refuses one that is not a date", () => {
    const parsed = editPeriodSchema.safeParse({ projectId: ID, periodId: ID, startsOn: { day: "2", month: "3", year: "2026" }, endsOn: { day: "31", month: "2", year: "2026" } });
    expect(parsed.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["endsOn", "End date must be a real date"]]);
  });

  it("takes an empty period choice as none made, and anything but an id as a sentence", () => {
    expect(periodChoiceSchema.parse("")).toBeUndefined();
    expect(periodChoiceSchema.parse(undefined)).toBeUndefined();
    expect(periodChoiceSchema.parse(ID)).toBe(ID);
    expect(z.object({ periodId: periodChoiceSchema }).safeParse({ periodId: "'; DROP TABLE" }).error?.issues[0]?.message).toBe(
      "Select one of this project's data-collection periods",
    );
  });
});

const forms: HostileForm[] = [
  ["generate periods", generatePeriodsSchema, ["projectId", "weeks"]],
  ["change a period", editPeriodSchema, ["projectId", "periodId", "startsOn", "endsOn"]],
  ["delete a period", deletePeriodSchema, ["projectId", "periodId"]],
  ["choose a period (request, confirmation)", z.object({ collaborationId: uuidSchema("That request could not be found"), periodId: periodChoiceSchema }), ["collaborationId", "periodId"]],
  ["record cases for a period", recordProgressSchema, ["projectSiteId", "periodId", "cumulativeCases", "reportedOn", "note", "correctionReason", "confirmLarge"]],
];

describeHostileForms(forms, 300);
