// The governance checklist (docs/decisions/034): what each route asks, who may record, check and
// send back each item, and that a site starts collecting only once every item is checked. Every
// refusal must change nothing at all.
import { checkSiteItemSchema } from "@/lib/validation/governance";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { startCollection } from "@/lib/projects/lifecycle";
import {
  checkAllSiteItems,
  checkSiteItem,
  getSiteGovernance,
  recordProjectItem,
  recordSiteItem,
  sendBackSiteItem,
  siteChecklist,
  projectChecklist,
  whyNotReady,
} from "@/lib/sites/governance";
import { loadProjectSite } from "@/lib/sites/facts";
import { getNationalView } from "@/lib/sites/national";
import { moveSite } from "@/lib/sites/status";
import { recordProjectItemSchema, recordSiteItemSchema, sendBackSiteItemSchema } from "@/lib/validation/governance";
import { nationalSearchSchema } from "@/lib/validation/sites";
import { seedChecklist, seedProjectItems } from "../support/governance";
import { hostileString } from "../support/hostile";
import { countStatements } from "../support/query-count";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { asActor, auditActions, refusalOf, siteScenario } from "../support/sites";

const today = () => new Date().toISOString().slice(0, 10);
const C_AND_C = "CAPACITY_AND_CAPABILITY" as const;

const siteItem = (projectSiteId: string, reference = "RD-2026-118", kind: string = C_AND_C) =>
  recordSiteItemSchema.parse({ projectSiteId, kind, reference, date: "2026-08-01" });
const projectItem = (projectId: string, kind: "IRAS_NUMBER" | "REC_REFERENCE", reference: string) =>
  recordProjectItemSchema.parse({ projectId, kind, reference, date: "2026-07-01" });

/**
 * A research project (HRA/REC route) with two sites, one person in every role, and a second
 * project with a site of its own (for ids sent from elsewhere).
 */
async function scenario(options: { projectStatus?: "SITE_SETUP" | "DATA_COLLECTION" } = {}) {
  const base = await siteScenario({ projectStatus: options.projectStatus ?? "DATA_COLLECTION", homeStatus: "APPROVALS_PENDING", approved: false });
  await db.project.update({ where: { id: base.project.id }, data: { governanceRoute: "RESEARCH_ETHICS" } });
  const coLead = asActor(await createUser({ name: "Cleo Colead" }));
  await db.projectLead.create({ data: { projectId: base.project.id, userId: coLead.id, role: "CO_LEAD" } });
  const collaborator = asActor(await createUser({ name: "Cara Collins", siteId: base.homeHospital.id }));
  await createCollaboration({ projectSiteId: base.home.id, userId: collaborator.id });
  const observer = asActor(await createUser({ name: "Dr Olive Observer" }));
  await db.siteObserver.create({ data: { projectSiteId: base.home.id, userId: observer.id } });
  const elsewhereLead = asActor(await createUser({ name: "Elsa Where" }));
  const elsewhere = await createProject({ leadId: elsewhereLead.id, status: "DATA_COLLECTION" });
  const elsewhereSite = await createProjectSite({ projectId: elsewhere.id, siteId: (await createSite()).id, status: "APPROVALS_PENDING" });
  return { ...base, coLead, collaborator, observer, elsewhere, elsewhereSite, elsewhereLead };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

const PERSONAS = [
  "visitor",
  "member",
  "collaborator",
  "site lead",
  "another site's lead",
  "project lead",
  "co-lead",
  "observer",
  "committee",
  "admin",
] as const;
type Persona = (typeof PERSONAS)[number];

function actorOf(persona: Persona, s: Scenario): Actor | null {
  const actors: Record<Persona, Actor | null> = {
    visitor: null,
    member: s.member,
    collaborator: s.collaborator,
    "site lead": s.siteLead,
    "another site's lead": s.otherSiteLead,
    "project lead": s.lead,
    "co-lead": s.coLead,
    observer: s.observer,
    committee: s.committee,
    admin: s.admin,
  };
  return actors[persona];
}

async function snapshot() {
  const [siteItems, projectItems, sites, notifications, audits] = await Promise.all([
    db.siteGovernanceItem.findMany({ orderBy: [{ projectSiteId: "asc" }, { kind: "asc" }] }),
    db.projectGovernanceItem.findMany({ orderBy: [{ projectId: "asc" }, { kind: "asc" }] }),
    db.projectSite.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, leadApprovedAt: true } }),
    db.notification.count(),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ siteItems, projectItems, sites, notifications, audits });
}

