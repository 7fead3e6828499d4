import "./load-env";
import { parseArgs } from "node:util";
import { databaseConfigFromEnv, openDatabase } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/database/migrate";
import { seedDatabase } from "@/lib/seed/run";
import { demoAccountLines, SEED_SCALES, type SeedScale } from "@/lib/seed/plan";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "demo" }, reset: { type: "boolean", default: false } },
});
if (!(SEED_SCALES as readonly string[]).includes(values.scale)) {
  console.error(`--scale must be one of ${SEED_SCALES.map((scale) => `"${scale}"`).join(", ")}`);
  process.exit(2);
}

const database = openDatabase(databaseConfigFromEnv());
try {
  await database.withSession(async (session) => migrate(session, await readMigrations()));
  const summary = await seedDatabase(database, { scale: values.scale as SeedScale, reset: values.reset });
  console.log(`Seeded ${values.scale} data in ${(summary.milliseconds / 1000).toFixed(1)} s:`);
  for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(16)} ${count}`);
  for (const line of demoAccountLines()) console.log(line);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
