import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCrossref, parseEsummary } from "./lookup-parse";

// Samples of each service's answer, written by hand after their documented shapes.
const sample = (name: string) => JSON.parse(readFileSync(`tests/support/lookup-samples/${name}.json`, "utf8")) as unknown;

describe("Crossref's answer for a DOI", () => {
  it("gives the title without markup, the journal, the first publication date and the DOI as stored", () => {
    expect(parseCrossref(sample("crossref-work"))).toEqual({
      title: "Yield of CT pulmonary angiography in the emergency department: a national trainee-led audit",
      venue: "Clinical Radiology",
      date: "2025-02-03",
      doi: "10.1016/j.crad.2025.01.002",
    });
  });

  it("takes a date given only to the month as its first day, and the publisher when there is no journal", () => {
    expect(parseCrossref({ message: { title: ["A report"], publisher: "Royal College of Radiologists", issued: { "date-parts": [[2024, 6]] } } })).toEqual({
      title: "A report",
      venue: "Royal College of Radiologists",
      date: "2024-06-01",
    });
  });

  it("gives nothing for anything that is not a work, and leaves out parts that are odd", () => {
    for (const body of [null, "ok", [], { status: "ok" }, { message: "x" }, { message: {} }]) expect(parseCrossref(body)).toBeNull();
    expect(parseCrossref({ message: { title: ["T\u202Eitle"], "container-title": [42], published: { "date-parts": [[2025, 13, 1]] } } })).toBeNull();
    expect(parseCrossref({ message: { title: ["x".repeat(600)], "container-title": ["Radiology"] } })).toEqual({ venue: "Radiology" });
  });
});

describe("PubMed's esummary for a PubMed ID", () => {
  it("gives the title, the journal's full name, the publication date and the DOI", () => {
    expect(parseEsummary(sample("esummary"), "38012345")).toEqual({
      title: "Yield of CT pulmonary angiography in the emergency department: a national trainee-led audit",
      venue: "Clinical radiology",
      date: "2024-03-15",
      doi: "10.1016/j.crad.2024.01.010",
    });
  });

  it("reads the dates PubMed writes: a month, a year, a season's range", () => {
    const withDate = (pubdate: string) => parseEsummary({ result: { "1": { title: "T", pubdate } } }, "1")?.date;
    expect(withDate("2024 Mar")).toBe("2024-03-01");
    expect(withDate("2023")).toBe("2023-01-01");
    expect(withDate("2023 Dec-2024 Jan")).toBe("2023-12-01");
    expect(withDate("2023 Winter")).toBe("2023-01-01");
    expect(withDate("soon")).toBeUndefined();
  });

  it("gives nothing for an unknown PubMed ID, another PubMed ID's record, or nonsense", () => {
    expect(parseEsummary(sample("esummary-unknown"), "99999999")).toBeNull();
    expect(parseEsummary(sample("esummary"), "38012346")).toBeNull();
    for (const body of [null, 7, { result: [] }, { result: { "1": "x" } }]) expect(parseEsummary(body, "1")).toBeNull();
  });
});
