import "server-only";
import { createHash } from "node:crypto";
import { audit } from "@/lib/audit";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ImportOptions } from "@/lib/validation/reference";
import { isClosed, parseOdsFile, titleCase, type OdsRecord } from "./ods-file";

// Importing the NHS organisation data files (the layout is described in ./ods-file.ts).
//
// - A sites file (ets.csv, or the Welsh wlhbsite.csv) adds hospitals not on the list yet,
//   changes the name, town, postcode and trust of those on it, and retires those the file
//   closes (a close date that has come). A trusts file (etr.csv) renames trusts.
// - Hospitals the file does not mention are left alone: a file may cover one region only.
// - Entries that are retired or are members' requests are left alone too: an administrator
//   retired them on purpose, and requests are decided on their own page.
// - A new hospital takes the training region most of its trust's listed hospitals are in;
//   a trust new to the portal takes the region the administrator chose for the import, and
//   without one its hospitals are not added (the preview says so).
// - Names are compared ignoring case, so a name an administrator wrote in mixed case is kept
//   while the file says the same in capitals: importing the same file twice changes nothing.
// - The preview and the apply compute the same plan from the same text; the apply is refused
//   unless the files and the plan are exactly those previewed (their SHA-256 travel in the form).

export interface FieldChange {
  field: "name" | "city" | "postcode" | "trust" | "trustCode";
  before: string | null;
  after: string | null;
}

export interface ImportPlan {
  files: { sites: number | null; trusts: number | null };
  additions: { code: string; name: string; trust: string; trustCode: string; city: string; postcode: string | null; deaneryId: string; region: string; regionFrom: "trust" | "chosen" }[];
  changes: { siteId: string; code: string; name: string; fields: FieldChange[] }[];
  retirements: { siteId: string; code: string; name: string; closeDate: string }[];
  /** Sites of the file that will not be added, with why (shown in the preview). */
  notAdded: { code: string; name: string; reason: string }[];
  /** Open sites of trusts that are not on the list, left out because the import adds only known trusts' sites. */
  otherTrusts: number;
  unchanged: number;
}

export type ImportPreview = { plan: ImportPlan; fileHash: string; planHash: string };

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const sameText = (a: string | null, b: string | null) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

interface Files {
  sitesText: string;
  trustsText: string;
}

function readFiles(files: Files) {
  const problems: string[] = [];
  let sites: OdsRecord[] | null = null;
  let trusts: OdsRecord[] | null = null;
  if (!files.sitesText.trim() && !files.trustsText.trim()) throw new DomainError("Choose a sites file, a trusts file or both.", "sitesFile");
  if (files.sitesText.trim()) {
    const parsed = parseOdsFile(files.sitesText);
    if (!parsed.ok) throw new DomainError(`The sites file cannot be read. ${parsed.errors.join(" ")}`, "sitesFile");
    if (parsed.kind !== "sites") problems.push("The file chosen as the sites file lists trusts (no line names a parent trust): choose it as the trusts file.");
    sites = parsed.records;
  }
  if (files.trustsText.trim()) {
    const parsed = parseOdsFile(files.trustsText);
    if (!parsed.ok) throw new DomainError(`The trusts file cannot be read. ${parsed.errors.join(" ")}`, "trustsFile");
    if (parsed.kind !== "trusts") problems.push("The file chosen as the trusts file lists sites (each line names a parent trust): choose it as the sites file.");
    trusts = parsed.records;
  }
  if (problems.length > 0) throw new DomainError(problems.join(" "), problems[0]!.includes("sites file lists") ? "sitesFile" : "trustsFile");
  return { sites, trusts };
}

