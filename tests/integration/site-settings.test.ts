// The study's settings: the most collaborators per site and the cases a site
// needs for its collaborators to be cited. Set by the project's leads alone,
// at the stages where they mean something, recorded, and never over another
// lead's change unseen.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { decideRequest } from "@/lib/collaborations/site-requests";
import { requestToJoin } from "@/lib/collaborations/participation";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { ProjectStatus } from "@/lib/generated/prisma/enums";
import { getStudySettings, SETTINGS_OPEN_STATUSES, updateStudySettings } from "@/lib/sites/settings";
import { studySettingsSchema } from "@/lib/validation/sites";
import { createCollaboration, createProject, createProjectSite, createUser, reportProgress } from "../support/factories";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf, siteScenario } from "../support/sites";

async function scenario(projectStatus: ProjectStatus = "DATA_COLLECTION") {
  const base = await siteScenario({ projectStatus });
  const coLead = asActor(await createUser({ name: "Priya Shah" }));
  await db.projectLead.create({ data: { projectId: base.project.id, userId: coLead.id, role: "CO_LEAD" } });
  const outsider = asActor(await createUser({ name: "Una Related" }));
  const otherProjectLead = asActor(await createUser({ name: "Olu Other" }));
  await createProject({ leadId: otherProjectLead.id });
  return { ...base, coLead, outsider, otherProjectLead };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

/** The form as a person sends it, parsed as the action parses it. */
const form = (projectId: string, values: { teamCap?: string; minimumCitableCases?: string; loadedTeamCap?: string; loadedMinimumCitableCases?: string }) =>
  studySettingsSchema.parse({ projectId, teamCap: "", minimumCitableCases: "", loadedTeamCap: "", loadedMinimumCitableCases: "", ...values });

const settingsOf = async (projectId: string) =>
  db.project.findUniqueOrThrow({ where: { id: projectId }, select: { teamCap: true, minimumCitableCases: true } });

async function snapshot() {
  const [projects, audits] = await Promise.all([
    db.project.findMany({ orderBy: { id: "asc" }, select: { id: true, teamCap: true, minimumCitableCases: true, status: true, version: true } }),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ projects, audits });
}

describe("saving the study's settings", () => {
  it("stores both rules, records who changed them from what to what, and shows them", async () => {
    const s = await scenario();
    const saved = await updateStudySettings(s.lead, form(s.project.id, { teamCap: "3", minimumCitableCases: "10" }));
    expect(saved).toEqual({ changed: true, settings: { teamCap: 3, minimumCitableCases: 10 }, aboveCap: [] });
    expect(await settingsOf(s.project.id)).toEqual({ teamCap: 3, minimumCitableCases: 10 });
    const events = await db.auditEvent.findMany({ where: { entityId: s.project.id }, select: { actorId: true, action: true, entityType: true, before: true, after: true } });
    expect(events).toEqual([
      {
        actorId: s.lead.id,
        action: "project.settingsChanged",
        entityType: "Project",
        before: { teamCap: null, minimumCitableCases: null },
        after: { teamCap: 3, minimumCitableCases: 10 },
      },
    ]);
    expect((await getStudySettings(s.lead, s.project.slug)).settings).toEqual({ teamCap: 3, minimumCitableCases: 10 });
    // Both sites' leads and the other project lead are told; not the lead who made the change.
    const told = await db.notification.findMany({ where: { projectId: s.project.id, kind: "project.settingsChanged" }, select: { userId: true, message: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([s.siteLead.id, s.otherSiteLead.id, s.coLead.id].sort());
    expect(told[0]!.message).toBe(`The leads of ${s.project.title} changed its rules: now at most 3 collaborators a site, citable from 10 cases.`);

    // A co-lead clears the cap: an empty field is "no limit".
    await updateStudySettings(s.coLead, form(s.project.id, { teamCap: " ", minimumCitableCases: "10", loadedTeamCap: "3", loadedMinimumCitableCases: "10" }));
    expect(await settingsOf(s.project.id)).toEqual({ teamCap: null, minimumCitableCases: 10 });
    const last = await db.auditEvent.findFirstOrThrow({ where: { entityId: s.project.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ actorId: s.coLead.id, before: { teamCap: 3, minimumCitableCases: 10 }, after: { teamCap: null, minimumCitableCases: 10 } });
  });

  it("writes nothing when nothing changed", async () => {
    const s = await scenario();
    await db.project.update({ where: { id: s.project.id }, data: { teamCap: 4 } });
    const before = await snapshot();
    expect(await updateStudySettings(s.lead, form(s.project.id, { teamCap: "4", loadedTeamCap: "4" }))).toMatchObject({ changed: false });
    expect(await snapshot()).toBe(before);
  });

  it("refuses bad values with a sentence at each field", () => {
    const messages = (values: Record<string, string>) => {
      const result = studySettingsSchema.safeParse({
        projectId: "6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90",
        loadedTeamCap: "",
        loadedMinimumCitableCases: "",
        ...values,
      });
      return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
    };
    expect(messages({ teamCap: "three", minimumCitableCases: "2.5" })).toEqual({
      teamCap: "Enter the most collaborators per site as a whole number, like 3, or leave it empty for no limit",
      minimumCitableCases: "Enter the cases a site must submit as a whole number, like 10, or leave it empty so that everyone is citable",
    });
    expect(messages({ teamCap: "0", minimumCitableCases: "-4" })).toEqual({
      teamCap: "The most collaborators per site must be at least 1, or leave it empty for no limit",
      minimumCitableCases: "The cases a site must submit must be at least 1, or leave it empty so that everyone is citable",
    });
    expect(messages({ teamCap: "51", minimumCitableCases: "10001" })).toEqual({
      teamCap: "The most collaborators per site must be 50 or fewer",
      minimumCitableCases: "The cases a site must submit must be 10,000 or fewer",
    });
    expect(messages({ teamCap: "50", minimumCitableCases: "10000" })).toEqual({});
    expect(messages({ teamCap: "1", minimumCitableCases: "" })).toEqual({});
    expect(messages({ teamCap: "3", minimumCitableCases: "", loadedTeamCap: "x" })).toEqual({
      loadedTeamCap: "This form is out of date. Reload the page and try again.",
    });
  });

  it("refuses to overwrite another lead's change made after the form was loaded, changing nothing", async () => {
    const s = await scenario();
    await updateStudySettings(s.coLead, form(s.project.id, { teamCap: "5" }));
    const before = await snapshot();
    // The lead's form was loaded when there was no cap.
    const error = await refusalOf(updateStudySettings(s.lead, form(s.project.id, { teamCap: "8" })));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toBe(
      "Another lead changed these settings after you opened the page: they are now at most 5 collaborators a site, everyone citable. Your values are still in the form: save again to replace theirs, or reload the page to keep them.",
    );
    expect(await snapshot()).toBe(before);
    expect(await settingsOf(s.project.id)).toEqual({ teamCap: 5, minimumCitableCases: null });
  });

  it("lets one of two leads saving at the same moment through", async () => {
    const s = await scenario();
    const results = await Promise.allSettled([
      updateStudySettings(s.lead, form(s.project.id, { teamCap: "3" })),
      updateStudySettings(s.coLead, form(s.project.id, { teamCap: "6" })),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    expect(await db.auditEvent.count({ where: { entityId: s.project.id, action: "project.settingsChanged" } })).toBe(1);
    expect([3, 6]).toContain((await settingsOf(s.project.id)).teamCap);
  });
});

describe("a cap below a team's size", () => {
  it("is allowed, removes nobody, names the sites above it, and stops them confirming anyone new", async () => {
    const s = await scenario();
    for (let i = 0; i < 3; i++) await createCollaboration({ projectSiteId: s.home.id, userId: (await createUser()).id });
    await createCollaboration({ projectSiteId: s.other.id, userId: (await createUser()).id });
    const saved = await updateStudySettings(s.lead, form(s.project.id, { teamCap: "2" }));
    expect(saved.aboveCap).toEqual([{ hospital: "Addenbrooke's Hospital", odsCode: s.homeHospital.odsCode, collaborators: 3 }]);
    expect(await db.collaboration.count({ where: { projectSiteId: s.home.id, role: "COLLABORATOR", status: "CONFIRMED" } })).toBe(3);
    expect((await getStudySettings(s.lead, s.project.slug)).aboveCap).toEqual(saved.aboveCap);

    const requestId = await requestToJoin(s.member, s.home.id);
    expect(await refusalOf(decideRequest(s.siteLead, requestId, "CONFIRM"))).toMatchObject({
      message: "This site already has 3 collaborators, the most this project allows.",
    });
    expect((await db.collaboration.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("REQUESTED");
  });
});

describe("the minimum of cases to be citable", () => {
  it("is shown with how many sites are below it as things stand", async () => {
    const s = await scenario();
    await reportProgress(s.home.id, s.siteLead.id, 12, new Date("2026-10-01T12:00:00Z"));
    await reportProgress(s.other.id, s.otherSiteLead.id, 4, new Date("2026-10-01T12:00:00Z"));
    await updateStudySettings(s.lead, form(s.project.id, { minimumCitableCases: "10" }));
    expect(await getStudySettings(s.lead, s.project.slug)).toMatchObject({ sites: 2, belowMinimum: 1, settings: { minimumCitableCases: 10 } });
  });
});

describe("the stages at which the settings change", () => {
  it.each(Object.values(ProjectStatus))("in %s", async (status) => {
    const s = await scenario(status);
    const before = await snapshot();
    const page = await getStudySettings(s.lead, s.project.slug).catch((error: unknown) => error);
    const outcome = await updateStudySettings(s.lead, form(s.project.id, { teamCap: "3" })).catch((error: unknown) => error);
    if (SETTINGS_OPEN_STATUSES.includes(status)) {
      expect(page).toMatchObject({ open: true });
      expect(outcome).toMatchObject({ changed: true });
      return;
    }
    if (status === "COMPLETED" || status === "WITHDRAWN") {
      // A project that ran keeps a page showing the rules it ran by, which no longer change.
      expect(page).toMatchObject({ open: false, settings: { teamCap: null } });
      expect(outcome).toBeInstanceOf(DomainError);
      expect((outcome as Error).message).toMatch(/from its approval until data analysis/);
    } else {
      expect(page).toBeInstanceOf(NotFoundError);
      expect(outcome).toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a save if the project moved on after the form was loaded", async () => {
    const s = await scenario("ANALYSIS");
    const input = form(s.project.id, { teamCap: "3" });
    await db.project.update({ where: { id: s.project.id }, data: { status: "COMPLETED" } });
    expect(await refusalOf(updateStudySettings(s.lead, input))).toBeInstanceOf(DomainError);
    expect(await settingsOf(s.project.id)).toEqual({ teamCap: null, minimumCitableCases: null });
  });
});

const PERSONAS = [
  "signed out",
  "unrelated member",
  "another project's lead",
  "site lead of another site",
  "site lead",
  "co-lead",
  "project lead",
  "committee",
  "admin",
] as const;
type Persona = (typeof PERSONAS)[number];
const LEADS: Persona[] = ["co-lead", "project lead"];

function actorOf(persona: Persona, s: Scenario): Actor | null {
  const actors: Record<Persona, Actor | null> = {
    "signed out": null,
    "unrelated member": s.outsider,
    "another project's lead": s.otherProjectLead,
    "site lead of another site": s.otherSiteLead,
    "site lead": s.siteLead,
    "co-lead": s.coLead,
    "project lead": s.lead,
    committee: s.committee,
    admin: s.admin,
  };
  return actors[persona];
}

const ACTIONS: { name: string; attempt: (actor: Actor | null, s: Scenario) => Promise<unknown> }[] = [
  { name: "see the settings page", attempt: (actor, s) => getStudySettings(actor, s.project.slug) },
  { name: "change the settings", attempt: (actor, s) => updateStudySettings(actor, form(s.project.id, { teamCap: "2", minimumCitableCases: "1" })) },
];

describe("who may see and change the settings", () => {
  const rows = ACTIONS.flatMap((action) => PERSONAS.map((persona) => ({ action: action.name, persona, allowed: LEADS.includes(persona) })));
  it.each(rows)("$action by $persona: allowed = $allowed", async ({ action, persona, allowed }) => {
    const s = await scenario();
    const before = await snapshot();
    const outcome = await ACTIONS.find((row) => row.name === action)!
      .attempt(actorOf(persona, s), s)
      .then(() => "done", (error: unknown) => error);
    if (allowed) {
      expect(outcome).toBe("done");
      return;
    }
    // Another project's lead uses this project's slug and id: their lead role there counts for nothing here.
    expect(outcome).toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toBe(before);
  });

  it("answers a made-up or malformed project as not found", async () => {
    const s = await scenario();
    expect(await refusalOf(getStudySettings(s.lead, "no-such-project"))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(updateStudySettings(s.lead, { ...form(s.project.id, {}), projectId: "00000000-0000-4000-8000-000000000000" }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(updateStudySettings(s.lead, { ...form(s.project.id, {}), projectId: "not-a-uuid" }))).toBeInstanceOf(NotFoundError);
  });
});

describe("the settings page's statements", () => {
  it("do not grow with the number of sites, teams or reports", async () => {
    const s = await scenario();
    await updateStudySettings(s.lead, form(s.project.id, { teamCap: "1", minimumCitableCases: "5" }));
    const measure = async () => (await countStatements(() => getStudySettings(s.lead, s.project.slug))).statements;
    const small = await measure();
    for (let i = 0; i < 10; i++) {
      const site = await createProjectSite({ projectId: s.project.id });
      for (let j = 0; j < 2; j++) await createCollaboration({ projectSiteId: site.id, userId: (await createUser()).id });
      await reportProgress(site.id, s.lead.id, i, new Date(`2026-10-${String(i + 1).padStart(2, "0")}T12:00:00Z`));
    }
    expect((await getStudySettings(s.lead, s.project.slug)).aboveCap).toHaveLength(10);
    expect(await measure()).toBe(small);
    expect(small).toBeLessThanOrEqual(2);
  });
});
