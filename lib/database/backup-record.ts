// The record of each finished backup (`npm run db:backup`), which the administrators' status
// page reads as "last backup". Not server-only: the backup script writes it.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { DatabaseHandle } from "@/lib/db";

/** The audit action of a finished backup: what the administrators' status page shows as the last one. */
export const BACKUP_RECORDED = "database.backedUp";

export interface BackupRecord {
  /** The backup file's name (not its folder). */
  file: string;
  bytes: number;
  finishedAt: string;
}

/**
 * Writes down a finished backup in the database it copied, as an audit event with no actor (a
 * command on the server made it). The record is made after the copy, so it is not in the copy.
 */
export async function recordBackup(database: DatabaseHandle, file: string, finishedAt = new Date()): Promise<BackupRecord> {
  const record: BackupRecord = { file: path.basename(file), bytes: (await stat(file)).size, finishedAt: finishedAt.toISOString() };
  await database.prisma.auditEvent.create({
    data: { actorId: null, action: BACKUP_RECORDED, entityType: "Database", entityId: database.config.kind, after: { ...record } },
  });
  return record;
}
