// The public pages' data served from the process's cache (lib/cache): each kind of write changes
// what the next visitor sees at once, through the database's notifications; a write that is
// rolled back, or that the public pages do not show, leaves the cached pages as they were; and a
// page served from the cache sends no statement. Each write is followed by what the action
// wrapper (lib/form-action.ts) does after every action: catching up with its own writes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catchUpWithOwnWrites, hearEverythingCommitted, startPublicCacheListener, stopPublicCacheListener } from "@/lib/cache/listener";
import { cachedCollaborativeCounts, cachedOutputsOfPublicProject, cachedPublicProject, cachedSearchOutputs, cachedSearchPublicProjects } from "@/lib/cache/public";
import { publicCache } from "@/lib/cache/store";
import { leaveProject } from "@/lib/collaborations/participation";
import { db } from "@/lib/db";
import { recordOutput } from "@/lib/outputs/outputs";
import { openToSites } from "@/lib/projects/lifecycle";
import { recordProgress } from "@/lib/sites/progress";
import { registerSite } from "@/lib/sites/register";
import { getNationalView } from "@/lib/sites/national";
import { moveSite } from "@/lib/sites/status";
import { outputSearchSchema, recordOutputSchema } from "@/lib/validation/outputs";
import { projectSearchSchema } from "@/lib/validation/projects";
import { nationalSearchSchema, recordProgressSchema } from "@/lib/validation/sites";
import { createCollaboration, createSite, createUser } from "../support/factories";
import { createProposalIn } from "../support/proposals";
import { countStatements } from "../support/query-count";
import { asActor, siteScenario } from "../support/sites";

const everyProject = () => cachedSearchPublicProjects(projectSearchSchema.parse({}));
const projectsNamed = (q: string) => cachedSearchPublicProjects(projectSearchSchema.parse({ q }));
const everyOutput = () => cachedSearchOutputs(outputSearchSchema.parse({}));
const today = () => new Date().toISOString().slice(0, 10);

/** What a visitor sees of a project on its page, of the projects list and of the collaborative: all cached. */
async function visitorSees(slug: string) {
  const [page, outputs, list, counts] = await Promise.all([cachedPublicProject(slug), cachedOutputsOfPublicProject(slug), everyProject(), cachedCollaborativeCounts()]);
  return {
    page: page && { hospitals: page.sites.map((site) => `${site.name} ${site.status}`), cases: page.totalCases },
    outputs: outputs.map((output) => output.title),
    listed: list.total,
    counts,
  };
}

/** The project's card in the list, found by its title (a search with text is never cached). */
async function cardOf(slug: string, title: string) {
  return (await projectsNamed(title)).items.find((card) => card.slug === slug)?.siteCount ?? null;
}

/** Reads twice: the second read must come from the cache, sending no statement. */
async function cachedView(slug: string) {
  // The set-up's own writes are heard first, or their notifications could empty the cache between the reads.
  await hearEverythingCommitted();
  const first = await visitorSees(slug);
  const { result: again, statements } = await countStatements(() => visitorSees(slug));
  expect(statements).toBe(0);
  expect(again).toEqual(first);
  return first;
}

/** As the action wrapper does after every action. */
async function written<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await catchUpWithOwnWrites();
  return result;
}

beforeAll(async () => {
  await startPublicCacheListener();
  expect(publicCache().isActive).toBe(true);
});

afterAll(async () => {
  await stopPublicCacheListener();
});