/** What importing the files would do to the list as it is now. Reads the list in three statements, whatever its size. */
async function planImport(client: DatabaseTransaction | typeof db, files: Files, options: ImportOptions, today: Date): Promise<ImportPlan> {
  const { sites, trusts } = readFiles(files);
  const [existing, regions, chosen] = await Promise.all([
    client.site.findMany({
      orderBy: { odsCode: "asc" },
      select: { id: true, odsCode: true, name: true, trust: true, trustCode: true, city: true, postcode: true, listing: true, deaneryId: true },
    }),
    client.deanery.findMany({ select: { id: true, name: true } }),
    Promise.resolve(options.fallbackRegionId),
  ]);
  const regionName = new Map(regions.map((region) => [region.id, region.name]));
  if (chosen && !regionName.has(chosen)) throw new DomainError("Choose a training region from the list", "fallbackRegionId");
  const byCode = new Map(existing.map((site) => [site.odsCode, site]));
  const listed = existing.filter((site) => site.listing === "LISTED");

  // Trust names: from the trusts file first, else from the hospitals already listed under that code.
  const trustName = new Map<string, string>();
  for (const site of listed) if (site.trustCode && !trustName.has(site.trustCode)) trustName.set(site.trustCode, site.trust);
  for (const trust of trusts ?? []) trustName.set(trust.code, titleCase(trust.name));

  // A trust's region: where most of its listed hospitals are (ties: the region first by name).
  const trustRegion = new Map<string, string>();
  const tally = new Map<string, Map<string, number>>();
  for (const site of listed) {
    if (!site.trustCode) continue;
    const counts = tally.get(site.trustCode) ?? new Map<string, number>();
    counts.set(site.deaneryId, (counts.get(site.deaneryId) ?? 0) + 1);
    tally.set(site.trustCode, counts);
  }
  for (const [code, counts] of tally) {
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || regionName.get(a[0])!.localeCompare(regionName.get(b[0])!));
    trustRegion.set(code, best![0]);
  }

  const plan: ImportPlan = {
    files: { sites: sites?.length ?? null, trusts: trusts?.length ?? null },
    additions: [],
    changes: [],
    retirements: [],
    notAdded: [],
    otherTrusts: 0,
    unchanged: 0,
  };
  const changesBySite = new Map<string, ImportPlan["changes"][number]>();
  const change = (site: (typeof existing)[number], fieldChange: FieldChange) => {
    let entry = changesBySite.get(site.id);
    if (!entry) {
      entry = { siteId: site.id, code: site.odsCode, name: site.name, fields: [] };
      changesBySite.set(site.id, entry);
      plan.changes.push(entry);
    }
    if (!entry.fields.some((field) => field.field === fieldChange.field)) entry.fields.push(fieldChange);
  };

  for (const record of sites ?? []) {
    const site = byCode.get(record.code);
    if (site) {
      if (site.listing !== "LISTED") {
        plan.unchanged++;
        continue;
      }
      if (isClosed(record, today)) {
        plan.retirements.push({ siteId: site.id, code: site.odsCode, name: site.name, closeDate: record.closeDate! });
        continue;
      }
      const before = changesBySite.get(site.id)?.fields.length ?? 0;
      if (!sameText(site.name, record.name)) change(site, { field: "name", before: site.name, after: titleCase(record.name) });
      if (record.city && !sameText(site.city, record.city)) change(site, { field: "city", before: site.city, after: record.city });
      if (record.postcode && record.postcode !== site.postcode) change(site, { field: "postcode", before: site.postcode, after: record.postcode });
      if (record.parentCode && record.parentCode !== site.trustCode) {
        change(site, { field: "trustCode", before: site.trustCode, after: record.parentCode });
        const name = trustName.get(record.parentCode);
        if (name && !sameText(name, site.trust)) change(site, { field: "trust", before: site.trust, after: name });
      }
      if ((changesBySite.get(site.id)?.fields.length ?? 0) === before) plan.unchanged++;
      continue;
    }
    if (isClosed(record, today)) continue;
    const parent = record.parentCode!;
    const known = trustRegion.get(parent);
    if (options.scope === "KNOWN_TRUSTS" && !known) {
      plan.otherTrusts++;
      continue;
    }
    const trust = trustName.get(parent);
    const name = titleCase(record.name);
    if (!trust) {
      plan.notAdded.push({ code: record.code, name, reason: `its trust ${parent} is not on the list: choose the trusts file too, so that it can be named` });
      continue;
    }
    const deaneryId = known ?? chosen;
    if (!deaneryId) {
      plan.notAdded.push({ code: record.code, name, reason: `no hospital of its trust ${parent} is on the list yet: choose a training region for the import` });
      continue;
    }
    if (!record.city) {
      plan.notAdded.push({ code: record.code, name, reason: "the file gives no town for it: add it by hand" });
      continue;
    }
    plan.additions.push({
      code: record.code,
      name,
      trust,
      trustCode: parent,
      city: record.city,
      postcode: record.postcode,
      deaneryId,
      region: regionName.get(deaneryId)!,
      regionFrom: known ? "trust" : "chosen",
    });
  }

  // A trusts file renames the trust of every listed hospital under it.
  for (const trust of trusts ?? []) {
    const name = titleCase(trust.name);
    for (const site of listed) {
      if (site.trustCode !== trust.code || plan.retirements.some((retirement) => retirement.siteId === site.id)) continue;
      if (!sameText(site.trust, name)) change(site, { field: "trust", before: site.trust, after: name });
    }
  }
  return plan;
}

