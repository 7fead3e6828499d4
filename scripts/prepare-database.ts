// Runs before `next dev` and `next start`: makes sure there is a session
// secret, applies pending migrations, and gives a new embedded database its
// demo data, so that one command gives a working portal.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import "./load-env";
import { databaseConfigFromEnv, openDatabase } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/database/migrate";
import { installJobQueue } from "@/lib/jobs/queue";
import { isEmpty, seedDatabase } from "@/lib/seed/run";

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = ".env.local";
  if (existsSync(file) && /^AUTH_SECRET=/m.test(readFileSync(file, "utf8"))) return;
  appendFileSync(file, `\n# Signs session cookies. Made on first start; keep it secret.\nAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
  console.log("Wrote a new AUTH_SECRET to .env.local");
}

ensureAuthSecret();
const config = databaseConfigFromEnv();
const database = openDatabase(config);
try {
  console.log(config.kind === "pglite" ? `Embedded database in ${config.dataDir}` : "PostgreSQL from DATABASE_URL");
  await database.withSession(async (session) => {
    await migrate(session, await readMigrations(), (line) => console.log(line));
    await installJobQueue(database, session);
  });
  const wantsDemo = config.kind === "pglite" ? process.env.RADIANT_DEMO_DATA !== "0" : process.env.RADIANT_DEMO_DATA === "1";
  if (wantsDemo && (await isEmpty(database))) {
    const summary = await seedDatabase(database, { scale: "demo", reset: false });
    console.log(`Loaded demo data in ${(summary.milliseconds / 1000).toFixed(1)} s`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
