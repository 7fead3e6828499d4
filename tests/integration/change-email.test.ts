// Changing the account's e-mail address (a link to the new address confirms it, the old one is
// told), and the current password re-entered for that and other changes, limited like sign-in.
import { describe, expect, it } from "vitest";
import { checkEmailChangeLink, confirmEmailChange, requestEmailChange } from "@/lib/accounts/change-email";
import { checkResetLink, resetPassword, sendRequestedPasswordReset } from "@/lib/accounts/reset-password";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { deleteMyAccount } from "@/lib/privacy/delete-account";
import { LIMITS } from "@/lib/security/rate-limit";
import { authenticate, signInAccountKey } from "@/lib/users/authenticate";
import { changePassword } from "@/lib/users/change-password";
import { TOO_MANY_PASSWORDS } from "@/lib/users/reauthenticate";
import { changeEmailSchema } from "@/lib/validation/auth";
import { lastEmail, queuedEmails, tokenInLink } from "../support/account-mail";
import { createUser, FACTORY_PASSWORD } from "../support/factories";
import { asActor, refusalOf } from "../support/sites";

const HOUR = 3600 * 1000;
const fresh = (name: string) => `${name}.${crypto.randomUUID().slice(0, 8)}@example.net`;
const input = (newEmail: string, emailPassword = FACTORY_PASSWORD) => changeEmailSchema.parse({ newEmail, emailPassword });
const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email;

async function fieldRefusal(promise: Promise<unknown>): Promise<{ field?: string; message: string }> {
  const error = await refusalOf(promise);
  expect(error).toBeInstanceOf(DomainError);
  return { field: (error as DomainError).field, message: (error as DomainError).message };
}

describe("asking to change the e-mail address", () => {
  it("sends a link to the new address and a notice to the old one, and changes nothing yet", async () => {
    const member = await createUser({ name: "Rosa Delgado" });
    const newEmail = fresh("Rosa.New").toUpperCase();
    await expect(requestEmailChange(asActor(member), input(newEmail))).resolves.toEqual({ email: newEmail.toLowerCase() });
    const lowered = newEmail.toLowerCase();

    const link = await lastEmail(lowered, "account.changeEmail.confirm");
    expect(link.subject).toBe("Confirm your new e-mail address for RADIANT");
    expect(link.text).toContain(`You asked to change the e-mail address of your RADIANT account from ${member.email} to ${lowered}.`);
    expect(link.text).toContain("You are getting this e-mail because someone signed in to a RADIANT account asked to use this address");
    const token = tokenInLink(link, "/change-email");
    expect(link.stored).not.toContain(token);
    const row = await db.accountToken.findFirstOrThrow({ where: { userId: member.id, purpose: "CHANGE_EMAIL" } });
    expect(row.email).toBe(lowered);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * HOUR);

    const notice = await lastEmail(member.email, "account.changeEmail.notice");
    expect(notice.subject).toBe("Your RADIANT e-mail address is about to change");
    expect(notice.text).toContain(`asked to change its e-mail address to ${lowered}`);
    expect(notice.text).toContain("If it was not you, someone knows your password. Reset it now");
    expect(notice.text).toContain("http://localhost:3000/forgotten-password");
    expect(notice.token).toBeNull();

    expect(await emailOf(member.id)).toBe(member.email);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: member.id, action: "user.emailChange.requested" } })).toMatchObject({
      before: { email: member.email },
      after: { email: lowered },
    });
  });

  it("is refused with a message at the field for a wrong password or the current address, queuing nothing", async () => {
    const member = await createUser();
    expect(await fieldRefusal(requestEmailChange(asActor(member), input(fresh("x"), "not my password")))).toEqual({
      field: "emailPassword",
      message: "Your password is not right",
    });
    expect(await fieldRefusal(requestEmailChange(asActor(member), input(member.email.toUpperCase())))).toEqual({
      field: "newEmail",
      message: "This is already your e-mail address. Enter a different one.",
    });
    expect(await queuedEmails(member.email)).toEqual([]);
    expect(await db.accountToken.count({ where: { userId: member.id } })).toBe(0);
  });

  it("answers an address another account uses as any other, and tells that address's owner instead of the asker", async () => {
    const member = await createUser();
    const other = await createUser();
    await expect(requestEmailChange(asActor(member), input(other.email.toUpperCase()))).resolves.toEqual({ email: other.email });
    // No link that could take the address: the owner of the address is told, and the asker's own address too.
    expect(await db.accountToken.count({ where: { userId: member.id } })).toBe(0);
    expect((await queuedEmails(other.email)).map((email) => email.kind)).toEqual(["account.changeEmail.taken"]);
    expect((await queuedEmails(member.email)).map((email) => email.kind)).toEqual(["account.changeEmail.notice"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { email: true } })).toEqual({ email: member.email });
  });

  it("tells an address's owner at most three times an hour, however many accounts ask for it, and answers each asker alike", async () => {
    const owner = await createUser();
    const askers = await Promise.all([1, 2, 3, 4, 5].map(() => createUser()));
    for (const asker of askers) {
      await expect(requestEmailChange(asActor(asker), input(owner.email))).resolves.toEqual({ email: owner.email });
    }
    expect((await queuedEmails(owner.email)).map((email) => email.kind)).toEqual(Array(3).fill("account.changeEmail.taken"));
  });

  it("may be asked for three times an hour, so that it cannot send mail to any address without end", async () => {
    const member = await createUser();
    for (let n = 0; n < LIMITS.emailChangesPerAccount.max; n++) await requestEmailChange(asActor(member), input(fresh(`try${n}`)));
    expect(await fieldRefusal(requestEmailChange(asActor(member), input(fresh("one-more"))))).toEqual({
      field: "newEmail",
      message: "You have asked to change your address several times in the last hour. Wait an hour, then try again.",
    });
  });
});

