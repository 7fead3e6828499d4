// Run as a child process by tests/integration/embedded-durability.test.ts:
// writes one trainee account to the embedded database in the given folder,
// then dies without closing anything, as a killed server would.
import { openDatabase } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/database/migrate";

const [dataDir, email] = process.argv.slice(2);
const database = openDatabase({ kind: "pglite", dataDir: dataDir! });
await database.withSession(async (session) => migrate(session, await readMigrations()));
await database.prisma.user.create({ data: { email: email!, name: "Written Before The Crash" } });
process.kill(process.pid, "SIGKILL");
