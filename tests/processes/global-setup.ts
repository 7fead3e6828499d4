// The "several processes" stage (playwright.processes.config.ts): a new database on the
// PostgreSQL of RADIANT_TEST_POSTGRES_URL, migrated and given the demo data, and the production
// build (made here only when there is none: `npm test` builds it for the end-to-end tests first).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

export default async function globalSetup() {
  const server = process.env.RADIANT_TEST_POSTGRES_URL;
  if (!server) throw new Error("Set RADIANT_TEST_POSTGRES_URL to a PostgreSQL server on which a test database may be created.");
  const name = `radiant_processes_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(server, name);
  process.env.RADIANT_PROCESSES_DATABASE_URL = url;
  run("npx", ["tsx", "scripts/seed.ts"], { DATABASE_URL: url });
  if (!existsSync(".next/BUILD_ID")) run("npm", ["run", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
