import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileForm } from "@/tests/support/hostile";
import { describeHostileForms } from "@/lib/validation/hostile-forms.testing";
import { academicYears, downloadPeriod, reviewerPeriodSchema, twelveMonthsEnding } from "./period";

const now = new Date("2026-11-29T12:00:00Z");
const schema = reviewerPeriodSchema(now);

describe("the period of a reviewer's certificate", () => {
  it("is an academic year, August to July, among those begun", () => {
    expect(academicYears("2026-11-29")[0]).toBe(2026);
    expect(academicYears("2026-07-31")[0]).toBe(2025);
    expect(schema.parse({ period: "academic", academicYear: "2025" })).toEqual({ start: "2025-08-01", end: "2026-07-31" });
    expect(schema.safeParse({ period: "academic", academicYear: "2027" }).error?.issues[0]?.message).toBe("Select an academic year from the list");
  });

  it("or the twelve months ending on a day not after today, typed in the three boxes", () => {
    expect(schema.parse({ period: "year", ending: { day: "29", month: "11", year: "2026" } })).toEqual({ start: "2025-11-30", end: "2026-11-29" });
    expect(twelveMonthsEnding("2024-02-29")).toEqual({ start: "2023-03-01", end: "2024-02-29" });
    const future = schema.safeParse({ period: "year", ending: { day: "30", month: "11", year: "2026" } });
    expect(future.error?.issues[0]).toMatchObject({ path: ["ending"], message: "The last day of the twelve months must be today or in the past" });
    const missing = schema.safeParse({ period: "year", ending: { day: "", month: "", year: "" } });
    expect(missing.error?.issues[0]?.message).toBe("Enter the last day of the twelve months");
  });

  it("asks which kind of period when none is chosen", () => {
    expect(schema.safeParse({}).error?.issues[0]).toMatchObject({ path: ["period"], message: "Select an academic year or twelve months ending on a day you choose" });
  });

  it("downloads only a period the form gives: an academic year, or twelve months ending by today", () => {
    expect(downloadPeriod("2025-08-01", "2026-07-31", now)).toEqual({ start: "2025-08-01", end: "2026-07-31" });
    // The academic year under way: its reviews so far.
    expect(downloadPeriod("2026-08-01", "2027-07-31", now)).toEqual({ start: "2026-08-01", end: "2027-07-31" });
    expect(downloadPeriod("2025-11-30", "2026-11-29", now)).toEqual({ start: "2025-11-30", end: "2026-11-29" });
    for (const [from, to] of [
      ["2027-08-01", "2028-07-31"],
      ["2000-01-01", "2026-11-29"],
      ["2025-12-01", "2026-11-30"],
      ["2026-11-29", "2025-11-30"],
      ["2025-02-30", "2026-02-29"],
      ["2025-11-30T00", "2026-11-29"],
      [null, "2026-11-29"],
      [["2025-11-30"], "2026-11-29"],
    ]) {
      expect(downloadPeriod(from, to, now), `${from} to ${to}`).toBeNull();
    }
  });

  it("answers any download address with a period or nothing, never a crash", () => {
    fc.assert(
      fc.property(hostileForm(["from", "to"]), (input) => {
        const period = downloadPeriod(input.from, input.to, now);
        if (period) expect(period.start <= period.end).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describeHostileForms([["reviewer's period", schema, ["period", "academicYear", "ending"]]], 500);
