import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { registerTrainee } from "@/lib/users/register-trainee";
import { signUpSchema } from "@/lib/validation/auth";
import { confirmEmail } from "@/lib/accounts/verify-email";
import { getOwnProfile } from "@/lib/trainees/profile";
import { lastEmail, queuedEmails, tokenInLink } from "../support/account-mail";
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
    expect(result).toMatchObject({ ok: true, outcome: "created", addressConfirmed: false });
    if (!result.ok || result.outcome !== "created") return;

    const user = await db.user.findUniqueOrThrow({
      where: { id: result.userId },
      select: { email: true, name: true, role: true, passwordHash: true, profile: true },
    });
    expect(user).toMatchObject({ email: input.email, name: "Kwame Mensah", role: "MEMBER" });
    // The GMC number waits, unchecked, until the address is confirmed; then it is the member's.
    expect(user.profile).toMatchObject({ grade: "ST2", homeSiteId: input.homeSiteId, gmcNumber: null, pendingGmcNumber: "7123456" });
    expect(await confirmEmail(tokenInLink(await lastEmail(input.email, "account.verifyEmail"), "/verify-email"))).toMatchObject({ ok: true });
    expect(await db.traineeProfile.findUniqueOrThrow({ where: { userId: result.userId } })).toMatchObject({ gmcNumber: "7123456", pendingGmcNumber: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, "a sound password")).toBe(true);

    const events = await db.auditEvent.findMany({ where: { entityId: result.userId }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["user.registered", "user.emailVerified"]);
    expect(events[0]).toMatchObject({ actorId: result.userId });
    expect(JSON.stringify(events[0]!.after)).not.toContain("sound password");
  });

  it("answers a sign-up with a registered address as it answers a new one, tells the owner by e-mail, and changes no account", async () => {
    const first = await validInput({ email: "Grace.Hopper@Example.net", gmcNumber: "7000001" });
    const created = await registerTrainee(first);
    expect(created).toMatchObject({ ok: true, outcome: "created" });
    if (!created.ok || created.outcome !== "created") return;
    await db.user.update({ where: { id: created.userId }, data: { emailVerified: new Date() } });
    const before = await db.user.findUniqueOrThrow({ where: { id: created.userId }, include: { profile: true } });
    const users = await db.user.count();

    const second = await validInput({ email: "GRACE.HOPPER@example.NET", name: "Someone Else", password: "another sound password" });
    const result = await registerTrainee(second);
    // The page is told only "ok": it answers both alike (the form sends both to "Check your inbox").
    expect(result).toEqual({ ok: true, outcome: "alreadyRegistered" });
    expect(await db.user.count()).toBe(users);
    expect(await db.traineeProfile.count({ where: { homeSiteId: second.homeSiteId } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: created.userId }, include: { profile: true } })).toEqual(before);
    expect(await db.accountToken.count({ where: { userId: created.userId } })).toBe(1);

    const emails = await queuedEmails("grace.hopper@example.net");
    expect(emails.map((email) => email.kind)).toEqual(["account.verifyEmail", "account.signUpWithRegisteredAddress"]);
    const notice = emails[1]!;
    expect(notice.subject).toBe("Someone tried to create a RADIANT account with your address");
    expect(notice.text).toContain("Dear Kwame Mensah,");
    expect(notice.text).toMatch(/\/signin\b/);
    expect(notice.text).toContain("/forgotten-password");
    // No secret link for whoever typed the address, and nothing of what they typed.
    expect(notice.token).toBeNull();
    expect(notice.text).not.toContain("Someone Else");
    expect(notice.text).not.toContain("another sound password");
    const events = await db.auditEvent.findMany({ where: { entityId: created.userId, action: "user.signUpWithRegisteredAddress" } });
    expect(events).toHaveLength(1);
  });

  it("sends the owner at most three such e-mails an hour, while the page answers the same", async () => {
    const input = await validInput();
    expect((await registerTrainee(input)).ok).toBe(true);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await registerTrainee(await validInput({ email: input.email }))).toEqual({ ok: true, outcome: "alreadyRegistered" });
    }
    expect(await queuedEmails(input.email, "account.signUpWithRegisteredAddress")).toHaveLength(3);
  });

  it("takes as long for a registered address as for a new one, give or take", async () => {
    const taken = await validInput();
    expect((await registerTrainee(taken)).ok).toBe(true);
    const time = async (input: Awaited<ReturnType<typeof validInput>>) => {
      const start = performance.now();
      await registerTrainee(input);
      return performance.now() - start;
    };
    const registered: number[] = [];
    const fresh: number[] = [];
    for (let round = 0; round < 3; round++) {
      registered.push(await time(await validInput({ email: taken.email })));
      fresh.push(await time(await validInput()));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    // The password is hashed on both paths: without it a registered address answers many times sooner.
    expect(median(registered)).toBeGreaterThan(median(fresh) / 3);
  });

  it("tells an unconfirmed account nothing about a GMC number another account holds, and the owner of the address once it is confirmed", async () => {
    const holder = await validInput({ gmcNumber: "7654321" });
    const held = await registerTrainee(holder);
    expect(held).toMatchObject({ ok: true, outcome: "created" });
    if (!held.ok || held.outcome !== "created") return;
    expect(await confirmEmail(tokenInLink(await lastEmail(holder.email, "account.verifyEmail"), "/verify-email"))).toMatchObject({ ok: true });
    const input = await validInput({ gmcNumber: "7654321" });
    const result = await registerTrainee(input);
    expect(result).toMatchObject({ ok: true, outcome: "created", addressConfirmed: false });
    if (!result.ok || result.outcome !== "created") return;

    // Signed in before confirming, whoever made the account sees the number as they typed it, held or not.
    const stranger = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
    const profile = await getOwnProfile({ id: stranger.id, name: stranger.name, email: stranger.email, role: stranger.role, emailVerified: stranger.emailVerified });
    expect(profile.gmcNumber).toBe("7654321");
    expect((await queuedEmails(input.email)).map((email) => email.kind)).toEqual(["account.verifyEmail"]);

    // Confirmed: the number is left off, and the address's owner is told why.
    expect(await confirmEmail(tokenInLink(await lastEmail(input.email, "account.verifyEmail"), "/verify-email"))).toMatchObject({ ok: true });
    expect(await db.traineeProfile.findUniqueOrThrow({ where: { userId: result.userId } })).toMatchObject({ gmcNumber: null, pendingGmcNumber: null });
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: held.userId } })).gmcNumber).toBe("7654321");
    const emails = await queuedEmails(input.email);
    expect(emails.map((email) => email.kind)).toEqual(["account.verifyEmail", "account.gmcNumberHeld"]);
    expect(emails[1]!.text).toContain("another account already holds that number, so it was not saved");
    expect(emails[1]!.text).toContain("administrators");
    // Nothing goes to the holder: an e-mail there would tell the stranger nothing, and the holder nothing useful.
    expect(await queuedEmails(holder.email, "account.gmcNumberHeld")).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { entityId: result.userId, action: "profile.gmcNumberHeldByAnotherAccount" } })).toBe(1);
  });

  it("answers a new address and a registered one with the same result, GMC number held or not", async () => {
    const taken = await validInput({ gmcNumber: "7111111" });
    expect((await registerTrainee(taken)).ok).toBe(true);
    const answers = await Promise.all([
      registerTrainee(await validInput({ email: taken.email })),
      registerTrainee(await validInput({ gmcNumber: "7111111" })),
      registerTrainee(await validInput()),
    ]);
    // What reaches the page: whether to sign in at once (never, without an invitation's link) and no field errors.
    expect(answers.map((answer) => answer.ok && answer.outcome === "created" && answer.addressConfirmed)).toEqual([false, false, false]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
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
    expect(results.map((result) => (result.ok ? result.outcome : "refused")).sort()).toEqual(["alreadyRegistered", "created"]);
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
  });
});
