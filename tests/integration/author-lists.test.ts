import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/authz";
import { DomainError, NotFoundError } from "@/lib/errors";
import {
  answerAuthorList,
  exportFrozenList,
  freezeAuthorList,
  getAuthorListVersion,
  getMyAuthorListEntry,
  giveCreditRole,
  issueNextVersion,
  takeBackCreditRole,
} from "@/lib/author-lists/author-lists";
import { deleteMyAccount } from "@/lib/privacy/delete-account";
import { getAuthorshipList } from "@/lib/sites/exports";
import { retentionSchedule } from "@/lib/privacy/retention";
import { createCollaboration, createProject, createProjectSite, createSite, createUser, createDeanery, FACTORY_PASSWORD, reportProgress } from "../support/factories";
import { queuedEmails } from "../support/account-mail";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf } from "../support/sites";

const DAY = 24 * 60 * 60 * 1000;

/** A project with a lead, a rotation (Shah: Leeds, then York), a site below the minimum, and a co-lead. */
async function scenario() {
  const lead = asActor(await createUser({ name: "Tom Okafor" }));
  const project = await createProject({ leadId: lead.id, title: "Renal colic CT audit", status: "ANALYSIS" });
  await db.project.update({ where: { id: project.id }, data: { minimumCitableCases: 10 } });
  const region = `Yorkshire ${randomUUID().slice(0, 8)}`;
  const yorkshire = await createDeanery({ name: region });
  const hospital = async (name: string, cases: number) => {
    const site = await createProjectSite({ projectId: project.id, siteId: (await createSite({ name, deaneryId: yorkshire.id })).id });
    await reportProgress(site.id, lead.id, cases, new Date(Date.now() - DAY));
    return site;
  };
  const leeds = await hospital("Leeds General Infirmary", 30);
  const york = await hospital("York Hospital", 3);
  const shah = asActor(await createUser({ name: "Priya Shah" }));
  const brown = asActor(await createUser({ name: "Ann Brown" }));
  const other = asActor(await createUser({ name: "Not On It" }));
  const first = await createCollaboration({ projectSiteId: leeds.id, userId: shah.id, role: "SITE_LEAD", status: "ROTATED" });
  await db.collaboration.update({ where: { id: first.id }, data: { requestedAt: new Date(Date.now() - 90 * DAY) } });
  await createCollaboration({ projectSiteId: york.id, userId: shah.id });
  await createCollaboration({ projectSiteId: york.id, userId: brown.id });
  return { lead, project, shah, brown, other, region };
}

const freeze = (lead: Parameters<typeof freezeAuthorList>[0], projectId: string, now?: Date) => freezeAuthorList(lead, { projectId, grouping: "hospital", answerDays: 14 }, now);

describe("the live list", () => {
  it("prints a person who rotated once with both hospitals, cited because one site met the rule", async () => {
    const { lead, project, region } = await scenario();
    const list = await getAuthorshipList(lead, project.slug, "role");
    expect(list.text).toBe(
      [
        "Steering committee: Okafor T",
        "Site leads: Shah P (Leeds General Infirmary; York Hospital)",
        "",
        "Acknowledged (sites that submitted fewer than 10 cases)",
        "Collaborators: Brown A (York Hospital)",
        "",
      ].join("\n"),
    );
    expect((await getAuthorshipList(lead, project.slug, "region")).cited[1]).toEqual({ heading: region, lines: ["Shah P (Leeds General Infirmary; York Hospital)"] });
  });
});

