import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { getMyStudies } from "@/lib/sites/mine";
import { getMessageSitesPage } from "@/lib/sites/message";
import { AWAITING_PAGE_SIZE, getNationalView, NATIONAL_PAGE_SIZE } from "@/lib/sites/national";
import { getSiteOverview } from "@/lib/sites/overview";
import { getSiteProgress } from "@/lib/sites/progress";
import { getRegistrationOptions } from "@/lib/sites/register";
import { getSiteTeam } from "@/lib/sites/team";
import { exportCollaboratorsCsv, exportSitesCsv, getAuthorshipList } from "@/lib/sites/exports";
import { nationalSearchSchema } from "@/lib/validation/sites";
import { createCollaboration, createDeanery, createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { parseCsv } from "../support/csv";
import { countStatements } from "../support/query-count";
import { asActor } from "../support/sites";

const DAY = 24 * 60 * 60 * 1000;
const STATUSES: ProjectSiteStatus[] = ["REGISTERED", "APPROVALS_PENDING", "ACTIVE", "ACTIVE", "ACTIVE", "COMPLETE", "WITHDRAWN"];

/**
 * A project of `sites` sites across three regions, each with two site leads,
 * three collaborators and a weekly history of counts: written in bulk, as the seed is.
 */
async function bigProject(sites: number) {
  const lead = asActor(await createUser({ name: "Tom Okafor" }));
  const now = Date.now();
  const project = await createProject({ leadId: lead.id, collectionStart: new Date(now - 70 * DAY) });
  await db.project.update({ where: { id: project.id }, data: { collectionEnd: new Date(now + 56 * DAY), targetCasesPerSite: 100 } });
  const regions = [await createDeanery(), await createDeanery(), await createDeanery()];
  const tag = randomUUID().slice(0, 6);
  const siteRows = Array.from({ length: sites }, (_, i) => ({
    id: randomUUID(),
    name: `Hospital ${tag} ${String(i).padStart(4, "0")}`,
    trust: "Trust",
    odsCode: `B${tag}${i}`,
    city: "Testford",
    deaneryId: regions[i % 3]!.id,
  }));
  await db.site.createMany({ data: siteRows });
  const projectSites = siteRows.map((site, i) => ({
    id: randomUUID(),
    projectId: project.id,
    siteId: site.id,
    status: STATUSES[i % STATUSES.length]!,
    caseTarget: 100,
    leadApprovedAt: i % 4 === 0 ? null : new Date(now - 60 * DAY),
  }));
  await db.projectSite.createMany({ data: projectSites });
  const users = projectSites.flatMap((_, i) =>
    Array.from({ length: 5 }, (_, j) => ({ id: randomUUID(), name: `Member ${i}-${j}`, email: `m-${tag}-${i}-${j}@example.net` })),
  );
  await db.user.createMany({ data: users });
  await db.collaboration.createMany({
    data: projectSites.flatMap((site, i) =>
      users.slice(i * 5, i * 5 + 5).map((user, j) => ({
        projectSiteId: site.id,
        userId: user.id,
        role: j < 2 ? ("SITE_LEAD" as const) : ("COLLABORATOR" as const),
        status: "CONFIRMED" as const,
      })),
    ),
  });
  await db.progressReport.createMany({
    data: projectSites.flatMap((site, i) =>
      Array.from({ length: 8 }, (_, week) => ({
        projectSiteId: site.id,
        reportedById: users[i * 5]!.id,
        cumulativeCases: (week + 1) * (i % 10),
        reportedAt: new Date(now - (70 - week * 7) * DAY - (i % 5) * DAY),
      })),
    ),
  });
  const siteLead = asActor(await db.user.findUniqueOrThrow({ where: { id: users[0]!.id } }));
  return { project, lead, siteLead, siteRows, projectSites, users };
}

const search = (params: Record<string, string> = {}) => nationalSearchSchema.parse(params);

describe("the national view's statements", () => {
  it("are as many for ten times the sites, and within the page budget", async () => {
    const small = await bigProject(8);
    const large = await bigProject(80);
    const committee = asActor(await createUser({ role: "COMMITTEE" }));
    const measure = async (data: Awaited<ReturnType<typeof bigProject>>) => {
      const { slug } = data.project;
      const ods = data.siteRows[0]!.odsCode;
      const counts = {
        national: (await countStatements(() => getNationalView(data.lead, slug, search({ sort: "cases", dir: "desc" })))).statements,
        nationalCommittee: (await countStatements(() => getNationalView(committee, slug, search({ behind: "1" })))).statements,
        overview: (await countStatements(() => getSiteOverview(data.siteLead, slug, ods))).statements,
        team: (await countStatements(() => getSiteTeam(data.siteLead, slug, ods))).statements,
        progress: (await countStatements(() => getSiteProgress(data.siteLead, slug, ods))).statements,
        authorship: (await countStatements(() => getAuthorshipList(data.lead, slug, "hospital"))).statements,
        sitesCsv: (await countStatements(() => exportSitesCsv(data.lead, slug))).statements,
        collaboratorsCsv: (await countStatements(() => exportCollaboratorsCsv(data.lead, slug))).statements,
        message: (await countStatements(() => getMessageSitesPage(data.lead, slug))).statements,
        register: (await countStatements(() => getRegistrationOptions(data.lead, slug))).statements,
        mine: (await countStatements(() => getMyStudies(data.siteLead))).statements,
      };
      return counts;
    };
    const smallCounts = await measure(small);
    const largeCounts = await measure(large);
    expect(largeCounts).toEqual(smallCounts);
    // The page adds one statement for the session: each must leave room for it under 10.
    for (const [name, statements] of Object.entries(largeCounts)) expect(statements, name).toBeLessThanOrEqual(9);
    console.log(`statements per page function (small 8 sites = large 80 sites): ${JSON.stringify(largeCounts)}`);
    expect(largeCounts.national).toBe(3);
  });
});

describe("what a person runs", () => {
  it("lists the sites they lead, with requests waiting, and the projects they lead", async () => {
    const lead = asActor(await createUser());
    const project = await createProject({ leadId: lead.id, title: "Renal colic CT audit" });
    const site = await createProjectSite({ projectId: project.id, siteId: (await createSite({ name: "York Hospital" })).id, status: "REGISTERED" });
    const siteLead = asActor(await createUser());
    await createCollaboration({ projectSiteId: site.id, userId: siteLead.id, role: "SITE_LEAD" });
    await createCollaboration({ projectSiteId: site.id, userId: (await createUser()).id, status: "REQUESTED" });
    expect(await getMyStudies(siteLead)).toEqual({
      sites: [expect.objectContaining({ projectSiteId: site.id, hospital: "York Hospital", status: "REGISTERED", approvedByLead: false, requests: 1, projectSlug: project.slug })],
      projects: [],
    });
    expect(await getMyStudies(lead)).toEqual({ sites: [], projects: [{ slug: project.slug, title: "Renal colic CT audit", status: "DATA_COLLECTION", sites: 1 }] });
  });
});

describe("the national count over time", () => {
  it("adds every site's latest count at 25 even moments, corrections and exact moments included, withdrawn sites left out", async () => {
    const reporter = await createUser();
    const lead = asActor(await createUser());
    const project = await createProject({ leadId: lead.id });
    const nationalSeries = async () => (await getNationalView(lead, project.slug, search())).series;
    const [a, b] = [await createProjectSite({ projectId: project.id }), await createProjectSite({ projectId: project.id })];
    const withdrawn = await createProjectSite({ projectId: project.id, status: "WITHDRAWN" });
    const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n, 9));
    // Eight days in 24 steps: a moment every 8 hours, so days 2, 4 and 6 fall exactly on moments 6, 12 and 18.
    await reportProgress(a.id, reporter.id, 5, day(0));
    await reportProgress(a.id, reporter.id, 12, day(4));
    await reportProgress(a.id, reporter.id, 11, day(6)); // a correction downwards
    await reportProgress(b.id, reporter.id, 10, day(2));
    await reportProgress(b.id, reporter.id, 20, day(8));
    await reportProgress(withdrawn.id, reporter.id, 100, day(3));
    const series = await nationalSeries();
    const expected = Array.from({ length: 25 }, (_, i) => (i < 6 ? 5 : i < 12 ? 15 : i < 18 ? 22 : i < 24 ? 21 : 31));
    expect(series.map((point) => point.cases)).toEqual(expected);
    expect(series[0]!.at).toEqual(day(0));
    expect(series[6]!.at).toEqual(day(2));
    expect(series[24]!.at).toEqual(day(8));
  });

  it("is one moment for a single report, and nothing before any", async () => {
    const reporter = await createUser();
    const lead = asActor(await createUser());
    const project = await createProject({ leadId: lead.id });
    const nationalSeries = async () => (await getNationalView(lead, project.slug, search())).series;
    expect(await nationalSeries()).toEqual([]);
    const site = await createProjectSite({ projectId: project.id });
    await reportProgress(site.id, reporter.id, 7, new Date("2026-10-01T09:00:00Z"));
    expect(await nationalSeries()).toEqual([{ at: new Date("2026-10-01T09:00:00Z"), cases: 7 }]);
  });
});

