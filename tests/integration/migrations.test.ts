import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { checksumOf, migrate, MigrationError, readMigrations, type MigrationFile } from "@/lib/database/migrate";
import { createEmptyDatabaseConfig } from "../support/database";

async function withEmptyDatabase<T>(work: (database: ReturnType<typeof openDatabase>) => Promise<T>) {
  const database = openDatabase(await createEmptyDatabaseConfig());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const extra: MigrationFile = {
  name: "29990101000000_add_note",
  sql: 'CREATE TABLE "Note" (id int primary key);',
  checksum: checksumOf('CREATE TABLE "Note" (id int primary key);'),
};

describe("the migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    await withEmptyDatabase(async (database) => {
      const applied = await database.withSession((session) => migrate(session, migrations));
      expect(applied).toEqual(migrations.map((m) => m.name));
      const again = await database.withSession((session) => migrate(session, migrations));
      expect(again).toEqual([]);

      const rows = await database.withSession((session) =>
        session.query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; applied_steps_count: number; started_at: Date }>(
          'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
        ),
      );
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
      for (const [index, row] of rows.entries()) {
        expect(row.checksum).toBe(migrations[index]!.checksum);
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(row.applied_steps_count).toBe(1);
        expect(row.finished_at).not.toBeNull();
        expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      }
    });
  });

  it("applies only the new migration on a later run", async () => {
    const migrations = await readMigrations();
    await withEmptyDatabase(async (database) => {
      await database.withSession((session) => migrate(session, migrations));
      const applied = await database.withSession((session) => migrate(session, [...migrations, extra]));
      expect(applied).toEqual([extra.name]);
      const tables = await database.withSession((session) =>
        session.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'Note'"),
      );
      expect(tables).toHaveLength(1);
    });
  });

  it("refuses to run when an applied migration file was edited, and changes nothing", async () => {
    const migrations = await readMigrations();
    await withEmptyDatabase(async (database) => {
      await database.withSession((session) => migrate(session, [...migrations, extra]));
      const edited = { ...extra, sql: `${extra.sql}\n-- edited`, checksum: checksumOf(`${extra.sql}\n-- edited`) };
      const next: MigrationFile = { name: "29990202000000_later", sql: 'CREATE TABLE "Later" (id int);', checksum: "x" };
      await expect(database.withSession((session) => migrate(session, [...migrations, edited, next]))).rejects.toThrow(
        /was edited after it was applied/,
      );
      const later = await database.withSession((session) =>
        session.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'Later'"),
      );
      expect(later).toHaveLength(0);
    });
  });

  it("rolls back a migration that fails, leaving no half-applied change or record", async () => {
    const migrations = await readMigrations();
    const broken: MigrationFile = {
      name: "29990303000000_broken",
      sql: 'CREATE TABLE "Half" (id int); SELECT no_such_function();',
      checksum: "y",
    };
    await withEmptyDatabase(async (database) => {
      await expect(database.withSession((session) => migrate(session, [...migrations, broken]))).rejects.toBeInstanceOf(
        MigrationError,
      );
      const state = await database.withSession(async (session) => ({
        half: await session.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'"),
        recorded: await session.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${broken.name}'`),
        applied: await session.query('SELECT 1 FROM "_prisma_migrations"'),
      }));
      expect(state.half).toHaveLength(0);
      expect(state.recorded).toHaveLength(0);
      expect(state.applied).toHaveLength(migrations.length);
    });
  });

  it("applies each migration exactly once when two processes start at the same time", async () => {
    const migrations = await readMigrations();
    const config = await createEmptyDatabaseConfig();
    // Two handles are two processes' connections on PostgreSQL; PGlite has one connection, shared in turns.
    const first = openDatabase(config);
    const second = config.kind === "postgres" ? openDatabase(config) : first;
    try {
      const [a, b] = await Promise.all([
        first.withSession((session) => migrate(session, migrations)),
        second.withSession((session) => migrate(session, migrations)),
      ]);
      expect([...a, ...b].sort()).toEqual(migrations.map((m) => m.name).sort());
      const rows = await first.withSession((session) => session.query('SELECT migration_name FROM "_prisma_migrations"'));
      expect(rows).toHaveLength(migrations.length);
    } finally {
      await first.close();
      if (second !== first) await second.close();
    }
  });
});
