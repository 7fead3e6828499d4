// Runs before `next dev` and `next start`: makes sure there is a session secret, applies
// pending migrations, and gives a new database its regions and hospitals. With --demo (what
// `npm run dev` passes) a new embedded database gets the demo people instead; `npm run start`
// never loads them, so a production install has no account whose password is public.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import "./load-env";
import { databaseConfigFromEnv, openDatabase } from "@/lib/db";
import { settings } from "@/lib/env";
import { prepareDatabase } from "@/lib/database/prepare";
import { demoAccountLines } from "@/lib/seed/plan";

function ensureAuthSecret() {
  if (settings().AUTH_SECRET) return;
  const file = ".env.local";
  if (existsSync(file) && /^AUTH_SECRET=/m.test(readFileSync(file, "utf8"))) return;
  appendFileSync(file, `\n# Signs session cookies. Made on first start; keep it secret.\nAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
  console.log("Wrote a new AUTH_SECRET to .env.local");
}

const development = process.argv.includes("--demo");
// Production must be given its secret: a missing one stops `next start` with a message saying so.
if (development) ensureAuthSecret();
const config = databaseConfigFromEnv();
const database = openDatabase(config);
try {
  console.log(config.kind === "pglite" ? `Embedded database in ${config.dataDir}` : "PostgreSQL from DATABASE_URL");
  const demo = development && (config.kind === "pglite" ? settings().RADIANT_DEMO_DATA !== "0" : settings().RADIANT_DEMO_DATA === "1");
  const { demoLoaded } = await prepareDatabase(database, { demo, log: (line) => console.log(line) });
  // Only when they were just loaded: a database that already held data may have other passwords.
  if (demoLoaded) for (const line of demoAccountLines()) console.log(line);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
