import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { discoverProjects } from "@/lib/trainees/discover";
import { projectSearchSchema } from "@/lib/validation/projects";
import { createCollaboration, createDeanery, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { countStatements } from "../support/query-count";

const asActor = (user: { id: string; name: string; email: string; role: Actor["role"]; emailVerified: Date | null }): Actor => ({ ...user });

async function world() {
  const east = await createDeanery();
  const home = await createSite({ name: "Addenbrooke's Hospital", deaneryId: east.id });
  const nearby = await createSite({ name: "Ipswich Hospital", deaneryId: east.id });
  const far = await createSite({ name: "Royal Victoria Infirmary" });
  const trainee = asActor(await createUser({ siteId: home.id }));
  const tag = Math.random().toString(36).slice(2, 8);
  const atHome = await createProject({ title: `Discover ${tag} stroke CT at home`, status: "DATA_COLLECTION", modalities: ["CT"] });
  const homeSite = await createProjectSite({ projectId: atHome.id, siteId: home.id });
  await createCollaboration({ projectSiteId: homeSite.id, userId: (await createUser()).id });
  await createCollaboration({ projectSiteId: homeSite.id, userId: (await createUser()).id, status: "REQUESTED" });
  const inRegion = await createProject({ title: `Discover ${tag} MRI in region`, status: "SITE_SETUP", design: "COHORT", modalities: ["MRI"] });
  const regionSite = await createProjectSite({ projectId: inRegion.id, siteId: nearby.id });
  await createCollaboration({ projectSiteId: regionSite.id, userId: (await createUser()).id });
  const elsewhere = await createProject({ title: `Discover ${tag} ultrasound far away`, status: "DATA_COLLECTION", modalities: ["ULTRASOUND"] });
  await createProjectSite({ projectId: elsewhere.id, siteId: far.id });
  // Withdrawn at home, so not "at your hospital"; and projects not open at all.
  const withdrawnHome = await createProject({ title: `Discover ${tag} withdrawn here`, status: "DATA_COLLECTION" });
  await createProjectSite({ projectId: withdrawnHome.id, siteId: home.id, status: "WITHDRAWN" });
  const finished = await createProject({ title: `Discover ${tag} finished`, status: "COMPLETED" });
  await createProjectSite({ projectId: finished.id, siteId: home.id });
  return { tag, trainee, home, far };
}

const search = (params: Record<string, string>) => projectSearchSchema.parse(params);

describe("discovering projects from the dashboard", () => {
  it("lists projects open at the home hospital first, then in the region, then the rest, with collaborator counts", async () => {
    const { tag, trainee } = await world();
    const result = await discoverProjects(trainee, search({ q: `Discover ${tag}` }));
    expect(result.items.map((item) => [item.title.replace(`Discover ${tag} `, ""), item.nearness])).toEqual([
      ["stroke CT at home", "hospital"],
      ["MRI in region", "region"],
      ["ultrasound far away", "elsewhere"],
      ["withdrawn here", "elsewhere"],
    ]);
    expect(result.totals).toEqual({ hospital: 1, region: 1, elsewhere: 2 });
    expect(result.items[0]).toMatchObject({ homeCollaborators: 1, siteCount: 1, design: "AUDIT", modalities: ["CT"] });
    expect(result.items[1]).toMatchObject({ regionSites: 1, regionCollaborators: 1, modalities: ["MRI"] });
    expect(result.homeSite).toBe("Addenbrooke's Hospital");
    expect(result.items.map((item) => item.myStatus)).toEqual([null, null, null, null]);
  });

  it("says on each card whether the trainee already asked to join or takes part", async () => {
    const { tag, trainee } = await world();
    const first = await discoverProjects(trainee, search({ q: `Discover ${tag} stroke` }));
    const projectSite = await db.projectSite.findFirstOrThrow({ where: { project: { slug: first.items[0]!.slug } } });
    await createCollaboration({ projectSiteId: projectSite.id, userId: trainee.id, status: "REQUESTED" });
    expect((await discoverProjects(trainee, search({ q: `Discover ${tag} stroke` }))).items[0]!.myStatus).toBe("REQUESTED");
  });

  it("filters as /projects does", async () => {
    const { tag, trainee } = await world();
    const titles = async (params: Record<string, string>) =>
      (await discoverProjects(trainee, search({ q: `Discover ${tag}`, ...params }))).items.map((item) => item.title);
    expect(await titles({ modality: "MRI" })).toEqual([`Discover ${tag} MRI in region`]);
    expect(await titles({ design: "COHORT" })).toEqual([`Discover ${tag} MRI in region`]);
    expect(await titles({ status: "SITE_SETUP" })).toEqual([`Discover ${tag} MRI in region`]);
    // A finished project is not open to join, even when asked for.
    expect(await titles({ status: "COMPLETED" })).toHaveLength(4);
    expect(await titles({ q: `discover ${tag} ULTRASOUND` })).toEqual([`Discover ${tag} ultrasound far away`]);
    expect(await titles({ q: "100%_\\" })).toEqual([]);
  });

  it("puts everything under 'elsewhere' for an account without a profile", async () => {
    const { tag } = await world();
    const stranger = asActor(await createUser({ withProfile: false }));
    const result = await discoverProjects(stranger, search({ q: `Discover ${tag}` }));
    expect(result.totals).toEqual({ hospital: 0, region: 0, elsewhere: 4 });
  });

  it("costs the same number of statements on 10 times the projects, sites and collaborators", async () => {
    const { trainee, home, far } = await world();
    const measure = async () => (await countStatements(() => discoverProjects(trainee, search({})))).statements;
    const small = await measure();
    for (let i = 0; i < 10; i++) {
      const project = await createProject({ status: i % 2 ? "SITE_SETUP" : "DATA_COLLECTION" });
      const site = await createProjectSite({ projectId: project.id, siteId: i % 3 ? home.id : far.id });
      await createProjectSite({ projectId: project.id });
      await createCollaboration({ projectSiteId: site.id, userId: (await createUser()).id });
    }
    expect(await measure()).toBe(small);
    // The counts and the page, in one statement.
    expect(small).toBe(1);
  });

  it("shows the last page for a page past the end, in one statement more", async () => {
    const { tag, trainee } = await world();
    const { result, statements } = await countStatements(() => discoverProjects(trainee, search({ q: `Discover ${tag}`, page: "9" })));
    expect(result).toMatchObject({ page: 1, pageCount: 1, total: 4 });
    expect(result.items.map((item) => item.nearness)).toEqual(["hospital", "region", "elsewhere", "elsewhere"]);
    expect(statements).toBe(2);
  });
});
