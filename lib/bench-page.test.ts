import { describe, expect, it } from "vitest";
import { BENCH_PAGE_PATH, hidesBenchPage, isBenchPage } from "./bench-page";

describe("the benchmark's prerendered page", () => {
  it("is hidden unless RADIANT_BENCH is 1", () => {
    expect(hidesBenchPage(BENCH_PAGE_PATH, { RADIANT_BENCH: "0" })).toBe(true);
    expect(hidesBenchPage(BENCH_PAGE_PATH, { RADIANT_BENCH: "1" })).toBe(false);
  });

  it("is hidden with its RSC and segment files, and no other page with it", () => {
    expect(hidesBenchPage(`${BENCH_PAGE_PATH}.rsc`, { RADIANT_BENCH: "0" })).toBe(true);
    expect(hidesBenchPage(`${BENCH_PAGE_PATH}.segments/_tree.segment.rsc`, { RADIANT_BENCH: "0" })).toBe(true);
    expect(isBenchPage("/bench/prerendered-other")).toBe(false);
    expect(isBenchPage("/privacy")).toBe(false);
    expect(hidesBenchPage("/projects", { RADIANT_BENCH: "0" })).toBe(false);
  });
});
