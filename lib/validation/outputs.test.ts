import { describe, expect, it } from "vitest";
import { describeHostileForms } from "./hostile-forms.testing";
import { changeOutputSchema, lookupOutputSchema, normaliseDoi, normalisePmid, outputSearchSchema, recordOutputSchema, removeOutputSchema } from "./outputs";

describe("a DOI as a lead pastes it", () => {
  it.each([
    ["10.1016/j.crad.2025.01.002", "10.1016/j.crad.2025.01.002"],
    ["  10.1016/J.CRAD.2025.01.002 ", "10.1016/j.crad.2025.01.002"],
    ["https://doi.org/10.1259/bjr.20240123", "10.1259/bjr.20240123"],
    ["http://dx.doi.org/10.1259/BJR.20240123", "10.1259/bjr.20240123"],
    ["doi.org/10.1007/s00330-024-10999-x", "10.1007/s00330-024-10999-x"],
    ["doi:10.1148/radiol.2024231234", "10.1148/radiol.2024231234"],
    ["DOI: 10.1148/radiol.2024231234", "10.1148/radiol.2024231234"],
    ["https://doi.org/10.1002%2F14651858.CD012345", "10.1002/14651858.cd012345"],
    ["10.5555/radiant.ctpa-yield", "10.5555/radiant.ctpa-yield"],
  ])("reads %j as %j", (typed, stored) => {
    expect(normaliseDoi(typed)).toBe(stored);
  });

  it.each(["", "10.1016", "10.12/abc", "11.1016/abc", "https://example.org/10.1016/abc", "10.1016/with space", "pmid:38012345", "10.1016%2Fabc%E0%A4%A", "10.1016/a\u0000b", "10.1016/../admin", "10.1016/x/.", `10.1016/${"a".repeat(300)}`])(
    "refuses %j",
    (typed) => {
      expect(normaliseDoi(typed)).toBeNull();
    },
  );
});

describe("a PubMed ID as a lead pastes it", () => {
  it.each([
    ["38012345", "38012345"],
    [" 38012345 ", "38012345"],
    ["PMID: 38012345", "38012345"],
    ["pmid38012345", "38012345"],
    ["https://pubmed.ncbi.nlm.nih.gov/38012345/", "38012345"],
    ["https://www.ncbi.nlm.nih.gov/pubmed/38012345", "38012345"],
  ])("reads %j as %j", (typed, stored) => {
    expect(normalisePmid(typed)).toBe(stored);
  });

  it.each(["", "0", "012345", "3801-2345", "38012345a", "PMC1234567", "1234567890", "３８０１２３４５"])("refuses %j", (typed) => {
    expect(normalisePmid(typed)).toBeNull();
  });
});

const PROJECT = "9f1c1d7e-0a7b-4a57-9a57-2d2b7f1b0c11";
const form = (values: Record<string, unknown>) => ({
  projectId: PROJECT,
  kind: "PAPER",
  title: "Yield of CTPA",
  venue: "Clinical Radiology",
  date: { day: "14", month: "3", year: "2025" },
  doi: "",
  pmid: "38012345",
  authorListId: "",
  ...values,
});
const errorsOf = (values: Record<string, unknown>) => {
  const result = recordOutputSchema.safeParse(form(values));
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};
const inYears = (years: number) => {
  const date = new Date();
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear() + years) };
};

describe("the outputs form", () => {
  it("stores the identifiers normalised and the date as a day", () => {
    const data = recordOutputSchema.parse(form({ doi: "https://doi.org/10.1016/J.CRAD.2025.01.002", pmid: "PMID: 38012345" }));
    expect(data).toMatchObject({ kind: "PAPER", doi: "10.1016/j.crad.2025.01.002", pmid: "38012345", authorListId: null, date: new Date("2025-03-14T00:00:00Z") });
  });

  it("needs a paper's DOI or PubMed ID, but not a talk's", () => {
    expect(errorsOf({ pmid: "" })).toEqual({ doi: "Enter the paper's DOI or its PubMed ID, or both" });
    expect(errorsOf({ kind: "ORAL_PRESENTATION", pmid: "" })).toEqual({});
  });

  it("refuses a paper dated in the future, and accepts a meeting to come within two years", () => {
    expect(errorsOf({ date: inYears(1) })).toEqual({ date: "Date of publication must be today or in the past" });
    expect(errorsOf({ kind: "POSTER", date: inYears(1) })).toEqual({});
    expect(errorsOf({ kind: "POSTER", date: inYears(3) })).toEqual({ date: "Date of the meeting must be within 2 years from today" });
  });

  it("says what is wrong with each field in words, all at once", () => {
    expect(errorsOf({ title: "", date: { day: "", month: "", year: "" } })).toEqual({ title: "Enter the title", date: "Enter date of publication or presentation" });
    expect(errorsOf({ kind: "", title: " ", venue: "", date: { day: "31", month: "2", year: "2025" }, doi: "10.12", pmid: "38O12345" })).toEqual({
      kind: "Choose what kind of output it is",
      title: "Enter the title",
      venue: "Enter the journal, conference or publisher",
      date: "Date of publication or presentation must be a real date",
      doi: "Enter the DOI as it is printed on the article, like 10.1016/j.crad.2025.01.002",
      pmid: "Enter the PubMed ID as digits only, like 38012345",
    });
    expect(errorsOf({ date: { day: "31", month: "2", year: "2025" } })).toEqual({ date: "Date of publication or presentation must be a real date" });
    expect(errorsOf({ authorListId: "version 2" })).toEqual({ authorListId: "Choose an author list version, or none" });
  });

  it("looks up only a well-formed DOI or PubMed ID", () => {
    expect(lookupOutputSchema.safeParse({ projectId: PROJECT, doi: "", pmid: "" }).error?.issues[0]?.message).toBe("Enter a DOI or a PubMed ID to look up");
    expect(lookupOutputSchema.safeParse({ projectId: PROJECT, doi: "http://169.254.169.254/latest", pmid: "" }).success).toBe(false);
    expect(lookupOutputSchema.parse({ projectId: PROJECT, doi: "doi:10.1259/BJR.1", pmid: "" })).toEqual({ projectId: PROJECT, doi: "10.1259/bjr.1", pmid: null });
  });

  it("reads anything in /outputs' address as a search or none", () => {
    expect(outputSearchSchema.parse({ q: "ctpa", kind: "PAPER", page: "2" })).toEqual({ q: "ctpa", kind: "PAPER", page: 2 });
    expect(outputSearchSchema.parse({ q: ["a", "b"], kind: "BOOK", page: "-1" })).toEqual({ q: undefined, kind: undefined, page: 1 });
  });
});

describeHostileForms(
  [
    ["record an output", recordOutputSchema, ["projectId", "kind", "title", "venue", "date", "doi", "pmid", "authorListId"]],
    ["change an output", changeOutputSchema, ["outputId", "kind", "title", "venue", "date", "doi", "pmid", "authorListId"]],
    ["remove an output", removeOutputSchema, ["outputId"]],
    ["look up an output", lookupOutputSchema, ["projectId", "doi", "pmid"]],
  ],
  500,
);
