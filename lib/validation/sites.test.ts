// Random and hostile input against every form of running a study: a clear
// sentence at a field, or data within the limits the database relies on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileForm } from "@/tests/support/hostile";
import { describeHostileForms, type HostileForm } from "./hostile-forms.testing";
import {
  contributionSchema,
  messageSitesSchema,
  moveSiteSchema,
  nationalSearchSchema,
  recordProgressSchema,
  registerSiteSchema,
  removeMemberSchema,
  studySettingsSchema,
} from "./sites";
import { answerInvitationSchema, inviteToSiteSchema, withdrawInvitationSchema } from "./invitations";
import { checkSiteItemSchema, recordProjectItemSchema, recordSiteItemSchema, sendBackSiteItemSchema } from "./governance";

const forms: HostileForm[] = [
  ["register a site", registerSiteSchema, ["projectId", "siteId"]],
  ["a site's checklist item", recordSiteItemSchema, ["projectSiteId", "kind", "reference", "date"]],
  ["check a checklist item", checkSiteItemSchema, ["projectSiteId", "kind"]],
  ["send a checklist item back", sendBackSiteItemSchema, ["projectSiteId", "kind", "reason"]],
  ["the project's IRAS number or REC reference", recordProjectItemSchema, ["projectId", "kind", "reference", "date"]],
  ["site move", moveSiteSchema, ["projectSiteId", "move"]],
  ["invite to a team", inviteToSiteSchema, ["projectSiteId", "email", "role"]],
  ["answer an invitation", answerInvitationSchema, ["invitationId", "decision"]],
  ["withdraw an invitation", withdrawInvitationSchema, ["invitationId"]],
  ["remove a member", removeMemberSchema, ["projectSiteId", "collaborationId"]],
  ["contribution", contributionSchema, ["projectSiteId", "collaborationId", "contribution"]],
  ["progress", recordProgressSchema, ["projectSiteId", "cumulativeCases", "reportedOn", "note", "correctionReason", "confirmLarge"]],
  ["message sites", messageSitesSchema, ["projectId", "recipients", "siteIds", "message"]],
  ["study settings", studySettingsSchema, ["projectId", "teamCap", "minimumCitableCases", "loadedTeamCap", "loadedMinimumCitableCases"]],
];

describeHostileForms(forms, 500);

describe("accepted study settings", () => {
  it("are whole numbers within their ranges, or empty for no rule", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 20_000 }), (typed, number) => {
        for (const value of [typed, String(number)]) {
          const result = studySettingsSchema.safeParse({
            projectId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90",
            teamCap: value,
            minimumCitableCases: value,
            loadedTeamCap: "",
            loadedMinimumCitableCases: "",
          });
          if (!result.success) continue;
          const { teamCap, minimumCitableCases } = result.data;
          if (value.trim() === "") {
            expect([teamCap, minimumCitableCases]).toEqual([null, null]);
            continue;
          }
          expect(Number.isInteger(teamCap)).toBe(true);
          expect(teamCap).toBeGreaterThanOrEqual(1);
          expect(teamCap).toBeLessThanOrEqual(50);
          expect(minimumCitableCases).toBe(teamCap);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("accepted progress", () => {
  it("is a whole number from 0 to a million, dated today or earlier", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 2_000_000 }), (typed, number) => {
        for (const value of [typed, String(number)]) {
          const result = recordProgressSchema.safeParse({
            projectSiteId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90",
            cumulativeCases: value,
            reportedOn: "2026-01-05",
          });
          if (!result.success) continue;
          expect(Number.isInteger(result.data.cumulativeCases)).toBe(true);
          expect(result.data.cumulativeCases).toBeGreaterThanOrEqual(0);
          expect(result.data.cumulativeCases).toBeLessThanOrEqual(1_000_000);
          expect(result.data.reportedOn.getTime()).toBeLessThanOrEqual(Date.now());
        }
      }),
    );
  });
});

describe("the national table's query string", () => {
  it("falls back to the defaults for anything it does not know, never an error page", () => {
    fc.assert(
      fc.property(hostileForm(["status", "region", "behind", "stale", "sort", "dir", "page"]), (input) => {
        const result = nationalSearchSchema.safeParse(input);
        expect(result.success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
