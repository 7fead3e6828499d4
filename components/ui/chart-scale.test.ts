import { describe, expect, it } from "vitest";
import { dateLabelIndices, fewerTicks, heightOf, lengthOf, niceStep, positionsInTime, valueScale } from "./chart-scale";

describe("the value scale of a line chart", () => {
  it("gives round gridlines from zero to at or above the largest value", () => {
    expect(valueScale(400, 4)).toEqual({ top: 400, ticks: [0, 100, 200, 300, 400] });
    expect(valueScale(130, 4)).toEqual({ top: 150, ticks: [0, 50, 100, 150] });
    expect(valueScale(7, 4)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
  });

  it("never divides by nothing when there is nothing yet", () => {
    expect(valueScale(0, 4)).toEqual({ top: 1, ticks: [0, 1] });
    expect(niceStep(0, 4)).toBe(1);
  });

  it("keeps at most three gridlines on a narrow screen: zero, the top and the halfway line", () => {
    expect(fewerTicks(valueScale(400, 4)).ticks).toEqual([0, 200, 400]);
    // 75 is not a round gridline of 0–150: only the ends are kept.
    expect(fewerTicks(valueScale(130, 4)).ticks).toEqual([0, 150]);
    for (const max of [1, 9, 37, 250, 1_234, 16_000]) {
      const wide = valueScale(max, 4);
      const narrow = fewerTicks(wide);
      expect(narrow.ticks.length).toBeLessThanOrEqual(3);
      if (wide.ticks.length > 3) expect(narrow.ticks.length).toBeLessThan(wide.ticks.length);
      expect(narrow.ticks).toContain(0);
      expect(narrow.ticks).toContain(wide.top);
    }
  });
});

describe("where marks sit", () => {
  it("places values as a share of the plot, clamped to it", () => {
    expect(heightOf(50, 200)).toBe(25);
    expect(heightOf(300, 200)).toBe(100);
    expect(heightOf(-5, 200)).toBe(0);
    expect(lengthOf(34, 50)).toBe(68);
    expect(lengthOf(3, 0)).toBe(100);
  });

  it("spreads moments across the plot by time, not by count", () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
    expect(positionsInTime([day(0), day(1), day(4)])).toEqual([0, 25, 100]);
    expect(positionsInTime([day(3)])).toEqual([50]);
    expect(positionsInTime([day(3), day(3)])).toEqual([50, 50]);
    expect(positionsInTime([])).toEqual([]);
  });

  it("dates the first and last points, and the middle one only on a wide screen", () => {
    expect(dateLabelIndices(9, true)).toEqual([0, 4, 8]);
    expect(dateLabelIndices(9, false)).toEqual([0, 8]);
    expect(dateLabelIndices(2, true)).toEqual([0, 1]);
    expect(dateLabelIndices(1, false)).toEqual([0]);
    expect(dateLabelIndices(0, true)).toEqual([]);
  });
});
