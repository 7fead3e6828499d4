// Hostile input against the forms of requests for missing hospitals: a clear message per field or
// data the database can hold, never a crash; and the rules a person meets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileForm } from "@/tests/support/hostile";
import { expectReadableMessages, type HostileForm } from "./hostile-forms.testing";
import { signUpSchema } from "./auth";
import {
  approveHospitalRequestSchema,
  declineHospitalRequestSchema,
  hospitalRequestSearchSchema,
  mergeHospitalRequestSchema,
  NEW_HOSPITAL_FIELD_NAMES,
} from "./hospital-requests";
import { isPlainLine, isPlainText } from "./fields";
import { profileSchema } from "./profile";

const forms: HostileForm[] = [
  ["sign-up with a missing hospital", signUpSchema, ["name", "email", "password", "grade", "deaneryId", "homeSiteId", "gmcNumber", ...NEW_HOSPITAL_FIELD_NAMES]],
  ["profile with a missing hospital", profileSchema, ["name", "grade", "deaneryId", "homeSiteId", ...NEW_HOSPITAL_FIELD_NAMES]],
  ["approve a request", approveHospitalRequestSchema, ["requestId", "name", "trust", "odsCode", "city", "deaneryId"]],
  ["merge a request", mergeHospitalRequestSchema, ["requestId", "intoSiteId", "note"]],
  ["decline a request", declineHospitalRequestSchema, ["requestId", "reason"]],
];

describe.each(forms)("the %s form", (_name, schema, fields) => {
  it("answers any input with data the database can hold or a sentence at a field, never a crash", () => {
    fc.assert(
      fc.property(hostileForm(fields), fc.boolean(), (input, missing) => {
        const result = schema.safeParse(missing ? { ...input, homeSiteId: "new" } : input);
        if (result.success) {
          // Passwords are hashed, never stored as typed.
          for (const [field, value] of Object.entries(result.data as Record<string, unknown>)) {
            if (typeof value === "string" && field !== "password") expect(isPlainText(value)).toBe(true);
          }
          return;
        }
        expectReadableMessages(result.error.issues);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the requests page's query", () => {
  it("never fails: anything it does not know is no filter and the first page", () => {
    fc.assert(
      fc.property(hostileForm(["q", "page"]), (input) => {
        const search = hospitalRequestSearchSchema.parse(input);
        expect(search.q === undefined || isPlainLine(search.q)).toBe(true);
        expect(Number.isInteger(search.page) && search.page >= 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("an organisation code", () => {
  const approve = (odsCode: string) =>
    approveHospitalRequestSchema.safeParse({ requestId: crypto.randomUUID(), name: "A", trust: "B", city: "C", deaneryId: crypto.randomUUID(), odsCode });
  it("is 3 to 6 letters and digits, typed in any case or with spaces, stored in capitals", () => {
    for (const [typed, stored] of [["rgt01", "RGT01"], [" N101H ", "N101H"], ["7a1 a1", "7A1A1"], ["RGT", "RGT"]]) {
      expect(approve(typed!).data?.odsCode).toBe(stored);
    }
    for (const typed of ["RG", "RGT0123", "RGT-01", "RGT 01 X9", "ＲＧＴ01", "REQ--0123456789ab"]) {
      expect(approve(typed).error?.issues.map((issue) => issue.message)).toEqual(["Enter the organisation code as 3 to 6 letters and digits, like RGT01"]);
    }
    expect(approve("").error?.issues.map((issue) => issue.message)).toEqual(["Enter the hospital's organisation code, like RGT01"]);
  });
});
