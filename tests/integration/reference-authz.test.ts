// Who may keep the hospitals and regions: every role against every action of lib/reference,
// each on a fresh set of real rows. Only administrators may; everyone else is refused with a
// real hospital's id in hand, and a refusal changes nothing at all.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { checkMerge, createHospital, getHospital, listHospitals, listRegionChoices, mergeHospitals, relistHospital, retireHospital, updateHospital } from "@/lib/reference/hospitals";
import { applyImport, previewImport } from "@/lib/reference/nhs-import";
import { createRegion, listRegions, renameRegion } from "@/lib/reference/regions";
import { hospitalSearchSchema } from "@/lib/validation/reference";
import { createDeanery, createSite, createUser } from "../support/factories";
import { odsLine } from "../support/ods";
import { asActor } from "../support/sites";

const PERSONAS = ["visitor", "member", "committee", "admin"] as const;
type Persona = (typeof PERSONAS)[number];

async function scenario() {
  const region = await createDeanery();
  const hospital = await createSite({ name: "Addenbrooke's Hospital", deaneryId: region.id });
  const other = await createSite({ name: "Ipswich Hospital", deaneryId: region.id });
  const retired = await createSite({ name: "Old Cottage Hospital", deaneryId: region.id });
  await db.site.updateMany({ where: { id: { in: [hospital.id, other.id] } }, data: { trustCode: "RGT" } });
  await db.site.update({ where: { id: retired.id }, data: { listing: "RETIRED", retiredAt: new Date() } });
  const people: Record<Persona, Actor | null> = {
    visitor: null,
    member: asActor(await createUser({ siteId: hospital.id })),
    committee: asActor(await createUser({ role: "COMMITTEE", siteId: hospital.id })),
    admin: asActor(await createUser({ role: "ADMIN", withProfile: false })),
  };
  const sitesText = odsLine({ code: "RGT99", name: "NEW CAMBRIDGE HOSPITAL", town: "CAMBRIDGE", postcode: "CB2 0QQ", parent: "RGT" });
  return { region, hospital, other, retired, people, sitesText };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

let codes = 0;
const freshCode = () => `ZZ${String(++codes).padStart(3, "0")}`;

const ACTIONS: { name: string; attempt: (actor: Actor | null, s: Scenario) => Promise<unknown> }[] = [
  { name: "list hospitals", attempt: (actor) => listHospitals(actor, hospitalSearchSchema.parse({})) },
  { name: "see a hospital", attempt: (actor, s) => getHospital(actor, s.hospital.id) },
  { name: "see the region choices", attempt: (actor) => listRegionChoices(actor) },
  {
    name: "add a hospital",
    attempt: (actor, s) => createHospital(actor, { odsCode: freshCode(), name: "Hospital", trust: "Trust", city: "Town", deaneryId: s.region.id }),
  },
  {
    name: "edit a hospital",
    attempt: (actor, s) =>
      updateHospital(actor, { siteId: s.hospital.id, odsCode: s.hospital.odsCode, name: "Renamed", trust: "Trust", trustCode: "RGT", city: "Cambridge", deaneryId: s.region.id }),
  },
  { name: "retire a hospital", attempt: (actor, s) => retireHospital(actor, s.hospital.id) },
  { name: "put a hospital back", attempt: (actor, s) => relistHospital(actor, s.retired.id) },
  { name: "check a merge", attempt: (actor, s) => checkMerge(actor, { siteId: s.other.id, survivorCode: s.hospital.odsCode }) },
  { name: "merge two hospitals", attempt: (actor, s) => mergeHospitals(actor, { siteId: s.other.id, survivorCode: s.hospital.odsCode }) },
  { name: "list regions", attempt: (actor) => listRegions(actor) },
  { name: "add a region", attempt: (actor) => createRegion(actor, { name: `Region ${freshCode()}`, code: freshCode().slice(-5), nation: "WALES" }) },
  { name: "rename a region", attempt: (actor, s) => renameRegion(actor, { deaneryId: s.region.id, name: "Renamed region" }) },
  { name: "preview an import", attempt: (actor, s) => previewImport(actor, { sitesText: s.sitesText, trustsText: "" }, { scope: "KNOWN_TRUSTS" }) },
  {
    name: "apply an import",
    attempt: async (actor, s) => {
      // The hashes are what the administrator's own preview gave: the refusal is of the person, not the fingerprint.
      const admin = s.people.admin;
      const preview = await previewImport(admin, { sitesText: s.sitesText, trustsText: "" }, { scope: "KNOWN_TRUSTS" });
      return applyImport(actor, { sitesText: s.sitesText, trustsText: "", scope: "KNOWN_TRUSTS", fileHash: preview.fileHash, planHash: preview.planHash });
    },
  },
];

/** Everything the reference actions could change, as text to compare. */
async function snapshot() {
  const [sites, regions, profiles, audits] = await Promise.all([
    db.site.findMany({ orderBy: { id: "asc" } }),
    db.deanery.findMany({ orderBy: { id: "asc" } }),
    db.traineeProfile.findMany({ orderBy: { userId: "asc" }, select: { userId: true, homeSiteId: true } }),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ sites, regions, profiles, audits });
}

const rows = ACTIONS.flatMap((action) => PERSONAS.map((persona) => ({ action: action.name, persona, allowed: persona === "admin" })));

describe("keeping the hospitals and regions: who may do what", () => {
  it.each(rows)("$action by $persona: allowed = $allowed", async ({ action, persona, allowed }) => {
    const s = await scenario();
    const { attempt } = ACTIONS.find((row) => row.name === action)!;
    const before = await snapshot();
    const outcome = await attempt(s.people[persona], s).then(
      () => "done",
      (error: unknown) => error,
    );
    if (allowed) {
      expect(outcome).toBe("done");
      return;
    }
    expect(outcome).toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toBe(before);
  });

  it("a committee member holding a real hospital's id can neither see its page nor merge it away", async () => {
    const s = await scenario();
    const before = await snapshot();
    await expect(getHospital(s.people.committee, s.hospital.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mergeHospitals(s.people.committee, { siteId: s.hospital.id, survivorCode: s.other.odsCode })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retireHospital(s.people.member, s.hospital.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toBe(before);
  });
});