const fingerprint = (plan: ImportPlan) =>
  sha256(JSON.stringify({ additions: plan.additions, changes: plan.changes, retirements: plan.retirements }));
const filesHash = (files: Files) => sha256(`${files.sitesText}\u0000${files.trustsText}`);

// A browser may send the text back with its line breaks as CRLF whatever they were: the
// fingerprints are of the text with LF line breaks.
const withLf = <T extends Files>(files: T): T => ({ ...files, sitesText: files.sitesText.replace(/\r\n?/g, "\n"), trustsText: files.trustsText.replace(/\r\n?/g, "\n") });

/** What the import would add, change and retire. Writes nothing. */
export async function previewImport(actor: AuthzActor | null, sent: Files, options: ImportOptions, today = new Date()): Promise<ImportPreview> {
  assertCan(actor, "reference.manage");
  const files = withLf(sent);
  const plan = await planImport(db, files, options, today);
  return { plan, fileHash: filesHash(files), planHash: fingerprint(plan) };
}

export const isEmptyPlan = (plan: ImportPlan) => plan.additions.length + plan.changes.length + plan.retirements.length === 0;

/**
 * Applies exactly the previewed import, in one transaction: refused, with nothing written, when
 * the files are not those previewed or when the list has changed since (the plan would differ).
 * Audited as one event naming every hospital added, changed and retired.
 */
export async function applyImport(
  actor: AuthzActor | null,
  sent: Files & ImportOptions & { fileHash: string; planHash: string },
  today = new Date(),
): Promise<{ added: number; changed: number; retired: number }> {
  assertCan(actor, "reference.manage");
  const input = withLf(sent);
  if (filesHash(input) !== input.fileHash) throw new DomainError("The files are not the ones previewed. Choose them again and preview the import.");
  return db.$transaction(async (tx) => {
    // One import at a time, and no hospital edited between the check below and the writes.
    await tx.$executeRaw`LOCK TABLE "Site" IN SHARE ROW EXCLUSIVE MODE`;
    const plan = await planImport(tx, input, input, today);
    if (fingerprint(plan) !== input.planHash) {
      throw new DomainError("Nothing was changed: the list of hospitals has changed since the preview (perhaps this import was already applied). Preview the files again to see what they would change now.");
    }
    if (isEmptyPlan(plan)) throw new DomainError("Nothing to import: the list already matches these files.");
    const now = new Date();
    if (plan.additions.length > 0) {
      await tx.site.createMany({
        data: plan.additions.map((addition) => ({
          odsCode: addition.code,
          name: addition.name,
          trust: addition.trust,
          trustCode: addition.trustCode,
          city: addition.city,
          postcode: addition.postcode,
          deaneryId: addition.deaneryId,
          listing: "LISTED" as const,
        })),
      });
    }
    for (const entry of plan.changes) {
      await tx.site.update({ where: { id: entry.siteId }, data: Object.fromEntries(entry.fields.map((field) => [field.field, field.after])) });
    }
    if (plan.retirements.length > 0) {
      await tx.site.updateMany({ where: { id: { in: plan.retirements.map((retirement) => retirement.siteId) }, listing: "LISTED" }, data: { listing: "RETIRED", retiredAt: now } });
    }
    await audit(tx, {
      actorId: actor.id,
      action: "site.imported",
      entityType: "Site",
      entityId: input.fileHash,
      after: {
        files: plan.files,
        added: plan.additions.map((addition) => ({ code: addition.code, region: addition.region })),
        changed: plan.changes.map((entry) => ({ code: entry.code, fields: entry.fields.map((field) => ({ ...field })) })),
        retired: plan.retirements.map((retirement) => retirement.code),
      },
    });
    return { added: plan.additions.length, changed: plan.changes.length, retired: plan.retirements.length };
  });
}
