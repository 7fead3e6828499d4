// Confirming the e-mail address given at sign-up: the e-mail queued with the account, the link
// that confirms it only when its button is pressed, and what waits for confirmation meanwhile.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkVerificationLink, confirmEmail, resendVerificationEmail } from "@/lib/accounts/verify-email";
import type { Actor } from "@/lib/auth/session";
import { EmailNotConfirmedError } from "@/lib/authz";
import { requestToJoin, registerInterest } from "@/lib/collaborations/participation";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { saveProposalDraft } from "@/lib/projects/proposals";
import { registerSite } from "@/lib/sites/register";
import { updateOwnProfile } from "@/lib/trainees/profile";
import { registerTrainee } from "@/lib/users/register-trainee";
import { signUpSchema } from "@/lib/validation/auth";
import { profileSchema } from "@/lib/validation/profile";
import { lastEmail, queuedEmails, tokenInLink } from "../support/account-mail";
import { createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { completeProposalForm } from "../support/proposals";
import { asActor, refusalOf } from "../support/sites";

const HOUR = 3600 * 1000;

async function signUp(email = `new.${crypto.randomUUID().slice(0, 8)}@example.net`) {
  const site = await createSite();
  const result = await registerTrainee(
    signUpSchema.parse({ name: "Kwame Mensah", email, password: "a sound password", grade: "ST2", deaneryId: site.deaneryId, homeSiteId: site.id, gmcNumber: "" }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  if (result.outcome !== "created") throw new Error(`No account was created for ${email}`);
  const user = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
  return { user, site, actor: asActor(user) };
}

/** The person as the next request sees them (a session reads them fresh). */
async function freshActor(userId: string): Promise<Actor> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, emailVerified: true } });
}

describe("signing up", () => {
  it("queues an e-mail with a link to confirm the address, whose token is stored only as its hash and works for 24 hours", async () => {
    const { user } = await signUp("Amara.Okoye@Example.net");
    expect(user.email).toBe("amara.okoye@example.net");
    expect(user.emailVerified).toBeNull();

    const email = await lastEmail(user.email, "account.verifyEmail");
    expect(email.subject).toBe("Confirm your e-mail address for RADIANT");
    // Not greeted by the name the sign-up typed: the address is not yet shown to be theirs.
    expect(email.text).not.toContain("Kwame Mensah");
    expect(email.text).toContain("you cannot ask to join a project, register a hospital or propose a project");
    expect(email.text).toContain("You are getting this e-mail because an account was created on RADIANT with this address");
    const token = tokenInLink(email, "/verify-email");
    expect(email.text).toContain(`http://localhost:3000/verify-email/${token}`);
    expect(email.html).toContain(`href="http://localhost:3000/verify-email/${token}"`);
    // The token is 32 random bytes; the stored body never holds it; account mail has no unsubscribe.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(email.stored).not.toContain(token);
    expect(email.headers).toBeNull();

    const row = await db.accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ purpose: "VERIFY_EMAIL", email: user.email, usedAt: null, tokenHash: createHash("sha256").update(token).digest("hex") });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * HOUR);
  });

  it("sends no verification link when the address already has an account", async () => {
    const { user } = await signUp();
    const site = await createSite();
    const again = await registerTrainee(
      signUpSchema.parse({ name: "Someone Else", email: user.email, password: "a sound password", grade: "ST2", deaneryId: site.deaneryId, homeSiteId: site.id }),
    );
    expect(again).toEqual({ ok: true, outcome: "alreadyRegistered" });
    expect((await queuedEmails(user.email)).map((email) => email.kind)).toEqual(["account.verifyEmail", "account.signUpWithRegisteredAddress"]);
    expect(await db.accountToken.count({ where: { email: user.email } })).toBe(1);
  });
});

