// Backups of either database: pg_dump / pg_restore for PostgreSQL, and a
// compressed copy of the data folder for the embedded database (taken through
// PGlite itself, so it is consistent; the portal must be stopped first, since
// only one process may open the folder).
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { DatabaseConfig } from "@/lib/db";

const run = promisify(execFile);

/** pg_dump and pg_restore from PATH, or from Debian's versioned folder. */
function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = path.join(root, version, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return name;
}

export async function backupDatabase(config: DatabaseConfig, file: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  if (config.kind === "postgres") {
    await run(postgresTool("pg_dump"), ["--format=custom", "--no-owner", "--file", file, config.url]);
    return;
  }
  const lite = await PGlite.create(config.dataDir);
  try {
    const archive = await lite.dumpDataDir("gzip");
    await writeFile(file, Buffer.from(await archive.arrayBuffer()));
  } finally {
    await lite.close();
  }
}

/**
 * Restores a backup over the database. For the embedded database the current
 * folder is kept beside it (renamed with the time) rather than deleted.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  if (config.kind === "postgres") {
    await run(postgresTool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", config.url, file]);
    return;
  }
  if (existsSync(config.dataDir)) {
    await rename(config.dataDir, `${config.dataDir}.before-restore-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`);
  }
  await mkdir(path.dirname(path.resolve(config.dataDir)), { recursive: true });
  const archive = new Blob([await readFile(file)]);
  const lite = await PGlite.create(config.dataDir, { loadDataDir: archive });
  await lite.close();
}
