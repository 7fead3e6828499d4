// Random and hostile input against every form schema: each answer is either
// a clear message per field or data that satisfies the schema's own rules;
// nothing crashes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileForm, hostileString } from "@/tests/support/hostile";
import { describeHostileForms, type HostileForm } from "./hostile-forms.testing";
import { auditSearchSchema } from "./audit";
import { changeEmailSchema, changePasswordSchema, forgottenPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from "./auth";
import { TOPICS } from "@/lib/notifications/email-rules";
import { notificationPreferencesSchema } from "./notifications";
import { profileSchema } from "./profile";
import { isUuid } from "@/lib/ids";
import { isPlainLine } from "./fields";
import { emailSearchSchema } from "./mail";
import { memberSearchSchema } from "./members";
import { projectSearchSchema, publicSitesSearchSchema } from "./projects";
import { endSessionSchema } from "./sessions";
import { conflictSchema, decisionSchema, parseProposalDraft, proposalDraftFieldSchemas, proposalSubmitSchema, reviewSchema } from "./proposals";
import {
  contributionSchema,
  messageSitesSchema,
  nationalSearchSchema,
  recordProgressSchema,
  registerSiteSchema,
} from "./sites";
import { answerInvitationSchema, inviteToSiteSchema, withdrawInvitationSchema } from "./invitations";
import { checkSiteItemSchema, recordProjectItemSchema, recordSiteItemSchema, sendBackSiteItemSchema } from "./governance";
import { consultantSchema, projectSiteOnlySchema, removeObserverSchema } from "./consultant";
import { leaveSchema } from "./participation";
import { appointLeadSchema, handOverSchema } from "./continuity";
import { documentUploadSchema } from "./documents";

const forms: HostileForm[] = [
  ["conflict of interest", conflictSchema, ["kind", "note"]],
  ["sign-up", signUpSchema, ["name", "email", "password", "grade", "deaneryId", "homeSiteId", "gmcNumber"]],
  ["sign-in", signInSchema, ["email", "password"]],
  ["change password", changePasswordSchema, ["currentPassword", "newPassword"]],
  ["forgotten password", forgottenPasswordSchema, ["email"]],
  ["new password from a reset link", resetPasswordSchema, ["password", "confirmPassword"]],
  ["change of e-mail address", changeEmailSchema, ["newEmail", "emailPassword"]],
  ["profile", profileSchema, ["name", "grade", "deaneryId", "homeSiteId", "gmcNumber", "orcid", "authorSurname", "authorInitials", "contactConsent"]],
  ["proposal submission", proposalSubmitSchema, ["title", "summary", "background", "aims", "primaryOutcome", "methods", "design", "dataItems", "governanceRoute", "collectionStart", "collectionEnd", "targetSites", "targetCasesPerSite", "supervisorName", "supervisorEmail"]],
  ["review", reviewSchema, ["importance", "feasibility", "clarity", "comment", "recommendation"]],
  ["decision", decisionSchema, ["decision", "message"]],
  ["site registration", registerSiteSchema, ["projectId", "siteId"]],
  ["a site's checklist item", recordSiteItemSchema, ["projectSiteId", "kind", "reference", "date"]],
  ["check a checklist item", checkSiteItemSchema, ["projectSiteId", "kind"]],
  ["send a checklist item back", sendBackSiteItemSchema, ["projectSiteId", "kind", "reason"]],
  ["the project's IRAS number or REC reference", recordProjectItemSchema, ["projectId", "kind", "reference", "date"]],
  ["invite to a team", inviteToSiteSchema, ["projectSiteId", "email", "role"]],
  ["answer an invitation", answerInvitationSchema, ["invitationId", "decision"]],
  ["withdraw an invitation", withdrawInvitationSchema, ["invitationId"]],
  ["hand a site over", handOverSchema, ["projectSiteId", "collaborationId"]],
  ["appoint a site lead", appointLeadSchema, ["projectSiteId", "member", "email", "replacesId"]],
  ["contribution", contributionSchema, ["collaborationId", "contribution"]],
  ["leave a project (moving hospital or withdrawing)", leaveSchema, ["collaborationId", "choice"]],
  ["progress", recordProgressSchema, ["projectSiteId", "cumulativeCases", "reportedOn", "note", "correctionReason", "confirmHigh"]],
  ["message to sites", messageSitesSchema, ["projectId", "recipients", "siteIds", "message"]],
  ["sign out another device", endSessionSchema, ["sessionId"]],
  ["supervising consultant", consultantSchema, ["projectSiteId", "consultantName", "consultantRole", "consultantEmail"]],
  ["a button about a site's consultant", projectSiteOnlySchema, ["projectSiteId"]],
  ["remove an observer", removeObserverSchema, ["projectSiteId", "userId"]],
  ["e-mail preferences", notificationPreferencesSchema, [...TOPICS]],
  ["study document upload (its fields; the file is checked in document-files.test.ts)", documentUploadSchema, ["projectId", "target", "title", "note"]],
];

describeHostileForms(forms, 1000);

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
  ["a project's hospitals", publicSitesSearchSchema],
  ["the audit log", auditSearchSchema],
  ["the national view", nationalSearchSchema],
  ["the members page", memberSearchSchema],
  ["the e-mail page", emailSearchSchema],
] as const)("the search parameters of %s", (_name, schema) => {
  it("never fail, and pass on only text the database can take: anything else becomes the default", () => {
    fc.assert(
      fc.property(hostileForm(["q", "design", "modality", "status", "page", "action", "entityType", "actor", "role", "to", "region", "behind"]), (input) => {
        const result = schema.safeParse(input);
        expect(result.success).toBe(true);
        for (const value of Object.values(result.data ?? {})) {
          if (typeof value === "string") expect(isPlainLine(value)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("treat a NUL byte in a search box as no filter", () => {
    const parsed = schema.parse({ q: "ab\u0000c", actor: "\u0000", to: "x\u0000", region: "\u0000" }) as Record<string, unknown>;
    for (const field of ["q", "actor", "to", "region"]) expect(parsed[field]).toBeUndefined();
  });
});

describe("an id from an address or a form", () => {
  it("is taken only in the shape PostgreSQL accepts, so a malformed one is not found rather than a server error", () => {
    expect(isUuid("-".repeat(36))).toBe(false);
    expect(isUuid("0".repeat(36))).toBe(false);
    expect(isUuid("6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90")).toBe(true);
    fc.assert(
      fc.property(hostileString, (value) => {
        if (isUuid(value)) expect(value).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i);
      }),
      { numRuns: 2000 },
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
