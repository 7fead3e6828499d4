import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { prepareDatabase } from "@/lib/database/prepare";
import { DEANERIES, HOSPITALS } from "@/prisma/seed-data";
import { createEmptyDatabaseConfig } from "../support/database";

describe("preparing a new database", () => {
  it("for production, loads the regions and hospitals and no demo people, once", async () => {
    const database = openDatabase(await createEmptyDatabaseConfig());
    try {
      await prepareDatabase(database, { demo: false });
      await prepareDatabase(database, { demo: false });
      expect(await database.prisma.user.count()).toBe(0);
      expect(await database.prisma.user.findUnique({ where: { email: "admin@example.org" } })).toBeNull();
      expect(await database.prisma.deanery.count()).toBe(DEANERIES.length);
      expect(await database.prisma.site.count()).toBe(HOSPITALS.length);
      const scotland = await database.prisma.deanery.findMany({ where: { nation: "SCOTLAND" }, select: { code: true } });
      expect(scotland.length).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it("for development, loads the demo people into a new database", async () => {
    const database = openDatabase(await createEmptyDatabaseConfig());
    try {
      await prepareDatabase(database, { demo: true });
      expect(await database.prisma.user.findUnique({ where: { email: "admin@example.org" }, select: { role: true } })).toEqual({ role: "ADMIN" });
    } finally {
      await database.close();
    }
  });
});
