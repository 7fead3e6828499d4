import "server-only";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { BACKUP_RECORDED, type BackupRecord } from "@/lib/database/backup-record";
import { readMigrations } from "@/lib/database/migrate";
import { jobQueueCounts, type QueueCounts } from "@/lib/stats/health";
import packageJson from "@/package.json";

export interface MigrationLevel {
  /** Migrations this build of the portal ships. */
  shipped: number;
  /** Of those, applied to the database. */
  applied: number;
  /** The newest migration applied, and the newest shipped. */
  latestApplied: string | null;
  latestShipped: string | null;
  /** Shipped but not applied: the database is behind this build (it should catch up on start). */
  pending: string[];
}

export interface PortalStatus {
  version: string;
  failedEmails: number;
  queues: QueueCounts[];
  migrations: MigrationLevel;
  /** The last `npm run db:backup` on this database, or null: none was ever recorded. */
  lastBackup: BackupRecord | null;
}

async function migrationLevel(): Promise<MigrationLevel> {
  const [shipped, rows] = await Promise.all([
    readMigrations(),
    db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  ]);
  const applied = new Set(rows.map((row) => row.migration_name));
  return {
    shipped: shipped.length,
    applied: shipped.filter((migration) => applied.has(migration.name)).length,
    latestApplied: rows.at(-1)?.migration_name ?? null,
    latestShipped: shipped.at(-1)?.name ?? null,
    pending: shipped.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name),
  };
}

function asBackupRecord(value: unknown): BackupRecord | null {
  if (!value || typeof value !== "object") return null;
  const { file, bytes, finishedAt } = value as Record<string, unknown>;
  if (typeof file !== "string" || typeof bytes !== "number" || typeof finishedAt !== "string") return null;
  return { file, bytes, finishedAt };
}

/** How the installation is, for administrators. Four statements, whatever the size of the data. */
export async function portalStatus(actor: AuthzActor | null): Promise<PortalStatus> {
  assertCan(actor, "operations.view");
  const [failedEmails, queues, migrations, backup] = await Promise.all([
    db.emailMessage.count({ where: { status: "FAILED" } }),
    jobQueueCounts(),
    migrationLevel(),
    db.auditEvent.findFirst({ where: { action: BACKUP_RECORDED }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { after: true } }),
  ]);
  return { version: packageJson.version, failedEmails, queues, migrations, lastBackup: asBackupRecord(backup?.after) };
}
