// Who may choose e-mail preferences and message site leads, row by row through the real domain
// functions. The expectations are written here, apart from the permission table; a refusal must
// change nothing (no notification, no e-mail, no preference, no audit row). The "chosen sites"
// rows carry the ids-in-forms attack: a site of another project, or one that does not exist.
import { describeAuthzTable, type TableAction } from "@/tests/support/authz-table";
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { TOPICS, ruleOf } from "@/lib/notifications/email-rules";
import { getNotificationPreferences, saveNotificationPreferences } from "@/lib/notifications/preferences";
import { getMessageSitesPage, messageSites } from "@/lib/sites/message";
import { messageSitesSchema } from "@/lib/validation/sites";
import { createCollaboration, createProject, createProjectSite, createUser } from "../support/factories";
import { asActor, siteScenario } from "../support/sites";

const PERSONAS = [
  "visitor",
  "unrelated member",
  "another project's lead",
  "site lead",
  "project lead",
  "co-lead",
  "committee",
  "admin",
] as const;
type Persona = (typeof PERSONAS)[number];

type Scenario = Awaited<ReturnType<typeof scenario>>;

async function scenario() {
  const base = await siteScenario();
  // A collection window long over: a site with no cases is behind target.
  await db.project.update({ where: { id: base.project.id }, data: { collectionStart: new Date("2020-01-01"), collectionEnd: new Date("2020-06-30") } });
  const coLead = asActor(await createUser({ name: "Priya Shah" }));
  await db.projectLead.create({ data: { projectId: base.project.id, userId: coLead.id, role: "CO_LEAD" } });
  const otherLead = asActor(await createUser({ name: "Olu Other" }));
  const otherProject = await createProject({ leadId: otherLead.id });
  const foreignSite = await createProjectSite({ projectId: otherProject.id });
  await createCollaboration({ projectSiteId: foreignSite.id, userId: (await createUser({ name: "Fran Foreign" })).id, role: "SITE_LEAD" });
  const outsider = asActor(await createUser({ name: "Una Related" }));
  return { ...base, coLead, otherLead, foreignSite, outsider };
}

function actorOf(persona: Persona, s: Scenario): Actor | null {
  const actors: Record<Persona, Actor | null> = {
    visitor: null,
    "unrelated member": s.outsider,
    "another project's lead": s.otherLead,
    "site lead": s.siteLead,
    "project lead": s.lead,
    "co-lead": s.coLead,
    committee: s.committee,
    admin: s.admin,
  };
  return actors[persona];
}

const SIGNED_IN: Persona[] = PERSONAS.filter((persona) => persona !== "visitor");
const LEADS: Persona[] = ["project lead", "co-lead"];

const message = (s: Scenario, recipients: string, siteIds: string[]) =>
  messageSitesSchema.parse({ projectId: s.project.id, recipients, siteIds, message: "Please record your cases by Friday." });

const ACTIONS: TableAction<Persona, Scenario>[] = [
  { name: "see their e-mail choices", allowed: SIGNED_IN, attempt: (actor) => getNotificationPreferences(actor) },
  {
    name: "save their e-mail choices",
    allowed: SIGNED_IN,
    attempt: (actor) =>
      saveNotificationPreferences(actor, Object.fromEntries(TOPICS.map((topic) => [topic, topic === "sites.message" ? "NEVER" : ruleOf(topic).delivery])) as never),
  },
  { name: "see the message page", allowed: LEADS, attempt: (actor, s) => getMessageSitesPage(actor, s.project.slug) },
  { name: "message all site leads", allowed: LEADS, attempt: (actor, s) => messageSites(actor, message(s, "all", [])) },
  { name: "message the site leads behind target", allowed: LEADS, attempt: (actor, s) => messageSites(actor, message(s, "behind", [])) },
  { name: "message the leads of chosen sites", allowed: LEADS, attempt: (actor, s) => messageSites(actor, message(s, "chosen", [s.home.id])) },
  {
    name: "message a chosen site of another project",
    allowed: [],
    attempt: (actor, s) => messageSites(actor, message(s, "chosen", [s.home.id, s.foreignSite.id])),
  },
  {
    name: "message a chosen site that does not exist",
    allowed: [],
    attempt: (actor, s) => messageSites(actor, message(s, "chosen", ["6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90"])),
  },
];

