// The scheduled e-mails, called as the job runner calls them, at chosen moments: the daily
// digest, the weekly new-projects e-mail (consent, matching, once per project, at most weekly)
// and the daily reminders (quiet sites at most weekly, unanswered requests once).
import { describe, expect, it } from "vitest";
import { SCHEDULED_TASKS } from "@/lib/jobs/tasks";
import { requestToJoin } from "@/lib/collaborations/participation";
import { db } from "@/lib/db";
import { sendDailyDigests } from "@/lib/notifications/digest";
import { announceNewProjects } from "@/lib/notifications/new-projects";
import { unsubscribe } from "@/lib/notifications/preferences";
import { notify, type NotificationKind } from "@/lib/notifications/notifications";
import { escalateWaitingRequests, remindQuietSites } from "@/lib/notifications/reminders";
import { openToSites } from "@/lib/projects/lifecycle";
import type { Modality } from "@/lib/generated/prisma/enums";
import { createCollaboration, createDeanery, createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { countStatements } from "../support/query-count";
import { asActor } from "../support/sites";

const DAY = 24 * 60 * 60 * 1000;
const daysAfter = (start: Date, days: number) => new Date(start.getTime() + days * DAY);

const emailsTo = (userId: string, kind?: string) =>
  db.emailMessage.findMany({ where: { userId, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });
const notificationsOf = (userId: string, kind: NotificationKind) => db.notification.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });
const told = (userIds: string[], kind: NotificationKind, message: string, link = "/dashboard") =>
  db.$transaction((tx) => notify(tx, userIds, { kind, message, link }));

describe("the scheduled tasks", () => {
  it("include the digest, the reminders and the new projects, each with a schedule", () => {
    expect(SCHEDULED_TASKS.map((task) => [task.name, task.cron])).toEqual(
      expect.arrayContaining([
        ["daily-digest", "0 7 * * *"],
        ["daily-reminders", "0 9 * * *"],
        ["weekly-new-projects", "0 8 * * 1"],
      ]),
    );
  });
});