describe("the national table", () => {
  it("shows every site with its leads, team, approvals and latest count, and filters, sorts and pages", async () => {
    const data = await bigProject(40);
    const { slug } = data.project;
    const all = await getNationalView(data.lead, slug, search());
    expect(all.matching).toBe(40);
    expect(all.pageCount).toBe(Math.ceil(40 / NATIONAL_PAGE_SIZE));
    expect(all.rows).toHaveLength(NATIONAL_PAGE_SIZE);
    const second = await getNationalView(data.lead, slug, search({ page: "2" }));
    expect(new Set([...all.rows, ...second.rows].map((row) => row.projectSiteId)).size).toBe(40);
    const first = all.rows[0]!;
    expect(first).toMatchObject({ hospital: data.siteRows[0]!.name, siteLeads: ["Member 0-0", "Member 0-1"], teamSize: 5, target: 100, cases: 0 });

    const active = await getNationalView(data.lead, slug, search({ status: "ACTIVE" }));
    expect(active.matching).toBe(data.projectSites.filter((site) => site.status === "ACTIVE").length);
    expect(active.rows.every((row) => row.status === "ACTIVE")).toBe(true);
    const region = all.regions[0]!.code;
    const inRegion = await getNationalView(data.lead, slug, search({ region }));
    expect(inRegion.rows.every((row) => row.regionCode === region)).toBe(true);

    const byCases = await getNationalView(data.lead, slug, search({ sort: "cases", dir: "desc" }));
    const cases = byCases.rows.map((row) => row.cases);
    expect(cases).toEqual([...cases].sort((a, b) => b - a));
    expect(cases[0]).toBe(72);

    // About 57% of the window has gone: a site in progress below 57 of 100 is behind.
    const behind = await getNationalView(data.lead, slug, search({ behind: "1" }));
    expect(behind.rows.every((row) => row.behind && row.cases < row.expected && ["REGISTERED", "APPROVALS_PENDING", "ACTIVE"].includes(row.status))).toBe(true);
    expect(behind.matching).toBe(all.totals.behind);
    // The latest reports are 21 to 25 days old: every active site is stale.
    const stale = await getNationalView(data.lead, slug, search({ stale: "1" }));
    expect(stale.matching).toBe(active.matching);

    expect(all.byStatus.find((entry) => entry.status === "WITHDRAWN")?.count).toBe(data.projectSites.filter((site) => site.status === "WITHDRAWN").length);
    const counted = data.projectSites.map((site, i) => ({ site, cases: 8 * (i % 10) })).filter(({ site }) => site.status !== "WITHDRAWN");
    expect(all.totals.cases).toBe(counted.reduce((sum, { cases: n }) => sum + n, 0));
    expect(all.byRegion.reduce((sum, entry) => sum + entry.cases, 0)).toBe(all.totals.cases);
    expect(all.series.at(-1)?.cases).toBe(all.totals.cases);
    expect(all.series.map((point) => point.cases)).toEqual([...all.series.map((point) => point.cases)].sort((a, b) => a - b));
    expect(all.awaitingApproval.rows.map((row) => row.projectSiteId).sort()).toEqual(
      data.projectSites.filter((site) => site.leadApprovedAt === null && site.status !== "WITHDRAWN").map((site) => site.id).sort(),
    );
    expect(all).toMatchObject({ canApprove: true, canExport: true, canMessage: true });
  });

  it("lists the sites awaiting approval a page at a time, the earliest registered first", async () => {
    const data = await bigProject(60);
    const waiting = data.projectSites.filter((site) => site.leadApprovedAt === null && site.status !== "WITHDRAWN");
    expect(waiting.length).toBeGreaterThan(AWAITING_PAGE_SIZE);
    const latecomer = waiting[0]!;
    const earliest = waiting.at(-1)!;
    await db.projectSite.update({ where: { id: latecomer.id }, data: { registeredAt: new Date(Date.now() + 60_000) } });
    await db.projectSite.update({ where: { id: earliest.id }, data: { registeredAt: new Date("2026-01-01") } });

    const first = (await getNationalView(data.lead, data.project.slug, search())).awaitingApproval;
    expect(first).toMatchObject({ total: waiting.length, page: 1, pageCount: Math.ceil(waiting.length / AWAITING_PAGE_SIZE) });
    expect(first.rows).toHaveLength(AWAITING_PAGE_SIZE);
    expect(first.rows[0]!.projectSiteId).toBe(earliest.id);
    const last = (await getNationalView(data.lead, data.project.slug, search({ awaiting: "99" }))).awaitingApproval;
    expect(last.page).toBe(first.pageCount);
    expect(last.rows.at(-1)!.projectSiteId).toBe(latecomer.id);
    expect(new Set([...first.rows, ...last.rows].map((row) => row.projectSiteId)).size).toBe(waiting.length);
  });

  it("shows a site lead their site against the national picture", async () => {
    const lead = asActor(await createUser());
    const project = await createProject({ leadId: lead.id });
    const sites = await Promise.all([10, 30, 50].map(async () => createProjectSite({ projectId: project.id, siteId: (await createSite()).id, caseTarget: 50 })));
    await Promise.all(sites.map((site, i) => reportProgress(site.id, lead.id, [10, 30, 50][i]!, new Date())));
    const siteLead = asActor(await createUser());
    await createCollaboration({ projectSiteId: sites[0]!.id, userId: siteLead.id, role: "SITE_LEAD" });
    const hospital = await db.site.findUniqueOrThrow({ where: { id: sites[0]!.siteId } });
    const overview = await getSiteOverview(siteLead, project.slug, hospital.odsCode);
    expect(overview).toMatchObject({ cases: 10, target: 50, teamSize: 1, isSiteLead: true, canChangeStatus: true, canApprove: false });
    expect(overview.national).toEqual({ sites: 3, cases: 90, target: 150, medianShare: 0.6, rank: 3 });
  });
});

