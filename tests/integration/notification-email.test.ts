// Notifications reaching people by e-mail: each kind's rule (at once, daily digest, never), each
// member's choice, the one-click unsubscribe link, and what a recipient finds in the e-mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openUnsubscribeLink, POST as postUnsubscribeLink } from "@/app/(public)/unsubscribe/[token]/route";
import { requestToJoin } from "@/lib/collaborations/participation";
import { decideRequest } from "@/lib/collaborations/site-requests";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { deliverEmail } from "@/lib/mail/deliver";
import { notify, type NotificationKind } from "@/lib/notifications/notifications";
import { getNotificationPreferences, readUnsubscribeLink, saveNotificationPreferences, unsubscribe } from "@/lib/notifications/preferences";
import { TOPICS, ruleOf, type Topic } from "@/lib/notifications/email-rules";
import type { EmailDelivery } from "@/lib/generated/prisma/enums";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { countStatements } from "../support/query-count";
import { startSmtpSink, type SmtpSink } from "../support/smtp";
import { asActor } from "../support/sites";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

const emailsTo = (userId: string) => db.emailMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const notificationsOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const headerOf = (email: { headers: unknown }, name: string) => (email.headers as Record<string, string> | null)?.[name];
/** The token in an e-mail's List-Unsubscribe header: <http://…/unsubscribe/TOKEN> */
const tokenIn = (email: { headers: unknown }) => /\/unsubscribe\/([^>/]+)>$/.exec(headerOf(email, "List-Unsubscribe") ?? "")![1]!;

const told = (userIds: string[], kind: NotificationKind, message = `About ${kind}`) =>
  db.$transaction((tx) => notify(tx, userIds, { kind, message, link: "/dashboard" }));

/** Every choice as the form would send it: the defaults, with some changed. */
function choices(changes: Partial<Record<Topic, EmailDelivery>> = {}): Record<Topic, EmailDelivery> {
  return Object.fromEntries(TOPICS.map((topic) => [topic, changes[topic] ?? ruleOf(topic).delivery])) as Record<Topic, EmailDelivery>;
}

/** A project collecting data at a hospital with a confirmed site lead, and a trainee there. */
async function joinScenario() {
  const hospital = await createSite({ name: "Addenbrooke's Hospital" });
  const project = await createProject({ title: "Adrenal incidentaloma follow-up" });
  const projectSite = await createProjectSite({ projectId: project.id, siteId: hospital.id });
  const siteLead = asActor(await createUser({ name: "Catriona MacLeod", siteId: hospital.id }));
  await createCollaboration({ projectSiteId: projectSite.id, userId: siteLead.id, role: "SITE_LEAD" });
  const trainee = asActor(await createUser({ name: "Aisha Rahman", siteId: hospital.id }));
  return { hospital, project, projectSite, siteLead, trainee };
}

