import { describe, expect, it } from "vitest";
import { assertCan, can, EmailNotConfirmedError, ForbiddenError, needsConfirmedEmail, PERMISSIONS, type Action, type AuthzActor, type Grant, type ResourceFacts } from "./authz";

// Every kind of person the portal knows, against one resource.
const ME = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const CONFIRMED = new Date("2026-01-01T00:00:00Z");

interface Persona {
  name: string;
  actor: AuthzActor | null;
  facts: ResourceFacts;
  /** The grants this persona holds on the resource. */
  holds: Grant[];
}

const otherFacts: ResourceFacts = { ownerId: OTHER, projectLeadIds: [OTHER], siteLeadIds: [OTHER] };

const personas: Persona[] = [
  { name: "visitor", actor: null, facts: otherFacts, holds: [] },
  { name: "member, unrelated", actor: { id: ME, role: "MEMBER", emailVerified: CONFIRMED }, facts: otherFacts, holds: ["member", "verified"] },
  { name: "member, owner", actor: { id: ME, role: "MEMBER", emailVerified: CONFIRMED }, facts: { ...otherFacts, ownerId: ME }, holds: ["member", "verified", "self"] },
  { name: "member, project lead", actor: { id: ME, role: "MEMBER", emailVerified: CONFIRMED }, facts: { ...otherFacts, projectLeadIds: [OTHER, ME] }, holds: ["member", "verified", "projectLead"] },
  { name: "member, site lead", actor: { id: ME, role: "MEMBER", emailVerified: CONFIRMED }, facts: { ...otherFacts, siteLeadIds: [ME] }, holds: ["member", "verified", "siteLead"] },
  { name: "member, e-mail not confirmed", actor: { id: ME, role: "MEMBER", emailVerified: null }, facts: { ...otherFacts, ownerId: ME }, holds: ["member", "self"] },
  { name: "committee, unrelated", actor: { id: ME, role: "COMMITTEE", emailVerified: CONFIRMED }, facts: otherFacts, holds: ["member", "verified", "COMMITTEE"] },
  { name: "committee, project lead", actor: { id: ME, role: "COMMITTEE", emailVerified: CONFIRMED }, facts: { ...otherFacts, projectLeadIds: [ME] }, holds: ["member", "verified", "COMMITTEE", "projectLead"] },
  { name: "admin, unrelated", actor: { id: ME, role: "ADMIN", emailVerified: CONFIRMED }, facts: otherFacts, holds: ["member", "verified", "ADMIN"] },
];

function expected(action: Action, persona: Persona): boolean {
  const rule: { allow: readonly Grant[]; deny?: readonly Grant[]; require?: readonly Grant[] } = PERMISSIONS[action];
  if (!persona.actor) return false;
  if (rule.deny?.some((grant) => persona.holds.includes(grant))) return false;
  if (rule.require?.some((grant) => !persona.holds.includes(grant))) return false;
  return rule.allow.some((grant) => persona.holds.includes(grant));
}

