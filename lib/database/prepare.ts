// What runs before the portal serves anything: migrations, the job queue's tables, the
// regions and hospitals of a new database, and — only when asked, for development — demo people.
import type { DatabaseHandle } from "@/lib/db";
import { migrate, readMigrations, withMigrationLock } from "@/lib/database/migrate";
import { installJobQueue } from "@/lib/jobs/queue";
import { loadReferenceData } from "@/lib/seed/reference";
import { isEmpty, seedDatabase } from "@/lib/seed/run";

/** Says whether it loaded the demo people (only into an empty database, and only when asked). */
export async function prepareDatabase(database: DatabaseHandle, options: { demo: boolean; log?: (line: string) => void }): Promise<{ demoLoaded: boolean }> {
  const log = options.log ?? (() => undefined);
  // Several portal processes may start at once on one PostgreSQL: one prepares, the others wait
  // for the lock and then find nothing left to do (docs/decisions/015-operations.md).
  await database.withSession((session) =>
    withMigrationLock(session, async () => {
      await migrate(session, await readMigrations(), log);
      await installJobQueue(database, session);
    }),
  );
  if (options.demo && (await isEmpty(database))) {
    const summary = await seedDatabase(database, { scale: "demo", reset: false });
    log(`Loaded demo data in ${(summary.milliseconds / 1000).toFixed(1)} s`);
    return { demoLoaded: true };
  }
  const added = await loadReferenceData(database);
  if (added.regions > 0) log(`Loaded ${added.regions} training regions and ${added.hospitals} hospitals`);
  return { demoLoaded: false };
}
