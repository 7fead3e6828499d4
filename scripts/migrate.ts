import { databaseConfigFromEnv, openDatabase } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/database/migrate";
import { installJobQueue } from "@/lib/jobs/queue";

const database = openDatabase(databaseConfigFromEnv());
try {
  const applied = await database.withSession(async (session) => {
    const done = await migrate(session, await readMigrations(), (line) => console.log(line));
    await installJobQueue(database, session);
    return done;
  });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
