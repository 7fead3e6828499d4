import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Nation } from "@/lib/generated/prisma/enums";
import type { RegionInput } from "@/lib/validation/reference";
import { isUniqueViolation } from "@/lib/database/unique-violation";

export interface RegionRow {
  id: string;
  name: string;
  code: string;
  nation: Nation;
  hospitals: number;
}

/** The training regions with how many listed hospitals each has: one statement, whatever the number of hospitals. */
export async function listRegions(actor: AuthzActor | null): Promise<RegionRow[]> {
  assertCan(actor, "reference.manage");
  const regions = await db.deanery.findMany({
    orderBy: [{ nation: "asc" }, { name: "asc" }],
    select: { id: true, name: true, code: true, nation: true, _count: { select: { sites: { where: { listing: "LISTED" } } } } },
  });
  return regions.map(({ _count, ...region }) => ({ ...region, hospitals: _count.sites }));
}


/** Adds a training region. Names and codes are unique. Audited. */
export async function createRegion(actor: AuthzActor | null, input: RegionInput): Promise<{ name: string }> {
  assertCan(actor, "reference.manage");
  try {
    return await db.$transaction(async (tx) => {
      const clash = await tx.deanery.findFirst({
        where: { OR: [{ name: { equals: input.name, mode: "insensitive" } }, { code: input.code }] },
        select: { name: true, code: true },
      });
      if (clash) {
        throw clash.code === input.code
          ? new DomainError(`The code ${input.code} is already used by ${clash.name}. Choose another code.`, "code")
          : new DomainError(`There is already a region called ${clash.name}.`, "name");
      }
      const region = await tx.deanery.create({ data: input, select: { id: true, name: true, code: true, nation: true } });
      await audit(tx, { actorId: actor.id, action: "deanery.created", entityType: "Deanery", entityId: region.id, after: region });
      return { name: region.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("That region was just added by someone else. Reload the page.");
    throw error;
  }
}

/** Renames a training region; its hospitals and trainees keep it. Audited. */
export async function renameRegion(actor: AuthzActor | null, input: { deaneryId: string; name: string }): Promise<{ before: string; name: string }> {
  assertCan(actor, "reference.manage");
  try {
    return await db.$transaction(async (tx) => {
      const region = await tx.deanery.findUnique({ where: { id: input.deaneryId }, select: { name: true } });
      if (!region) throw new NotFoundError("That region");
      if (region.name === input.name) return { before: region.name, name: input.name };
      const clash = await tx.deanery.findFirst({
        where: { name: { equals: input.name, mode: "insensitive" }, id: { not: input.deaneryId } },
        select: { name: true },
      });
      if (clash) throw new DomainError(`There is already a region called ${clash.name}.`, "name");
      await tx.deanery.update({ where: { id: input.deaneryId }, data: { name: input.name } });
      await audit(tx, { actorId: actor.id, action: "deanery.renamed", entityType: "Deanery", entityId: input.deaneryId, before: { name: region.name }, after: { name: input.name } });
      return { before: region.name, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(`There is already a region called ${input.name}.`, "name");
    throw error;
  }
}
