import { describe, expect, it } from "vitest";
import { assertCan, can, EmailNotConfirmedError, ForbiddenError, needsConfirmedEmail, PERMISSIONS, type Action, type AuthzActor, type ResourceFacts } from "./authz";

// The permission table against answers written out by hand. Nothing here is computed from
// PERMISSIONS: widening or narrowing any row of lib/authz.ts makes a line of MATRIX fail, and a
// new action fails until someone writes its line. Read MATRIX as the portal's access policy.

const ME = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const CONFIRMED = new Date("2026-01-01T00:00:00Z");

/**
 * Every kind of person, against one resource that somebody else owns and leads (so a relation
 * is never held by accident). The name says the global role (MEMBER unless COMMITTEE or ADMIN),
 * whether the e-mail address is confirmed (confirmed unless "unverified"), and the relations
 * held to the resource: self (its owner), projectLead, siteLead, siteObserver, conflicted (declared a conflict of
 * interest in the proposal). CHAIR is a committee member who chairs the committee.
 */
const PERSONAS = {
  visitor: null,
  unverified: { role: "MEMBER", confirmed: false, relations: [] },
  "unverified+self": { role: "MEMBER", confirmed: false, relations: ["self"] },
  "unverified+siteLead": { role: "MEMBER", confirmed: false, relations: ["siteLead"] },
  "unverified+projectLead": { role: "MEMBER", confirmed: false, relations: ["projectLead"] },
  member: { role: "MEMBER", confirmed: true, relations: [] },
  self: { role: "MEMBER", confirmed: true, relations: ["self"] },
  projectLead: { role: "MEMBER", confirmed: true, relations: ["projectLead"] },
  siteLead: { role: "MEMBER", confirmed: true, relations: ["siteLead"] },
  siteObserver: { role: "MEMBER", confirmed: true, relations: ["siteObserver"] },
  "unverified+siteObserver": { role: "MEMBER", confirmed: false, relations: ["siteObserver"] },
  "projectLead+siteLead": { role: "MEMBER", confirmed: true, relations: ["projectLead", "siteLead"] },
  COMMITTEE: { role: "COMMITTEE", confirmed: true, relations: [] },
  "COMMITTEE+projectLead": { role: "COMMITTEE", confirmed: true, relations: ["projectLead"] },
  "COMMITTEE+siteLead": { role: "COMMITTEE", confirmed: true, relations: ["siteLead"] },
  "COMMITTEE+unverified": { role: "COMMITTEE", confirmed: false, relations: [] },
  "COMMITTEE+conflicted": { role: "COMMITTEE", confirmed: true, relations: ["conflicted"] },
  CHAIR: { role: "COMMITTEE", chair: true, confirmed: true, relations: [] },
  "CHAIR+projectLead": { role: "COMMITTEE", chair: true, confirmed: true, relations: ["projectLead"] },
  "CHAIR+conflicted": { role: "COMMITTEE", chair: true, confirmed: true, relations: ["conflicted"] },
  // The chair flag means nothing without the committee role.
  "MEMBER+chairFlag": { role: "MEMBER", chair: true, confirmed: true, relations: [] },
  ADMIN: { role: "ADMIN", confirmed: true, relations: [] },
  "ADMIN+projectLead": { role: "ADMIN", confirmed: true, relations: ["projectLead"] },
  "ADMIN+siteLead": { role: "ADMIN", confirmed: true, relations: ["siteLead"] },
  "ADMIN+self": { role: "ADMIN", confirmed: true, relations: ["self"] },
  "ADMIN+unverified": { role: "ADMIN", confirmed: false, relations: [] },
  "ADMIN+conflicted": { role: "ADMIN", confirmed: true, relations: ["conflicted"] },
} as const satisfies Record<
  string,
  { role: AuthzActor["role"]; chair?: boolean; confirmed: boolean; relations: readonly ("self" | "projectLead" | "siteLead" | "siteObserver" | "conflicted")[] } | null
>;

type Persona = keyof typeof PERSONAS;

