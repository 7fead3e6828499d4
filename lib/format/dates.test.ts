import { describe, expect, it } from "vitest";
import { formatLongDay, formatMoment } from "./dates";

describe("dates as people read them", () => {
  it("writes a moment on the UK's clock, in winter and in summer time", () => {
    expect(formatMoment(new Date("2026-11-28T21:27:00Z"))).toBe("28 November 2026 at 21:27");
    expect(formatMoment(new Date("2026-06-03T13:05:00Z"))).toBe("3 June 2026 at 14:05");
  });

  it("writes a stored day in full", () => {
    expect(formatLongDay(new Date("2027-03-01T00:00:00Z"))).toBe("1 March 2027");
  });
});
