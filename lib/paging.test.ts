import { describe, expect, it } from "vitest";
import { pageOfList, pageParam, pageWindow } from "./paging";

describe("paging", () => {
  it("gives the page asked for, the last page for one past the end, and the first for nonsense", () => {
    expect(pageWindow(51, 2, 25)).toEqual({ page: 2, pageCount: 3, skip: 25, take: 25 });
    expect(pageWindow(51, 99, 25)).toMatchObject({ page: 3, skip: 50 });
    expect(pageWindow(51, 0, 25)).toMatchObject({ page: 1, skip: 0 });
    expect(pageWindow(0, 4, 25)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 25 });
  });

  it("slices a list in memory the same way", () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    expect(pageOfList(items, 2, 3)).toEqual({ rows: [3, 4, 5], page: 2, pageCount: 3 });
    expect(pageOfList(items, 9, 3)).toEqual({ rows: [6], page: 3, pageCount: 3 });
    expect(pageOfList([], 1, 3)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });

  it("reads a page number from a query, and anything else as the first page", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["2", "5"])).toBe(2);
    for (const bad of [undefined, "", "0", "-1", "2.5", "abc", "1e9"]) expect(pageParam(bad)).toBe(1);
  });
});
