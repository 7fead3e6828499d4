import { hashPassword } from "@/lib/auth/password";
import type { DatabaseHandle } from "@/lib/db";
import { buildSeedPlan, DEMO_PASSWORD, type SeedScale } from "./plan";
import { deleteDocumentFiles, truncateAllSql, writeSeedPlan } from "./write";

export interface SeedSummary {
  counts: Record<string, number>;
  milliseconds: number;
}

export async function isEmpty(database: DatabaseHandle): Promise<boolean> {
  return (await database.prisma.user.count()) === 0 && (await database.prisma.deanery.count()) === 0;
}

/** Loads demo data: into an empty database, or into any when `reset` clears it first. */
export async function seedDatabase(
  database: DatabaseHandle,
  options: { scale: SeedScale; reset: boolean; today?: Date },
): Promise<SeedSummary> {
  const started = performance.now();
  if (options.reset) {
    await deleteDocumentFiles(database.prisma);
    await database.withSession((session) => session.exec(truncateAllSql()));
  } else if (!(await isEmpty(database))) {
    throw new Error("The database already holds data. Run with --reset to replace it with demo data.");
  }
  const plan = buildSeedPlan(options.scale, await hashPassword(DEMO_PASSWORD), options.today ?? new Date());
  await writeSeedPlan(database.prisma, plan);
  return {
    counts: Object.fromEntries(Object.entries(plan).map(([table, rows]) => [table, (rows as unknown[]).length])),
    milliseconds: Math.round(performance.now() - started),
  };
}