const LEADS: Persona[] = ["project lead", "co-lead"];
const ACTIONS: { name: string; allowed: Persona[]; setUp?: (s: Scenario) => Promise<void>; attempt: (actor: Actor | null, s: Scenario) => Promise<unknown> }[] = [
  { name: "record the site's item", allowed: ["site lead"], attempt: (actor, s) => recordSiteItem(actor, siteItem(s.home.id, "HACK-1")) },
  {
    name: "check the site's item",
    allowed: LEADS,
    setUp: (s) => seedChecklist(s.home.id, { route: "RESEARCH_ETHICS", state: "RECORDED", recordedById: s.siteLead.id }),
    attempt: (actor, s) => checkSiteItem(actor, { projectSiteId: s.home.id, kind: C_AND_C }),
  },
  {
    name: "send the site's item back",
    allowed: LEADS,
    setUp: (s) => seedChecklist(s.home.id, { route: "RESEARCH_ETHICS", state: "RECORDED", recordedById: s.siteLead.id }),
    attempt: (actor, s) => sendBackSiteItem(actor, sendBackSiteItemSchema.parse({ projectSiteId: s.home.id, kind: C_AND_C, reason: "Not the letter" })),
  },
  { name: "record the project's IRAS number", allowed: LEADS, attempt: (actor, s) => recordProjectItem(actor, projectItem(s.project.id, "IRAS_NUMBER", "1234567")) },
  { name: "see the site's checklist", allowed: ["site lead", "project lead", "co-lead", "observer", "committee", "admin"], attempt: async (actor, s) => getSiteGovernance(actor, await loadProjectSite(s.home.id)) },
];

const rows = ACTIONS.flatMap((action) => PERSONAS.map((persona) => ({ action: action.name, persona, allowed: action.allowed.includes(persona) })));

describe("the governance checklist: who may do what", () => {
  it.each(rows)("$action by $persona: allowed = $allowed", async ({ action, persona, allowed }) => {
    const s = await scenario();
    const row = ACTIONS.find((entry) => entry.name === action)!;
    await row.setUp?.(s);
    const before = await snapshot();
    const outcome = await row.attempt(actorOf(persona, s), s).then(
      () => "done",
      (error: unknown) => error,
    );
    if (allowed) {
      expect(outcome).toBe("done");
      return;
    }
    expect(outcome).toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toBe(before);
  });
});

