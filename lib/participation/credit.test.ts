import { describe, expect, it } from "vitest";
import { casesAt, casesWhileOnTeam } from "./credit";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const reports = [
  { cumulativeCases: 10, reportedAt: day(5) },
  { cumulativeCases: 25, reportedAt: day(15) },
  { cumulativeCases: 22, reportedAt: day(20) }, // a correction
  { cumulativeCases: 40, reportedAt: day(30) },
];

describe("the cases a place earned", () => {
  it("reads the site's total as it stood on a day", () => {
    expect(casesAt(reports, day(1))).toBe(0);
    expect(casesAt(reports, day(5))).toBe(10);
    expect(casesAt(reports, day(16))).toBe(25);
    expect(casesAt(reports, day(31))).toBe(40);
  });

  it("counts what the site recorded between joining and leaving", () => {
    expect(casesWhileOnTeam(reports, day(10), day(25), day(40))).toBe(12);
    expect(casesWhileOnTeam(reports, day(1), day(16), day(40))).toBe(25);
  });

  it("counts up to today for a place still open, and a report on the day of joining as theirs", () => {
    expect(casesWhileOnTeam(reports, day(15), null, day(40))).toBe(30);
  });

  it("never counts below nothing when a correction lowered the total", () => {
    expect(casesWhileOnTeam(reports, day(16), day(21), day(40))).toBe(0);
  });
});
