// A project's outputs: recorded, changed and removed by its leads alone, each change audited;
// looked up from the configured services only, and typed by hand when they cannot answer; shown
// on the public pages and to the project's collaborators in a constant number of statements.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { outputsForMember } from "@/lib/outputs/member";
import { changeOutput, getOutputsPage, lookUpOutput, recordOutput, removeOutput } from "@/lib/outputs/outputs";
import { outputsOfPublicProject, searchOutputs } from "@/lib/outputs/public";
import { exportMyData } from "@/lib/privacy/export";
import { changeOutputSchema, lookupOutputSchema, outputSearchSchema, recordOutputSchema } from "@/lib/validation/outputs";
import { createCollaboration, createProject, createUser } from "../support/factories";
import { startFakeLookup, type FakeLookup } from "../support/fake-lookup";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf, siteScenario } from "../support/sites";

async function scenario() {
  const base = await siteScenario();
  const coLead = asActor(await createUser({ name: "Priya Shah" }));
  await db.projectLead.create({ data: { projectId: base.project.id, userId: coLead.id, role: "CO_LEAD" } });
  const otherLead = asActor(await createUser({ name: "Olu Other" }));
  const otherProject = await createProject({ leadId: otherLead.id, status: "COMPLETED" });
  const collaborator = asActor(await createUser({ name: "Aisha Rahman" }));
  await createCollaboration({ projectSiteId: base.home.id, userId: collaborator.id });
  const list = await db.authorList.create({ data: { projectId: base.project.id, version: 1, grouping: "HOSPITAL", answerBy: new Date("2027-01-01") } });
  const otherList = await db.authorList.create({ data: { projectId: otherProject.id, version: 1, grouping: "HOSPITAL", answerBy: new Date("2027-01-01") } });
  return { ...base, coLead, otherLead, otherProject, collaborator, list, otherList };
}

const paper = (projectId: string, values: Record<string, unknown> = {}) =>
  recordOutputSchema.parse({
    projectId,
    kind: "PAPER",
    title: "Yield of CTPA in emergency departments",
    venue: "Clinical Radiology",
    date: { day: "14", month: "3", year: "2026" },
    doi: "https://doi.org/10.1016/J.CRAD.2026.01.002",
    pmid: "PMID: 38012345",
    authorListId: "",
    ...values,
  });

const change = (outputId: string, values: Record<string, unknown> = {}) =>
  changeOutputSchema.parse({
    outputId,
    kind: "PAPER",
    title: "Yield of CTPA in emergency departments (corrected)",
    venue: "Clinical Radiology",
    date: { day: "14", month: "3", year: "2026" },
    doi: "10.1016/j.crad.2026.01.002",
    pmid: "38012345",
    authorListId: "",
    ...values,
  });

async function snapshot() {
  const [outputs, audits] = await Promise.all([db.projectOutput.findMany({ orderBy: { id: "asc" } }), db.auditEvent.count()]);
  return JSON.stringify({ outputs, audits });
}