describe("the link sent to the new address", () => {
  it("changes nothing when opened; its button moves the account to the new address, confirmed, audited, once", async () => {
    const member = await createUser({ verified: false });
    const newEmail = fresh("moved");
    await requestEmailChange(asActor(member), input(newEmail));
    const token = tokenInLink(await lastEmail(newEmail, "account.changeEmail.confirm"), "/change-email");

    expect(await checkEmailChangeLink(token)).toEqual({ state: "valid", email: newEmail, currentEmail: member.email });
    expect(await emailOf(member.id)).toBe(member.email);

    expect(await confirmEmailChange(token)).toEqual({ ok: true, email: newEmail });
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.email).toBe(newEmail);
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: member.id, action: "user.emailChanged" } })).toMatchObject({
      actorId: member.id,
      before: { email: member.email },
      after: { email: newEmail },
    });
    // Signing in is with the new address now.
    expect((await authenticate({ email: newEmail, password: FACTORY_PASSWORD })).ok).toBe(true);
    expect((await authenticate({ email: member.email, password: FACTORY_PASSWORD })).ok).toBe(false);
    expect(await confirmEmailChange(token)).toEqual({ ok: false, state: "used" });
  });

  it("is refused when another account took the address meanwhile, in any case, and nothing changes", async () => {
    const member = await createUser();
    const wanted = fresh("wanted");
    await requestEmailChange(asActor(member), input(wanted));
    const token = tokenInLink(await lastEmail(wanted, "account.changeEmail.confirm"), "/change-email");
    await createUser({ email: wanted });
    expect(await checkEmailChangeLink(token)).toEqual({ state: "taken" });
    expect(await confirmEmailChange(token)).toEqual({ ok: false, state: "taken" });
    expect(await emailOf(member.id)).toBe(member.email);
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "user.emailChanged" } })).toBe(0);
  });

  it("is refused after 24 hours, or once a newer request, a new password or a reset has replaced it", async () => {
    const member = await createUser();
    const first = fresh("first");
    await requestEmailChange(asActor(member), input(first));
    const firstToken = tokenInLink(await lastEmail(first, "account.changeEmail.confirm"), "/change-email");
    expect(await confirmEmailChange(firstToken, new Date(Date.now() + 24 * HOUR + 60_000))).toEqual({ ok: false, state: "expired" });

    const second = fresh("second");
    await requestEmailChange(asActor(member), input(second));
    expect(await checkEmailChangeLink(firstToken)).toEqual({ state: "used" });

    // The notice says resetting the password cancels a change its owner did not ask for.
    const secondToken = tokenInLink(await lastEmail(second, "account.changeEmail.confirm"), "/change-email");
    await sendRequestedPasswordReset(member.email);
    await resetPassword(tokenInLink(await lastEmail(member.email, "account.resetPassword"), "/reset-password"), "taken back by the owner");
    expect(await confirmEmailChange(secondToken)).toEqual({ ok: false, state: "used" });

    const third = fresh("third");
    await requestEmailChange(asActor(member), input(third, "taken back by the owner"));
    const thirdToken = tokenInLink(await lastEmail(third, "account.changeEmail.confirm"), "/change-email");
    await changePassword(asActor(member), { currentPassword: "taken back by the owner", newPassword: "and changed once more" });
    expect(await confirmEmailChange(thirdToken)).toEqual({ ok: false, state: "used" });
    expect(await emailOf(member.id)).toBe(member.email);
  });

  it("voids the links sent to the old address", async () => {
    const member = await createUser({ verified: false });
    await sendRequestedPasswordReset(member.email);
    const resetToken = tokenInLink(await lastEmail(member.email, "account.resetPassword"), "/reset-password");
    const newEmail = fresh("new");
    await requestEmailChange(asActor(member), input(newEmail));
    await confirmEmailChange(tokenInLink(await lastEmail(newEmail, "account.changeEmail.confirm"), "/change-email"));
    expect(await checkResetLink(resetToken)).not.toEqual(expect.objectContaining({ state: "valid" }));
    expect(await resetPassword(resetToken, "someone else's idea")).toMatchObject({ ok: false });
  });
});