/** Who is allowed each action; everyone not named is refused. Written by hand, reviewed by a person. */
const MATRIX: Record<Action, string> = {
  // Own account
  "profile.view": "unverified+self self ADMIN+self",
  "profile.update": "unverified+self self ADMIN+self",
  "account.sessions": "unverified+self self ADMIN+self",
  "notifications.preferences": "unverified+self self ADMIN+self",
  // Proposals and the lifecycle
  "project.propose": "member self projectLead siteLead siteObserver projectLead+siteLead COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted MEMBER+chairFlag ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+conflicted",
  "project.viewDraft": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+unverified COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "project.readReviews": "COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+unverified COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "project.edit": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "project.transition": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "project.review": "COMMITTEE COMMITTEE+siteLead COMMITTEE+unverified CHAIR ADMIN ADMIN+siteLead ADMIN+self ADMIN+unverified",
  "project.decide": "COMMITTEE COMMITTEE+siteLead COMMITTEE+unverified CHAIR ADMIN ADMIN+siteLead ADMIN+self ADMIN+unverified",
  "proposal.declareConflict": "COMMITTEE COMMITTEE+siteLead COMMITTEE+unverified COMMITTEE+conflicted CHAIR CHAIR+conflicted ADMIN ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "review.assign": "CHAIR ADMIN ADMIN+siteLead ADMIN+self ADMIN+unverified",
  "call.manage": "CHAIR CHAIR+projectLead CHAIR+conflicted ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "amendment.propose": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "amendment.decide": "COMMITTEE COMMITTEE+siteLead COMMITTEE+unverified CHAIR ADMIN ADMIN+siteLead ADMIN+self ADMIN+unverified",
  "document.upload": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "document.download": "unverified+siteLead unverified+projectLead projectLead siteLead projectLead+siteLead COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+unverified COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  // Running the study
  "project.viewNational": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+unverified COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "project.export": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "project.messageSites": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "project.changeSettings": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "project.managePeriods": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "project.recordGovernance": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "site.checkGovernance": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "site.register": "member self projectLead siteLead siteObserver projectLead+siteLead COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted MEMBER+chairFlag ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+conflicted",
  "site.approve": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "site.recordApprovals": "unverified+siteLead siteLead projectLead+siteLead COMMITTEE+siteLead ADMIN+siteLead",
  "site.changeStatus": "unverified+siteLead siteLead projectLead+siteLead COMMITTEE+siteLead ADMIN+siteLead",
  "site.recordProgress": "unverified+siteLead siteLead projectLead+siteLead COMMITTEE+siteLead ADMIN+siteLead",
  "site.manageTeam": "unverified+siteLead siteLead projectLead+siteLead COMMITTEE+siteLead ADMIN+siteLead",
  "site.view": "unverified+siteLead unverified+projectLead projectLead siteLead siteObserver unverified+siteObserver projectLead+siteLead COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+unverified COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "site.handOver": "unverified+siteLead siteLead projectLead+siteLead COMMITTEE+siteLead ADMIN+siteLead",
  "site.appointLead": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "site.actForSiteLead": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "site.editConsultant": "unverified+siteLead unverified+projectLead projectLead siteLead projectLead+siteLead COMMITTEE+projectLead COMMITTEE+siteLead CHAIR+projectLead ADMIN+projectLead ADMIN+siteLead",
  "invitation.inviteObserver": "unverified+siteLead unverified+projectLead projectLead siteLead projectLead+siteLead COMMITTEE+projectLead COMMITTEE+siteLead CHAIR+projectLead ADMIN+projectLead ADMIN+siteLead",
  // Taking part
  "collaboration.request": "member self projectLead siteLead siteObserver projectLead+siteLead COMMITTEE COMMITTEE+projectLead COMMITTEE+siteLead COMMITTEE+conflicted CHAIR CHAIR+projectLead CHAIR+conflicted MEMBER+chairFlag ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+conflicted",
  "collaboration.leave": "unverified+self self ADMIN+self",
  "collaboration.certificate": "unverified+self self ADMIN+self",
  // Credit
  "certificate.issue": "unverified+self self ADMIN+self",
  "authorList.manage": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "authorList.answer": "unverified+self self ADMIN+self",
  "project.recordOutput": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  // Invitations
  "invitation.inviteToSite": "unverified+siteLead siteLead projectLead+siteLead COMMITTEE+siteLead ADMIN+siteLead",
  "invitation.inviteCoLead": "unverified+projectLead projectLead projectLead+siteLead COMMITTEE+projectLead CHAIR+projectLead ADMIN+projectLead",
  "invitation.withdraw": "unverified+self unverified+siteLead unverified+projectLead self projectLead siteLead projectLead+siteLead COMMITTEE+projectLead COMMITTEE+siteLead CHAIR+projectLead ADMIN+projectLead ADMIN+siteLead ADMIN+self",
  "invitation.respond": "self ADMIN+self",
  // Administration
  "audit.read": "ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "reference.manage": "ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "users.manageRoles": "ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "mail.manage": "ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "operations.view": "ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
  "users.sendPasswordReset": "ADMIN ADMIN+projectLead ADMIN+siteLead ADMIN+self ADMIN+unverified ADMIN+conflicted",
};

