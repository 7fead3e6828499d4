import { describe, expect, it } from "vitest";
import { generatePeriods, periodsRefusal } from "./schedule";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("generating periods", () => {
  it("divides the window into consecutive four-week blocks, the last one ending with the window", () => {
    const periods = generatePeriods(day("2026-01-05"), day("2026-03-20"), 4);
    expect(periods.map((period) => [period.startsOn.toISOString().slice(0, 10), period.endsOn.toISOString().slice(0, 10)])).toEqual([
      ["2026-01-05", "2026-02-01"],
      ["2026-02-02", "2026-03-01"],
      ["2026-03-02", "2026-03-20"],
    ]);
  });

  it("makes one period of a window shorter than a block", () => {
    expect(generatePeriods(day("2026-01-05"), day("2026-01-10"), 4)).toHaveLength(1);
  });
});

describe("the rules periods keep", () => {
  const start = day("2026-01-05");
  const end = day("2026-03-20");
  it("accepts generated periods", () => {
    expect(periodsRefusal(generatePeriods(start, end, 2).map((period, index) => ({ ...period, label: `Period ${index + 1}` })), start, end)).toBeNull();
  });

  it("refuses two periods that overlap, naming both", () => {
    const refusal = periodsRefusal(
      [
        { startsOn: day("2026-01-05"), endsOn: day("2026-02-01"), label: "Period 1" },
        { startsOn: day("2026-02-01"), endsOn: day("2026-02-28"), label: "Period 2" },
      ],
      start,
      end,
    );
    expect(refusal?.message).toBe("Period 2 overlaps Period 1, which ends on 1 Feb 2026. Periods must not overlap.");
  });

  it("refuses a period outside the collection window", () => {
    expect(periodsRefusal([{ startsOn: day("2026-01-01"), endsOn: day("2026-01-20"), label: "Period 1" }], start, end)?.message).toBe(
      "Period 1 must start on or after 5 Jan 2026, when data collection starts.",
    );
    expect(periodsRefusal([{ startsOn: day("2026-03-01"), endsOn: day("2026-03-31"), label: "Period 3" }], start, end)?.field).toBe("endsOn");
  });

  it("refuses a period that ends before it starts", () => {
    expect(periodsRefusal([{ startsOn: day("2026-02-10"), endsOn: day("2026-02-01"), label: "Period 1" }], start, end)?.message).toBe(
      "Period 1 must end on or after the day it starts.",
    );
  });

  it("refuses periods in a project without collection dates", () => {
    expect(periodsRefusal([], null, end)?.message).toMatch(/Set the project's data-collection dates first/);
  });
});
