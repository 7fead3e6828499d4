import { randomUUID } from "node:crypto";
import type { Database, DatabaseTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { fileStorage, type FileStorage } from "@/lib/storage";
import type { SeedPlan } from "./plan";

// PostgreSQL takes at most 65,535 parameters in one statement.
const MAX_PARAMETERS = 30_000;

function chunks<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = Math.max(...rows.slice(0, 50).map((row) => Object.keys(row).length));
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}

/** A table this long is written with one INSERT … SELECT FROM unnest(…) per batch instead of createMany. */
const BULK_FROM_ROWS = 5_000;
const BULK_BATCH_ROWS = 20_000;

interface ColumnInfo {
  name: string;
  type: string;
  isArray: boolean;
  /** The column's default when it has one, as SQL. */
  default: string | null;
  nullable: boolean;
}

/** A value as PostgreSQL's text input for its column's type (cast back in the INSERT). */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Writes `rows` to `table`, as createMany would (an id made here where the schema makes it in the
 * client, updatedAt now), but with one statement per 20,000 rows whose parameters are one array per
 * column: the huge seed's half a million progress reports load in seconds rather than minutes.
 * Returns false, writing nothing, for a table with an array column (unnest would flatten it).
 */
export async function bulkInsert(tx: DatabaseTransaction, table: string, rows: Record<string, unknown>[]): Promise<boolean> {
  const columns = (
    await tx.$queryRawUnsafe<{ name: string; type: string; dataType: string; default: string | null; nullable: string }[]>(
      `SELECT column_name AS name, udt_name AS type, data_type AS "dataType", column_default AS default, is_nullable AS nullable
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      table,
    )
  ).map((column): ColumnInfo => ({ ...column, isArray: column.dataType === "ARRAY", nullable: column.nullable === "YES" }));
  if (columns.length === 0 || columns.some((column) => column.isArray)) return false;
  const given = new Set(rows.flatMap((row) => Object.keys(row)));
  const now = new Date().toISOString();
  const written = columns.filter((column) => given.has(column.name) || (column.default === null && (column.name === "id" || column.name === "updatedAt")));
  const valueOf = (column: ColumnInfo, row: Record<string, unknown>) => {
    const value = row[column.name];
    if (value !== undefined || column.default !== null) return asText(value);
    // What the client, not the database, fills in: an id, and updatedAt.
    if (column.name === "id") return randomUUID();
    return column.name === "updatedAt" ? now : null;
  };
  const list = written.map((column) => `"${column.name}"`).join(", ");
  // A row that leaves out a column with a default gets the default, as it would from createMany.
  const casts = written
    .map((column, i) => (column.default !== null && !column.nullable ? `coalesce(c${i}::"${column.type}", ${column.default})` : `c${i}::"${column.type}"`))
    .join(", ");
  const unnest = written.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = written.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${casts} FROM unnest(${unnest}) AS batch(${aliases})`;
  for (let start = 0; start < rows.length; start += BULK_BATCH_ROWS) {
    const batch = rows.slice(start, start + BULK_BATCH_ROWS);
    await tx.$executeRawUnsafe(sql, ...written.map((column) => batch.map((row) => valueOf(column, row))));
  }
  return true;
}

/**
 * Writes a seed plan in one transaction: all of it, or none; then the documents' files to the
 * configured storage (a file without its row is never read, and one left by a failed write is
 * deleted by the next seed with reset, which deletes every document's file first).
 */
export async function writeSeedPlan(prisma: Database, plan: SeedPlan, storage: FileStorage = fileStorage()): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const write = async <T extends object>(table: string, rows: T[], createMany: (rows: T[]) => Promise<unknown>) => {
        if (rows.length >= BULK_FROM_ROWS && (await bulkInsert(tx, table, rows as Record<string, unknown>[]))) return;
        for (const chunk of chunks(rows)) await createMany(chunk);
      };
      await write("Deanery", plan.deaneries, (rows) => tx.deanery.createMany({ data: rows }));
      await write("Site", plan.sites, (rows) => tx.site.createMany({ data: rows }));
      await write("User", plan.users, (rows) => tx.user.createMany({ data: rows }));
      await write("TraineeProfile", plan.profiles, (rows) => tx.traineeProfile.createMany({ data: rows }));
      await write("HospitalRequest", plan.hospitalRequests, (rows) => tx.hospitalRequest.createMany({ data: rows }));
      await write("ReviewCall", plan.reviewCalls, (rows) => tx.reviewCall.createMany({ data: rows }));
      await write("Project", plan.projects, (rows) => tx.project.createMany({ data: rows }));
      await write("ProjectLead", plan.projectLeads, (rows) => tx.projectLead.createMany({ data: rows }));
      await write("ProjectVersion", plan.projectVersions, (rows) => tx.projectVersion.createMany({ data: rows }));
      await write("Review", plan.reviews, (rows) => tx.review.createMany({ data: rows }));
      await write("ProjectDecision", plan.decisions, (rows) => tx.projectDecision.createMany({ data: rows }));
      await write("ConflictOfInterest", plan.conflicts, (rows) => tx.conflictOfInterest.createMany({ data: rows }));
      await write("ReviewAssignment", plan.reviewAssignments, (rows) => tx.reviewAssignment.createMany({ data: rows }));
      await write("ProjectAmendment", plan.amendments, (rows) => tx.projectAmendment.createMany({ data: rows }));
      await write("ProjectGovernanceItem", plan.projectGovernanceItems, (rows) => tx.projectGovernanceItem.createMany({ data: rows }));
      await write("CollectionPeriod", plan.periods, (rows) => tx.collectionPeriod.createMany({ data: rows }));
      await write("ProjectSite", plan.projectSites, (rows) => tx.projectSite.createMany({ data: rows }));
      await write("SiteGovernanceItem", plan.siteGovernanceItems, (rows) => tx.siteGovernanceItem.createMany({ data: rows }));
      await write("Collaboration", plan.collaborations, (rows) => tx.collaboration.createMany({ data: rows }));
      await write("ProgressReport", plan.progressReports, (rows) => tx.progressReport.createMany({ data: rows }));
      await write("Notification", plan.notifications, (rows) => tx.notification.createMany({ data: rows }));
      await write("Invitation", plan.invitations, (rows) => tx.invitation.createMany({ data: rows }));
      await write("SiteObserver", plan.siteObservers, (rows) => tx.siteObserver.createMany({ data: rows }));
      await write("ProjectCreditRole", plan.creditRoles, (rows) => tx.projectCreditRole.createMany({ data: rows }));
      await write("AuthorList", plan.authorLists, (rows) => tx.authorList.createMany({ data: rows }));
      await write("AuthorListEntry", plan.authorListEntries, (rows) => tx.authorListEntry.createMany({ data: rows }));
      await write("ProjectOutput", plan.outputs, (rows) => tx.projectOutput.createMany({ data: rows }));
      await write("Certificate", plan.certificates, (rows) => tx.certificate.createMany({ data: rows }));
      await write("StudyDocument", plan.documents, (rows) => tx.studyDocument.createMany({ data: rows }));
      await write("StudyDocumentVersion", plan.documentVersions, (rows) => tx.studyDocumentVersion.createMany({ data: rows }));
      await write("AuditEvent", plan.auditEvents, (rows) => tx.auditEvent.createMany({ data: rows }));
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  for (const file of plan.documentFiles) await storage.put(file.storageKey, file.bytes, "application/pdf");
}

/** Deletes the stored file of every document version in the database: before a reset empties it. */
export async function deleteDocumentFiles(prisma: Database, storage: FileStorage = fileStorage()): Promise<void> {
  const versions = await prisma.studyDocumentVersion.findMany({ select: { storageKey: true } });
  for (const { storageKey } of versions) await storage.delete(storageKey).catch(() => undefined);
}

/** Every table of the schema (one TRUNCATE takes them all at once); the migration table is kept. */
export const APP_TABLES: string[] = Object.values(Prisma.ModelName);

export function truncateAllSql(): string {
  return `TRUNCATE ${APP_TABLES.map((table) => `"${table}"`).join(", ")} RESTART IDENTITY CASCADE;`;
}
