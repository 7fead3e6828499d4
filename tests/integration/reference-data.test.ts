// Keeping the hospitals: adding, retiring, merging and importing the NHS files, on a real database.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createHospital, mergeHospitals, relistHospital, retireHospital, updateHospital } from "@/lib/reference/hospitals";
import { applyImport, isEmptyPlan, previewImport } from "@/lib/reference/nhs-import";
import { listRegionsWithSites } from "@/lib/reference/places";
import { hospitalSchema } from "@/lib/validation/reference";
import { createDeanery, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { odsLine } from "../support/ods";
import { asActor, refusalOf } from "../support/sites";

const admin = async (): Promise<Actor> => asActor(await createUser({ role: "ADMIN", withProfile: false }));
const offered = async () => (await listRegionsWithSites()).flatMap((region) => region.sites.map((site) => site.id));

describe("adding and editing a hospital", () => {
  it("adds a hospital with a tidied code, and refuses a code already used with a message naming who has it", async () => {
    const actor = await admin();
    const region = await createDeanery();
    const input = hospitalSchema.parse({ odsCode: " 7a4bv ", name: "University Hospital of Wales", trust: "Cardiff and Vale University Health Board", trustCode: "7a4", city: "Cardiff", postcode: "cf14 4xw", deaneryId: region.id });
    const { id } = await createHospital(actor, input);
    const saved = await db.site.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ odsCode: "7A4BV", trustCode: "7A4", postcode: "CF14 4XW", listing: "LISTED" });
    expect(await offered()).toContain(id);
    const again = await refusalOf(createHospital(actor, { ...input, name: "Another" }));
    expect(again).toBeInstanceOf(DomainError);
    expect((again as DomainError).message).toBe("The organisation code 7A4BV is already used by University Hospital of Wales. Check the code, or edit that entry instead.");
    expect((again as DomainError).field).toBe("odsCode");
    expect(await db.site.count({ where: { odsCode: "7A4BV" } })).toBe(1);
  });

  it("refuses codes that are not ODS codes", () => {
    const result = hospitalSchema.safeParse({ odsCode: "RJ-12", name: "A", trust: "B", city: "C", deaneryId: "6d1f3e2a-5b4c-4d3e-8f2a-1b2c3d4e5f60" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter an organisation code of 3 to 9 letters and digits, like RJ121 or 7A4BV");
  });

  it("moves a hospital to another region and records what changed", async () => {
    const actor = await admin();
    const site = await createSite();
    const north = await createDeanery({ name: "Northland" });
    const result = await updateHospital(actor, { siteId: site.id, odsCode: site.odsCode, name: "Renamed Infirmary", trust: site.trust, city: site.city, deaneryId: north.id });
    expect(result.changed).toEqual(["name", "deaneryId"]);
    expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({ name: "Renamed Infirmary", deaneryId: north.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "site.updated", entityId: site.id } });
    expect(event.before).toEqual({ name: site.name, deaneryId: site.deaneryId });
  });
});

describe("retiring a hospital", () => {
  it("hides it from new choices, keeps it on profiles and projects, and puts it back", async () => {
    const actor = await admin();
    const site = await createSite({ name: "Closing General" });
    const member = await createUser({ siteId: site.id });
    const project = await createProject();
    const participation = await createProjectSite({ projectId: project.id, siteId: site.id });
    await retireHospital(actor, site.id);
    expect(await offered()).not.toContain(site.id);
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: member.id } })).homeSiteId).toBe(site.id);
    expect((await db.projectSite.findUniqueOrThrow({ where: { id: participation.id } })).siteId).toBe(site.id);
    await expect(retireHospital(actor, site.id)).rejects.toThrow("Closing General is already retired.");
    await relistHospital(actor, site.id);
    expect(await offered()).toContain(site.id);
    expect(await db.auditEvent.count({ where: { entityId: site.id, action: { in: ["site.retired", "site.relisted"] } } })).toBe(2);
  });
});

