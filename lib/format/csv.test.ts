import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tests/support/csv";
import { csvCell, toCsv } from "./csv";

describe("CSV for Excel", () => {
  it("starts with a byte-order mark, quotes every field and ends lines with CRLF", () => {
    const csv = toCsv(["Name", "Cases"], [["Siobhán O'Connor-Reilly", 12], ['Say "hi", then\nleave', null]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe('\uFEFF"Name","Cases"\r\n"Siobhán O\'Connor-Reilly","12"\r\n"Say ""hi"", then\nleave",""\r\n');
    expect(parseCsv(csv.slice(1))).toEqual([
      ["Name", "Cases"],
      ["Siobhán O'Connor-Reilly", "12"],
      ['Say "hi", then\nleave', ""],
    ]);
  });

  it("shows text that looks like a formula as text", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+44 1223")).toBe('"\'+44 1223"');
    expect(csvCell("@SUM(A1)")).toBe('"\'@SUM(A1)"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(true)).toBe('"Yes"');
    expect(csvCell(new Date("2026-08-01T00:00:00Z"))).toBe('"2026-08-01"');
  });
});