/** Everything these actions could change, as text to compare. */
async function snapshot() {
  const [notifications, emails, preferences, audits] = await Promise.all([
    db.notification.count(),
    db.emailMessage.count(),
    db.notificationPreference.findMany({ orderBy: [{ userId: "asc" }, { kind: "asc" }] }),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ notifications, emails, preferences, audits });
}

describeAuthzTable("e-mail choices and messages to site leads: who may do what", {
  personas: PERSONAS,
  actions: ACTIONS,
  scenario,
  actorOf,
  snapshot,
  // Saving the choices one already has is allowed and changes nothing.
  allowedChanges: false,
  expectRefusal: (outcome, { action, persona }) => {
    // A lead sending another project's site id is refused by the rule, at the field; anyone else by the permission.
    if (LEADS.includes(persona) && action.startsWith("message a chosen site")) {
      expect(outcome).toBeInstanceOf(DomainError);
      expect((outcome as DomainError).field).toBe("siteIds");
    } else {
      expect(outcome).toBeInstanceOf(ForbiddenError);
    }
  },
});

describe("a message to the site leads the lead chose", () => {
  it("reaches exactly those site leads, in the portal and by e-mail, and no one else", async () => {
    const s = await scenario();
    const result = await messageSites(s.lead, message(s, "chosen", [s.home.id]));
    expect(result).toEqual({ recipients: 1, sites: 1 });
    const told = await db.notification.findMany({ where: { kind: "sites.message", projectId: s.project.id }, select: { userId: true, message: true, emailedAt: true } });
    expect(told).toEqual([
      { userId: s.siteLead.id, message: `Message from the lead of "${s.project.title}": Please record your cases by Friday.`, emailedAt: expect.any(Date) },
    ]);
    expect(await db.emailMessage.findMany({ where: { kind: "notification.sites.message", userId: { in: [s.siteLead.id, s.otherSiteLead.id] } }, select: { to: true, subject: true } })).toEqual([
      { to: s.siteLead.email, subject: "A message from your project lead" },
    ]);
  });

  it("behind target leaves out the sites on track", async () => {
    const s = await scenario();
    // The home site has all its cases, the other none.
    await db.progressReport.create({ data: { projectSiteId: s.home.id, reportedById: s.siteLead.id, cumulativeCases: 50 } });
    const page = await getMessageSitesPage(s.lead, s.project.slug);
    expect(page.recipients).toEqual({ all: 2, behind: 1 });
    expect(page.sites.map((site) => [site.hospital, site.behind])).toEqual([
      ["Addenbrooke's Hospital", false],
      ["Ipswich Hospital", true],
    ]);
    expect(await messageSites(s.lead, message(s, "behind", []))).toEqual({ recipients: 1, sites: 1 });
    expect((await db.notification.findMany({ where: { kind: "sites.message", projectId: s.project.id } })).map((n) => n.userId)).toEqual([s.otherSiteLead.id]);
  });

  it("follows each site lead's choice for messages", async () => {
    const s = await scenario();
    await db.notificationPreference.create({ data: { userId: s.otherSiteLead.id, kind: "sites.message", delivery: "NEVER" } });
    expect(await messageSites(s.lead, message(s, "all", []))).toEqual({ recipients: 2, sites: 2 });
    expect(await db.emailMessage.findMany({ where: { kind: "notification.sites.message", userId: { in: [s.siteLead.id, s.otherSiteLead.id] } }, select: { to: true } })).toEqual([{ to: s.siteLead.email }]);
    expect(await db.notification.count({ where: { kind: "sites.message", projectId: s.project.id } })).toBe(2);
  });

  it("asks for at least one site when the lead chooses sites, and says so at the field", () => {
    const result = messageSitesSchema.safeParse({ projectId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90", recipients: "chosen", message: "Hello" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["siteIds", "Choose at least one site to send the message to"]]);
    const nobody = messageSitesSchema.safeParse({ projectId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90", recipients: "everyone", message: "Hello" });
    expect(nobody.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["recipients", "Choose who gets the message"]]);
  });
});
