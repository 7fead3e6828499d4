// The one Prisma client of the app, and the only module that knows which
// database driver is in use: a real PostgreSQL when DATABASE_URL is set,
// otherwise an embedded PostgreSQL (PGlite) persisted under RADIANT_DATA_DIR.
// Scripts (migrate, seed) import it too, so it cannot be marked server-only.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { countStatement } from "@/lib/database/statement-count";
import { readEnv, settings } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

/** Plain SQL on one session, for the migration runner and tests. */
export interface SqlSession {
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export type Database = ReturnType<typeof newPrismaClient>;
/** A Prisma client or an interactive transaction of one. */
export type DatabaseTransaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** What the job queue (lib/jobs) connects through: its own pool, or the one embedded database. */
export type JobQueueConnection = { kind: "postgres"; url: string } | { kind: "pglite"; lite: PGlite };

export interface DatabaseHandle {
  config: DatabaseConfig;
  prisma: Database;
  jobQueueConnection: JobQueueConnection;
  /** Runs `work` on one session held for its whole duration. */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Which database: from the portal's settings, or from `source` when given (tests). */
export function databaseConfigFromEnv(source?: Record<string, string | undefined>): DatabaseConfig {
  const env = source ? readEnv(source) : settings();
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: env.RADIANT_DATA_DIR };
}

type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>;

function newPrismaClient(adapter: AdapterFactory) {
  const client = new PrismaClient({
    adapter,
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", countStatement);
  return client;
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: settings().DATABASE_POOL_SIZE,
    });
    const prisma = newPrismaClient(new PrismaPg(pool));
    return {
      config,
      prisma,
      jobQueueConnection: { kind: "postgres", url: config.url },
      async withSession(work) {
        const client = await pool.connect();
        try {
          return await work({
            exec: async (sql) => {
              await client.query(sql);
            },
            query: async <Row,>(sql: string, params?: unknown[]) =>
              (await client.query(sql, params)).rows as Row[],
          });
        } finally {
          client.release();
        }
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  // PGlite is a single connection: every caller shares the one session.
  const inMemory = config.dataDir === "memory://";
  if (!inMemory) mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
  const lite = new PGlite(inMemory ? undefined : config.dataDir);
  const prisma = newPrismaClient(new PrismaPGlite(withArrayLiterals(lite)));
  const session: SqlSession = {
    exec: async (sql) => {
      await lite.exec(sql);
    },
    query: async <Row,>(sql: string, params?: unknown[]) => (await lite.query<Row>(sql, params)).rows,
  };
  // One connection: a session is held by taking turns, as a separate connection would be.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    config,
    prisma,
    jobQueueConnection: { kind: "pglite", lite },
    withSession(work) {
      const result = turn.then(() => work(session));
      turn = result.catch(() => undefined);
      return result;
    },
    async close() {
      await prisma.$disconnect();
      if (!lite.closed) await lite.close();
    },
  };
}

/** A PostgreSQL array literal: {"a","b"}. */
function arrayLiteral(values: unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return "NULL";
    if (Array.isArray(value)) return arrayLiteral(value);
    return `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}

/**
 * PGlite serialises a JavaScript array parameter only for the array types it
 * knows, and sends an enum array (such as "Modality"[]) as a bare string that
 * PostgreSQL rejects. Sending every array as a text literal lets PostgreSQL
 * parse it by the parameter's real type, as node-postgres does.
 */
function withArrayLiterals<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === "query") {
        return (sql: string, params?: unknown[], options?: unknown) =>
          method.call(target, sql, params?.map((param) => (Array.isArray(param) ? arrayLiteral(param) : param)), options);
      }
      if (property === "transaction") {
        return (work: (tx: object) => unknown) => method.call(target, (tx: object) => work(withArrayLiterals(tx)));
      }
      return method.bind(target);
    },
  });
}

const globalForDb = globalThis as unknown as { radiantDatabase?: DatabaseHandle };

/** The app's database, opened on first use (never at import, so builds touch no data). */
export function appDatabase(): DatabaseHandle {
  globalForDb.radiantDatabase ??= openDatabase(databaseConfigFromEnv());
  return globalForDb.radiantDatabase;
}

export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = appDatabase().prisma;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
