// The collaborative's own reference data: the UK's training regions and its hospitals. Loaded
// into every new database, production included; demo people are never part of it.
import type { DatabaseHandle } from "@/lib/db";
import { DEANERIES, HOSPITALS } from "@/prisma/seed-data";

/** Loads the regions and hospitals into a database that has none. Says how many it added. */
export async function loadReferenceData(database: DatabaseHandle): Promise<{ regions: number; hospitals: number }> {
  return database.prisma.$transaction(async (tx) => {
    // Processes starting together on one PostgreSQL: the first loads, the others then find it loaded.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72657102)`;
    if ((await tx.deanery.count()) > 0) return { regions: 0, hospitals: 0 };
    await tx.deanery.createMany({ data: DEANERIES.map(({ code, name, nation }) => ({ code, name, nation })) });
    const regions = await tx.deanery.findMany({ select: { id: true, code: true } });
    const regionId = new Map(regions.map((region) => [region.code, region.id]));
    await tx.site.createMany({
      data: HOSPITALS.map((hospital) => ({
        name: hospital.name,
        trust: hospital.trust,
        odsCode: hospital.odsCode,
        city: hospital.city,
        deaneryId: regionId.get(hospital.deaneryCode)!,
      })),
    });
    return { regions: DEANERIES.length, hospitals: HOSPITALS.length };
  });
}
