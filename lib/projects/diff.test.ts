import { describe, expect, it } from "vitest";
import type { ProposalContent } from "@/lib/validation/proposals";
import { diffProposalVersions } from "./diff";

const base: ProposalContent = {
  title: "CT head in minor head injury",
  summary: "A lay summary.",
  background: "Why.",
  aims: "To audit.",
  primaryOutcome: "Rate of CT within an hour.",
  methods: "Retrospective.",
  design: "AUDIT",
  modalities: ["CT", "MRI"],
  subspecialties: ["NEURO"],
  dataItems: "Age, time of scan.",
  governanceRoute: "LOCAL_REGISTRATION",
  collectionStart: "2027-03-01",
  collectionEnd: "2027-06-01",
  targetSites: 20,
  targetCasesPerSite: 50,
  supervisorName: "Dr Jane Smith",
  supervisorEmail: "jane.smith@nhs.net",
  coLeads: ["Ravi Patel"],
};

describe("the field-by-field diff of two proposal versions", () => {
  it("finds nothing between identical versions", () => {
    expect(diffProposalVersions(base, { ...base })).toEqual([]);
  });

  it("lists each changed field once, in form order, with its label and both values", () => {
    const changes = diffProposalVersions(base, { ...base, aims: "To audit and re-audit.", targetSites: 25, title: "CT head after minor head injury" });
    expect(changes).toEqual([
      { field: "title", label: "Title", before: "CT head in minor head injury", after: "CT head after minor head injury" },
      { field: "aims", label: "Aims", before: "To audit.", after: "To audit and re-audit." },
      { field: "targetSites", label: "Target number of sites", before: "20", after: "25" },
    ]);
  });

  it("ignores the order of tags but not their content", () => {
    expect(diffProposalVersions(base, { ...base, modalities: ["MRI", "CT"] })).toEqual([]);
    expect(diffProposalVersions(base, { ...base, modalities: ["CT"] })).toEqual([
      { field: "modalities", label: "Modalities", before: "CT, MRI", after: "CT" },
    ]);
  });

  it("treats a missing or null value as empty, and a value appearing as a change", () => {
    expect(diffProposalVersions({ ...base, design: null }, { ...base, design: "COHORT" })).toEqual([
      { field: "design", label: "Study design", before: "", after: "COHORT" },
    ]);
    const older: Partial<ProposalContent> = { ...base };
    delete older.coLeads;
    expect(diffProposalVersions(older, { ...base, coLeads: [] })).toEqual([]);
    expect(diffProposalVersions(older, base).map((change) => change.field)).toEqual(["coLeads"]);
  });

  it("ignores white space around text", () => {
    expect(diffProposalVersions(base, { ...base, methods: "  Retrospective.\n" })).toEqual([]);
  });
});