describe("the public pages served from the cache", () => {
  it("send no statement once cached, and give every reader the same frozen answer", async () => {
    const s = await siteScenario();
    await cachedView(s.project.slug);
    await everyProject();
    await hearEverythingCommitted();
    const { result: list, statements } = await countStatements(everyProject);
    expect(statements).toBe(0);
    expect(() => {
      (list.items as unknown[]).push({});
    }).toThrow();
  });

  it("show a project approved and opened to hospitals at once: its page, the list and the home figures", async () => {
    const lead = await createUser({ name: "Grace Lead" });
    const title = `Cache approval audit ${randomUUID().slice(0, 6)}`;
    const project = await createProposalIn("APPROVED", { leadId: lead.id, title });
    // Its page cannot be cached yet (an address with no public project is never kept); the list and figures are.
    await hearEverythingCommitted();
    const before = await visitorSees(project.slug);
    expect(before.page).toBeNull();
    expect(await cardOf(project.slug, title)).toBeNull();

    await written(openToSites(asActor(lead), project.id));

    const after = await visitorSees(project.slug);
    expect(after.page).toEqual({ hospitals: [], cases: 0 });
    expect(await cardOf(project.slug, title)).toBe(0);
    expect(after.counts.projects).toBe(before.counts.projects + 1);
    expect(after.listed).toBe(before.listed + 1);
  });

  it("show a hospital registered at once: the project's page, its card's count and the hospitals taking part", async () => {
    const s = await siteScenario();
    const hospital = await createSite({ name: "Royal Cache Infirmary" });
    const member = asActor(await createUser({ name: "Rhys Register", siteId: hospital.id }));
    const before = await cachedView(s.project.slug);
    expect(await cardOf(s.project.slug, s.project.title)).toBe(2);

    await written(registerSite(member, { projectId: s.project.id, siteId: hospital.id }));

    const after = await visitorSees(s.project.slug);
    expect(after.page?.hospitals).toContain("Royal Cache Infirmary REGISTERED");
    expect(await cardOf(s.project.slug, s.project.title)).toBe(3);
    expect(after.counts.hospitals).toBe(before.counts.hospitals + 1);
  });

  it("show cases recorded at once: the project's total and the collaborative's", async () => {
    const s = await siteScenario();
    const before = await cachedView(s.project.slug);

    await written(recordProgress(s.siteLead, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "17", reportedOn: today() })));

    const after = await visitorSees(s.project.slug);
    expect(after.page?.cases).toBe(before.page!.cases + 17);
    expect(after.counts.cases).toBe(before.counts.cases + 17);
  });

  it("show a hospital withdrawn at once: gone from the project's page, its card and the figures", async () => {
    const s = await siteScenario();
    const before = await cachedView(s.project.slug);
    expect(before.page?.hospitals).toContain("Ipswich Hospital ACTIVE");

    await written(moveSite(s.otherSiteLead, s.other.id, "withdraw"));

    const after = await visitorSees(s.project.slug);
    expect(after.page?.hospitals).toEqual(["Addenbrooke's Hospital ACTIVE"]);
    expect(await cardOf(s.project.slug, s.project.title)).toBe(1);
    expect(after.counts.hospitals).toBe(before.counts.hospitals - 1);
  });

  it("keep serving the cached pages when a collaborator leaves, which no public page shows", async () => {
    const s = await siteScenario();
    const collaborator = await createCollaboration({ projectSiteId: s.home.id, userId: s.member.id });
    const before = await cachedView(s.project.slug);

    await written(leaveProject(s.member, collaborator.id));

    expect((await db.collaboration.findUniqueOrThrow({ where: { id: collaborator.id } })).status).toBe("LEFT");
    const { result: after, statements } = await countStatements(() => visitorSees(s.project.slug));
    expect(statements).toBe(0);
    expect(after).toEqual(before);
  });

  it("show an output recorded at once: on the project's page and in the outputs list", async () => {
    const s = await siteScenario();
    await cachedView(s.project.slug);
    const listBefore = await everyOutput();
    const title = `Yield of cached CTPA ${randomUUID().slice(0, 6)}`;

    await written(
      recordOutput(
        s.lead,
        recordOutputSchema.parse({ projectId: s.project.id, kind: "POSTER", title, venue: "UKIO", date: { day: "2", month: "6", year: "2026" }, doi: "", pmid: "", authorListId: "" }),
      ),
    );

    expect((await visitorSees(s.project.slug)).outputs).toContain(title);
    const listAfter = await everyOutput();
    expect(listAfter.matching).toBe(listBefore.matching + 1);
    expect(listAfter.items.map((output) => output.title)).toContain(title);
  });

  it("show a lead's new name at once on the pages of the projects they lead", async () => {
    const s = await siteScenario();
    const page = async () => (await cachedPublicProject(s.project.slug))?.leads;
    expect(await page()).toEqual(["Tom Okafor"]);

    await written(db.user.update({ where: { id: s.lead.id }, data: { name: "Tom Okafor-Reid" } }));

    expect(await page()).toEqual(["Tom Okafor-Reid"]);
  });

  it("change nothing when a write is rolled back", async () => {
    const s = await siteScenario();
    const before = await cachedView(s.project.slug);

    await expect(
      written(
        db.$transaction(async (tx) => {
          await tx.progressReport.create({ data: { projectSiteId: s.home.id, reportedById: s.siteLead.id, cumulativeCases: 99, reportedAt: new Date() } });
          await tx.projectSite.update({ where: { id: s.other.id }, data: { status: "WITHDRAWN" } });
          throw new Error("changed my mind");
        }),
      ),
    ).rejects.toThrow("changed my mind");
    await catchUpWithOwnWrites();

    const { result: after, statements } = await countStatements(() => visitorSees(s.project.slug));
    expect(statements).toBe(0);
    expect(after).toEqual(before);
  });

  it("go to the database for every read while the process cannot hear writes", async () => {
    const s = await siteScenario();
    await cachedView(s.project.slug);
    await stopPublicCacheListener();
    try {
      const { statements } = await countStatements(() => visitorSees(s.project.slug));
      expect(statements).toBeGreaterThan(0);
      await recordProgress(s.siteLead, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "5", reportedOn: today() }));
      expect((await visitorSees(s.project.slug)).page?.cases).toBe(5);
    } finally {
      await startPublicCacheListener();
    }
  });
  it("keep the home figures cached while visitors ask for hundreds of addresses no public project has", async () => {
    await hearEverythingCommitted();
    await cachedCollaborativeCounts();
    for (let index = 0; index < 600; index++) {
      const slug = `no-such-project-${index}`;
      expect(await cachedPublicProject(slug)).toBeNull();
      expect(await cachedOutputsOfPublicProject(slug)).toEqual([]);
    }
    for (let page = 6; page < 20; page++) await cachedSearchPublicProjects(projectSearchSchema.parse({ page }));
    for (let index = 0; index < 20; index++) await projectsNamed(`nothing like ${index}`);

    const { statements } = await countStatements(cachedCollaborativeCounts);
    expect(statements).toBe(0);
  });

  it("keep one copy of the projects list's last page however far past it a visitor asks", async () => {
    await hearEverythingCommitted();
    const last = await cachedSearchPublicProjects(projectSearchSchema.parse({ page: 5 }));
    const { statements } = await countStatements(() => cachedSearchPublicProjects(projectSearchSchema.parse({ page: last.page })));
    expect(statements).toBe(0);
  });

  it("show a project's new lead at once when a lead's place is handed to another member", async () => {
    const s = await siteScenario();
    const successor = await createUser({ name: "Una Successor" });
    const page = async () => (await cachedPublicProject(s.project.slug))?.leads;
    await hearEverythingCommitted();
    expect(await page()).toEqual(["Tom Okafor"]);

    await written(db.projectLead.update({ where: { projectId_userId: { projectId: s.project.id, userId: s.lead.id } }, data: { userId: successor.id } }));

    expect(await page()).toEqual(["Una Successor"]);
  });

  it("stay bypassed while one of the database's triggers is missing", async () => {
    const s = await siteScenario();
    await stopPublicCacheListener();
    await db.$executeRawUnsafe(`DROP TRIGGER radiant_public_cache_update ON "ProjectLead"`);
    try {
      await startPublicCacheListener();
      expect(publicCache().isActive).toBe(false);
      await visitorSees(s.project.slug);
      const { statements } = await countStatements(() => visitorSees(s.project.slug));
      expect(statements).toBeGreaterThan(0);
    } finally {
      await stopPublicCacheListener();
      await db.$executeRawUnsafe(
        `CREATE TRIGGER radiant_public_cache_update AFTER UPDATE ON "ProjectLead" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION radiant_public_cache_project_lead()`,
      );
      await startPublicCacheListener();
    }
    expect(publicCache().isActive).toBe(true);
  });
  it("accept a write to every column the database's triggers watch, so that renaming one breaks here first", async () => {
    await siteScenario();
    // The columns each trigger of prisma/migrations/*_public_cache_notifications compares.
    const watched: Record<string, string[]> = {
      Project: ["slug", "title", "summary", "aims", "design", "modalities", "status", "collectionStart", "collectionEnd", "targetCasesPerSite"],
      ProjectSite: ["projectId", "siteId", "status", "caseTarget"],
      ProgressReport: ["projectSiteId", "cumulativeCases", "reportedAt"],
      ProjectLead: ["projectId", "userId", "role"],
      User: ["name"],
      Site: ["name", "city", "deaneryId"],
      Deanery: ["name"],
      ProjectOutput: ["projectId", "kind", "title", "venue", "date", "doi", "pmid"],
    };
    const updated = await db.$transaction(async (tx) => {
      const tables: string[] = [];
      for (const [table, columns] of Object.entries(watched)) {
        await tx.$executeRawUnsafe(`UPDATE "${table}" SET ${columns.map((column) => `"${column}" = "${column}"`).join(", ")}`);
        tables.push(table);
      }
      return tables;
    });
    expect(updated).toEqual(Object.keys(watched));
  });
});

