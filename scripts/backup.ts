import "./load-env";
import { databaseConfigFromEnv, openDatabase } from "@/lib/db";
import { backupDatabase, restoreDatabase } from "@/lib/database/backup";
import { recordBackup } from "@/lib/database/backup-record";

const [command, fileArgument] = process.argv.slice(2);
const config = databaseConfigFromEnv();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const file = fileArgument ?? `backups/radiant-${stamp}.${config.kind === "postgres" ? "dump" : "tar.gz"}`;

try {
  if (command === "backup") {
    await backupDatabase(config, file);
    // For the administrators' status page ("last backup").
    const database = openDatabase(config);
    try {
      const record = await recordBackup(database, file);
      console.log(`Backed up the ${config.kind === "postgres" ? "PostgreSQL" : "embedded"} database to ${file} (${record.bytes} bytes)`);
    } finally {
      await database.close();
    }
  } else if (command === "restore" && fileArgument) {
    await restoreDatabase(config, file);
    console.log(`Restored ${file}. Start the portal to apply any newer migrations.`);
  } else {
    console.error("Usage: npm run db:backup [-- FILE]   |   npm run db:restore -- FILE");
    process.exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