describe("recording an output", () => {
  it("stores what the lead typed, normalised, with the author list chosen, and audits it", async () => {
    const s = await scenario();
    const output = await recordOutput(s.lead, paper(s.project.id, { authorListId: s.list.id }));
    expect(output).toMatchObject({ kind: "PAPER", date: "2026-03-14", doi: "10.1016/j.crad.2026.01.002", pmid: "38012345", authorListVersion: 1 });
    const stored = await db.projectOutput.findUniqueOrThrow({ where: { id: output.id } });
    expect(stored).toMatchObject({ projectId: s.project.id, recordedById: s.lead.id, authorListId: s.list.id });
    const events = await db.auditEvent.findMany({ where: { entityId: output.id }, select: { actorId: true, action: true, entityType: true, after: true } });
    expect(events).toEqual([
      {
        actorId: s.lead.id,
        action: "output.recorded",
        entityType: "ProjectOutput",
        after: { kind: "PAPER", title: "Yield of CTPA in emergency departments", venue: "Clinical Radiology", date: "2026-03-14", doi: "10.1016/j.crad.2026.01.002", pmid: "38012345", authorListId: s.list.id },
      },
    ]);
    expect((await getOutputsPage(s.lead, s.project.slug)).outputs.map((o) => o.id)).toEqual([output.id]);
  });

  it("is for the project's leads alone: lead and co-lead yes; another project's lead, a site lead, the committee, an admin, a member, a visitor no", async () => {
    const s = await scenario();
    const allowed: [string, Actor][] = [
      ["lead", s.lead],
      ["co-lead", s.coLead],
    ];
    for (const [who, actor] of allowed) {
      await expect(recordOutput(actor, paper(s.project.id, { doi: "", pmid: "", kind: "ABSTRACT", title: `By the ${who}` })), who).resolves.toMatchObject({ title: `By the ${who}` });
    }
    const refused: [string, Actor | null][] = [
      ["another project's lead", s.otherLead],
      ["site lead", s.siteLead],
      ["committee", s.committee],
      ["admin", s.admin],
      ["member", s.collaborator],
      ["visitor", null],
    ];
    const before = await snapshot();
    for (const [who, actor] of refused) {
      expect(await refusalOf(recordOutput(actor, paper(s.project.id))), who).toBeInstanceOf(ForbiddenError);
      expect(await refusalOf(getOutputsPage(actor, s.project.slug)), who).toBeInstanceOf(ForbiddenError);
      expect(await refusalOf(lookUpOutput(actor, s.project.id, { doi: "10.5555/found", pmid: null })), who).toBeInstanceOf(ForbiddenError);
    }
    const [one] = await db.projectOutput.findMany({ where: { projectId: s.project.id } });
    for (const [who, actor] of refused) {
      expect(await refusalOf(changeOutput(actor, change(one!.id))), who).toBeInstanceOf(ForbiddenError);
      expect(await refusalOf(removeOutput(actor, one!.id)), who).toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses another project's author list, the same DOI twice, and a project not yet public, changing nothing", async () => {
    const s = await scenario();
    await recordOutput(s.lead, paper(s.project.id));
    const draft = await createProject({ leadId: s.lead.id, status: "IN_REVIEW" });
    const before = await snapshot();
    const foreign = await refusalOf(recordOutput(s.lead, paper(s.project.id, { authorListId: s.otherList.id, doi: "10.1000/other", pmid: "" })));
    expect(foreign).toBeInstanceOf(DomainError);
    expect(foreign).toMatchObject({ field: "authorListId", message: "Choose one of this project's author list versions, or none" });
    const twice = await refusalOf(recordOutput(s.lead, paper(s.project.id, { pmid: "" })));
    expect(twice).toMatchObject({ field: "doi", message: "This project has already recorded “Yield of CTPA in emergency departments” with that DOI. Change that output instead." });
    expect(await refusalOf(recordOutput(s.lead, paper(draft.id)))).toMatchObject({ message: "Outputs can be recorded once the project has been approved and opened to sites." });
    expect(await refusalOf(getOutputsPage(s.lead, draft.slug))).toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toBe(before);
  });
});

describe("changing and removing an output", () => {
  it("changes what the lead corrected, audits before and after, and writes nothing when nothing changed", async () => {
    const s = await scenario();
    const output = await recordOutput(s.lead, paper(s.project.id));
    const changed = await changeOutput(s.coLead, change(output.id, { authorListId: s.list.id }));
    expect(changed).toMatchObject({ changed: true, output: { title: "Yield of CTPA in emergency departments (corrected)", authorListVersion: 1 } });
    const last = await db.auditEvent.findFirstOrThrow({ where: { entityId: output.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ actorId: s.coLead.id, action: "output.changed", before: { title: "Yield of CTPA in emergency departments", authorListId: null }, after: { title: "Yield of CTPA in emergency departments (corrected)", authorListId: s.list.id } });
    const before = await snapshot();
    expect(await changeOutput(s.lead, change(output.id, { authorListId: s.list.id }))).toMatchObject({ changed: false });
    expect(await snapshot()).toBe(before);
  });

  it("refuses an output of another project through its id, or an id that names nothing, changing nothing", async () => {
    const s = await scenario();
    const theirs = await recordOutput(s.otherLead, paper(s.otherProject.id));
    const before = await snapshot();
    expect(await refusalOf(changeOutput(s.lead, change(theirs.id)))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(removeOutput(s.lead, theirs.id))).toBeInstanceOf(ForbiddenError);
    // Their own output moved onto another project's author list: refused at the field.
    const mine = await recordOutput(s.lead, paper(s.project.id, { doi: "", pmid: "1234" }));
    const afterMine = await snapshot();
    expect(await refusalOf(changeOutput(s.lead, change(mine.id, { doi: "", pmid: "1234", authorListId: s.otherList.id })))).toMatchObject({ field: "authorListId" });
    expect(await refusalOf(removeOutput(s.lead, "00000000-0000-4000-8000-000000000000"))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(removeOutput(s.lead, "not-an-id"))).toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toBe(afterMine);
    expect(before).not.toBe(afterMine);
  });

  it("removes it from every page, and audits what it said", async () => {
    const s = await scenario();
    const output = await recordOutput(s.lead, paper(s.project.id));
    expect(await removeOutput(s.coLead, output.id)).toEqual({ title: "Yield of CTPA in emergency departments", projectSlug: s.project.slug });
    expect(await db.projectOutput.count({ where: { id: output.id } })).toBe(0);
    expect(await outputsOfPublicProject(s.project.slug)).toEqual([]);
    const last = await db.auditEvent.findFirstOrThrow({ where: { entityId: output.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ actorId: s.coLead.id, action: "output.removed", before: { title: "Yield of CTPA in emergency departments", pmid: "38012345" } });
  });
});

describe("where outputs show", () => {
  it("on the public project page, /outputs (searched, filtered, totalled by year and kind) and the collaborators' research and data", async () => {
    const s = await scenario();
    // Other tests of this file record outputs too: this one counts what it adds, found by a word of its own.
    const word = `w${Date.now()}`;
    const totalsBefore = (await searchOutputs(outputSearchSchema.parse({}))).years;
    await recordOutput(s.lead, paper(s.project.id, { title: `Yield ${word}` }));
    await recordOutput(s.lead, paper(s.project.id, { kind: "POSTER", title: `A poster ${word}`, doi: "", pmid: "", date: { day: "2", month: "6", year: "2025" } }));
    await recordOutput(s.otherLead, paper(s.otherProject.id, { kind: "ABSTRACT", title: `Their abstract ${word}`, doi: "", pmid: "", date: { day: "1", month: "9", year: "2003" } }));
    // A project that is not public shows nothing, even if it recorded outputs before it was withdrawn.
    const hidden = await createProject({ leadId: s.lead.id, status: "DATA_COLLECTION" });
    await recordOutput(s.lead, paper(hidden.id, { title: `Hidden ${word}`, doi: "", pmid: "77" }));
    await db.project.update({ where: { id: hidden.id }, data: { status: "WITHDRAWN" } });

    expect((await outputsOfPublicProject(s.project.slug)).map((o) => o.title)).toEqual([`Yield ${word}`, `A poster ${word}`]);
    expect(await outputsOfPublicProject(hidden.slug)).toEqual([]);

    const found = await searchOutputs(outputSearchSchema.parse({ q: word }));
    expect(found.items.map((o) => o.title)).toEqual([`Yield ${word}`, `A poster ${word}`, `Their abstract ${word}`]);
    const totals = (await searchOutputs(outputSearchSchema.parse({}))).years;
    const added = (year: number) => {
      const now = totals.find((entry) => entry.year === year)!;
      const was = totalsBefore.find((entry) => entry.year === year);
      return { total: now.total - (was?.total ?? 0), byKind: Object.fromEntries(Object.entries(now.byKind).map(([kind, n]) => [kind, n - (was?.byKind[kind as keyof typeof was.byKind] ?? 0)]).filter(([, n]) => n !== 0)) };
    };
    expect(totals[0]!.year).toBe(2003);
    expect(totals.find((entry) => entry.year === 2004)).toEqual({ year: 2004, total: 0, byKind: {} });
    expect(added(2003)).toEqual({ total: 1, byKind: { ABSTRACT: 1 } });
    expect(added(2025)).toEqual({ total: 1, byKind: { POSTER: 1 } });
    expect(added(2026)).toEqual({ total: 1, byKind: { PAPER: 1 } });
    expect((await searchOutputs(outputSearchSchema.parse({ q: word, kind: "POSTER" }))).items.map((o) => o.title)).toEqual([`A poster ${word}`]);
    expect((await searchOutputs(outputSearchSchema.parse({ q: s.otherProject.title }))).items.map((o) => o.title)).toContain(`Their abstract ${word}`);

    // The collaborator sees their project's outputs, not another project's; a declined place sees none.
    expect((await outputsForMember(s.collaborator)).map((o) => o.title)).toEqual([`Yield ${word}`, `A poster ${word}`]);
    const declined = asActor(await createUser());
    await createCollaboration({ projectSiteId: s.home.id, userId: declined.id, status: "DECLINED" });
    expect(await outputsForMember(declined)).toEqual([]);
    const data = await exportMyData(s.collaborator);
    expect(data.outputsOfYourProjects.map((o) => o.title)).toEqual([`Yield ${word}`, `A poster ${word}`]);
  });

  it("in a number of statements that does not grow with the outputs", async () => {
    const s = await scenario();
    const measure = async () => [
      (await countStatements(() => outputsOfPublicProject(s.project.slug))).statements,
      (await countStatements(() => searchOutputs(outputSearchSchema.parse({ q: "CTPA" })))).statements,
      (await countStatements(() => outputsForMember(s.collaborator))).statements,
      (await countStatements(() => getOutputsPage(s.lead, s.project.slug))).statements,
    ];
    await recordOutput(s.lead, paper(s.project.id));
    const few = await measure();
    for (let i = 0; i < 12; i++) await recordOutput(s.lead, paper(s.project.id, { title: `CTPA ${i}`, doi: "", pmid: String(1000 + i) }));
    expect(await measure()).toEqual(few);
    expect(few).toEqual([1, 3, 1, 3]);
  });
});

describe("hostile ids and slugs", () => {
  it("are pages and outputs that do not exist, never a database error, and change nothing", async () => {
    const s = await scenario();
    const before = await snapshot();
    for (const hostile of ["-".repeat(36), "0".repeat(36), "\u0000", "a\u0000b", "x".repeat(400), "' OR 1=1 --"]) {
      expect(await refusalOf(getOutputsPage(s.lead, hostile)), hostile).toBeInstanceOf(NotFoundError);
      expect(await refusalOf(removeOutput(s.lead, hostile)), hostile).toBeInstanceOf(NotFoundError);
      expect(await outputsOfPublicProject(hostile)).toEqual([]);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("looking up a DOI or PubMed ID", () => {
  let fake: FakeLookup;
  beforeAll(async () => {
    fake = await startFakeLookup();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake.close();
  });
  const ids = (values: { doi?: string; pmid?: string }) => {
    const parsed = lookupOutputSchema.parse({ projectId: "00000000-0000-4000-8000-000000000000", doi: "", pmid: "", ...values });
    return { doi: parsed.doi, pmid: parsed.pmid };
  };

  it("fills in the details where the service answers, and says why not where it cannot", async () => {
    const s = await scenario();
    vi.stubEnv("OUTPUT_LOOKUP_DOI_URL", fake.url);
    vi.stubEnv("OUTPUT_LOOKUP_PMID_URL", `${fake.url}/`);
    const look = (values: { doi?: string; pmid?: string }) => lookUpOutput(s.lead, s.project.id, ids(values));
    expect(await look({ doi: "https://doi.org/10.5555/FOUND" })).toEqual({
      source: "Crossref",
      found: { title: "Yield of CT pulmonary angiography in the emergency department: a national trainee-led audit", venue: "Clinical Radiology", date: "2025-02-03", doi: "10.1016/j.crad.2025.01.002" },
    });
    expect(await look({ pmid: "38012345" })).toMatchObject({ source: "PubMed", found: { date: "2024-03-15", venue: "Clinical radiology" } });
    expect(await look({ doi: "10.5555/missing" })).toEqual({ found: null, message: "No record was found for that DOI. Check it, or enter the title, venue and date by hand." });
    expect(await look({ pmid: "99999999" })).toEqual({ found: null, message: "No record was found for that PubMed ID. Check it, or enter the title, venue and date by hand." });
    const unavailable = { found: null, message: "The lookup service could not be reached or did not answer in time. Enter the title, venue and date by hand, or try again later." };
    for (const doi of ["10.5555/garbage", "10.5555/huge", "10.5555/redirect", "10.5555/broken"]) expect(await look({ doi }), doi).toEqual(unavailable);
    // A DOI that finds nothing, then the PubMed ID typed with it.
    expect(await look({ doi: "10.5555/missing", pmid: "38012345" })).toMatchObject({ source: "PubMed" });
    // The redirect was not followed: only the fake service was asked, and only for works and summaries.
    expect(fake.requests.every((path) => path.startsWith("/works/10.5555%2F") || path.startsWith("/esummary.fcgi?db=pubmed&retmode=json&id="))).toBe(true);
  });

  it("gives up on a service that does not answer within its time", async () => {
    const s = await scenario();
    vi.stubEnv("OUTPUT_LOOKUP_DOI_URL", fake.url);
    const started = Date.now();
    expect(await lookUpOutput(s.lead, s.project.id, ids({ doi: "10.5555/slow" }))).toMatchObject({ found: null, message: expect.stringContaining("did not answer in time") });
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it("keeps a DOI's odd characters inside the address it asks, never another path or host", async () => {
    const s = await scenario();
    vi.stubEnv("OUTPUT_LOOKUP_DOI_URL", fake.url);
    fake.requests.length = 0;
    await lookUpOutput(s.lead, s.project.id, ids({ doi: "10.5555/x?y=1#z" }));
    expect(fake.requests).toEqual(["/works/10.5555%2Fx%3Fy%3D1%23z"]);
    // A DOI made to climb out of the address is not a DOI.
    expect(lookupOutputSchema.safeParse({ projectId: s.project.id, doi: "10.5555/../../admin", pmid: "" }).success).toBe(false);
  });

  it("is off when no service is configured, and says so", async () => {
    const s = await scenario();
    vi.stubEnv("OUTPUT_LOOKUP_DOI_URL", "");
    vi.stubEnv("OUTPUT_LOOKUP_PMID_URL", "");
    fake.requests.length = 0;
    const off = { found: null, message: "Looking up details is not available on this portal. Enter the title, venue and date by hand." };
    expect(await lookUpOutput(s.lead, s.project.id, ids({ pmid: "38012345" }))).toEqual(off);
    expect(await lookUpOutput(s.lead, s.project.id, ids({ doi: "10.5555/found", pmid: "38012345" }))).toEqual(off);
    expect(fake.requests).toEqual([]);
  });
});
