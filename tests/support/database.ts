import os from "node:os";
import path from "node:path";
// Gives each integration test file its own freshly migrated database, which
// the app's `db` (lib/db.ts) then uses, exactly as the app would.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { appDatabase } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/database/migrate";
import { installJobQueue } from "@/lib/jobs/queue";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/workers";
import { withDatabase } from "./global-database";

const serverUrl = process.env.DATABASE_URL;
const createdDatabases: string[] = [];

/** An empty database of the same kind as the one under test (PostgreSQL or PGlite). */
export async function createEmptyDatabaseConfig(template = "template0") {
  if (!serverUrl) return { kind: "pglite" as const, dataDir: "memory://" };
  const name = `radiant_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  createdDatabases.push(name);
  return { kind: "postgres" as const, url: withDatabase(serverUrl, name) };
}

// The study's documents written by tests go to a folder of this run, never into the checkout.
process.env.STORAGE_DIR ??= path.join(os.tmpdir(), `radiant-test-files-${process.pid}`);

beforeAll(async () => {
  if (serverUrl) {
    const config = await createEmptyDatabaseConfig(inject("templateDatabase"));
    process.env.DATABASE_URL = config.url;
  } else {
    process.env.RADIANT_DATA_DIR = "memory://";
    const handle = appDatabase();
    await handle.withSession(async (session) => {
      await migrate(session, await readMigrations());
      await installJobQueue(handle, session);
    });
  }
  await startJobQueue();
});

afterAll(async () => {
  await stopJobQueue();
  await appDatabase().close();
  if (!serverUrl || createdDatabases.length === 0) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of createdDatabases) {
    // The pool's end() resolves before its connections have closed: wait for
    // them, so that a forced drop does not kill one that has no error listener
    // left (an uncaught "terminating connection due to administrator command").
    for (let attempt = 0; attempt < 50; attempt++) {
      const [{ open }] = (await admin.query<{ open: number }>(
        "SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1",
        [name],
      )).rows as [{ open: number }];
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  await admin.end();
});
