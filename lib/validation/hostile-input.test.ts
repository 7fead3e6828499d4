// Random and hostile input against every form schema: each answer is either
// a clear message per field or data that satisfies the schema's own rules;
// nothing crashes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { hostileForm, hostileString } from "@/tests/support/hostile";
import { auditSearchSchema } from "./audit";
import { changePasswordSchema, signInSchema, signUpSchema } from "./auth";
import { profileSchema } from "./profile";
import { projectSearchSchema } from "./projects";
import { decisionSchema, parseProposalDraft, proposalDraftFieldSchemas, proposalSubmitSchema, reviewSchema } from "./proposals";
import {
  contributionSchema,
  messageSitesSchema,
  nationalSearchSchema,
  recordApprovalsSchema,
  recordProgressSchema,
  registerSiteSchema,
} from "./sites";
import { answerInvitationSchema, inviteToSiteSchema, withdrawInvitationSchema } from "./invitations";

const forms: [string, z.ZodType, string[]][] = [
  ["sign-up", signUpSchema, ["name", "email", "password", "grade", "deaneryId", "homeSiteId", "gmcNumber"]],
  ["sign-in", signInSchema, ["email", "password"]],
  ["change password", changePasswordSchema, ["currentPassword", "newPassword"]],
  ["profile", profileSchema, ["name", "grade", "deaneryId", "homeSiteId", "gmcNumber", "orcid", "authorSurname", "authorInitials", "contactConsent"]],
  ["proposal submission", proposalSubmitSchema, ["title", "summary", "background", "aims", "primaryOutcome", "methods", "design", "dataItems", "governanceRoute", "collectionStart", "collectionEnd", "targetSites", "targetCasesPerSite", "supervisorName", "supervisorEmail"]],
  ["review", reviewSchema, ["importance", "feasibility", "clarity", "comment", "recommendation"]],
  ["decision", decisionSchema, ["decision", "message"]],
  ["site registration", registerSiteSchema, ["projectId", "siteId"]],
  ["local approvals", recordApprovalsSchema, ["projectSiteId", "approvalReference", "approvingBody", "approvalDate", "caldicottSignedOff"]],
  ["invite to a team", inviteToSiteSchema, ["projectSiteId", "email", "role"]],
  ["answer an invitation", answerInvitationSchema, ["invitationId", "decision"]],
  ["withdraw an invitation", withdrawInvitationSchema, ["invitationId"]],
  ["contribution", contributionSchema, ["collaborationId", "contribution"]],
  ["progress", recordProgressSchema, ["projectSiteId", "cumulativeCases", "reportedOn", "note", "correctionReason", "confirmHigh"]],
  ["message to sites", messageSitesSchema, ["projectId", "message"]],
];

describe.each(forms)("the %s form", (_name, schema, fields) => {
  it("answers any input with data or a sentence at a field, never a crash", () => {
    fc.assert(
      fc.property(hostileForm(fields), (input) => {
        const result = schema.safeParse(input);
        if (result.success) return;
        for (const issue of result.error.issues) {
          expect(issue.message.length).toBeGreaterThan(5);
          expect(issue.message.length).toBeLessThan(200);
          // A person reads the message: it never shows the raw input or zod's internals.
          expect(issue.message).not.toMatch(/Invalid input|expected|received/i);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("accepted sign-up data", () => {
  it("is always within the limits the database and the pages rely on", () => {
    fc.assert(
      fc.property(hostileString, hostileString, (name, gmc) => {
        const result = signUpSchema.safeParse({
          name,
          email: "a@example.org",
          password: "long enough password",
          grade: "ST1",
          deaneryId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90",
          homeSiteId: "0b6e8a7d-2c4f-4b1e-8e9a-5d3c2b1a0f9e",
          gmcNumber: gmc,
        });
        if (!result.success) return;
        expect(result.data.name.length).toBeGreaterThan(0);
        expect(result.data.name.length).toBeLessThanOrEqual(120);
        expect(result.data.name).toBe(result.data.name.trim());
        if (result.data.gmcNumber !== undefined) expect(result.data.gmcNumber).toMatch(/^\d{7}$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe.each([
  ["/projects", projectSearchSchema],
  ["the audit log", auditSearchSchema],
  ["the national view", nationalSearchSchema],
] as const)("the search parameters of %s", (_name, schema) => {
  it("never fail: anything unrecognised becomes the default", () => {
    fc.assert(
      fc.property(hostileForm(["q", "design", "modality", "status", "page", "action", "entityType", "actor"]), (input) => {
        const result = schema.safeParse(input);
        expect(result.success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a proposal draft", () => {
  it("keeps only text the database can hold, field by field, and says why for the rest", () => {
    fc.assert(
      fc.property(hostileForm(Object.keys(proposalDraftFieldSchemas)), (input) => {
        const { data, fieldErrors } = parseProposalDraft(input as never);
        for (const value of Object.values(data)) {
          if (typeof value === "string") expect(value).not.toMatch(/\u0000/);
        }
        for (const message of Object.values(fieldErrors)) expect(message).not.toMatch(/Invalid input|expected|received/i);
      }),
      { numRuns: 1000 },
    );
  });
});
