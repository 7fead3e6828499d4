import { describe, expect, it } from "vitest";
import { countWords, parseProposalDraft, proposalSubmitSchema, slugify, type ProposalFormInput } from "./proposals";

const blank: ProposalFormInput = {
  title: "",
  summary: "",
  background: "",
  aims: "",
  primaryOutcome: "",
  methods: "",
  design: "",
  modalities: [],
  subspecialties: [],
  dataItems: "",
  governanceRoute: "",
  collectionStart: "",
  collectionEnd: "",
  targetSites: "",
  targetCasesPerSite: "",
  supervisorName: "",
  supervisorEmail: "",
};

describe("counting the words of a lay summary", () => {
  it("counts runs of non-space characters, however they are spaced", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n ")).toBe(0);
    expect(countWords("CT head  within\none hour.")).toBe(5);
  });
});

describe("a draft", () => {
  it("keeps each valid-shaped field and reports the others, never failing as a whole", () => {
    const { data, fieldErrors } = parseProposalDraft({
      ...blank,
      title: "  Chest X-ray reporting  ",
      design: "NOT_A_DESIGN",
      modalities: ["CT", "CT", "MRI"],
      targetCasesPerSite: "0",
      collectionEnd: "2027-06-30",
    });
    expect(data).toMatchObject({ title: "Chest X-ray reporting", modalities: ["CT", "MRI"], collectionEnd: "2027-06-30", targetSites: null });
    expect("design" in data).toBe(false);
    expect(fieldErrors).toEqual({
      design: "Select a study design from the list",
      targetCasesPerSite: "The target number of cases per site must be between 1 and 100000",
    });
  });

  it("accepts a form left entirely empty", () => {
    expect(parseProposalDraft(blank).fieldErrors).toEqual({});
  });
});

describe("a submission", () => {
  it("names every missing field", () => {
    const result = proposalSubmitSchema.safeParse(blank);
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path.join(".")));
    for (const field of ["title", "summary", "background", "aims", "primaryOutcome", "methods", "design", "modalities", "dataItems", "governanceRoute", "collectionStart", "collectionEnd", "targetSites", "targetCasesPerSite", "supervisorName", "supervisorEmail"]) {
      expect(fields).toContain(field);
    }
    expect(fields).not.toContain("subspecialties");
  });

  it("needs the window to end after it starts and the lay summary to be 300 words or fewer", () => {
    const complete: ProposalFormInput = {
      ...blank,
      title: "T",
      summary: "word ".repeat(300),
      background: "B",
      aims: "A",
      primaryOutcome: "P",
      methods: "M",
      design: "AUDIT",
      modalities: ["CT"],
      dataItems: "D",
      governanceRoute: "RESEARCH_ETHICS",
      collectionStart: "2027-03-01",
      collectionEnd: "2027-03-01",
      targetSites: "10",
      targetCasesPerSite: "30",
      supervisorName: "Dr S",
      supervisorEmail: "S@NHS.net",
    };
    const sameDay = proposalSubmitSchema.safeParse(complete);
    expect(sameDay.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["collectionEnd", "The end of data collection must be after its start"],
    ]);
    const ok = proposalSubmitSchema.parse({ ...complete, collectionEnd: "2027-04-01" });
    expect(ok).toMatchObject({ supervisorEmail: "s@nhs.net", targetSites: 10 });
    expect(proposalSubmitSchema.safeParse({ ...complete, collectionEnd: "2027-04-01", summary: "word ".repeat(301) }).error?.issues[0]?.message).toBe(
      "Shorten the lay summary to 300 words or fewer",
    );
  });
});

describe("the address made from a title", () => {
  it("is lower-case words joined by hyphens, without accents, at most 60 characters", () => {
    expect(slugify("CT Pulmonary Angiography: yield in the ED (2027)")).toBe("ct-pulmonary-angiography-yield-in-the-ed-2027");
    expect(slugify("Évaluation rénale")).toBe("evaluation-renale");
    expect(slugify("!!!")).toBe("proposal");
    expect(slugify("a ".repeat(50)).length).toBeLessThanOrEqual(60);
    expect(slugify("a ".repeat(50))).not.toMatch(/-$/);
  });
});
