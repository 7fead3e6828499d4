import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sessionKeyOf, startSession } from "@/lib/auth/session-store";
import { loadSessionUser } from "@/lib/auth/session-user";
import { clearAttempts, LIMITS } from "@/lib/security/rate-limit";
import { authenticate, signInAccountKey } from "@/lib/users/authenticate";
import { createUser, FACTORY_PASSWORD } from "../support/factories";

describe("signing in", () => {
  it("knows the person by e-mail in any case and the right password", async () => {
    const user = await createUser({ email: "ines.costa@example.net", name: "Inês Costa" });
    expect(await authenticate({ email: "Ines.Costa@EXAMPLE.net", password: FACTORY_PASSWORD })).toEqual({
      ok: true,
      user: { id: user.id, name: "Inês Costa", email: "ines.costa@example.net", sessionVersion: 0 },
    });
  });

  it("gives the same answer for a wrong password, an unknown e-mail and a malformed request", async () => {
    await createUser({ email: "wei.zhang@example.net" });
    const invalid = { ok: false, reason: "invalid" };
    expect(await authenticate({ email: "wei.zhang@example.net", password: "not the password" })).toEqual(invalid);
    expect(await authenticate({ email: "nobody@example.net", password: FACTORY_PASSWORD })).toEqual(invalid);
    expect(await authenticate({ email: ["wei.zhang@example.net"], password: FACTORY_PASSWORD })).toEqual(invalid);
    expect(await authenticate(undefined)).toEqual(invalid);
  });

  it("refuses a deleted account", async () => {
    const user = await createUser({ email: "gone@example.net" });
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await authenticate({ email: "gone@example.net", password: FACTORY_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  it("never reads a password hash unless asked for it by name", async () => {
    const user = await createUser();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
  });
});

describe("an existing session", () => {
  it("stands while the account, its session row and its session version do, and falls with any of them", async () => {
    const user = await createUser({ name: "Session Holder" });
    const sessionKey = sessionKeyOf(await startSession(user.id, null));
    const claims = { userId: user.id, sessionVersion: user.sessionVersion, sessionKey };
    expect(await loadSessionUser(claims)).toEqual({
      actor: { id: user.id, name: "Session Holder", email: user.email, role: "MEMBER", emailVerified: user.emailVerified, chair: false },
      unread: 0,
      sessionKey,
    });
    // A password change raises the version: sessions issued before it are signed out everywhere.
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(claims)).toBeNull();
    expect(await loadSessionUser({ ...claims, sessionVersion: user.sessionVersion + 1 })).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await loadSessionUser({ ...claims, sessionVersion: user.sessionVersion + 1 })).toBeNull();
  });
});

describe("sign-in rate limits", () => {
  it("stops guessing one account from one address, without locking the member out from anywhere else", async () => {
    await createUser({ email: "target@example.net" });
    await createUser({ email: "bystander@example.net" });
    for (let i = 0; i < LIMITS.signInPerAccountFromAddress.max; i++) {
      expect(await authenticate({ email: "target@example.net", password: `guess ${i}` }, "198.51.100.66")).toMatchObject({ reason: "invalid" });
    }
    // From that address, even the right password is refused for a while…
    expect(await authenticate({ email: "target@example.net", password: FACTORY_PASSWORD }, "198.51.100.66")).toEqual({ ok: false, reason: "rate_limited" });
    // …but the member, elsewhere, signs in: a stranger cannot lock them out.
    expect(await authenticate({ email: "target@example.net", password: FACTORY_PASSWORD }, "203.0.113.5")).toMatchObject({ ok: true });
    expect(await authenticate({ email: "bystander@example.net", password: FACTORY_PASSWORD }, "198.51.100.66")).toMatchObject({ ok: true });
  });

  it("caps guesses spread over many addresses at a daily ceiling for the account, which a password reset lifts", async () => {
    const user = await createUser({ email: "spread@example.net" });
    for (let i = 0; i < LIMITS.signInPerAccount.max; i++) {
      await authenticate({ email: "spread@example.net", password: `guess ${i}` }, `10.${Math.floor(i / 200)}.${i % 200}.1`);
    }
    expect(await authenticate({ email: "spread@example.net", password: FACTORY_PASSWORD }, "203.0.113.77")).toEqual({ ok: false, reason: "account_limited" });
    // What the reset does when it sets the new password.
    await clearAttempts(signInAccountKey(user.email));
    expect(await authenticate({ email: "spread@example.net", password: FACTORY_PASSWORD }, "203.0.113.77")).toMatchObject({ ok: true });
  });

  it("limits one address trying many accounts, and successful sign-ins do not count", async () => {
    const user = await createUser({ email: "regular@example.net" });
    for (let i = 0; i < 20; i++) {
      expect(await authenticate({ email: user.email, password: FACTORY_PASSWORD }, "192.0.2.7")).toMatchObject({ ok: true });
    }
    for (let i = 0; i < LIMITS.signInPerAddress.max; i++) {
      await authenticate({ email: `nobody${i}@example.net`, password: "guess" }, "192.0.2.8");
    }
    expect(await authenticate({ email: user.email, password: FACTORY_PASSWORD }, "192.0.2.8")).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authenticate({ email: user.email, password: FACTORY_PASSWORD }, "192.0.2.9")).toMatchObject({ ok: true });
  });
});