describe("exports and the authorship list", () => {
  /** A small collaborative whose authorship list is known in advance, accents and all. */
  async function fixedProject() {
    const lead = await createUser({ name: "Tom Okafor" });
    const coLead = await createUser({ name: "Helen Price" });
    const project = await createProject({ leadId: lead.id, title: "Trauma CT reporting" });
    await db.project.update({ where: { id: project.id }, data: { minimumCitableCases: 10 } });
    await db.projectLead.create({ data: { projectId: project.id, userId: coLead.id, role: "CO_LEAD" } });
    const hospital = async (name: string, cases: number, status: ProjectSiteStatus = "ACTIVE") => {
      const site = await createProjectSite({ projectId: project.id, siteId: (await createSite({ name })).id, status, caseTarget: 40 });
      await reportProgress(site.id, lead.id, cases, new Date(Date.now() - DAY));
      return site;
    };
    const member = async (site: { id: string }, name: string, role: "SITE_LEAD" | "COLLABORATOR" = "COLLABORATOR", status: "CONFIRMED" | "REQUESTED" = "CONFIRMED") => {
      const user = await createUser({ name });
      await createCollaboration({ projectSiteId: site.id, userId: user.id, role, status });
      return user;
    };
    const addenbrookes = await hospital("Addenbrooke's Hospital", 40);
    const gwynedd = await hospital("Ysbyty Gwynedd", 5);
    const edinburgh = await hospital("Royal Infirmary of Edinburgh", 12);
    const withdrawn = await hospital("Withdrawn General", 30, "WITHDRAWN");
    await member(addenbrookes, "Catriona MacLeod", "SITE_LEAD");
    await member(addenbrookes, "Siobhán O'Connor-Reilly");
    await member(addenbrookes, "Dr Zoë Ó Súilleabháin");
    await member(addenbrookes, "Still Waiting", "COLLABORATOR", "REQUESTED");
    // The lead also collected data: cited once, in the steering committee, with the hospital as affiliation.
    await createCollaboration({ projectSiteId: addenbrookes.id, userId: lead.id });
    await member(gwynedd, "Dafydd ap Gwilym", "SITE_LEAD");
    await member(gwynedd, "élodie d'Arcy");
    const smith = await member(edinburgh, "Mary Jane Smith", "SITE_LEAD");
    await db.traineeProfile.update({ where: { userId: smith.id }, data: { authorSurname: "Smith-Jones", authorInitials: "m. j." } });
    await member(edinburgh, "=HYPERLINK(\"http://evil.example\")");
    await member(withdrawn, "Gone Away", "SITE_LEAD");
    return { project, lead: asActor(lead), coLead: asActor(coLead) };
  }

  it("groups the list by hospital, alphabetically, citing only sites with enough cases", async () => {
    const { project, lead } = await fixedProject();
    const list = await getAuthorshipList(lead, project.slug, "hospital");
    expect(list.text).toBe(
      [
        "Steering committee: Okafor T (Addenbrooke's Hospital), Price H",
        "Addenbrooke's Hospital: MacLeod C, Ó Súilleabháin Z, O'Connor-Reilly S",
        'Royal Infirmary of Edinburgh: =HYPERLINK("http://evil.example"), Smith-Jones MJ',
        "",
        "Acknowledged (sites that submitted fewer than 10 cases)",
        "Ysbyty Gwynedd: ap Gwilym D, d'Arcy É",
        "",
      ].join("\n"),
    );
    expect(list).toMatchObject({ citedCount: 7, acknowledgedCount: 2 });
  });

  it("groups the list by role: steering committee, site leads, collaborators", async () => {
    const { project, coLead } = await fixedProject();
    const list = await getAuthorshipList(coLead, project.slug, "role");
    expect(list.text).toBe(
      [
        "Steering committee: Okafor T (Addenbrooke's Hospital), Price H",
        "Site leads: MacLeod C (Addenbrooke's Hospital), Smith-Jones MJ (Royal Infirmary of Edinburgh)",
        'Collaborators: =HYPERLINK("http://evil.example") (Royal Infirmary of Edinburgh), Ó Súilleabháin Z (Addenbrooke\'s Hospital), O\'Connor-Reilly S (Addenbrooke\'s Hospital)',
        "",
        "Acknowledged (sites that submitted fewer than 10 cases)",
        "Site leads: ap Gwilym D (Ysbyty Gwynedd)",
        "Collaborators: d'Arcy É (Ysbyty Gwynedd)",
        "",
      ].join("\n"),
    );
  });

  it("cites everyone when the project sets no minimum", async () => {
    const { project, lead } = await fixedProject();
    await db.project.update({ where: { id: project.id }, data: { minimumCitableCases: null } });
    const list = await getAuthorshipList(lead, project.slug, "hospital");
    expect(list.acknowledgedCount).toBe(0);
    expect(list.text.split("\n").slice(1, 4)).toEqual([
      "Addenbrooke's Hospital: MacLeod C, Ó Súilleabháin Z, O'Connor-Reilly S",
      'Royal Infirmary of Edinburgh: =HYPERLINK("http://evil.example"), Smith-Jones MJ',
      "Ysbyty Gwynedd: ap Gwilym D, d'Arcy É",
    ]);
  });

  it("exports the sites as CSV that reads back as it was written", async () => {
    const { project, lead } = await fixedProject();
    const file = await exportSitesCsv(lead, project.slug);
    expect(file.filename).toBe(`${project.slug}-sites.csv`);
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    const lines = file.body.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    // Every field quoted, on every line.
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    const [header, ...rows] = parseCsv(file.body.slice(1));
    expect(header).toEqual([
      "Hospital", "City", "ODS code", "Region", "Status", "Site leads", "Team size", "Checklist items", "Checklist items checked",
      "Checklist items waiting for a check", "Checklist items sent back", "Approved by project lead on", "Case target", "Cases", "Last update",
    ]);
    const addenbrookes = rows.find((row) => row[0] === "Addenbrooke's Hospital")!;
    expect(addenbrookes.slice(4, 7)).toEqual(["Active", "Catriona MacLeod", "4"]);
    // A locally registered project asks two items of each site.
    expect(addenbrookes[7]).toBe("2");
    expect(addenbrookes.slice(12, 14)).toEqual(["40", "40"]);
    expect(rows.map((row) => row[0]).sort()).toEqual(["Addenbrooke's Hospital", "Royal Infirmary of Edinburgh", "Withdrawn General", "Ysbyty Gwynedd"]);
  });

  it("exports the collaborators as CSV with accents and apostrophes intact, and formulas shown as text", async () => {
    const { project, lead } = await fixedProject();
    const file = await exportCollaboratorsCsv(lead, project.slug);
    const [header, ...rows] = parseCsv(file.body.slice(1));
    expect(header).toEqual(["Hospital", "City", "Region", "Name", "Author name", "Role", "Contribution", "Grade", "ORCID iD", "Confirmed on", "Site cases", "Cited"]);
    const byName = new Map(rows.map((row) => [row[3], row]));
    expect(byName.get("Siobhán O'Connor-Reilly")?.slice(4, 6)).toEqual(["O'Connor-Reilly S", "Collaborator"]);
    expect(byName.get("Dr Zoë Ó Súilleabháin")?.[4]).toBe("Ó Súilleabháin Z");
    expect(byName.get("élodie d'Arcy")?.slice(10)).toEqual(["5", "No"]);
    expect(byName.get('\'=HYPERLINK("http://evil.example")')?.[0]).toBe("Royal Infirmary of Edinburgh");
    expect(byName.has("Still Waiting")).toBe(false);
    expect(byName.has("Gone Away")).toBe(false);
    expect(rows).toHaveLength(8);
  });
});
