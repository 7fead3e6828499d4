import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublicProject, progressByRegion, PROJECTS_PAGE_SIZE, PUBLIC_SITES_PAGE_SIZE, publicSitesPage, searchPublicProjects, type PublicProjectSite } from "@/lib/projects/public";
import { collaborativeCounts } from "@/lib/stats/collaborative";
import { projectSearchSchema } from "@/lib/validation/projects";
import { createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { countStatements } from "../support/query-count";

const search = (params: Record<string, string> = {}) => searchPublicProjects(projectSearchSchema.parse(params));

describe("the public list of projects", () => {
  beforeAll(async () => {
    await createProject({ title: "Stroke imaging door-to-scan times", status: "DATA_COLLECTION", design: "AUDIT", modalities: ["CT"] });
    await createProject({ title: "Prostate MRI reporting", status: "SITE_SETUP", design: "COHORT", modalities: ["MRI"] });
    await createProject({ title: "Secret draft about stroke", status: "DRAFT" });
    await createProject({ title: "Stroke proposal under review", status: "IN_REVIEW" });
    await createProject({ title: "Finished ultrasound audit", status: "COMPLETED", modalities: ["ULTRASOUND"] });
  });

  it("shows projects open to sites or collecting data, and never drafts or proposals", async () => {
    const titles = (await search()).items.map((p) => p.title);
    expect(titles).toContain("Stroke imaging door-to-scan times");
    expect(titles).toContain("Prostate MRI reporting");
    expect(titles).not.toContain("Secret draft about stroke");
    expect(titles).not.toContain("Stroke proposal under review");
    expect(titles).not.toContain("Finished ultrasound audit");
  });

  it("searches text in any case and filters by design, modality and status", async () => {
    expect((await search({ q: "STROKE" })).items.map((p) => p.title)).toEqual(["Stroke imaging door-to-scan times"]);
    expect((await search({ design: "COHORT" })).items.map((p) => p.title)).toEqual(["Prostate MRI reporting"]);
    expect((await search({ modality: "MRI" })).items.map((p) => p.title)).toEqual(["Prostate MRI reporting"]);
    expect((await search({ status: "COMPLETED" })).items.map((p) => p.title)).toEqual(["Finished ultrasound audit"]);
  });

  it("pages through many projects without repeating one", async () => {
    const lead = await createUser();
    for (let i = 0; i < PROJECTS_PAGE_SIZE + 3; i++) {
      await createProject({ title: `Paging audit ${String(i).padStart(2, "0")}`, leadId: lead.id, status: "SITE_SETUP" });
    }
    const first = await search({ q: "Paging audit" });
    const second = await search({ q: "Paging audit", page: "2" });
    expect(first.total).toBe(PROJECTS_PAGE_SIZE + 3);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(PROJECTS_PAGE_SIZE);
    expect(second.items).toHaveLength(3);
    const all = [...first.items, ...second.items].map((p) => p.slug);
    expect(new Set(all).size).toBe(all.length);
    // A page past the end shows the last page rather than nothing.
    expect((await search({ q: "Paging audit", page: "99" })).page).toBe(2);
  });
});

describe("a public project page", () => {
  it("shows each hospital's latest cumulative count against its target, and the national total", async () => {
    const project = await createProject({ title: "Trauma CT reporting", status: "DATA_COLLECTION" });
    const lead = await createUser();
    const leeds = await createSite({ name: "Leeds General Infirmary" });
    const york = await createSite({ name: "York Hospital" });
    const leedsSite = await createProjectSite({ projectId: project.id, siteId: leeds.id, caseTarget: 40 });
    await createProjectSite({ projectId: project.id, siteId: york.id, caseTarget: 60, status: "APPROVALS_PENDING" });
    await createProjectSite({ projectId: project.id, status: "WITHDRAWN" });
    await reportProgress(leedsSite.id, lead.id, 5, new Date("2026-10-01"));
    await reportProgress(leedsSite.id, lead.id, 18, new Date("2026-10-15"));
    await reportProgress(leedsSite.id, lead.id, 12, new Date("2026-10-08"));

    const page = await getPublicProject(project.slug);
    expect(page?.sites.map((s) => [s.name, s.cases, s.caseTarget, s.status])).toEqual([
      ["Leeds General Infirmary", 18, 40, "ACTIVE"],
      ["York Hospital", 0, 60, "APPROVALS_PENDING"],
    ]);
    expect(page).toMatchObject({ totalCases: 18, totalTarget: 100 });
  });

  it("names the project lead apart from the co-leads, and carries no address of theirs", async () => {
    const lead = await createUser({ name: "Tom Okafor" });
    const coLead = await createUser({ name: "Aisha Rahman" });
    const project = await createProject({ title: "Who leads", status: "SITE_SETUP", leadId: lead.id });
    await db.projectLead.create({ data: { projectId: project.id, userId: coLead.id, role: "CO_LEAD" } });
    const page = await getPublicProject(project.slug);
    expect(page).toMatchObject({ lead: "Tom Okafor", leads: ["Tom Okafor", "Aisha Rahman"] });
    expect(JSON.stringify(page)).not.toContain("@");
  });

  it("is not found for a project that is not public", async () => {
    const draft = await createProject({ status: "DRAFT" });
    const rejected = await createProject({ status: "REJECTED" });
    expect(await getPublicProject(draft.slug)).toBeNull();
    expect(await getPublicProject(rejected.slug)).toBeNull();
    expect(await getPublicProject("no-such-project")).toBeNull();
  });
});

describe("the hospitals of a public project page", () => {
  const hospital = (n: number, overrides: Partial<PublicProjectSite> = {}): PublicProjectSite => ({
    name: `Hospital ${String(n).padStart(3, "0")}`,
    city: "Leeds",
    region: n % 2 === 0 ? "Yorkshire and the Humber" : "North West",
    status: "ACTIVE",
    caseTarget: 10,
    cases: n,
    ...overrides,
  });
  const sites = Array.from({ length: 60 }, (_, index) => hospital(index + 1));

  it("come a page at a time, and a page past the end shows the last", () => {
    const first = publicSitesPage(sites, { page: 1 });
    expect(first).toMatchObject({ matching: 60, page: 1, pageCount: Math.ceil(60 / PUBLIC_SITES_PAGE_SIZE) });
    expect(first.rows.map((site) => site.name)).toEqual(sites.slice(0, PUBLIC_SITES_PAGE_SIZE).map((site) => site.name));
    const last = publicSitesPage(sites, { page: 99 });
    expect(last.page).toBe(last.pageCount);
    expect(last.rows.at(-1)?.name).toBe("Hospital 060");
  });

  it("are found by any words of their name, town or region, whatever the accents and case", () => {
    const withAccent = [...sites, hospital(61, { name: "Hôpital Saint-Étienne", city: "Jersey", region: "Channel Islands" })];
    expect(publicSitesPage(withAccent, { q: "hopital etienne", page: 1 }).rows.map((site) => site.name)).toEqual(["Hôpital Saint-Étienne"]);
    expect(publicSitesPage(withAccent, { q: "YORKSHIRE leeds", page: 1 }).matching).toBe(30);
    expect(publicSitesPage(withAccent, { q: "Hospital 007", page: 1 }).rows.map((site) => site.name)).toEqual(["Hospital 007"]);
    expect(publicSitesPage(withAccent, { q: "Aberdeen", page: 1 })).toMatchObject({ matching: 0, rows: [], page: 1, pageCount: 1 });
  });

  it("add up by region for the chart, regions in alphabetical order", () => {
    expect(progressByRegion(sites.slice(0, 4))).toEqual([
      { region: "North West", hospitals: 2, cases: 1 + 3, target: 20 },
      { region: "Yorkshire and the Humber", hospitals: 2, cases: 2 + 4, target: 20 },
    ]);
  });
});

describe("the home page figures", () => {
  it("count trainees, hospitals taking part, public projects and cases collected", async () => {
    const before = await collaborativeCounts();
    const project = await createProject({ status: "DATA_COLLECTION" });
    const reporter = await createUser();
    const site = await createProjectSite({ projectId: project.id });
    await reportProgress(site.id, reporter.id, 7, new Date("2026-10-01"));
    await reportProgress(site.id, reporter.id, 11, new Date("2026-10-02"));
    await createProject({ status: "DRAFT" });
    const after = await collaborativeCounts();
    // Two users made by the factories above: the project's lead and the reporter.
    expect(after.trainees - before.trainees).toBe(2 + 1);
    expect(after.projects - before.projects).toBe(1);
    expect(after.hospitals - before.hospitals).toBe(1);
    expect(after.cases - before.cases).toBe(11);
  });
});

describe("query budget", () => {
  it("the public pages send the same number of statements whatever the number of projects and sites", async () => {
    const lead = await createUser();
    const big = await createProject({ title: "Budget project", leadId: lead.id });
    const measure = async () => ({
      list: (await countStatements(() => search({ q: "Budget" }))).statements,
      page: (await countStatements(() => getPublicProject(big.slug))).statements,
      home: (await countStatements(() => collaborativeCounts())).statements,
    });
    await createProjectSite({ projectId: big.id });
    const small = await measure();
    for (let i = 0; i < 10; i++) {
      const site = await createProjectSite({ projectId: big.id });
      await reportProgress(site.id, lead.id, i, new Date("2026-10-01"));
      await createProject({ title: `Budget extra ${i}`, leadId: lead.id });
    }
    const large = await measure();
    expect(large).toEqual(small);
    expect(small.list).toBeLessThanOrEqual(3);
    expect(small.page).toBeLessThanOrEqual(3);
    expect(small.home).toBe(1);
  });
});
