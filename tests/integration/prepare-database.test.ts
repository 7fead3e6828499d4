import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db";
import { readMigrations } from "@/lib/database/migrate";
import { prepareDatabase } from "@/lib/database/prepare";
import { loadReferenceData } from "@/lib/seed/reference";
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

  it("applies each migration once and loads the reference data once when several processes start together", async () => {
    const config = await createEmptyDatabaseConfig();
    // On PostgreSQL each handle is another process's connections; the embedded database has one
    // connection, so there the starts take turns on it.
    const handles = config.kind === "postgres" ? [openDatabase(config), openDatabase(config), openDatabase(config), openDatabase(config)] : [openDatabase(config)];
    try {
      const starts = config.kind === "postgres" ? handles : [handles[0]!, handles[0]!, handles[0]!];
      await Promise.all(starts.map((handle) => prepareDatabase(handle, { demo: false })));
      const [database] = handles as [DatabaseHandle];
      // The reference data alone, started at the same moment by every process on a database
      // migrated but still empty: one loads it, the others find it loaded.
      await database.prisma.site.deleteMany();
      await database.prisma.deanery.deleteMany();
      await Promise.all(starts.map((handle) => loadReferenceData(handle)));
      const migrations = await readMigrations();
      const applied = await database.withSession((session) =>
        session.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL'),
      );
      expect(applied.map((row) => row.migration_name).sort()).toEqual(migrations.map((migration) => migration.name).sort());
      expect(await database.prisma.deanery.count()).toBe(DEANERIES.length);
      expect(await database.prisma.site.count()).toBe(HOSPITALS.length);
    } finally {
      for (const handle of handles) await handle.close();
    }
  });

  it("for development, loads the demo people into a new database", async () => {
    const database = openDatabase(await createEmptyDatabaseConfig());
    try {
      // Says it loaded them (npm run dev then prints the accounts), and only the first time.
      expect(await prepareDatabase(database, { demo: true })).toEqual({ demoLoaded: true });
      expect(await database.prisma.user.findUnique({ where: { email: "admin@example.org" }, select: { role: true } })).toEqual({ role: "ADMIN" });
      expect(await prepareDatabase(database, { demo: true })).toEqual({ demoLoaded: false });
    } finally {
      await database.close();
    }
  });
});