describe("the permission table", () => {
  const rows = (Object.keys(PERMISSIONS) as Action[]).flatMap((action) =>
    personas.map((persona) => ({ action, persona: persona.name, persona_: persona, allowed: expected(action, persona) })),
  );

  it.each(rows)("$action by $persona: allowed = $allowed", ({ action, persona_, allowed }) => {
    expect(can(persona_.actor, action, persona_.facts)).toBe(allowed);
  });

  it("refuses everything to a visitor", () => {
    for (const action of Object.keys(PERMISSIONS) as Action[]) expect(can(null, action)).toBe(false);
  });

  it("lets each member choose only their own e-mails, confirmed address or not", () => {
    const allowed = personas.filter((persona) => can(persona.actor, "notifications.preferences", persona.facts)).map((persona) => persona.name);
    expect(allowed).toEqual(["member, owner", "member, e-mail not confirmed"]);
  });

  it("does not let a committee member review or decide their own proposal", () => {
    const lead = personas.find((p) => p.name === "committee, project lead")!;
    expect(can(lead.actor, "project.review", lead.facts)).toBe(false);
    expect(can(lead.actor, "project.decide", lead.facts)).toBe(false);
  });

  it("leaves the study's settings to its leads alone, the same people who approve its sites", () => {
    const allowed = personas.filter((persona) => can(persona.actor, "project.changeSettings", persona.facts)).map((persona) => persona.name);
    expect(allowed).toEqual(["member, project lead", "committee, project lead"]);
    // The national view links to the settings for those it lets approve sites.
    for (const persona of personas) {
      expect(can(persona.actor, "project.changeSettings", persona.facts)).toBe(can(persona.actor, "site.approve", persona.facts));
    }
  });

  it("keeps what reaches other people from a member whose e-mail address is not confirmed", () => {
    const unconfirmed = { id: ME, role: "MEMBER" as const, emailVerified: null };
    expect(can(unconfirmed, "project.propose")).toBe(false);
    expect(can(unconfirmed, "site.register")).toBe(false);
    expect(can(unconfirmed, "collaboration.request")).toBe(false);
    expect(can({ id: ME, role: "MEMBER" }, "collaboration.request")).toBe(false);
    // Their own profile is theirs to fill in meanwhile.
    expect(can(unconfirmed, "profile.update", { ownerId: ME })).toBe(true);
    expect(can({ ...unconfirmed, emailVerified: CONFIRMED }, "collaboration.request")).toBe(true);
  });

  it("leaves where someone is signed in to them alone: not even an administrator sees or ends their sessions", () => {
    const allowed = personas.filter((persona) => can(persona.actor, "account.sessions", persona.facts)).map((persona) => persona.name);
    expect(allowed).toEqual(["member, owner", "member, e-mail not confirmed"]);
    expect(can({ id: ME, role: "ADMIN", emailVerified: CONFIRMED }, "account.sessions", { ownerId: OTHER })).toBe(false);
    expect(can({ id: ME, role: "MEMBER" }, "account.sessions", {})).toBe(false);
  });

  it("lets only the invitee answer an invitation, and only once they have confirmed the address it was sent to", () => {
    const invitee = { id: ME, role: "MEMBER" as const, emailVerified: CONFIRMED };
    expect(can(invitee, "invitation.respond", { ownerId: ME })).toBe(true);
    expect(can({ ...invitee, emailVerified: null }, "invitation.respond", { ownerId: ME })).toBe(false);
    expect(can(invitee, "invitation.respond", { ownerId: OTHER })).toBe(false);
    expect(can({ id: ME, role: "ADMIN", emailVerified: CONFIRMED }, "invitation.respond", { ownerId: OTHER, projectLeadIds: [ME], siteLeadIds: [ME] })).toBe(false);
    expect(can(invitee, "invitation.respond", {})).toBe(false);
  });

  it("does not take a missing owner for a match", () => {
    expect(can({ id: ME, role: "MEMBER" }, "profile.update", {})).toBe(false);
    expect(can({ id: ME, role: "MEMBER" }, "site.recordProgress", { siteLeadIds: [] })).toBe(false);
  });
});

describe("sending a member a password-reset link", () => {
  it("is for administrators only", () => {
    const allowed = personas.filter((persona) => can(persona.actor, "users.sendPasswordReset", persona.facts)).map((persona) => persona.name);
    expect(allowed).toEqual(["admin, unrelated"]);
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
  });

  it("is not claimed where confirming would not help, nor for someone allowed, nor for a visitor", () => {
    expect(needsConfirmedEmail(unconfirmed, "audit.read")).toBe(false);
    expect(() => assertCan(unconfirmed, "audit.read")).toThrow(ForbiddenError);
    expect(() => assertCan(unconfirmed, "audit.read")).not.toThrow(EmailNotConfirmedError);
    expect(needsConfirmedEmail(unconfirmed, "site.recordProgress", { siteLeadIds: [OTHER] })).toBe(false);
    expect(needsConfirmedEmail({ ...unconfirmed, emailVerified: CONFIRMED }, "project.propose")).toBe(false);
    expect(needsConfirmedEmail(null, "project.propose")).toBe(false);
  });
});
