import { describe, expect, it } from "vitest";
import { amendmentDecisionSchema, amendmentSchema, amendmentWithdrawSchema } from "./amendments";
import { describeHostileForms, type HostileForm } from "./hostile-forms.testing";

const forms: HostileForm[] = [
  [
    "amendment",
    amendmentSchema,
    ["projectId", "collectionStart", "collectionEnd", "targetSites", "targetCasesPerSite", "methods", "dataItems", "keepCoLeadIds", "inviteCoLead", "reason"],
  ],
  ["amendment decision", amendmentDecisionSchema, ["amendmentId", "decision", "message"]],
  ["withdraw an amendment", amendmentWithdrawSchema, ["amendmentId"]],
];

describeHostileForms(forms, 300);

describe("the amendment form", () => {
  it("reads the ticked co-leads as a list and a blank invitation as none", () => {
    const parsed = amendmentSchema.safeParse({
      projectId: "00000000-0000-4000-8000-000000000000",
      collectionStart: "2026-09-01",
      collectionEnd: "2027-03-31",
      targetSites: " 20 ",
      targetCasesPerSite: "50",
      methods: "Methods",
      dataItems: "Items",
      keepCoLeadIds: "not a list",
      inviteCoLead: "",
      reason: "Why",
    });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["Choose co-leads from the list"]);
  });
});