describe("a join request, which needs the site lead to act", () => {
  it("is e-mailed to the site lead at once, with a link that opens the request and a one-click way to stop such e-mails", async () => {
    const s = await joinScenario();
    const requestId = await requestToJoin(s.trainee, s.projectSite.id);

    const [notification] = await notificationsOf(s.siteLead.id);
    expect(notification).toMatchObject({ kind: "collaboration.requested", link: `/dashboard/site-requests#request-${requestId}`, inDigest: false });
    expect(notification!.emailedAt).toBeInstanceOf(Date);
    const [email] = await emailsTo(s.siteLead.id);
    expect(email).toMatchObject({ to: s.siteLead.email, subject: "A trainee asked to join your site", status: "QUEUED" });
    expect(headerOf(email!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // What arrives in the site lead's mailbox.
    expect(await deliverEmail(email!.id, { finalAttempt: false })).toBe("sent");
    const received = await sink.waitFor((message) => message.to.includes(s.siteLead.email));
    expect(received.text).toContain(`Dear Catriona MacLeod,`);
    expect(received.text).toContain(`Aisha Rahman asked to join "Adrenal incidentaloma follow-up" at Addenbrooke's Hospital.`);
    expect(received.text).toContain(`Open the request:\nhttp://localhost:3000/dashboard/notifications/${notification!.id}`);
    expect(received.text).toContain("You are a site lead of this hospital for this project.");
    expect(received.text).toContain("http://localhost:3000/dashboard/account/notifications");
    expect(received.rawHeaders["list-unsubscribe"]).toBe(`<http://localhost:3000/unsubscribe/${tokenIn(email!)}>`);
    expect(received.rawHeaders["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // The requester is not e-mailed about their own request.
    expect(await emailsTo(s.trainee.id)).toEqual([]);
  });

  it("reaches nobody by e-mail when the site lead chose never, but still shows in the portal", async () => {
    const s = await joinScenario();
    await saveNotificationPreferences(s.siteLead, choices({ "collaboration.requested": "NEVER" }));
    await requestToJoin(s.trainee, s.projectSite.id);
    expect(await emailsTo(s.siteLead.id)).toEqual([]);
    const [notification] = await notificationsOf(s.siteLead.id);
    expect(notification).toMatchObject({ kind: "collaboration.requested", inDigest: false, emailedAt: null });
  });

  it("waits for the digest when the site lead chose the daily digest", async () => {
    const s = await joinScenario();
    await saveNotificationPreferences(s.siteLead, choices({ "collaboration.requested": "DAILY_DIGEST" }));
    await requestToJoin(s.trainee, s.projectSite.id);
    expect(await emailsTo(s.siteLead.id)).toEqual([]);
    expect(await notificationsOf(s.siteLead.id)).toMatchObject([{ inDigest: true, emailedAt: null }]);
  });

  it("answered, tells the trainee in the daily digest by default, not at once", async () => {
    const s = await joinScenario();
    const requestId = await requestToJoin(s.trainee, s.projectSite.id);
    await decideRequest(s.siteLead, requestId, "CONFIRM");
    expect(await notificationsOf(s.trainee.id)).toMatchObject([{ kind: "collaboration.confirmed", inDigest: true, emailedAt: null }]);
    expect(await emailsTo(s.trainee.id)).toEqual([]);
  });
});

describe("the rule of each kind", () => {
  it("e-mails at once what needs action and leaves the rest for the digest, unless the member chose otherwise", async () => {
    const member = await createUser();
    await told([member.id], "proposal.toReview");
    await told([member.id], "site.approved");
    await saveNotificationPreferences(asActor(member), choices({ "site.approved": "IMMEDIATE", "proposal.toReview": "NEVER" }));
    await told([member.id], "proposal.toReview");
    await told([member.id], "site.approved");
    const notifications = await notificationsOf(member.id);
    expect(notifications.map((n) => [n.kind, n.emailedAt !== null, n.inDigest])).toEqual([
      ["proposal.toReview", true, false],
      ["site.approved", false, true],
      ["proposal.toReview", false, false],
      ["site.approved", true, false],
    ]);
    expect((await emailsTo(member.id)).map((email) => email.subject)).toEqual(["A new proposal is waiting for review", "Your site's checklist is checked"]);
  });

  it("gives a kind added later without a rule the digest, under 'anything else', which the member can change", async () => {
    const member = await createUser();
    const newKind = "invitation.reminded" as NotificationKind;
    await told([member.id], newKind);
    expect(await notificationsOf(member.id)).toMatchObject([{ kind: newKind, inDigest: true, emailedAt: null }]);
    await saveNotificationPreferences(asActor(member), choices({ other: "IMMEDIATE" }));
    await told([member.id], newKind);
    expect((await emailsTo(member.id)).map((email) => [email.subject, email.kind])).toEqual([["News from RADIANT", `notification.${newKind}`]]);
  });

  it("leaves the invitation's e-mail to the invitation itself, so nobody gets two", async () => {
    const member = await createUser();
    await told([member.id], "invitation.received");
    expect(await notificationsOf(member.id)).toMatchObject([{ inDigest: false, emailedAt: null }]);
    expect(await emailsTo(member.id)).toEqual([]);
  });

  it("sends deleted accounts nothing at all, and e-mails no address that is not confirmed", async () => {
    const deleted = await createUser();
    await db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const unconfirmed = await createUser({ verified: false });
    await told([deleted.id, unconfirmed.id], "proposal.toReview");
    expect(await notificationsOf(deleted.id)).toEqual([]);
    expect(await notificationsOf(unconfirmed.id)).toMatchObject([{ kind: "proposal.toReview", emailedAt: null, inDigest: false }]);
    expect(await db.emailMessage.count({ where: { userId: { in: [deleted.id, unconfirmed.id] } } })).toBe(0);
  });

  it("exists, in the portal and by e-mail, only if the event's transaction commits", async () => {
    const member = await createUser();
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [member.id], { kind: "proposal.toReview", message: "Never happened", link: "/dashboard" });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await notificationsOf(member.id)).toEqual([]);
    expect(await emailsTo(member.id)).toEqual([]);
  });

  it("costs the same few statements for 2 people as for 40, whatever each chose", async () => {
    const people = async (count: number) => {
      const users = [];
      for (let n = 0; n < count; n++) users.push(await createUser());
      // A third chose the digest, a third never: reading their choices must not cost a statement each.
      for (const [index, user] of users.entries()) {
        if (index % 3 === 1) await db.notificationPreference.create({ data: { userId: user.id, kind: "proposal.toReview", delivery: "DAILY_DIGEST" } });
        if (index % 3 === 2) await db.notificationPreference.create({ data: { userId: user.id, kind: "proposal.toReview", delivery: "NEVER" } });
      }
      return users.map((user) => user.id);
    };
    const few = await people(2);
    const many = await people(40);
    const small = await countStatements(() => told(few, "proposal.toReview"));
    const large = await countStatements(() => told(many, "proposal.toReview"));
    expect(large.statements).toBe(small.statements);
    expect(await db.emailMessage.count({ where: { userId: { in: many } } })).toBe(14);
    expect(await db.notification.count({ where: { userId: { in: many }, inDigest: true } })).toBe(13);
  });
});

describe("the preferences page", () => {
  it("shows each kind with its default until the member chooses, and keeps a default as no row", async () => {
    const member = asActor(await createUser());
    const before = await getNotificationPreferences(member);
    const requested = before.flatMap((group) => group.topics).find((topic) => topic.topic === "collaboration.requested")!;
    expect(requested).toMatchObject({ label: "A trainee asks to join a site you lead", default: "IMMEDIATE", chosen: "IMMEDIATE" });
    expect(before.map((group) => group.heading)).toEqual([
      "Your place on projects and in the portal",
      "When you lead a site",
      "When you lead a project",
      "When you are on the committee",
    ]);
    await saveNotificationPreferences(member, choices({ "collaboration.requested": "DAILY_DIGEST" }));
    await saveNotificationPreferences(member, choices({ "collaboration.requested": "DAILY_DIGEST", "site.approved": "IMMEDIATE" }));
    const after = (await getNotificationPreferences(member)).flatMap((group) => group.topics);
    expect(after.find((topic) => topic.topic === "collaboration.requested")!.chosen).toBe("DAILY_DIGEST");
    expect(after.find((topic) => topic.topic === "site.approved")!.chosen).toBe("IMMEDIATE");
    expect(await db.notificationPreference.findMany({ where: { userId: member.id }, select: { kind: true, delivery: true }, orderBy: { kind: "asc" } })).toEqual([
      { kind: "collaboration.requested", delivery: "DAILY_DIGEST" },
      { kind: "site.approved", delivery: "IMMEDIATE" },
    ]);
  });

  it("turned to never, takes what was waiting for the digest out of it", async () => {
    const member = await createUser();
    await told([member.id], "site.approved");
    await saveNotificationPreferences(asActor(member), choices({ "site.approved": "NEVER" }));
    expect(await notificationsOf(member.id)).toMatchObject([{ inDigest: false, emailedAt: null }]);
  });

  it("refuses a form with a choice missing or made up, field by field, and saves nothing", () => {
    const sent = Object.fromEntries(TOPICS.map((topic) => [topic, "IMMEDIATE"]));
    const result = notificationPreferencesSchema.safeParse({ ...sent, "site.approved": "HOURLY", "sites.message": undefined });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      "site.approved": `Choose at once, daily digest or never for "The project lead checks every item of your site's governance checklist"`,
      "sites.message": `Choose at once, daily digest or never for "A project lead sends a message to site leads"`,
    });
  });
});