describe("ids sent from elsewhere", () => {
  it("refuses a site of another project, another site's item, an item the route does not ask, and ids that name nothing", async () => {
    const s = await scenario();
    await seedChecklist(s.elsewhereSite.id, { state: "RECORDED" });
    await seedChecklist(s.other.id, { route: "RESEARCH_ETHICS", state: "RECORDED", recordedById: s.otherSiteLead.id });
    const before = await snapshot();
    // This project's lead, with another project's site in the form.
    expect(await refusalOf(checkSiteItem(s.lead, { projectSiteId: s.elsewhereSite.id, kind: "LOCAL_AUDIT_REGISTRATION" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(sendBackSiteItem(s.lead, { projectSiteId: s.elsewhereSite.id, kind: "CALDICOTT_APPROVAL", reason: "x" }))).toBeInstanceOf(ForbiddenError);
    // This site's lead, with another site's id (of this project, and of another).
    expect(await refusalOf(recordSiteItem(s.siteLead, siteItem(s.other.id)))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(recordSiteItem(s.siteLead, siteItem(s.elsewhereSite.id, "X", "LOCAL_AUDIT_REGISTRATION")))).toBeInstanceOf(ForbiddenError);
    // The other project's lead, with this project's ids.
    expect(await refusalOf(checkSiteItem(s.elsewhereLead, { projectSiteId: s.other.id, kind: C_AND_C }))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(recordProjectItem(s.elsewhereLead, projectItem(s.project.id, "IRAS_NUMBER", "7654321")))).toBeInstanceOf(ForbiddenError);
    // An item this project's route does not ask: of a site, or of a project registered locally.
    expect(await refusalOf(recordSiteItem(s.siteLead, siteItem(s.home.id, "AUD-1", "LOCAL_AUDIT_REGISTRATION")))).toMatchObject({ field: "kind" });
    expect(await refusalOf(checkSiteItem(s.lead, { projectSiteId: s.other.id, kind: "CALDICOTT_APPROVAL" }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(recordProjectItem(s.elsewhereLead, projectItem(s.elsewhere.id, "IRAS_NUMBER", "1234567")))).toMatchObject({ field: "kind" });
    // An item not recorded yet, a site and a project that do not exist.
    expect(await refusalOf(checkSiteItem(s.lead, { projectSiteId: s.home.id, kind: C_AND_C }))).toBeInstanceOf(DomainError);
    expect(await refusalOf(checkSiteItem(s.lead, { projectSiteId: "00000000-0000-4000-8000-000000000000", kind: C_AND_C }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(recordProjectItem(s.lead, projectItem("00000000-0000-4000-8000-000000000000", "IRAS_NUMBER", "1234567")))).toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toBe(before);
  });
});

describe("the checklist of each route", () => {
  it("asks a local audit registration and a Caldicott approval of each site of a clinical audit, and nothing of the project", () => {
    const items = siteChecklist("LOCAL_REGISTRATION", []);
    expect(items.map((item) => [item.kind, item.label, item.state])).toEqual([
      ["LOCAL_AUDIT_REGISTRATION", "Local audit registration", "MISSING"],
      ["CALDICOTT_APPROVAL", "Caldicott approval", "MISSING"],
    ]);
    expect(items[0]!.hint).toMatch(/number your clinical audit department gave the project at this hospital/);
    expect(projectChecklist("LOCAL_REGISTRATION", [])).toEqual([]);
    // A project from before the route existed reads as registered locally.
    expect(siteChecklist(null, []).map((item) => item.kind)).toEqual(["LOCAL_AUDIT_REGISTRATION", "CALDICOTT_APPROVAL"]);
  });

  it("asks capacity and capability of each site of a research study, and the IRAS number and REC reference once of the project", () => {
    const recorded = { reference: "R", date: new Date("2026-08-01"), recordedAt: new Date("2026-08-02") };
    // An item of the other route, kept from before a change of route, is not on the checklist.
    const items = siteChecklist("RESEARCH_ETHICS", [{ kind: "LOCAL_AUDIT_REGISTRATION", ...recorded, state: "CHECKED" }]);
    expect(items.map((item) => [item.kind, item.state])).toEqual([[C_AND_C, "MISSING"]]);
    const project = projectChecklist("RESEARCH_ETHICS", [{ kind: "IRAS_NUMBER", ...recorded }]);
    expect(project.map((item) => [item.kind, item.state])).toEqual([
      ["IRAS_NUMBER", "CHECKED"],
      ["REC_REFERENCE", "MISSING"],
    ]);
    expect(whyNotReady(items, project)).toEqual([
      "The project's REC reference is not recorded yet: the project lead records it.",
      "The site's confirmation of capacity and capability is not recorded yet.",
    ]);
  });

  it("checks the IRAS number and the REC reference by their format, with an example", () => {
    const projectId = "00000000-0000-4000-8000-000000000000";
    const message = (kind: string, reference: string) =>
      recordProjectItemSchema.safeParse({ projectId, kind, reference, date: "2026-07-01" }).error?.issues[0]?.message;
    expect(message("IRAS_NUMBER", "12345")).toBe("Enter the IRAS number as 6 or 7 digits, such as 1234567");
    expect(message("IRAS_NUMBER", "IRAS 123456")).toBe("Enter the IRAS number as 6 or 7 digits, such as 1234567");
    expect(message("REC_REFERENCE", "LO/23/1234")).toBe("Enter the REC reference as year, committee and number, such as 23/LO/1234");
    expect(message("IRAS_NUMBER", "1234567")).toBeUndefined();
    // Spaces around the parts and lower case are forgiven, and stored as written officially.
    expect(recordProjectItemSchema.parse({ projectId, kind: "REC_REFERENCE", reference: " 23 / lo / 1234 ", date: "2026-07-01" }).reference).toBe("23/LO/1234");
    expect(recordProjectItemSchema.parse({ projectId, kind: "IRAS_NUMBER", reference: "123456", date: "2026-07-01" }).reference).toBe("123456");
  });
});

describe("a research site's way to collecting data", () => {
  it("cannot start until its item is recorded and checked and the project's own items are recorded", async () => {
    const s = await scenario();
    const notYet = async () => (await refusalOf(moveSite(s.siteLead, s.home.id, "activate"))) as Error;
    expect((await notYet()).message).toMatch(/capacity and capability is not recorded yet/);
    expect((await notYet()).message).toMatch(/IRAS number is not recorded yet/);

    await recordSiteItem(s.siteLead, siteItem(s.home.id));
    expect((await notYet()).message).toMatch(/waiting for the project lead to check it/);
    await recordProjectItem(s.lead, projectItem(s.project.id, "IRAS_NUMBER", "1234567"));
    await recordProjectItem(s.coLead, projectItem(s.project.id, "REC_REFERENCE", "26/LO/0412"));
    const page = await getSiteGovernance(s.siteLead, await loadProjectSite(s.home.id));
    expect(page.notReady).toEqual(["The site's confirmation of capacity and capability is waiting for the project lead to check it."]);

    // Sent back with its reason: the site lead is told, and it still cannot start.
    await sendBackSiteItem(s.lead, sendBackSiteItemSchema.parse({ projectSiteId: s.home.id, kind: C_AND_C, reason: "This is the acknowledgement, not the confirmation." }));
    expect((await notYet()).message).toMatch(/sent back the site's confirmation of capacity and capability/);
    const told = await db.notification.findFirstOrThrow({ where: { userId: s.siteLead.id, kind: "site.governanceSentBack" } });
    expect(told.message).toMatch(/This is the acknowledgement, not the confirmation\.$/);
    expect(await refusalOf(checkSiteItem(s.lead, { projectSiteId: s.home.id, kind: C_AND_C }))).toMatchObject({ message: expect.stringMatching(/records it again/) });

    await recordSiteItem(s.siteLead, siteItem(s.home.id, "RD-2026-119"));
    const checked = await checkSiteItem(s.coLead, { projectSiteId: s.home.id, kind: C_AND_C });
    expect(checked).toMatchObject({ alreadyChecked: false, complete: true });
    // Checking the last item is the lead's approval of the site, and its leads are told.
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: s.home.id } })).leadApprovedById).toBe(s.coLead.id);
    expect(await db.notification.count({ where: { userId: s.siteLead.id, kind: "site.approved" } })).toBe(1);
    expect(await checkSiteItem(s.lead, { projectSiteId: s.home.id, kind: C_AND_C })).toMatchObject({ alreadyChecked: true });

    expect(await moveSite(s.siteLead, s.home.id, "activate")).toMatchObject({ from: "APPROVALS_PENDING", to: "ACTIVE" });
    const item = await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } });
    expect(item).toMatchObject({ reference: "RD-2026-119", state: "CHECKED", recordedById: s.siteLead.id, checkedById: s.coLead.id, sentBackReason: null });
    expect(await auditActions(s.home.id)).toEqual([
      "site.governanceRecorded",
      "site.governanceSentBack",
      "site.governanceRecorded",
      "site.governanceChecked",
      "site.approved",
      "site.activate",
    ]);
  });

  it("goes back to the lead's check when an item is recorded again after it was checked", async () => {
    const s = await scenario();
    await seedProjectItems(s.project.id);
    await recordSiteItem(s.siteLead, siteItem(s.home.id));
    await checkSiteItem(s.lead, { projectSiteId: s.home.id, kind: C_AND_C });
    await recordSiteItem(s.siteLead, siteItem(s.home.id, "RD-2026-200"));
    const item = await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } });
    expect(item).toMatchObject({ reference: "RD-2026-200", state: "RECORDED", checkedById: null, checkedAt: null });
    expect(await refusalOf(moveSite(s.siteLead, s.home.id, "activate"))).toMatchObject({ message: expect.stringMatching(/waiting for the project lead to check it/) });
    // The national view lists it among the sites waiting for a check, though the lead approved it once;
    // the other site waits for its lead's approval with nothing recorded.
    const national = await getNationalView(s.lead, s.project.slug, nationalSearchSchema.parse({}));
    expect(national.awaitingApproval.rows.map((row) => [row.hospital, row.checklist, row.leadApprovedAt !== null])).toEqual([
      ["Addenbrooke's Hospital", { required: 1, checked: 0, waiting: 1, sentBack: 0 }, true],
      ["Ipswich Hospital", { required: 1, checked: 0, waiting: 0, sentBack: 0 }, false],
    ]);
  });

  it("leaves a project lead who leads the site too to another lead for checking what they recorded", async () => {
    const s = await scenario();
    await seedProjectItems(s.project.id);
    await createCollaboration({ projectSiteId: s.home.id, userId: s.lead.id, role: "SITE_LEAD" });
    await recordSiteItem(s.lead, siteItem(s.home.id, "RD-2026-300"));
    const message = "You recorded this item yourself as the site's lead: another lead of the project checks it.";
    expect(await refusalOf(checkSiteItem(s.lead, { projectSiteId: s.home.id, kind: C_AND_C }))).toMatchObject({ message });
    expect(await refusalOf(checkAllSiteItems(s.lead, s.home.id))).toMatchObject({ message });
    await checkSiteItem(s.coLead, { projectSiteId: s.home.id, kind: C_AND_C });
    expect(await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } })).toMatchObject({ state: "CHECKED", checkedById: s.coLead.id });
  });

  it("checks only the record the lead saw: one made again meanwhile is not checked unseen", async () => {
    const s = await scenario();
    await seedProjectItems(s.project.id);
    await recordSiteItem(s.siteLead, siteItem(s.home.id, "RD-2026-100"));
    const seen = await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordSiteItem(s.siteLead, siteItem(s.home.id, "RD-2026-999"));
    expect(await refusalOf(checkSiteItem(s.lead, checkSiteItemSchema.parse({ projectSiteId: s.home.id, kind: C_AND_C, recordedAt: seen.recordedAt.toISOString() })))).toMatchObject({
      message: expect.stringContaining("recorded its confirmation of capacity and capability again while you were looking at it"),
    });
    expect(await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } })).toMatchObject({ reference: "RD-2026-999", state: "RECORDED" });
    const now = await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } });
    await checkSiteItem(s.lead, checkSiteItemSchema.parse({ projectSiteId: s.home.id, kind: C_AND_C, recordedAt: now.recordedAt.toISOString() }));
    expect(await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } })).toMatchObject({ state: "CHECKED" });
  });

  it("is refused while the site has finished or the project is not open to sites", async () => {
    const s = await scenario();
    const withdrawn = await createProjectSite({ projectId: s.project.id, status: "WITHDRAWN" });
    await createCollaboration({ projectSiteId: withdrawn.id, userId: s.siteLead.id, role: "SITE_LEAD" });
    expect(await refusalOf(recordSiteItem(s.siteLead, siteItem(withdrawn.id)))).toMatchObject({ message: expect.stringMatching(/finished with the project/) });
    await db.project.update({ where: { id: s.project.id }, data: { status: "ANALYSIS" } });
    expect(await refusalOf(recordSiteItem(s.siteLead, siteItem(s.home.id)))).toBeInstanceOf(DomainError);
    expect(await refusalOf(recordProjectItem(s.lead, projectItem(s.project.id, "IRAS_NUMBER", "1234567")))).toBeInstanceOf(DomainError);
    expect(await db.siteGovernanceItem.count({ where: { projectSiteId: { in: [s.home.id, withdrawn.id] } } })).toBe(0);
  });
});