describe("the daily digest", () => {
  it("sends each member one e-mail listing what waits for it, with links, then never again", async () => {
    const member = await createUser({ name: "Aisha Rahman" });
    await told([member.id], "collaboration.confirmed", `You are confirmed on "Adrenal follow-up" at Addenbrooke's Hospital.`);
    await told([member.id], "site.approved", `The project lead approved Addenbrooke's Hospital for "CTPA yield".`);
    await told([member.id], "proposal.toReview", "New proposal to review: Liver biopsy complications");
    const [first] = await notificationsOf(member.id, "collaboration.confirmed");
    const [second] = await notificationsOf(member.id, "site.approved");

    const now = new Date(Date.now() + 1000);
    await sendDailyDigests(now);
    const digests = await emailsTo(member.id, "digest");
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest!.subject).toBe("Your RADIANT digest: 2 notifications");
    expect(digest!.text).toContain("Dear Aisha Rahman,");
    expect(digest!.text).toContain(`• You are confirmed on "Adrenal follow-up" at Addenbrooke's Hospital.\nhttp://localhost:3000/dashboard/notifications/${first!.id}`);
    expect(digest!.text).toContain(`• The project lead approved Addenbrooke's Hospital for "CTPA yield".\nhttp://localhost:3000/dashboard/notifications/${second!.id}`);
    // What was e-mailed at once is not repeated.
    expect(digest!.text).not.toContain("Liver biopsy complications");
    expect(digest!.text).toContain("Open your notifications:\nhttp://localhost:3000/dashboard/notifications");
    expect((digest!.headers as Record<string, string>)["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\/.+>$/);
    expect((await db.notification.findMany({ where: { userId: member.id, inDigest: true } })).every((n) => n.emailedAt?.getTime() === now.getTime())).toBe(true);

    await sendDailyDigests(daysAfter(now, 1));
    expect(await emailsTo(member.id, "digest")).toHaveLength(1);
  });

  it("sends nothing to a member with nothing waiting, nor for what they have read already", async () => {
    const quiet = await createUser();
    const reader = await createUser();
    await told([reader.id], "site.approved", "Already seen");
    await db.notification.updateMany({ where: { userId: reader.id }, data: { readAt: new Date() } });
    await sendDailyDigests(new Date(Date.now() + 1000));
    expect(await emailsTo(quiet.id)).toEqual([]);
    expect(await emailsTo(reader.id)).toEqual([]);
  });

  it("stops, with what is waiting, when the member follows its unsubscribe link", async () => {
    const member = await createUser();
    await told([member.id], "site.approved", "First");
    await sendDailyDigests(new Date(Date.now() + 1000));
    const [digest] = await emailsTo(member.id, "digest");
    const token = /\/unsubscribe\/([^>]+)>$/.exec((digest!.headers as Record<string, string>)["List-Unsubscribe"]!)![1]!;
    await told([member.id], "collaboration.added", "Second");
    await unsubscribe(token);
    await told([member.id], "collaboration.removed", "Third");
    await sendDailyDigests(new Date(Date.now() + 2000));
    expect(await emailsTo(member.id, "digest")).toHaveLength(1);
    expect(await db.notificationPreference.findMany({ where: { userId: member.id }, select: { kind: true, delivery: true } })).toContainEqual({
      kind: "collaboration.added",
      delivery: "NEVER",
    });
  });

  it("costs the same statements for 3 members as for 60", async () => {
    const batch = async (count: number) => {
      for (let n = 0; n < count; n++) {
        const member = await createUser();
        await told([member.id], "collaboration.added", `Added ${n}`);
        await told([member.id], "collaboration.roleChanged", `Changed ${n}`);
      }
    };
    await sendDailyDigests(new Date(Date.now() + 1000));
    await batch(3);
    const small = await countStatements(() => sendDailyDigests(new Date(Date.now() + 1000)));
    await batch(60);
    const large = await countStatements(() => sendDailyDigests(new Date(Date.now() + 1000)));
    expect(small.result).toBe(3);
    expect(large.result).toBe(60);
    expect(large.statements).toBe(small.statements);
  });
});

describe("the weekly e-mail about new projects", () => {
  /** A member who asked for it, at a hospital of `deaneryId`, interested in `modalities`. */
  async function subscriber(deaneryId: string, modalities: Modality[], consent = true) {
    const home = await createSite({ deaneryId });
    const user = await createUser({ siteId: home.id });
    await db.traineeProfile.update({ where: { userId: user.id }, data: { contactConsent: consent, modalities, subspecialties: [] } });
    return user;
  }

  /** A project opened to hospitals now, through the lifecycle, with its tags and sites. */
  async function opened(title: string, modalities: Modality[], siteDeaneryIds: string[] = []) {
    const lead = asActor(await createUser());
    const project = await createProject({ title, status: "APPROVED", leadId: lead.id });
    await db.project.update({ where: { id: project.id }, data: { modalities, subspecialties: ["NEURO"] } });
    await openToSites(lead, project.id);
    for (const deaneryId of siteDeaneryIds) await createProjectSite({ projectId: project.id, siteId: (await createSite({ deaneryId })).id, status: "REGISTERED" });
    return db.project.findUniqueOrThrow({ where: { id: project.id } });
  }

  it("lists the projects opened since last time that match the member's region or interests, once, and at most weekly", async () => {
    const east = await createDeanery({ name: "East of England" });
    const wales = await createDeanery({ name: "Wales" });
    const ct = await subscriber(east.id, ["CT"]);
    const noConsent = await subscriber(east.id, ["CT"], false);
    const elsewhere = await subscriber(wales.id, ["ULTRASOUND"]);

    const ctProject = await opened("CT colonography follow-up", ["CT"]);
    const regional = await opened("MRI prostate reporting", ["MRI"], [east.id]);
    await opened("Ultrasound-guided biopsy", ["ULTRASOUND"]);
    expect(ctProject.openedToSitesAt).toBeInstanceOf(Date);

    const monday = new Date(Date.now() + 60_000);
    await announceNewProjects(monday);
    const [mail] = await emailsTo(ct.id, "projects.new");
    expect(mail!.subject).toBe("2 new RADIANT projects are open to hospitals");
    expect(mail!.text).toContain(`CT colonography follow-up\nSummary of`);
    expect(mail!.text).toContain(`http://localhost:3000/projects/${ctProject.slug}`);
    expect(mail!.text).toContain(`http://localhost:3000/projects/${regional.slug}`);
    expect(mail!.text).not.toContain("Ultrasound-guided biopsy");
    expect(mail!.text).toContain("You asked on your profile to be e-mailed about new projects");
    expect(await emailsTo(noConsent.id)).toEqual([]);
    expect((await emailsTo(elsewhere.id, "projects.new"))[0]!.subject).toBe("A new RADIANT project is open to hospitals: Ultrasound-guided biopsy");

    // Later in the same week: nothing, even with a new project opened.
    const later = await opened("CT in trauma", ["CT"]);
    await db.project.update({ where: { id: later.id }, data: { openedToSitesAt: daysAfter(monday, 2) } });
    await announceNewProjects(daysAfter(monday, 3));
    expect(await emailsTo(ct.id, "projects.new")).toHaveLength(1);

    // The next week: only what is new since, each project announced once.
    await announceNewProjects(daysAfter(monday, 7));
    const mails = await emailsTo(ct.id, "projects.new");
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe("A new RADIANT project is open to hospitals: CT in trauma");
    expect(mails[1]!.text).toContain(`/projects/${later.slug}`);
    expect(mails[1]!.text).not.toContain("CT colonography follow-up");
    await announceNewProjects(daysAfter(monday, 14));
    expect(await emailsTo(ct.id, "projects.new")).toHaveLength(2);
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: ct.id } })).newProjectsMailedAt).toEqual(daysAfter(monday, 14));
  });

  it("stops when the member follows its unsubscribe link, which withdraws the consent on the profile", async () => {
    const region = await createDeanery();
    const member = await subscriber(region.id, ["INTERVENTIONAL"]);
    await opened("Interventional audit", ["INTERVENTIONAL"]);
    const now = new Date(Date.now() + 60_000);
    await announceNewProjects(now);
    const [mail] = await emailsTo(member.id, "projects.new");
    await unsubscribe(/\/unsubscribe\/([^>]+)>$/.exec((mail!.headers as Record<string, string>)["List-Unsubscribe"]!)![1]!);
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: member.id } })).contactConsent).toBe(false);
    await opened("Interventional audit, part two", ["INTERVENTIONAL"]);
    await announceNewProjects(daysAfter(now, 7));
    expect(await emailsTo(member.id, "projects.new")).toHaveLength(1);
  });

  it("skips projects the member leads, and addresses not confirmed", async () => {
    const region = await createDeanery();
    const unconfirmedHome = await createSite({ deaneryId: region.id });
    const unconfirmed = await createUser({ siteId: unconfirmedHome.id, verified: false });
    await db.traineeProfile.update({ where: { userId: unconfirmed.id }, data: { contactConsent: true, modalities: ["NUCLEAR_MEDICINE"] } });
    const lead = await subscriber(region.id, ["NUCLEAR_MEDICINE"]);
    const project = await createProject({ title: "Own nuclear project", status: "APPROVED", leadId: lead.id });
    await db.project.update({ where: { id: project.id }, data: { modalities: ["NUCLEAR_MEDICINE"] } });
    await openToSites(asActor(lead), project.id);
    await announceNewProjects(new Date(Date.now() + 60_000));
    expect(await emailsTo(lead.id, "projects.new")).toEqual([]);
    expect(await emailsTo(unconfirmed.id)).toEqual([]);
  });
});

