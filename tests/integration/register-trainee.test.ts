import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { EMAIL_TAKEN_MESSAGE, registerTrainee } from "@/lib/users/register-trainee";
import { signUpSchema } from "@/lib/validation/auth";
import { createSite } from "../support/factories";

async function validInput(overrides: Record<string, string> = {}) {
  const site = await createSite();
  return signUpSchema.parse({
    name: "Kwame Mensah",
    email: `kwame.${crypto.randomUUID().slice(0, 6)}@example.net`,
    password: "a sound password",
    grade: "ST2",
    deaneryId: site.deaneryId,
    homeSiteId: site.id,
    gmcNumber: "",
    ...overrides,
  });
}

describe("signing up as a trainee", () => {
  it("creates the account and profile, hashes the password with argon2id, and audits it", async () => {
    const input = await validInput({ gmcNumber: "7123456" });
    const result = await registerTrainee(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const user = await db.user.findUniqueOrThrow({
      where: { id: result.userId },
      select: { email: true, name: true, role: true, passwordHash: true, profile: true },
    });
    expect(user).toMatchObject({ email: input.email, name: "Kwame Mensah", role: "MEMBER" });
    expect(user.profile).toMatchObject({ grade: "ST2", homeSiteId: input.homeSiteId, gmcNumber: "7123456" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, "a sound password")).toBe(true);

    const events = await db.auditEvent.findMany({ where: { entityId: result.userId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.registered", actorId: result.userId });
    expect(JSON.stringify(events[0]!.after)).not.toContain("sound password");
  });

  it("refuses an e-mail address already taken in another case, and creates nothing", async () => {
    const first = await validInput({ email: "Grace.Hopper@Example.net" });
    expect((await registerTrainee(first)).ok).toBe(true);
    const before = await db.user.count();

    const second = await validInput({ email: "GRACE.HOPPER@example.NET" });
    expect(await registerTrainee(second)).toEqual({ ok: false, fieldErrors: { email: EMAIL_TAKEN_MESSAGE } });
    expect(await db.user.count()).toBe(before);
    expect(await db.traineeProfile.count({ where: { homeSiteId: second.homeSiteId } })).toBe(0);
  });

  it("refuses a GMC number that another trainee holds", async () => {
    expect((await registerTrainee(await validInput({ gmcNumber: "7654321" }))).ok).toBe(true);
    const result = await registerTrainee(await validInput({ gmcNumber: "7654321" }));
    expect(result).toEqual({ ok: false, fieldErrors: { gmcNumber: "This GMC number is already registered to another account" } });
  });

  it("refuses a home hospital outside the chosen training region, and creates nothing", async () => {
    const input = await validInput();
    const elsewhere = await createSite();
    const before = await db.user.count();
    const result = await registerTrainee({ ...input, homeSiteId: elsewhere.id });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { homeSiteId: "Select a home hospital in your training region, or change your region" },
    });
    expect(await db.user.count()).toBe(before);
  });

  it("creates one account when the same form is sent twice at once", async () => {
    const input = await validInput();
    const results = await Promise.all([registerTrainee(input), registerTrainee(input)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });
});