describe("the link", () => {
  it("changes nothing when opened; its button confirms the address once, audited, and then reads as used", async () => {
    const { user } = await signUp();
    const token = tokenInLink(await lastEmail(user.email, "account.verifyEmail"), "/verify-email");

    // What a mail scanner or a preview does: read the page.
    expect(await checkVerificationLink(token)).toEqual({ state: "valid", email: user.email, alreadyConfirmed: false });
    expect(await checkVerificationLink(token)).toEqual({ state: "valid", email: user.email, alreadyConfirmed: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();

    expect(await confirmEmail(token)).toEqual({ ok: true, email: user.email, userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
    expect(await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.emailVerified" }, select: { actorId: true, after: true } })).toEqual([
      { actorId: user.id, after: { email: user.email } },
    ]);

    expect(await confirmEmail(token)).toEqual({ ok: false, state: "used" });
    expect(await checkVerificationLink(token)).toEqual({ state: "used" });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.emailVerified" } })).toBe(1);
  });

  it("pressed twice at the same moment confirms once", async () => {
    const { user } = await signUp();
    const token = tokenInLink(await lastEmail(user.email, "account.verifyEmail"), "/verify-email");
    const results = await Promise.all([confirmEmail(token), confirmEmail(token)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, state: "used" }]);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.emailVerified" } })).toBe(1);
  });

  it("is refused after 24 hours, or when unknown, mangled or sent to an address the account no longer has, and nothing changes", async () => {
    const { user } = await signUp();
    const token = tokenInLink(await lastEmail(user.email, "account.verifyEmail"), "/verify-email");
    const later = new Date(Date.now() + 24 * HOUR + 60_000);
    expect(await checkVerificationLink(token, later)).toEqual({ state: "expired" });
    expect(await confirmEmail(token, later)).toEqual({ ok: false, state: "expired" });
    for (const wrong of ["A".repeat(43), token.slice(0, 42), `${token}x`, "../../etc/passwd", "%00", "x".repeat(10_000), ""]) {
      expect(await checkVerificationLink(wrong)).toEqual({ state: "unknown" });
      expect(await confirmEmail(wrong)).toEqual({ ok: false, state: "unknown" });
    }
    await db.user.update({ where: { id: user.id }, data: { email: `moved.${user.email}` } });
    expect(await confirmEmail(token)).toEqual({ ok: false, state: "unknown" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
    expect(await db.accountToken.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.emailVerified" } })).toBe(0);
  });

  it("of an earlier e-mail still works, and confirming uses up every link sent", async () => {
    const { user, actor } = await signUp();
    const first = tokenInLink(await lastEmail(user.email, "account.verifyEmail"), "/verify-email");
    await resendVerificationEmail(actor);
    const second = tokenInLink(await lastEmail(user.email, "account.verifyEmail"), "/verify-email");
    expect(second).not.toBe(first);
    expect((await confirmEmail(first)).ok).toBe(true);
    expect(await confirmEmail(second)).toEqual({ ok: false, state: "used" });
  });
});

describe("sending the link again", () => {
  it("sends a new link to the account's address, three times an hour, then says to wait and sends nothing", async () => {
    const { user, actor } = await signUp();
    const start = new Date();
    for (let i = 0; i < 3; i++) await expect(resendVerificationEmail(actor, new Date(start.getTime() + i * 1000))).resolves.toEqual({ email: user.email });
    const refusal = await refusalOf(resendVerificationEmail(actor, new Date(start.getTime() + 5000)));
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as Error).message).toMatch(/We have already sent you 3 links in the last hour. Wait an hour/);
    expect(await queuedEmails(user.email, "account.verifyEmail")).toHaveLength(4);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.emailVerification.resent" } })).toBe(3);
    // An hour later the limit has passed.
    await expect(resendVerificationEmail(actor, new Date(start.getTime() + HOUR + 1000))).resolves.toEqual({ email: user.email });
  });

  it("is refused, with a reason, once the address is confirmed", async () => {
    const member = asActor(await createUser());
    await expect(resendVerificationEmail(member)).rejects.toThrow("Your e-mail address is already confirmed. There is nothing more to do.");
    expect(await queuedEmails(member.email)).toHaveLength(0);
  });
});

describe("until the address is confirmed", () => {
  it("the member fills in their profile, but asking to join, registering interest or a hospital, and proposing are refused with the reason, changing nothing", async () => {
    const { user, site, actor } = await signUp();
    const project = await createProject({ status: "DATA_COLLECTION" });
    const projectSite = await createProjectSite({ projectId: project.id, siteId: site.id, status: "ACTIVE" });
    const elsewhere = await createSite();

    const profile = profileSchema.parse({ name: "Kwame Mensah", grade: "ST3", deaneryId: site.deaneryId, homeSiteId: site.id, gmcNumber: "", orcid: "", modalities: ["CT"], subspecialties: [], authorSurname: "", authorInitials: "" });
    await expect(updateOwnProfile(actor, profile)).resolves.toMatchObject({ ok: true });

    const counts = async () => ({
      collaborations: await db.collaboration.count({ where: { userId: user.id } }),
      interests: await db.siteInterest.count({ where: { userId: user.id } }),
      projectSites: await db.projectSite.count({ where: { projectId: project.id } }),
      projects: await db.project.count({ where: { createdById: user.id } }),
    });
    const before = await counts();
    const attempts = {
      "ask to join": () => requestToJoin(actor, projectSite.id),
      "register interest": () => registerInterest(actor, project.id),
      "register a hospital": () => registerSite(actor, { projectId: project.id, siteId: elsewhere.id }),
      propose: () => saveProposalDraft(actor, null, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "" }),
    };
    for (const [what, attempt] of Object.entries(attempts)) {
      const refusal = await refusalOf(attempt());
      expect(refusal, what).toBeInstanceOf(EmailNotConfirmedError);
      expect((refusal as Error).message, what).toMatch(/^Confirm your e-mail address first/);
    }
    expect(await counts()).toEqual(before);

    // Once confirmed, the same person (read afresh, as the next request would) may ask to join.
    await confirmEmail(tokenInLink(await lastEmail(user.email, "account.verifyEmail"), "/verify-email"));
    await expect(requestToJoin(await freshActor(user.id), projectSite.id)).resolves.toEqual(expect.any(String));
    expect((await counts()).collaborations).toBe(1);
  });
});
