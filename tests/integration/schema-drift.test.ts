// Proves prisma/migrations and prisma/schema.prisma describe the same database:
// one database is built by running every migration, another straight from the
// schema (Prisma's own engine, diff from empty), and their catalogs compared.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { appDatabase, openDatabase, type SqlSession } from "@/lib/db";
import { diffSchemas } from "@/lib/database/schema-engine";
import { createEmptyDatabaseConfig } from "../support/database";

async function catalog(session: SqlSession) {
  const columns = await session.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(`
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     ORDER BY table_name, column_name`);
  const indexes = await session.query<{ tablename: string; indexname: string; indexdef: string }>(`
    SELECT tablename, indexname, indexdef FROM pg_indexes
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
     ORDER BY tablename, indexname`);
  const foreignKeys = await session.query<{ conname: string; definition: string }>(`
    SELECT c.conname, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.contype = 'f'
     ORDER BY c.conname`);
  const enums = await session.query<{ typname: string; labels: string }>(`
    SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public'
     GROUP BY t.typname ORDER BY t.typname`);
  return { columns, indexes, foreignKeys, enums };
}

describe("migrations and schema.prisma", () => {
  it("build the same database: tables, columns, types, nullability, indexes, foreign keys, enums", async () => {
    const schema = await readFile("prisma/schema.prisma", "utf8");
    const fromMigrations = await appDatabase().withSession(catalog);

    const fromSchema = openDatabase(await createEmptyDatabaseConfig());
    try {
      const sql = await diffSchemas(null, schema);
      await fromSchema.withSession((session) => session.exec(sql));
      expect(fromMigrations).toEqual(await fromSchema.withSession(catalog));
    } finally {
      await fromSchema.close();
    }

    // And the comparison is not empty: every model of the schema is a table.
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
    const tables = new Set(fromMigrations.columns.map((column) => column.table_name));
    expect(models.length).toBeGreaterThanOrEqual(14);
    for (const model of models) expect(tables).toContain(model);
    expect(fromMigrations.indexes.some((index) => index.indexname === "ProjectSite_projectId_siteId_key")).toBe(true);
    expect(fromMigrations.indexes.some((index) => index.indexname === "Collaboration_projectSiteId_userId_key")).toBe(true);
  });

  it("has no change in schema.prisma that a migration does not yet hold", async () => {
    const { readMigrations, MIGRATIONS_DIR } = await import("@/lib/database/migrate");
    const last = (await readMigrations()).at(-1)!;
    const snapshot = await readFile(`${MIGRATIONS_DIR}/${last.name}/schema.prisma`, "utf8");
    const pending = await diffSchemas(snapshot, await readFile("prisma/schema.prisma", "utf8"));
    expect(pending.replace(/^--.*$/gm, "").trim(), "run: npm run db:new-migration -- <name>").toBe("");
  });
});
