import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { getOwnProfile, updateOwnProfile } from "@/lib/trainees/profile";
import { missingForJoining } from "@/lib/trainees/missing";
import { profileSchema } from "@/lib/validation/profile";
import { createSite, createUser } from "../support/factories";

async function actorFor(user: { id: string; name: string; email: string; role: Actor["role"]; emailVerified: Date | null }): Promise<Actor> {
  return { id: user.id, name: user.name, email: user.email, role: user.role, emailVerified: user.emailVerified };
}

async function setUp() {
  const site = await createSite({ name: "Addenbrooke's Hospital" });
  const user = await createUser({ siteId: site.id, name: "Siobhán O'Connor-Reilly" });
  return { site, user, actor: await actorFor(user) };
}

function form(site: { id: string; deaneryId: string }, overrides: Record<string, unknown> = {}) {
  return {
    name: "Siobhán O'Connor-Reilly",
    grade: "ST4",
    deaneryId: site.deaneryId,
    homeSiteId: site.id,
    gmcNumber: "",
    orcid: "",
    modalities: ["CT", "MRI"],
    subspecialties: ["NEURO"],
    contactConsent: "on",
    authorSurname: "",
    authorInitials: "",
    ...overrides,
  };
}

const errorsOf = (input: Record<string, unknown>) => {
  const result = profileSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("editing one's profile", () => {
  it("saves every field, records the change and shows the authorship line", async () => {
    const { site, actor } = await setUp();
    const input = profileSchema.parse(form(site, { gmcNumber: "7012345", orcid: "https://orcid.org/0000-0002-1694-233x" }));
    expect(await updateOwnProfile(actor, input)).toEqual({ ok: true });
    const profile = await getOwnProfile(actor);
    expect(profile).toMatchObject({
      grade: "ST4",
      gmcNumber: "7012345",
      orcid: "0000-0002-1694-233X",
      modalities: ["CT", "MRI"],
      subspecialties: ["NEURO"],
      contactConsent: true,
      authorship: "O'Connor-Reilly S (Addenbrooke's Hospital)",
    });
    const events = await db.auditEvent.findMany({ where: { entityType: "User", entityId: actor.id, action: "profile.updated" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toMatchObject({ grade: "ST3", orcid: null });
    expect(events[0]!.after).toMatchObject({ grade: "ST4", orcid: "0000-0002-1694-233X" });
  });

  it("uses the spelling the member gives for author lists", async () => {
    const { site, actor } = await setUp();
    await updateOwnProfile(actor, profileSchema.parse(form(site, { authorSurname: "O'Connor Reilly", authorInitials: "s.m." })));
    expect((await getOwnProfile(actor)).authorship).toBe("O'Connor Reilly SM (Addenbrooke's Hospital)");
  });

  it("accepts the real ORCID iDs and refuses wrong check digits and formats with a message at the field", async () => {
    const site = await createSite();
    for (const orcid of ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"]) {
      expect(errorsOf(form(site, { orcid }))).toEqual({});
    }
    expect(errorsOf(form(site, { orcid: "0000-0002-1825-0098" })).orcid).toMatch(/not valid/);
    for (const orcid of ["0000-0002-1825", "1234", "0000-0002-1825-009Y", "orcid.org/abcd"]) {
      expect(errorsOf(form(site, { orcid })).orcid).toMatch(/4 groups/);
    }
  });

  it("refuses a GMC number that is not 7 digits", async () => {
    const site = await createSite();
    for (const gmcNumber of ["123456", "12345678", "12AB567", "７０１２３４５"]) {
      expect(errorsOf(form(site, { gmcNumber })).gmcNumber).toBe("Enter a GMC number of 7 digits, like 7123456");
    }
    expect(errorsOf(form(site, { gmcNumber: " 7012345 " }))).toEqual({});
  });

  it("says what is missing: grade, region and hospital are needed to join", async () => {
    const site = await createSite();
    expect(errorsOf(form(site, { grade: "", deaneryId: "", homeSiteId: "" }))).toMatchObject({
      grade: "Select your grade",
      deaneryId: "Select your training region",
      homeSiteId: "Select your home hospital",
    });
    const noProfile = await createUser({ withProfile: false });
    const profile = await getOwnProfile(await actorFor(noProfile));
    expect(missingForJoining(profile)).toEqual(["grade", "training region", "home hospital"]);
    // An account without a profile gets one by saving the form.
    expect(await updateOwnProfile(await actorFor(noProfile), profileSchema.parse(form(site)))).toEqual({ ok: true });
    expect(missingForJoining(await getOwnProfile(await actorFor(noProfile)))).toEqual([]);
  });

  it("changes nothing when the hospital is outside the region, or the ORCID iD or GMC number belongs to someone else", async () => {
    const { site, actor } = await setUp();
    const other = await createUser();
    const otherSite = await createSite();
    await updateOwnProfile(await actorFor(other), profileSchema.parse(form(otherSite, { name: other.name, orcid: "0000-0002-1825-0097", gmcNumber: "7000001" })));
    const before = await db.traineeProfile.findUniqueOrThrow({ where: { userId: actor.id } });
    const eventsBefore = await db.auditEvent.count({ where: { entityId: actor.id } });

    expect(await updateOwnProfile(actor, profileSchema.parse(form(site, { homeSiteId: otherSite.id })))).toEqual({
      ok: false,
      fieldErrors: { homeSiteId: expect.stringMatching(/training region/) },
    });
    expect(await updateOwnProfile(actor, profileSchema.parse(form(site, { orcid: "0000-0002-1825-0097" })))).toEqual({
      ok: false,
      fieldErrors: { orcid: "This ORCID iD is already registered to another account" },
    });
    expect(await updateOwnProfile(actor, profileSchema.parse(form(site, { gmcNumber: "7000001", name: "Changed Name" })))).toEqual({
      ok: false,
      fieldErrors: { gmcNumber: "This GMC number is already registered to another account" },
    });
    expect(await db.traineeProfile.findUniqueOrThrow({ where: { userId: actor.id } })).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).name).toBe("Siobhán O'Connor-Reilly");
    expect(await db.auditEvent.count({ where: { entityId: actor.id } })).toBe(eventsBefore);
  });
});

// Sign-up answers alike whether a GMC number is held (docs/decisions/012), but an account needs no
// confirmed address to sign in: the profile page must not become the way round it, one number
// after another from an account made with any address.
describe("the profile as a way to learn which GMC numbers are registered", () => {
  async function holderOf(gmcNumber: string) {
    const holder = await createUser();
    await db.traineeProfile.update({ where: { userId: holder.id }, data: { gmcNumber } });
  }

  it("says nothing about other accounts' numbers to an account whose address is not confirmed", async () => {
    const site = await createSite();
    await holderOf("7100001");
    const stranger = await createUser({ siteId: site.id, name: "Siobhán O'Connor-Reilly", verified: false });
    const actor = await actorFor(stranger);
    const held = await updateOwnProfile(actor, profileSchema.parse(form(site, { gmcNumber: "7100001" })));
    const free = await updateOwnProfile(actor, profileSchema.parse(form(site, { gmcNumber: "7100002" })));
    expect(held).toEqual(free);
    expect(held).toEqual({ ok: false, fieldErrors: { gmcNumber: expect.stringMatching(/^Confirm your e-mail address/) } });
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: stranger.id } })).gmcNumber).toBeNull();
    // Saving the rest of the profile, without a number, still works.
    expect(await updateOwnProfile(actor, profileSchema.parse(form(site)))).toEqual({ ok: true });
  });

  it("answers a confirmed member a handful of new numbers a day, then no more, held or not", async () => {
    const site = await createSite();
    await holderOf("7200009");
    const user = await createUser({ siteId: site.id, name: "Siobhán O'Connor-Reilly" });
    const actor = await actorFor(user);
    for (const gmcNumber of ["7200001", "7200002", "7200003", "7200004", "7200005"]) {
      expect(await updateOwnProfile(actor, profileSchema.parse(form(site, { gmcNumber })))).toEqual({ ok: true });
    }
    // Saving again with the number already there is no new try.
    expect(await updateOwnProfile(actor, profileSchema.parse(form(site, { gmcNumber: "7200005", name: "Siobhán O'Connor" })))).toEqual({ ok: true });
    const held = await updateOwnProfile(actor, profileSchema.parse(form(site, { gmcNumber: "7200009" })));
    const free = await updateOwnProfile(actor, profileSchema.parse(form(site, { gmcNumber: "7200010" })));
    expect(held).toEqual(free);
    expect(held).toEqual({ ok: false, fieldErrors: { gmcNumber: expect.stringMatching(/changed your GMC number/) } });
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: user.id } })).gmcNumber).toBe("7200005");
  });
});

describe("the profile as a way to learn which ORCID iDs are registered", () => {
  it("says nothing about other accounts' iDs to an account whose address is not confirmed", async () => {
    const site = await createSite();
    const holder = await createUser();
    await db.traineeProfile.update({ where: { userId: holder.id }, data: { orcid: "0000-0002-1111-1115" } });
    const stranger = await createUser({ siteId: site.id, name: "Siobhán O'Connor-Reilly", verified: false });
    const actor = await actorFor(stranger);
    const held = await updateOwnProfile(actor, profileSchema.parse(form(site, { orcid: "0000-0002-1111-1115" })));
    const free = await updateOwnProfile(actor, profileSchema.parse(form(site, { orcid: "0000-0003-1234-5674" })));
    expect(held).toEqual(free);
    expect(held).toEqual({ ok: false, fieldErrors: { orcid: expect.stringMatching(/^Confirm your e-mail address/) } });
  });
});
