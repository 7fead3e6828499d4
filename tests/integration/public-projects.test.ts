import { beforeAll, describe, expect, it } from "vitest";
import { getPublicProject, PROJECTS_PAGE_SIZE, searchPublicProjects } from "@/lib/projects/public";
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

  it("is not found for a project that is not public", async () => {
    const draft = await createProject({ status: "DRAFT" });
    const rejected = await createProject({ status: "REJECTED" });
    expect(await getPublicProject(draft.slug)).toBeNull();
    expect(await getPublicProject(rejected.slug)).toBeNull();
    expect(await getPublicProject("no-such-project")).toBeNull();
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