describe("starting the project's data collection", () => {
  it("needs a site whose checklist is complete and checked, and for research the project's own items", async () => {
    const s = await scenario({ projectStatus: "SITE_SETUP" });
    await db.project.update({ where: { id: s.project.id }, data: { collectionStart: new Date("2026-01-01") } });
    await seedChecklist(s.home.id, { route: "RESEARCH_ETHICS", state: "RECORDED" });
    expect(await refusalOf(startCollection(s.lead, s.project.id))).toMatchObject({ message: expect.stringMatching(/at least one site has its governance checklist complete and checked/) });
    await checkSiteItem(s.lead, { projectSiteId: s.home.id, kind: C_AND_C });
    // Still refused: the IRAS number and REC reference are missing.
    expect(await refusalOf(startCollection(s.lead, s.project.id))).toMatchObject({ message: expect.stringMatching(/IRAS number and REC reference/) });
    expect((await db.project.findUniqueOrThrow({ where: { id: s.project.id } })).status).toBe("SITE_SETUP");
    await seedProjectItems(s.project.id, s.lead.id);
    await startCollection(s.lead, s.project.id);
    expect((await db.project.findUniqueOrThrow({ where: { id: s.project.id } })).status).toBe("DATA_COLLECTION");
  });
});

describe("the checklist's statements", () => {
  it("are the same however many items are recorded", async () => {
    const s = await scenario();
    const count = async () => (await countStatements(async () => getSiteGovernance(s.lead, await loadProjectSite(s.home.id)))).statements;
    const empty = await count();
    await seedProjectItems(s.project.id);
    await seedChecklist(s.home.id, { route: "RESEARCH_ETHICS", state: "SENT_BACK", checkedById: s.lead.id });
    expect(await count()).toBe(empty);
    expect(empty).toBeLessThanOrEqual(2);
  });
});

describe("hostile references", () => {
  it("are stored exactly as accepted, or refused with a sentence and nothing changed", async () => {
    const s = await scenario();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostileString, async (reference) => {
        const parsed = recordSiteItemSchema.safeParse({ projectSiteId: s.home.id, kind: C_AND_C, reference, date: today() });
        if (!parsed.success) {
          expect(parsed.error.issues[0]!.message.length).toBeGreaterThan(5);
          return;
        }
        await recordSiteItem(s.siteLead, parsed.data);
        accepted++;
        const item = await db.siteGovernanceItem.findUniqueOrThrow({ where: { projectSiteId_kind: { projectSiteId: s.home.id, kind: C_AND_C } } });
        expect(item.reference).toBe(parsed.data.reference);
        expect(item.state).toBe("RECORDED");
      }),
      { numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(5);
  });
});