describe("freezing, answering and correcting", () => {
  it("freezes version 1 and tells everyone on it, by e-mail too", async () => {
    const { lead, project, shah, brown } = await scenario();
    const frozen = await freeze(lead, project.id);
    expect(frozen.version).toBe(1);
    const entries = await db.authorListEntry.findMany({ where: { listId: frozen.id }, orderBy: { position: "asc" } });
    expect(entries.map((entry) => [entry.printedName, entry.affiliations, entry.groupName, entry.cited])).toEqual([
      ["Okafor T", [], "Steering committee", true],
      ["Shah P", ["Leeds General Infirmary", "York Hospital"], "Leeds General Infirmary", true],
      ["Brown A", ["York Hospital"], "York Hospital", false],
    ]);
    const told = await db.notification.findMany({ where: { kind: "authorList.frozen", link: `/dashboard/author-lists/${frozen.id}` }, select: { userId: true } });
    expect(told.map((row) => row.userId).sort()).toEqual([lead.id, shah.id, brown.id].sort());
    expect(await queuedEmails(shah.email, "notification.authorList.frozen")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "authorList.frozen", entityId: project.id } })).toBe(1);
    // Frozen once: the next is issued from it.
    expect(((await refusalOf(freeze(lead, project.id))) as Error).message).toMatch(/Version 1 of this list is already frozen/);
  });

  it("lets only the person answer for their line, within the window", async () => {
    const { lead, project, shah, brown, other } = await scenario();
    const now = new Date();
    const { id } = await freeze(lead, project.id, now);
    await answerAuthorList(shah, { listId: id, answer: "correct", correction: "Shah-Khan P, please" }, new Date(now.getTime() + DAY));
    expect((await getMyAuthorListEntry(shah, id)).entry).toMatchObject({ line: "Shah P (York Hospital)", answer: "CORRECTION_REQUESTED", correction: "Shah-Khan P, please" });
    // Someone not on the list, and a lead, cannot answer or see anyone's line.
    expect(await refusalOf(answerAuthorList(other, { listId: id, answer: "confirm", correction: undefined }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(getMyAuthorListEntry(other, id))).toBeInstanceOf(NotFoundError);
    // After the window: refused with a sentence, nothing changed.
    const late = await refusalOf(answerAuthorList(brown, { listId: id, answer: "confirm", correction: undefined }, new Date(now.getTime() + 15 * DAY)));
    expect(late).toBeInstanceOf(DomainError);
    expect((late as Error).message).toMatch(/^The time to answer ended on /);
    expect(await db.authorListEntry.findFirstOrThrow({ where: { listId: id, userId: brown.id } })).toMatchObject({ answer: "PENDING", answeredAt: null });
    const version = await getAuthorListVersion(lead, project.slug, "1");
    expect(version.counts).toEqual({ PENDING: 2, CONFIRMED: 0, CORRECTION_REQUESTED: 1 });
  });

  it("keeps management to the project's leads, whatever ids are sent", async () => {
    const { lead, project, shah } = await scenario();
    const { id } = await freeze(lead, project.id);
    const elsewhere = await scenario();
    const theirs = await freeze(elsewhere.lead, elsewhere.project.id);
    const theirEntry = await db.authorListEntry.findFirstOrThrow({ where: { listId: theirs.id, userId: elsewhere.shah.id } });
    // A member on the list is not a lead of it.
    expect(await refusalOf(getAuthorListVersion(shah, project.slug, "1"))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(freeze(shah, elsewhere.project.id))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(issueNextVersion(shah, { listId: id, grouping: "hospital", answerDays: 14, note: "x", overrides: {} }))).toBeInstanceOf(ForbiddenError);
    // A lead of one project sends the list of another, or an entry of another list.
    expect(await refusalOf(issueNextVersion(lead, { listId: theirs.id, grouping: "hospital", answerDays: 14, note: "x", overrides: {} }))).toBeInstanceOf(ForbiddenError);
    const wrongEntry = await refusalOf(issueNextVersion(lead, { listId: id, grouping: "hospital", answerDays: 14, note: "x", overrides: { [theirEntry.id]: "Mine Now" } }));
    expect((wrongEntry as Error).message).toMatch(/not on this version/);
    expect(await db.authorList.count({ where: { projectId: { in: [project.id, elsewhere.project.id] } } })).toBe(2);
    expect(await refusalOf(exportFrozenList(lead, elsewhere.project.slug, "1", "authors.csv"))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(getAuthorListVersion(lead, project.slug, "2"))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(giveCreditRole(lead, { projectId: elsewhere.project.id, userId: elsewhere.shah.id, role: "WRITING_GROUP" }))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(giveCreditRole(lead, { projectId: project.id, userId: elsewhere.shah.id, role: "WRITING_GROUP" }))).toBeInstanceOf(DomainError);
  });

  it("issues version 2 with the correction, a change log, and both versions stay when a member deletes their account", async () => {
    const { lead, project, shah, brown } = await scenario();
    const v1 = await freeze(lead, project.id);
    await answerAuthorList(shah, { listId: v1.id, answer: "correct", correction: "Please print Shah-Khan P" });
    await answerAuthorList(brown, { listId: v1.id, answer: "confirm", correction: undefined });
    await giveCreditRole(lead, { projectId: project.id, userId: brown.id, role: "DATA_VALIDATOR" });
    const shahEntry = await db.authorListEntry.findFirstOrThrow({ where: { listId: v1.id, userId: shah.id } });
    // The lead corrects at the person's request only: Brown confirmed their name, so it is not the lead's to retype.
    const brownEntry = await db.authorListEntry.findFirstOrThrow({ where: { listId: v1.id, userId: brown.id } });
    expect(await refusalOf(issueNextVersion(lead, { listId: v1.id, grouping: "hospital", answerDays: 7, note: "x", overrides: { [brownEntry.id]: "Renamed B" } }))).toMatchObject({
      message: expect.stringContaining("did not ask for a correction"),
    });
    expect(await db.authorList.count({ where: { projectId: project.id } })).toBe(1);
    const v2 = await issueNextVersion(lead, { listId: v1.id, grouping: "hospital", answerDays: 7, note: "Corrected as asked.", overrides: { [shahEntry.id]: "Shah-Khan P" } });
    expect(v2.version).toBe(2);
    const page = await getAuthorListVersion(lead, project.slug, "2");
    expect(page.list.changeLog).toBe(
      ["Brown A is now cited.", "Brown A: role now Data validator (was Collaborator).", "Shah P is now printed as Shah-Khan P.", "", "Note from the lead: Corrected as asked."].join("\n"),
    );
    expect(page.text).toBe(
      ["Steering committee: Okafor T", "Data validators: Brown A (York Hospital)", "Leeds General Infirmary: Shah-Khan P (York Hospital)", ""].join("\n"),
    );
    // Version 1 is no longer the newest: it cannot be issued from again.
    expect(((await refusalOf(issueNextVersion(lead, { listId: v1.id, grouping: "hospital", answerDays: 7, note: "again", overrides: {} }))) as Error).message).toMatch(/Version 2 is newer/);

    // Shah deletes their account: both versions print them as before.
    await deleteMyAccount(shah, FACTORY_PASSWORD);
    // What they wrote when asking for the correction goes with the account.
    expect(await db.authorListEntry.findUniqueOrThrow({ where: { id: shahEntry.id }, select: { correction: true } })).toEqual({ correction: null });
    const printed = await db.authorListEntry.findMany({ where: { list: { projectId: project.id }, userId: shah.id }, orderBy: { list: { version: "asc" } }, select: { printedName: true, affiliations: true } });
    expect(printed).toEqual([
      { printedName: "Shah P", affiliations: ["Leeds General Infirmary", "York Hospital"] },
      { printedName: "Shah-Khan P", affiliations: ["Leeds General Infirmary", "York Hospital"] },
    ]);
    expect((await getAuthorListVersion(lead, project.slug, "2")).text).toContain("Shah-Khan P (York Hospital)");
    const csv = (await exportFrozenList(lead, project.slug, "2", "authors.csv")).body;
    expect(csv).toContain('"3","Shah-Khan P","Shah-Khan","P","","Leeds General Infirmary; York Hospital","Site lead","Cited","Leeds General Infirmary"');
    // What the privacy notice promises (lib/privacy/retention.ts, shown on /privacy).
    expect(retentionSchedule().map((row) => row.kept).join(" ")).toContain("Author lists already published stay as they were published.");
  });

  it("lets the lead take a credit role back", async () => {
    const { lead, project, brown } = await scenario();
    expect(await giveCreditRole(lead, { projectId: project.id, userId: brown.id, role: "WRITING_GROUP" })).toBe("given");
    expect(await giveCreditRole(lead, { projectId: project.id, userId: brown.id, role: "WRITING_GROUP" })).toBe("already");
    expect((await getAuthorshipList(lead, project.slug, "role")).text).toContain("Writing group: Brown A (York Hospital)");
    await takeBackCreditRole(lead, { projectId: project.id, userId: brown.id, role: "WRITING_GROUP" });
    expect((await getAuthorshipList(lead, project.slug, "role")).text).not.toContain("Writing group");
    expect(await db.auditEvent.count({ where: { entityId: project.id, action: { in: ["creditRole.given", "creditRole.removed"] } } })).toBe(2);
  });
});

describe("the statements of the author list pages", () => {
  it("are as many for a long list as for a short one", async () => {
    const measure = async (extra: number) => {
      const { lead, project, shah } = await scenario();
      const site = await db.projectSite.findFirstOrThrow({ where: { projectId: project.id }, select: { id: true } });
      for (let i = 0; i < extra; i++) await createCollaboration({ projectSiteId: site.id, userId: (await createUser()).id });
      const { id } = await freeze(lead, project.id);
      return {
        authorship: (await countStatements(() => getAuthorshipList(lead, project.slug, "hospital"))).statements,
        version: (await countStatements(() => getAuthorListVersion(lead, project.slug, "1"))).statements,
        answer: (await countStatements(() => getMyAuthorListEntry(shah, id))).statements,
      };
    };
    const small = await measure(0);
    expect(await measure(12)).toEqual(small);
    for (const [name, statements] of Object.entries(small)) expect(statements, name).toBeLessThanOrEqual(9);
  });
});