describe("re-entering the current password", () => {
  const attempts = {
    "change password": (actor: ReturnType<typeof asActor>, password: string) => changePassword(actor, { currentPassword: password, newPassword: "a different pass phrase" }),
    "change e-mail address": (actor: ReturnType<typeof asActor>, password: string) => requestEmailChange(actor, input(fresh("limited"), password)),
    "delete the account": (actor: ReturnType<typeof asActor>, password: string) => deleteMyAccount(actor, password),
  };
  for (const [what, attempt] of Object.entries(attempts)) {
    it(`to ${what} is limited like sign-in: after ten wrong passwords even the right one is refused for a while, and nothing changes`, async () => {
      const member = await createUser();
      const actor = asActor(member);
      for (let i = 0; i < LIMITS.reauthenticationsPerAccount.max; i++) {
        expect((await fieldRefusal(attempt(actor, `wrong ${i}`))).message).toMatch(/password is not right/);
      }
      expect((await fieldRefusal(attempt(actor, FACTORY_PASSWORD))).message).toBe(TOO_MANY_PASSWORDS);
      // They count towards the account's daily ceiling, as wrong passwords at sign-in do.
      expect(await db.rateLimit.findUnique({ where: { key: signInAccountKey(member.email) }, select: { count: true } })).toEqual({
        count: LIMITS.reauthenticationsPerAccount.max,
      });
      const now = await db.user.findUniqueOrThrow({ where: { id: member.id } });
      expect({ email: now.email, deletedAt: now.deletedAt, sessionVersion: now.sessionVersion }).toEqual({
        email: member.email,
        deletedAt: null,
        sessionVersion: member.sessionVersion,
      });
      expect(await db.accountToken.count({ where: { userId: member.id } })).toBe(0);
    });
  }

  it("right, forgets the wrong ones before it", async () => {
    const member = await createUser();
    const actor = asActor(member);
    for (let i = 0; i < LIMITS.reauthenticationsPerAccount.max - 1; i++) await refusalOf(attempts["change e-mail address"](actor, `wrong ${i}`));
    await attempts["change e-mail address"](actor, FACTORY_PASSWORD);
    for (let i = 0; i < LIMITS.reauthenticationsPerAccount.max - 1; i++) await refusalOf(attempts["change e-mail address"](actor, `wrong again ${i}`));
    await expect(attempts["change e-mail address"](actor, FACTORY_PASSWORD)).resolves.toBeDefined();
  });
});

describe("deleting the account", () => {
  it("voids the links already sent", async () => {
    const member = await createUser({ verified: false });
    await sendRequestedPasswordReset(member.email);
    const token = tokenInLink(await lastEmail(member.email, "account.resetPassword"), "/reset-password");
    await deleteMyAccount(asActor(member), FACTORY_PASSWORD);
    expect(await checkResetLink(token)).toEqual({ state: "unknown" });
    expect(await db.accountToken.count({ where: { userId: member.id } })).toBe(0);
  });
});