describe("merging two entries", () => {
  it("moves every participation, interest, home hospital and resolved request to the entry kept, in one go", async () => {
    const actor = await admin();
    const keep = await createSite({ name: "Royal Infirmary" });
    const duplicate = await createSite({ name: "Royal Infirmary (duplicate)", deaneryId: keep.deaneryId });
    const older = await createSite({ name: "Royal Infirmary (old)", deaneryId: keep.deaneryId });
    await db.site.update({ where: { id: older.id }, data: { listing: "RETIRED", mergedIntoId: duplicate.id } });
    const member = await createUser({ siteId: duplicate.id });
    const project = await createProject();
    const participation = await createProjectSite({ projectId: project.id, siteId: duplicate.id });
    await db.siteInterest.create({ data: { projectId: project.id, siteId: duplicate.id, userId: member.id } });
    const placeholder = await createSite({ name: "Royal Infirmary (asked for)", deaneryId: keep.deaneryId });
    await db.site.update({ where: { id: placeholder.id }, data: { listing: "RETIRED" } });
    const request = await db.hospitalRequest.create({ data: { siteId: placeholder.id, requestedById: member.id, status: "MERGED", resolvedSiteId: duplicate.id } });

    const plan = await mergeHospitals(actor, { siteId: duplicate.id, survivorCode: keep.odsCode });
    expect(plan.moves).toEqual({ projects: 1, interests: 1, profiles: 1, requests: 1 });

    expect((await db.projectSite.findUniqueOrThrow({ where: { id: participation.id } })).siteId).toBe(keep.id);
    expect((await db.siteInterest.findFirstOrThrow({ where: { userId: member.id } })).siteId).toBe(keep.id);
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: member.id } })).homeSiteId).toBe(keep.id);
    expect((await db.hospitalRequest.findUniqueOrThrow({ where: { id: request.id } })).resolvedSiteId).toBe(keep.id);
    expect(await db.site.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ listing: "RETIRED", mergedIntoId: keep.id });
    expect((await db.site.findUniqueOrThrow({ where: { id: older.id } })).mergedIntoId).toBe(keep.id);
    expect(await offered()).not.toContain(duplicate.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "site.merged", entityId: duplicate.id } });
    expect(event.after).toMatchObject({ mergedIntoId: keep.id, moved: { projects: 1, profiles: 1 } });
    // Merged away for good: it cannot be put back on the list.
    await expect(relistHospital(actor, duplicate.id)).rejects.toThrow("was merged into another entry and cannot be put back");
  });

  it("refuses, naming the projects, when a project has both entries, and changes nothing", async () => {
    const actor = await admin();
    const keep = await createSite({ name: "City Hospital" });
    const duplicate = await createSite({ name: "City General", deaneryId: keep.deaneryId });
    const project = await createProject({ title: "Contrast extravasation audit" });
    await createProjectSite({ projectId: project.id, siteId: keep.id });
    await createProjectSite({ projectId: project.id, siteId: duplicate.id });
    const member = await createUser({ siteId: duplicate.id });
    const before = JSON.stringify(await db.site.findMany({ orderBy: { id: "asc" } }));
    const refusal = await refusalOf(mergeHospitals(actor, { siteId: duplicate.id, survivorCode: keep.odsCode }));
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as Error).message).toContain("Both entries take part in the project “Contrast extravasation audit”.");
    expect(JSON.stringify(await db.site.findMany({ orderBy: { id: "asc" } }))).toBe(before);
    expect((await db.traineeProfile.findUniqueOrThrow({ where: { userId: member.id } })).homeSiteId).toBe(duplicate.id);
    expect(await db.auditEvent.count({ where: { action: "site.merged", entityId: duplicate.id } })).toBe(0);
  });

  it("refuses a merge into itself, into an unknown code or into a retired entry", async () => {
    const actor = await admin();
    const site = await createSite();
    const retired = await createSite({ deaneryId: site.deaneryId });
    await db.site.update({ where: { id: retired.id }, data: { listing: "RETIRED" } });
    await expect(mergeHospitals(actor, { siteId: site.id, survivorCode: site.odsCode })).rejects.toThrow("cannot be merged into itself");
    await expect(mergeHospitals(actor, { siteId: site.id, survivorCode: "QQQ99" })).rejects.toThrow("No hospital has the organisation code QQQ99.");
    await expect(mergeHospitals(actor, { siteId: site.id, survivorCode: retired.odsCode })).rejects.toThrow("is not on the list");
    expect((await db.site.findUniqueOrThrow({ where: { id: site.id } })).listing).toBe("LISTED");
  });
});