function personaOf(name: Persona): { actor: AuthzActor | null; facts: ResourceFacts } {
  const persona = PERSONAS[name];
  const others: ResourceFacts = { ownerId: OTHER, projectLeadIds: [OTHER], siteLeadIds: [OTHER], observerIds: [OTHER], conflictedIds: [OTHER] };
  if (persona === null) return { actor: null, facts: others };
  const relations: readonly string[] = persona.relations;
  return {
    actor: { id: ME, role: persona.role, chair: "chair" in persona ? persona.chair : false, emailVerified: persona.confirmed ? CONFIRMED : null },
    facts: {
      ownerId: relations.includes("self") ? ME : OTHER,
      projectLeadIds: relations.includes("projectLead") ? [OTHER, ME] : [OTHER],
      siteLeadIds: relations.includes("siteLead") ? [ME, OTHER] : [OTHER],
      observerIds: relations.includes("siteObserver") ? [OTHER, ME] : [OTHER],
      conflictedIds: relations.includes("conflicted") ? [OTHER, ME] : [OTHER],
    },
  };
}

const personaNames = Object.keys(PERSONAS) as Persona[];
const allowedBy = (action: Action) => MATRIX[action].split(" ");
/** Who the table actually lets do `action`, in the order of PERSONAS. */
const actual = (action: Action) =>
  personaNames.filter((name) => {
    const { actor, facts } = personaOf(name);
    return can(actor, action, facts);
  });

describe("the permission table against the written matrix", () => {
  it("has a line in the matrix for every action, and an action for every line", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("names only personas that exist, each once, in the order they are listed", () => {
    for (const action of Object.keys(MATRIX) as Action[]) {
      const named = allowedBy(action);
      for (const name of named) expect(personaNames, `${action}: ${name}`).toContain(name);
      expect(named, action).toEqual(personaNames.filter((name) => named.includes(name)));
    }
  });

  it.each(Object.keys(MATRIX) as Action[])("%s: exactly the personas written out", (action) => {
    expect(actual(action).join(" ")).toBe(MATRIX[action]);
  });

  it("refuses everything to a visitor, whatever the facts", () => {
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      expect(can(null, action)).toBe(false);
      expect(can(null, action, { ownerId: ME, projectLeadIds: [ME], siteLeadIds: [ME], observerIds: [ME], conflictedIds: [ME] })).toBe(false);
    }
  });
});

