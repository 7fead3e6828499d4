import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { listEmails, resendEmail } from "@/lib/mail/admin";
import { deliverEmail } from "@/lib/mail/deliver";
import { readDevelopmentMailbox } from "@/lib/mail/mailbox";
import { queueEmail, type OutgoingEmail } from "@/lib/mail/outbox";
import { SECRET_PLACEHOLDER } from "@/lib/mail/secret";
import { emailSearchSchema } from "@/lib/validation/mail";
import { createUser } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp";

let sink: SmtpSink;
const search = (query: Record<string, string> = {}) => emailSearchSchema.parse(query);
const email = (to: string, extra: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  to,
  kind: "test",
  subject: `For ${to}`,
  paragraphs: ["Something happened."],
  reason: "You are getting this e-mail because a test asked for it.",
  ...extra,
});
const queued = (message: OutgoingEmail) => db.$transaction((tx) => queueEmail(tx, message));

beforeAll(async () => {
  sink = await startSmtpSink({ refuse: (to) => to.startsWith("refused") });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe("the development mailbox", () => {
  it("shows every message as it would be sent, links included, when no SMTP server is set", async () => {
    delete process.env.SMTP_URL;
    await queued(email("dev@example.net", { action: { label: "Reset", url: `http://localhost:3000/reset-password/${SECRET_PLACEHOLDER}` }, secret: "abc123" }));
    const mailbox = await readDevelopmentMailbox();
    const message = mailbox.messages.find((row) => row.to === "dev@example.net");
    expect(message?.subject).toBe("For dev@example.net");
    expect(message?.text).toContain("http://localhost:3000/reset-password/abc123");
  });

  it("does not exist once mail goes to an SMTP server", async () => {
    process.env.SMTP_URL = sink.url;
    await expect(readDevelopmentMailbox()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("e-mail sent by the portal, for administrators", () => {
  it("lists messages newest first, finds them by recipient and status, and counts the failed ones", async () => {
    process.env.SMTP_URL = sink.url;
    const admin = await createUser({ role: "ADMIN" });
    const sentId = await queued(email("kept@example.net"));
    const failedId = await queued(email("refused-1@example.net"));
    await deliverEmail(sentId, { finalAttempt: false });
    await deliverEmail(failedId, { finalAttempt: false });

    const failed = await listEmails(admin, search({ status: "FAILED" }));
    expect(failed.rows.map((row) => row.to)).toEqual(["refused-1@example.net"]);
    expect(failed.failed).toBe(1);
    expect(failed.rows[0]?.lastError).toContain("No such mailbox");
    const byRecipient = await listEmails(admin, search({ to: "KEPT@" }));
    expect(byRecipient.rows.map((row) => [row.to, row.status])).toEqual([["kept@example.net", "SENT"]]);
  });

  it("sends a failed message again once it is put right, and records who did", async () => {
    process.env.SMTP_URL = sink.url;
    const admin = await createUser({ role: "ADMIN" });
    const id = await queued(email("refused-2@example.net"));
    expect(await deliverEmail(id, { finalAttempt: false })).toBe("failed");

    const refusing = sink;
    // The address was wrong at the mail server; now it accepts it.
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    await refusing.close();
    await expect(resendEmail(admin, id)).resolves.toEqual({ to: "refused-2@example.net" });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED" });
    expect(await deliverEmail(id, { finalAttempt: false })).toBe("sent");
    await sink.waitFor((message) => message.to.includes("refused-2@example.net"));
    const event = await db.auditEvent.findFirst({ where: { entityType: "EmailMessage", entityId: id } });
    expect(event).toMatchObject({ actorId: admin.id, action: "email.resent" });
    await expect(resendEmail(admin, id)).rejects.toThrow(/Only a message that failed can be sent again/);
  });

  it("cannot send again a message whose single-use link was erased, and says what to do instead", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const id = await queued(email("refused-3@example.net", { action: { label: "Reset", url: `http://localhost:3000/r/${SECRET_PLACEHOLDER}` }, secret: "s" }));
    await db.emailMessage.update({ where: { id }, data: { status: "FAILED", secret: null } });
    await expect(resendEmail(admin, id)).rejects.toThrow(DomainError);
    await expect(resendEmail(admin, id)).rejects.toThrow(/request a new link/);
    expect((await listEmails(admin, search({ to: "refused-3" }))).rows[0]?.hadSecret).toBe(true);
  });

  // Written down, not derived from the permission table: only administrators see or resend mail.
  const expectations = [
    { who: "visitor", role: null, allowed: false },
    { who: "member", role: "MEMBER", allowed: false },
    { who: "committee member", role: "COMMITTEE", allowed: false },
    { who: "administrator", role: "ADMIN", allowed: true },
  ] as const;

  it.each(expectations)("$who: may read and resend mail = $allowed, and a refusal changes nothing", async ({ role, allowed }) => {
    const actor = role ? await createUser({ role }) : null;
    const id = await queued(email(`refused-${role ?? "visitor"}@example.net`));
    await db.emailMessage.update({ where: { id }, data: { status: "FAILED" } });
    if (allowed) {
      await expect(listEmails(actor, search())).resolves.toMatchObject({ total: expect.any(Number) });
      await expect(resendEmail(actor, id)).resolves.toMatchObject({ to: `refused-${role}@example.net` });
    } else {
      await expect(listEmails(actor, search())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resendEmail(actor, id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED" });
    }
  });

  it("answers an unknown message as not found", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await expect(resendEmail(admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
