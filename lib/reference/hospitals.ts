import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SiteListing } from "@/lib/generated/prisma/enums";
import { pageWindow } from "@/lib/paging";
import type { HospitalEdit, HospitalInput, HospitalSearch, MergeInput } from "@/lib/validation/reference";
import { isUniqueViolation } from "@/lib/database/unique-violation";

export const HOSPITALS_PAGE_SIZE = 25;

export interface HospitalRow {
  id: string;
  name: string;
  odsCode: string;
  trust: string;
  city: string;
  region: string;
  listing: SiteListing;
}

/** Hospitals by name, for administrators: search by name, organisation code or city; filter by region and listing. Two statements. */
export async function listHospitals(actor: AuthzActor | null, search: HospitalSearch) {
  assertCan(actor, "reference.manage");
  const where: Prisma.SiteWhereInput = {
    ...(search.region ? { deaneryId: search.region } : {}),
    ...(search.listing ? { listing: search.listing } : {}),
    ...(search.q
      ? {
          OR: [
            { name: { contains: search.q, mode: "insensitive" } },
            { odsCode: { startsWith: search.q.replace(/\s+/g, "").toUpperCase() } },
            { city: { contains: search.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const total = await db.site.count({ where });
  const { page, pageCount, skip } = pageWindow(total, search.page, HOSPITALS_PAGE_SIZE);
  const rows = await db.site.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take: HOSPITALS_PAGE_SIZE,
    select: { id: true, name: true, odsCode: true, trust: true, city: true, listing: true, deanery: { select: { name: true } } },
  });
  return {
    rows: rows.map((row): HospitalRow => ({ ...row, region: row.deanery.name })),
    total,
    page,
    pageCount,
  };
}

/** The training regions, for the region choices of the hospitals pages. */
export async function listRegionChoices(actor: AuthzActor | null): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "reference.manage");
  return db.deanery.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** One hospital as its page shows it: its fields, where it is used, and what it was merged into. */
export async function getHospital(actor: AuthzActor | null, siteId: string) {
  assertCan(actor, "reference.manage");
  const site = await db.site.findUnique({
    where: { id: siteId },
    select: {
      id: true,
      name: true,
      odsCode: true,
      trust: true,
      trustCode: true,
      city: true,
      postcode: true,
      listing: true,
      retiredAt: true,
      deaneryId: true,
      deanery: { select: { name: true } },
      mergedInto: { select: { id: true, name: true, odsCode: true } },
      _count: { select: { projectSites: true, trainees: true, interests: true } },
    },
  });
  if (!site) throw new NotFoundError("That hospital");
  return {
    ...site,
    region: site.deanery.name,
    uses: { projects: site._count.projectSites, profiles: site._count.trainees, interests: site._count.interests },
  };
}

async function assertCodeFree(tx: DatabaseTransaction, odsCode: string, exceptId?: string) {
  const taken = await tx.site.findUnique({ where: { odsCode }, select: { id: true, name: true } });
  if (taken && taken.id !== exceptId) {
    throw new DomainError(`The organisation code ${odsCode} is already used by ${taken.name}. Check the code, or edit that entry instead.`, "odsCode");
  }
}

async function assertRegion(tx: DatabaseTransaction, deaneryId: string) {
  const region = await tx.deanery.findUnique({ where: { id: deaneryId }, select: { id: true } });
  if (!region) throw new DomainError("Choose a training region from the list", "deaneryId");
}


const EDITABLE = { odsCode: true, name: true, trust: true, trustCode: true, city: true, postcode: true, deaneryId: true } as const;

/** The columns of a hospital an administrator sets, as adding and editing both write them. */
function editableFields(input: HospitalInput) {
  return {
    odsCode: input.odsCode,
    name: input.name,
    trust: input.trust,
    trustCode: input.trustCode ?? null,
    city: input.city,
    postcode: input.postcode ?? null,
    deaneryId: input.deaneryId,
  };
}

/** Adds a hospital to the list, offered at once in sign-up, profiles and site registration. Audited. */
export async function createHospital(actor: AuthzActor | null, input: HospitalInput): Promise<{ id: string; name: string }> {
  assertCan(actor, "reference.manage");
  try {
    return await db.$transaction(async (tx) => {
      await assertCodeFree(tx, input.odsCode);
      await assertRegion(tx, input.deaneryId);
      const site = await tx.site.create({
        data: { ...editableFields(input), listing: "LISTED" },
        select: { id: true, ...EDITABLE },
      });
      await audit(tx, { actorId: actor.id, action: "site.created", entityType: "Site", entityId: site.id, after: site });
      return { id: site.id, name: site.name };
    });
  } catch (error) {
    // Two administrators adding the same code at once: the second is told, as if it had been there.
    if (isUniqueViolation(error)) throw new DomainError(`The organisation code ${input.odsCode} is already used by another hospital.`, "odsCode");
    throw error;
  }
}

/** Renames a hospital, changes its trust, town or postcode, or moves it to another region. Audited with what changed. */
export async function updateHospital(actor: AuthzActor | null, input: HospitalEdit): Promise<{ name: string; changed: string[] }> {
  assertCan(actor, "reference.manage");
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.site.findUnique({ where: { id: input.siteId }, select: EDITABLE });
      if (!before) throw new NotFoundError("That hospital");
      if (input.odsCode !== before.odsCode) await assertCodeFree(tx, input.odsCode, input.siteId);
      if (input.deaneryId !== before.deaneryId) await assertRegion(tx, input.deaneryId);
      const after = editableFields(input);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => after[key] !== before[key]);
      if (changed.length === 0) return { name: before.name, changed };
      await tx.site.update({ where: { id: input.siteId }, data: after });
      await audit(tx, {
        actorId: actor.id,
        action: "site.updated",
        entityType: "Site",
        entityId: input.siteId,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      });
      return { name: after.name, changed };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(`The organisation code ${input.odsCode} is already used by another hospital.`, "odsCode");
    throw error;
  }
}

/**
 * Takes a hospital off the list: it stays on the projects and profiles that name it, and is
 * offered to nobody new. Only a listed entry can be retired (a member's request is decided on
 * the requests page). Audited.
 */
export async function retireHospital(actor: AuthzActor | null, siteId: string): Promise<{ name: string }> {
  assertCan(actor, "reference.manage");
  return db.$transaction(async (tx) => {
    const site = await tx.site.findUnique({ where: { id: siteId }, select: { name: true, listing: true } });
    if (!site) throw new NotFoundError("That hospital");
    if (site.listing !== "LISTED") {
      throw new DomainError(site.listing === "RETIRED" ? `${site.name} is already retired.` : `${site.name} is a member's request: decide it on the hospital requests page.`);
    }
    const { count } = await tx.site.updateMany({ where: { id: siteId, listing: "LISTED" }, data: { listing: "RETIRED", retiredAt: new Date() } });
    if (count === 0) throw new DomainError(`${site.name} was changed by someone else meanwhile. Reload the page.`);
    await audit(tx, { actorId: actor.id, action: "site.retired", entityType: "Site", entityId: siteId, before: { listing: "LISTED" }, after: { listing: "RETIRED" } });
    return { name: site.name };
  });
}

/** Puts a retired hospital back on the list. An entry merged into another cannot come back: everything it had was moved. Audited. */
export async function relistHospital(actor: AuthzActor | null, siteId: string): Promise<{ name: string }> {
  assertCan(actor, "reference.manage");
  return db.$transaction(async (tx) => {
    const site = await tx.site.findUnique({ where: { id: siteId }, select: { name: true, listing: true, mergedIntoId: true, requests: { select: { id: true } } } });
    if (!site) throw new NotFoundError("That hospital");
    if (site.listing !== "RETIRED") throw new DomainError(`${site.name} is not retired.`);
    // A declined request was never checked: its name and code are the member's, its code a placeholder.
    if (site.requests.length > 0) throw new DomainError(`${site.name} was a member's request that was declined. Add the hospital with its organisation code instead.`);
    if (site.mergedIntoId) throw new DomainError(`${site.name} was merged into another entry and cannot be put back. Add it again if it was merged by mistake.`);
    const { count } = await tx.site.updateMany({ where: { id: siteId, listing: "RETIRED", mergedIntoId: null, requests: { none: {} } }, data: { listing: "LISTED", retiredAt: null } });
    if (count === 0) throw new DomainError(`${site.name} was changed by someone else meanwhile. Reload the page.`);
    await audit(tx, { actorId: actor.id, action: "site.relisted", entityType: "Site", entityId: siteId, before: { listing: "RETIRED" }, after: { listing: "LISTED" } });
    return { name: site.name };
  });
}

export interface MergePlan {
  merged: { id: string; name: string; odsCode: string };
  survivor: { id: string; name: string; odsCode: string; city: string };
  moves: { projects: number; interests: number; profiles: number; requests: number };
}

/** The two entries of a merge, checked: what would move, or why the merge is refused. */
async function planMerge(tx: DatabaseTransaction | typeof db, input: Pick<MergeInput, "siteId" | "survivorCode">): Promise<MergePlan> {
  const merged = await tx.site.findUnique({ where: { id: input.siteId }, select: { id: true, name: true, odsCode: true, listing: true, mergedIntoId: true } });
  if (!merged) throw new NotFoundError("That hospital");
  if (merged.mergedIntoId) throw new DomainError(`${merged.name} was already merged into another entry.`);
  if (merged.listing === "REQUESTED") throw new DomainError(`${merged.name} is a member's request: decide it on the hospital requests page, where it can be merged into an existing entry.`);
  const survivor = await tx.site.findUnique({ where: { odsCode: input.survivorCode }, select: { id: true, name: true, odsCode: true, city: true, listing: true } });
  if (!survivor) throw new DomainError(`No hospital has the organisation code ${input.survivorCode}. Check the code on the list of hospitals.`, "survivorCode");
  if (survivor.id === merged.id) throw new DomainError("Enter the code of the other entry: an entry cannot be merged into itself.", "survivorCode");
  if (survivor.listing !== "LISTED") throw new DomainError(`${survivor.name} (${survivor.odsCode}) is not on the list: merge into a listed entry, or put it back on the list first.`, "survivorCode");
  // One participation per hospital and project: a project with both entries would end with two
  // teams at one hospital, each with its own progress history. The leads settle that first.
  const clashes = await tx.project.findMany({
    where: { AND: [{ sites: { some: { siteId: merged.id } } }, { sites: { some: { siteId: survivor.id } } }] },
    orderBy: { title: "asc" },
    select: { title: true },
  });
  if (clashes.length > 0) {
    const titles = clashes.map((project) => `“${project.title}”`).join(", ");
    throw new DomainError(
      `Both entries take part in ${clashes.length === 1 ? "the project" : `${clashes.length} projects`} ${titles}. A project cannot have two teams at one hospital: ask its leads to withdraw one of the two registrations and move its team, then merge.`,
    );
  }
  const [projects, interests, profiles, requests] = await Promise.all([
    tx.projectSite.count({ where: { siteId: merged.id } }),
    tx.siteInterest.count({ where: { siteId: merged.id } }),
    tx.traineeProfile.count({ where: { homeSiteId: merged.id } }),
    tx.hospitalRequest.count({ where: { resolvedSiteId: merged.id } }),
  ]);
  return {
    merged: { id: merged.id, name: merged.name, odsCode: merged.odsCode },
    survivor: { id: survivor.id, name: survivor.name, odsCode: survivor.odsCode, city: survivor.city },
    moves: { projects, interests, profiles, requests },
  };
}

/** What a merge would do, for the confirmation step. Changes nothing. */
export async function checkMerge(actor: AuthzActor | null, input: Pick<MergeInput, "siteId" | "survivorCode">): Promise<MergePlan> {
  assertCan(actor, "reference.manage");
  return planMerge(db, input);
}

/**
 * Merges one entry into another, in one transaction: every participation in a project, interest,
 * home hospital and resolved request moves to the surviving entry; entries merged earlier into
 * the merged one now point at the survivor; the merged entry is retired with `mergedIntoId`.
 * Refused when a project has both entries (see planMerge). Audited.
 */
export async function mergeHospitals(actor: AuthzActor | null, input: Pick<MergeInput, "siteId" | "survivorCode">): Promise<MergePlan> {
  assertCan(actor, "reference.manage");
  return db.$transaction(async (tx) => {
    const survivor = await tx.site.findUnique({ where: { odsCode: input.survivorCode }, select: { id: true } });
    // Both rows locked in one order, so that two merges (or a merge and a registration check) run one after the other.
    const ids = [input.siteId, survivor?.id ?? input.siteId].sort();
    await tx.$queryRaw`SELECT id FROM "Site" WHERE id IN (${ids[0]}::uuid, ${ids[1]}::uuid) ORDER BY id FOR UPDATE`;
    const plan = await planMerge(tx, input);
    const from = plan.merged.id;
    const to = plan.survivor.id;
    await tx.projectSite.updateMany({ where: { siteId: from }, data: { siteId: to } });
    await tx.siteInterest.updateMany({ where: { siteId: from }, data: { siteId: to } });
    await tx.traineeProfile.updateMany({ where: { homeSiteId: from }, data: { homeSiteId: to } });
    await tx.hospitalRequest.updateMany({ where: { resolvedSiteId: from }, data: { resolvedSiteId: to } });
    await tx.site.updateMany({ where: { mergedIntoId: from }, data: { mergedIntoId: to } });
    await tx.site.update({ where: { id: from }, data: { listing: "RETIRED", retiredAt: new Date(), mergedIntoId: to } });
    await audit(tx, {
      actorId: actor.id,
      action: "site.merged",
      entityType: "Site",
      entityId: from,
      before: { name: plan.merged.name, odsCode: plan.merged.odsCode },
      after: { mergedIntoId: to, mergedInto: plan.survivor.odsCode, moved: { ...plan.moves } },
    });
    return plan;
  });
}
