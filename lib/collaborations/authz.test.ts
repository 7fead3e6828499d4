// The rows of the permission table that the trainee journey relies on, stated
// as the journey needs them (the whole table is checked in lib/authz.test.ts).
import { describe, expect, it } from "vitest";
import { can } from "@/lib/authz";

const trainee = { id: "11111111-1111-4111-8111-111111111111", role: "MEMBER" as const, emailVerified: new Date("2026-01-01T00:00:00Z") };
const other = "22222222-2222-4222-8222-222222222222";
const admin = { id: "33333333-3333-4333-8333-333333333333", role: "ADMIN" as const };
const committee = { id: "44444444-4444-4444-8444-444444444444", role: "COMMITTEE" as const };

describe("who may act on a collaboration", () => {
  it("lets any member with a confirmed e-mail address ask to join, and no visitor", () => {
    expect(can(trainee, "collaboration.request")).toBe(true);
    expect(can({ ...trainee, emailVerified: null }, "collaboration.request")).toBe(false);
    expect(can(null, "collaboration.request")).toBe(false);
  });

  it("lets only the trainee themselves leave, or download the certificate of, their collaboration: not even an administrator", () => {
    for (const action of ["collaboration.leave", "collaboration.certificate", "profile.view", "profile.update"] as const) {
      expect(can(trainee, action, { ownerId: trainee.id })).toBe(true);
      expect(can(trainee, action, { ownerId: other })).toBe(false);
      expect(can(admin, action, { ownerId: other })).toBe(false);
      expect(can(committee, action, { ownerId: other })).toBe(false);
    }
  });

  it("lets only a confirmed site lead of that site answer requests to join it", () => {
    expect(can(trainee, "site.manageTeam", { siteLeadIds: [trainee.id] })).toBe(true);
    expect(can(trainee, "site.manageTeam", { siteLeadIds: [other], projectLeadIds: [trainee.id] })).toBe(false);
    expect(can(admin, "site.manageTeam", { siteLeadIds: [other] })).toBe(false);
  });

  it("shows the demand by hospital to the project's leads and the committee, not to other members", () => {
    expect(can(trainee, "project.viewNational", { projectLeadIds: [trainee.id] })).toBe(true);
    expect(can(committee, "project.viewNational", { projectLeadIds: [other] })).toBe(true);
    expect(can(trainee, "project.viewNational", { projectLeadIds: [other], siteLeadIds: [trainee.id] })).toBe(false);
  });
});