describe("the national view's series, kept for those who may see it", () => {
  it("is read once for its viewers, shows cases recorded at once, and is never kept from a read by someone who may not see it", async () => {
    const s = await siteScenario();
    const view = (actor: typeof s.lead) => countStatements(() => getNationalView(actor, s.project.slug, nationalSearchSchema.parse({})));
    await written(recordProgress(s.siteLead, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "12", reportedOn: today() })));

    // A member who leads nothing is refused; the series their read found (nothing) is not kept.
    await expect(getNationalView(s.member, s.project.slug, nationalSearchSchema.parse({}))).rejects.toThrow();
    const first = await view(s.lead);
    expect(first.statements).toBe(3);
    expect(first.result.series.at(-1)?.cases).toBe(12);

    // Kept: the committee, who may see it too, are answered without the series' statement.
    const again = await view(s.committee);
    expect(again.statements).toBe(2);
    expect(again.result.series).toEqual(first.result.series);

    await written(recordProgress(s.siteLead, recordProgressSchema.parse({ projectSiteId: s.home.id, cumulativeCases: "30", reportedOn: today() })));

    const after = await view(s.lead);
    expect(after.statements).toBe(3);
    expect(after.result.series.at(-1)?.cases).toBe(30);
    expect(after.result.totals.cases).toBe(30);
  });
});
