import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { backupDatabase, restoreDatabase } from "@/lib/database/backup";
import { migrate, readMigrations } from "@/lib/database/migrate";
import { seedDatabase } from "@/lib/seed/run";
import { createEmptyDatabaseConfig } from "../support/database";

const folder = await mkdtemp(path.join(tmpdir(), "radiant-backup-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

async function snapshot(config: Parameters<typeof openDatabase>[0]) {
  const database = openDatabase(config);
  try {
    return {
      users: await database.prisma.user.findMany({ select: { email: true, passwordHash: true }, orderBy: { email: "asc" } }),
      reports: await database.prisma.progressReport.count(),
      projects: await database.prisma.project.findMany({ select: { slug: true, status: true, modalities: true }, orderBy: { slug: "asc" } }),
      migrations: await database.withSession((session) => session.query('SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1')),
    };
  } finally {
    await database.close();
  }
}

describe("backup and restore", () => {
  it("restores a backup into a database that then holds the same data", async () => {
    const useEmbedded = !process.env.DATABASE_URL;
    const source = useEmbedded ? { kind: "pglite" as const, dataDir: path.join(folder, "source") } : await createEmptyDatabaseConfig();
    const database = openDatabase(source);
    await database.withSession(async (session) => migrate(session, await readMigrations()));
    await seedDatabase(database, { scale: "demo", reset: false });
    await database.close();
    const before = await snapshot(source);
    expect(before.users.length).toBeGreaterThan(100);

    const file = path.join(folder, useEmbedded ? "backup.tar.gz" : "backup.dump");
    await backupDatabase(source, file);
    const target = useEmbedded ? { kind: "pglite" as const, dataDir: path.join(folder, "target") } : await createEmptyDatabaseConfig();
    await restoreDatabase(target, file);
    expect(await snapshot(target)).toEqual(before);
  });
});