describe("rules the matrix shows, said in words", () => {
  it("does not let a committee member or an admin review or decide a proposal they lead", () => {
    for (const name of ["COMMITTEE+projectLead", "ADMIN+projectLead"] as const) {
      const { actor, facts } = personaOf(name);
      expect(can(actor, "project.review", facts)).toBe(false);
      expect(can(actor, "project.decide", facts)).toBe(false);
      // They still read the proposal with its reviews, and are told why they cannot take part.
      expect(can(actor, "project.readReviews", facts)).toBe(true);
    }
  });

  it("lets a site lead who is on the committee, or an admin, see the national view, as the committee does", () => {
    for (const name of ["COMMITTEE+siteLead", "ADMIN+siteLead"] as const) {
      const { actor, facts } = personaOf(name);
      expect(can(actor, "project.viewNational", facts)).toBe(true);
    }
    const { actor, facts } = personaOf("siteLead");
    expect(can(actor, "project.viewNational", facts)).toBe(false);
  });

  it("leaves the study's settings to its leads alone, the same people who approve its sites", () => {
    for (const name of personaNames) {
      const { actor, facts } = personaOf(name);
      expect(can(actor, "project.changeSettings", facts), name).toBe(can(actor, "site.approve", facts));
    }
  });

  it("keeps what reaches other people from a member whose e-mail address is not confirmed", () => {
    const unconfirmed = { id: ME, role: "MEMBER" as const, emailVerified: null };
    expect(can(unconfirmed, "project.propose")).toBe(false);
    expect(can(unconfirmed, "site.register")).toBe(false);
    expect(can(unconfirmed, "collaboration.request")).toBe(false);
    expect(can({ id: ME, role: "MEMBER" }, "collaboration.request")).toBe(false);
    expect(can(unconfirmed, "profile.update", { ownerId: ME })).toBe(true);
    expect(can({ ...unconfirmed, emailVerified: CONFIRMED }, "collaboration.request")).toBe(true);
  });

  it("lets only the invitee answer an invitation, and only once they have confirmed the address it was sent to", () => {
    const invitee = { id: ME, role: "MEMBER" as const, emailVerified: CONFIRMED };
    expect(can(invitee, "invitation.respond", { ownerId: ME })).toBe(true);
    expect(can({ ...invitee, emailVerified: null }, "invitation.respond", { ownerId: ME })).toBe(false);
    expect(can(invitee, "invitation.respond", { ownerId: OTHER })).toBe(false);
    expect(can({ id: ME, role: "ADMIN", emailVerified: CONFIRMED }, "invitation.respond", { ownerId: OTHER, projectLeadIds: [ME], siteLeadIds: [ME] })).toBe(false);
    expect(can(invitee, "invitation.respond", {})).toBe(false);
  });

  it("takes a member who declared a conflict off the proposal: no review, no decision, no amendment decision, no assigning", () => {
    for (const name of ["COMMITTEE+conflicted", "CHAIR+conflicted", "ADMIN+conflicted"] as const) {
      const { actor, facts } = personaOf(name);
      for (const action of ["project.review", "project.decide", "amendment.decide", "review.assign"] as const) expect(can(actor, action, facts), `${name} ${action}`).toBe(false);
      expect(can(actor, "project.readReviews", facts)).toBe(true);
    }
  });

  it("gives the chair's powers only to a committee member flagged as chair, or an administrator", () => {
    for (const action of ["review.assign", "call.manage"] as const) {
      expect(can({ id: ME, role: "COMMITTEE", chair: true, emailVerified: CONFIRMED }, action, {})).toBe(true);
      expect(can({ id: ME, role: "COMMITTEE", chair: false, emailVerified: CONFIRMED }, action, {})).toBe(false);
      expect(can({ id: ME, role: "MEMBER", chair: true, emailVerified: CONFIRMED }, action, {})).toBe(false);
      expect(can({ id: ME, role: "ADMIN", emailVerified: CONFIRMED }, action, {})).toBe(true);
    }
  });

  it("does not take a missing owner or an empty list of leads for a match", () => {
    expect(can({ id: ME, role: "MEMBER" }, "profile.update", {})).toBe(false);
    expect(can({ id: ME, role: "MEMBER" }, "site.recordProgress", { siteLeadIds: [] })).toBe(false);
    expect(can({ id: ME, role: "MEMBER" }, "project.edit", { projectLeadIds: [] })).toBe(false);
  });
});

describe("a refusal for want of a confirmed e-mail address", () => {
  const unconfirmed = { id: ME, role: "MEMBER" as const, emailVerified: null };

  it("is told apart from any other refusal, so the page can say how to confirm", () => {
    for (const action of ["project.propose", "site.register", "collaboration.request"] as const) {
      expect(needsConfirmedEmail(unconfirmed, action)).toBe(true);
      expect(() => assertCan(unconfirmed, action)).toThrow(EmailNotConfirmedError);
      expect(() => assertCan(unconfirmed, action)).toThrow(/Confirm your e-mail address first/);
    }
    expect(needsConfirmedEmail(unconfirmed, "invitation.respond", { ownerId: ME })).toBe(true);
  });

  it("is not claimed where confirming would not help, nor for someone allowed, nor for a visitor", () => {
    expect(needsConfirmedEmail(unconfirmed, "audit.read")).toBe(false);
    expect(() => assertCan(unconfirmed, "audit.read")).toThrow(ForbiddenError);
    expect(() => assertCan(unconfirmed, "audit.read")).not.toThrow(EmailNotConfirmedError);
    expect(needsConfirmedEmail(unconfirmed, "site.recordProgress", { siteLeadIds: [OTHER] })).toBe(false);
    expect(needsConfirmedEmail(unconfirmed, "invitation.respond", { ownerId: OTHER })).toBe(false);
    expect(needsConfirmedEmail({ ...unconfirmed, emailVerified: CONFIRMED }, "project.propose")).toBe(false);
    expect(needsConfirmedEmail(null, "project.propose")).toBe(false);
  });
});