describe("the unsubscribe link", () => {
  async function immediateEmail() {
    const member = await createUser();
    await told([member.id], "proposal.toReview");
    const [email] = await emailsTo(member.id);
    return { member, email: email!, token: tokenIn(email!) };
  }
  const post = (token: string, body: Record<string, string> = { "List-Unsubscribe": "One-Click" }) =>
    postUnsubscribeLink(new Request(`http://localhost:3000/unsubscribe/${token}`, { method: "POST", body: new URLSearchParams(body) }), {
      params: Promise.resolve({ token }),
    });
  const get = (token: string) => openUnsubscribeLink(new Request(`http://localhost:3000/unsubscribe/${token}`), { params: Promise.resolve({ token }) });

  it("stops that kind of e-mail with one POST, without signing in, and nothing else", async () => {
    const { member, token } = await immediateEmail();
    const response = await post(token);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("You will no longer get these e-mails.");
    await told([member.id], "proposal.toReview", "Another proposal");
    await told([member.id], "proposal.resubmitted");
    expect((await emailsTo(member.id)).map((email) => email.subject)).toEqual([
      "A new proposal is waiting for review",
      "A proposal came back after changes",
    ]);
    const topics = (await getNotificationPreferences(asActor(member))).flatMap((group) => group.topics);
    expect(topics.find((topic) => topic.topic === "proposal.toReview")!.chosen).toBe("NEVER");
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "notifications.unsubscribed" } })).toBe(1);
  });

  it("opened in a browser, shows a page with a button instead of acting, and the button's POST comes back to it", async () => {
    const { member, token } = await immediateEmail();
    const opened = await get(token);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/unsubscribe/${token}/confirm`);
    expect(await readUnsubscribeLink(token)).toEqual({
      what: "e-mails when a new proposal waits for review",
      stopped: false,
      settingsPath: "/dashboard/account/notifications",
    });
    expect(await db.notificationPreference.count({ where: { userId: member.id } })).toBe(0);
    const pressed = await post(token, {});
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get("location")).toBe(`/unsubscribe/${token}/confirm`);
    expect((await readUnsubscribeLink(token)).stopped).toBe(true);
  });

  it("edited in any way, is not found and changes nothing", async () => {
    const { member, token } = await immediateEmail();
    const other = await createUser();
    const [userId, stream, signature] = token.split(".") as [string, string, string];
    const tampered = [
      `${other.id}.${stream}.${signature}`,
      `${userId}.${Buffer.from("site.approved").toString("base64url")}.${signature}`,
      `${userId}.${stream}.${signature.slice(0, -2)}AA`,
      `${userId}.${stream}`,
      "not-a-token",
      `${userId}.${Buffer.from("nonsense").toString("base64url")}.${signature}`,
    ];
    for (const bad of tampered) {
      expect((await post(bad)).status, bad).toBe(404);
      expect((await get(bad)).status, bad).toBe(404);
      await expect(readUnsubscribeLink(bad)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.notificationPreference.count({ where: { userId: { in: [member.id, other.id] } } })).toBe(0);
  });

  it("of a deleted account is not found", async () => {
    const { member, token } = await immediateEmail();
    await db.user.update({ where: { id: member.id }, data: { deletedAt: new Date() } });
    await expect(unsubscribe(token)).rejects.toBeInstanceOf(NotFoundError);
    expect((await post(token)).status).toBe(404);
  });
});