describe("the daily reminders", () => {
  /** A project collecting data at an active site with a site lead, whose last count was `daysAgo` before `now`. */
  async function activeSite(now: Date, lastCountDaysAgo: number | null) {
    const lead = await createUser();
    const project = await createProject({ title: "CTPA yield", leadId: lead.id });
    const hospital = await createSite({ name: "Medway Maritime Hospital" });
    const site = await createProjectSite({ projectId: project.id, siteId: hospital.id, status: "ACTIVE" });
    await db.projectSite.update({ where: { id: site.id }, data: { registeredAt: daysAfter(now, -60), leadApprovedAt: daysAfter(now, -50) } });
    const siteLead = await createUser({ name: "Ioana Wood", siteId: hospital.id });
    await createCollaboration({ projectSiteId: site.id, userId: siteLead.id, role: "SITE_LEAD" });
    if (lastCountDaysAgo !== null) await reportProgress(site.id, siteLead.id, 12, daysAfter(now, -lastCountDaysAgo));
    return { lead, project, hospital, site, siteLead };
  }

  it("remind the leads of a site with no cases for 14 days, at most once a week, and stop once it records", async () => {
    const now = new Date(Date.now() + 60_000);
    const quiet = await activeSite(now, 15);
    const busy = await activeSite(now, 3);
    await remindQuietSites(now);
    const [reminder] = await notificationsOf(quiet.siteLead.id, "site.progressReminder");
    expect(reminder!.message).toContain(`Medway Maritime Hospital has recorded no cases for "CTPA yield" since`);
    expect(reminder!.link).toBe(`/dashboard/projects/${quiet.project.slug}/sites/${quiet.hospital.odsCode}/progress`);
    const [email] = await emailsTo(quiet.siteLead.id);
    expect(email!.subject).toBe("Reminder: record your site's cases");
    expect(await notificationsOf(busy.siteLead.id, "site.progressReminder")).toEqual([]);

    await remindQuietSites(daysAfter(now, 1));
    await remindQuietSites(daysAfter(now, 6));
    expect(await notificationsOf(quiet.siteLead.id, "site.progressReminder")).toHaveLength(1);
    await remindQuietSites(daysAfter(now, 7));
    expect(await notificationsOf(quiet.siteLead.id, "site.progressReminder")).toHaveLength(2);

    await reportProgress(quiet.site.id, quiet.siteLead.id, 20, daysAfter(now, 8));
    await remindQuietSites(daysAfter(now, 15));
    expect(await notificationsOf(quiet.siteLead.id, "site.progressReminder")).toHaveLength(2);
    expect(await emailsTo(quiet.siteLead.id)).toHaveLength(2);
  });

  it("count a site that never recorded a case from when it was approved, and leave projects not collecting alone", async () => {
    const now = new Date(Date.now() + 60_000);
    const never = await activeSite(now, null);
    const setup = await activeSite(now, 30);
    await db.project.update({ where: { id: setup.project.id }, data: { status: "SITE_SETUP" } });
    await remindQuietSites(now);
    expect((await notificationsOf(never.siteLead.id, "site.progressReminder"))[0]!.message).toBe(
      `Medway Maritime Hospital has not recorded any cases for "CTPA yield" yet. Record the cases submitted so far, even if there are none.`,
    );
    expect(await notificationsOf(setup.siteLead.id, "site.progressReminder")).toEqual([]);
  });

  it("pass a request to join unanswered for 7 days to the project's leads, once, in the portal and by e-mail", async () => {
    const s = await activeSite(new Date(), 1);
    const coLead = await createUser();
    await db.projectLead.create({ data: { projectId: s.project.id, userId: coLead.id, role: "CO_LEAD" } });
    const trainee = await createUser({ name: "Rhys Request", siteId: s.hospital.id });
    const requestId = await requestToJoin(asActor(trainee), s.site.id);
    const fresh = await createUser({ name: "Fay Fresh", siteId: s.hospital.id });
    await requestToJoin(asActor(fresh), s.site.id);
    const asked = (await db.collaboration.findUniqueOrThrow({ where: { id: requestId } })).requestedAt;
    await db.collaboration.updateMany({ where: { userId: fresh.id }, data: { requestedAt: daysAfter(asked, 2) } });

    await escalateWaitingRequests(daysAfter(asked, 6));
    expect(await notificationsOf(s.lead.id, "collaboration.escalated")).toEqual([]);
    await escalateWaitingRequests(daysAfter(asked, 7));
    for (const leadId of [s.lead.id, coLead.id]) {
      const escalations = await notificationsOf(leadId, "collaboration.escalated");
      expect(escalations).toHaveLength(1);
      expect(escalations[0]!.message).toMatch(/^Rhys Request asked to join "CTPA yield" at Medway Maritime Hospital on .+ and has had no answer for a week\./);
      expect(escalations[0]!.link).toBe(`/dashboard/projects/${s.project.slug}/sites/${s.hospital.odsCode}/team`);
      expect((await emailsTo(leadId, "notification.collaboration.escalated")).map((email) => email.subject)).toEqual(["A request to join has waited a week"]);
    }
    // Once: not again the next day; the later request in its turn.
    await escalateWaitingRequests(daysAfter(asked, 9));
    const escalations = await notificationsOf(s.lead.id, "collaboration.escalated");
    expect(escalations.map((n) => n.message.split(" asked")[0])).toEqual(["Rhys Request", "Fay Fresh"]);
    await escalateWaitingRequests(daysAfter(asked, 30));
    expect(await notificationsOf(s.lead.id, "collaboration.escalated")).toHaveLength(2);
  });

  it("leave an answered request alone", async () => {
    const s = await activeSite(new Date(), 1);
    const trainee = await createUser({ siteId: s.hospital.id });
    const requestId = await requestToJoin(asActor(trainee), s.site.id);
    await db.collaboration.update({ where: { id: requestId }, data: { status: "CONFIRMED", decidedAt: new Date() } });
    await escalateWaitingRequests(daysAfter(new Date(), 10));
    expect(await notificationsOf(s.lead.id, "collaboration.escalated")).toEqual([]);
  });

  it("cost the same statements for 2 quiet sites as for 30", async () => {
    const now = new Date(Date.now() + 60_000);
    await remindQuietSites(now);
    for (let n = 0; n < 2; n++) await activeSite(now, 20);
    const small = await countStatements(() => remindQuietSites(now));
    for (let n = 0; n < 30; n++) await activeSite(now, 20);
    const large = await countStatements(() => remindQuietSites(now));
    expect([small.result, large.result]).toEqual([2, 30]);
    expect(large.statements).toBe(small.statements);
  });
});