describe("importing the NHS organisation data files", () => {
  let trusts = 0;
  /** Two listed hospitals of a trust of its own (codes T01 and T02 of the trust T). */
  async function listOf() {
    const t = `RG${String.fromCharCode(65 + trusts++)}`;
    const region = await createDeanery();
    const chosen = await createDeanery();
    const addenbrookes = await createSite({ name: "Addenbrooke's Hospital", deaneryId: region.id });
    const rosie = await createSite({ name: "The Rosie Hospital", deaneryId: region.id });
    await db.site.update({ where: { id: addenbrookes.id }, data: { odsCode: `${t}01`, trust: "Cambridge University Hospitals NHS Foundation Trust", trustCode: t, postcode: "CB2 0QQ", city: "Cambridge" } });
    await db.site.update({ where: { id: rosie.id }, data: { odsCode: `${t}02`, trust: "Cambridge University Hospitals NHS Foundation Trust", trustCode: t, postcode: "CB2 0SW", city: "Cambridge" } });
    return { t, region, chosen, addenbrookes, rosie };
  }
  const sitesFile = (t: string) => [
    // Same as the list, in the file's capitals: no change.
    odsLine({ code: `${t}01`, name: "ADDENBROOKE'S HOSPITAL", town: "CAMBRIDGE", postcode: "CB2 0QQ", parent: t }),
    // Closed by the file.
    odsLine({ code: `${t}02`, name: "THE ROSIE HOSPITAL", town: "CAMBRIDGE", postcode: "CB2 0SW", close: "20240101", parent: t }),
    // New, of a trust on the list: takes the trust's region.
    odsLine({ code: `${t}03`, name: "CAMBRIDGE HEART CENTRE", town: "CAMBRIDGE", postcode: "CB2 0AY", parent: t }),
    // New, of a trust not on the list.
    odsLine({ code: "7A3C7", name: "MORRISTON HOSPITAL", town: "SWANSEA", postcode: "SA6 6NL", parent: "7A3" }),
    // Closed and not on the list: ignored.
    odsLine({ code: `${t}09`, name: "OLD CLINIC", town: "CAMBRIDGE", close: "20100101", parent: t }),
  ].join("\r\n");
  const trustsFile = (t: string) => [
    odsLine({ code: t, name: "CAMBRIDGE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST", town: "CAMBRIDGE" }),
    odsLine({ code: "7A3", name: "SWANSEA BAY UNIVERSITY LOCAL HEALTH BOARD", town: "SWANSEA" }),
  ].join("\n");

  it("previews what would be added, changed and retired, writes it only when applied, and changes nothing the second time", async () => {
    const actor = await admin();
    const { t, region, addenbrookes, rosie } = await listOf();
    await db.site.update({ where: { id: addenbrookes.id }, data: { postcode: "CB2 0XX" } });
    const files = { sitesText: sitesFile(t), trustsText: "" };
    const preview = await previewImport(actor, files, { scope: "KNOWN_TRUSTS" });
    expect(preview.plan.additions).toEqual([
      expect.objectContaining({ code: `${t}03`, name: "Cambridge Heart Centre", trust: "Cambridge University Hospitals NHS Foundation Trust", city: "Cambridge", deaneryId: region.id, regionFrom: "trust" }),
    ]);
    expect(preview.plan.changes).toEqual([{ siteId: addenbrookes.id, code: `${t}01`, name: "Addenbrooke's Hospital", fields: [{ field: "postcode", before: "CB2 0XX", after: "CB2 0QQ" }] }]);
    expect(preview.plan.retirements).toEqual([{ siteId: rosie.id, code: `${t}02`, name: "The Rosie Hospital", closeDate: "20240101" }]);
    expect(preview.plan.otherTrusts).toBe(1);
    expect(await db.site.count({ where: { odsCode: `${t}03` } })).toBe(0);

    // The browser may send the text back with other line breaks: still the same file.
    const result = await applyImport(actor, { sitesText: files.sitesText.replaceAll("\r\n", "\n"), trustsText: "", scope: "KNOWN_TRUSTS", fileHash: preview.fileHash, planHash: preview.planHash });
    expect(result).toEqual({ added: 1, changed: 1, retired: 1 });
    expect(await db.site.findUniqueOrThrow({ where: { odsCode: `${t}03` } })).toMatchObject({ listing: "LISTED", deaneryId: region.id, trustCode: t, postcode: "CB2 0AY" });
    expect((await db.site.findUniqueOrThrow({ where: { id: rosie.id } })).listing).toBe("RETIRED");
    expect((await db.site.findUniqueOrThrow({ where: { id: addenbrookes.id } })).postcode).toBe("CB2 0QQ");
    expect(await db.auditEvent.count({ where: { action: "site.imported" } })).toBe(1);

    const second = await previewImport(actor, files, { scope: "KNOWN_TRUSTS" });
    expect(isEmptyPlan(second.plan)).toBe(true);
    // Applying the first preview again is refused: the list has changed since.
    const before = JSON.stringify(await db.site.findMany({ orderBy: { id: "asc" } }));
    await expect(applyImport(actor, { ...files, scope: "KNOWN_TRUSTS", fileHash: preview.fileHash, planHash: preview.planHash })).rejects.toThrow("has changed since the preview");
    await expect(applyImport(actor, { ...files, scope: "KNOWN_TRUSTS", fileHash: second.fileHash, planHash: second.planHash })).rejects.toThrow("the list already matches these files");
    expect(JSON.stringify(await db.site.findMany({ orderBy: { id: "asc" } }))).toBe(before);
  });

  it("applies nothing when the list changed between preview and apply, or the files are not those previewed", async () => {
    const actor = await admin();
    const { t, addenbrookes } = await listOf();
    const files = { sitesText: sitesFile(t), trustsText: "" };
    const preview = await previewImport(actor, files, { scope: "KNOWN_TRUSTS" });
    await expect(applyImport(actor, { sitesText: `${sitesFile(t)}\n`, trustsText: "", scope: "KNOWN_TRUSTS", fileHash: preview.fileHash, planHash: preview.planHash })).rejects.toThrow("not the ones previewed");
    await db.site.update({ where: { id: addenbrookes.id }, data: { name: "Addenbrooke's" } });
    await expect(applyImport(actor, { ...files, scope: "KNOWN_TRUSTS", fileHash: preview.fileHash, planHash: preview.planHash })).rejects.toThrow("has changed since the preview");
    expect(await db.site.count({ where: { odsCode: `${t}03` } })).toBe(0);
  });

  it("adds a trust new to the portal only with its name from the trusts file and a region the administrator chose", async () => {
    const actor = await admin();
    const { t, chosen } = await listOf();
    const withoutTrusts = await previewImport(actor, { sitesText: sitesFile(t), trustsText: "" }, { scope: "ALL", fallbackRegionId: chosen.id });
    expect(withoutTrusts.plan.notAdded).toEqual([{ code: "7A3C7", name: "Morriston Hospital", reason: "its trust 7A3 is not on the list: choose the trusts file too, so that it can be named" }]);
    const withoutRegion = await previewImport(actor, { sitesText: sitesFile(t), trustsText: trustsFile(t) }, { scope: "ALL" });
    expect(withoutRegion.plan.notAdded[0]?.reason).toContain("choose a training region for the import");
    const both = await previewImport(actor, { sitesText: sitesFile(t), trustsText: trustsFile(t) }, { scope: "ALL", fallbackRegionId: chosen.id });
    expect(both.plan.additions.find((addition) => addition.code === "7A3C7")).toMatchObject({
      trust: "Swansea Bay University Local Health Board",
      deaneryId: chosen.id,
      regionFrom: "chosen",
    });
  });

  it("renames a trust from the trusts file, and refuses a file put in the wrong field", async () => {
    const actor = await admin();
    const { t } = await listOf();
    const renamed = odsLine({ code: t, name: "CAMBRIDGE AND ROYSTON HOSPITALS NHS FOUNDATION TRUST" });
    const preview = await previewImport(actor, { sitesText: "", trustsText: renamed }, { scope: "KNOWN_TRUSTS" });
    expect(preview.plan.changes.map((entry) => entry.fields)).toEqual([
      [{ field: "trust", before: "Cambridge University Hospitals NHS Foundation Trust", after: "Cambridge and Royston Hospitals NHS Foundation Trust" }],
      [{ field: "trust", before: "Cambridge University Hospitals NHS Foundation Trust", after: "Cambridge and Royston Hospitals NHS Foundation Trust" }],
    ]);
    const wrong = await refusalOf(previewImport(actor, { sitesText: trustsFile(t), trustsText: "" }, { scope: "KNOWN_TRUSTS" }));
    expect((wrong as DomainError).message).toContain("choose it as the trusts file");
  });
});
