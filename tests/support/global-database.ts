// With DATABASE_URL set, the integration tests run against that PostgreSQL:
// one migrated template database is made here, and each test file clones it
// (tests/support/database.ts). Without it, each file uses an in-memory PGlite.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/database/migrate";
import { installJobQueue } from "@/lib/jobs/queue";

export async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const template = `radiant_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const target = new pg.Client({ connectionString: withDatabase(url, template) });
  await target.connect();
  await migrate(
    { exec: async (sql) => void (await target.query(sql)), query: async <Row,>(sql: string, params?: unknown[]) => (await target.query(sql, params)).rows as Row[] },
    await readMigrations(),
  );
  await target.end();
  // The job queue's schema and queues, so that every clone can queue mail at once.
  const handle = openDatabase({ kind: "postgres", url: withDatabase(url, template) });
  await handle.withSession((session) => installJobQueue(handle, session));
  await handle.close();
  project.provide("templateDatabase", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
