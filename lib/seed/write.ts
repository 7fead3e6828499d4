import type { Database } from "@/lib/db";
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

/**
 * Writes a seed plan in one transaction: all of it, or none; then the documents' files to the
 * configured storage (a file without its row is never read, and one left by a failed write is
 * deleted by the next seed with reset, which deletes every document's file first).
 */
export async function writeSeedPlan(prisma: Database, plan: SeedPlan, storage: FileStorage = fileStorage()): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      for (const rows of chunks(plan.deaneries)) await tx.deanery.createMany({ data: rows });
      for (const rows of chunks(plan.sites)) await tx.site.createMany({ data: rows });
      for (const rows of chunks(plan.users)) await tx.user.createMany({ data: rows });
      for (const rows of chunks(plan.profiles)) await tx.traineeProfile.createMany({ data: rows });
      for (const rows of chunks(plan.hospitalRequests)) await tx.hospitalRequest.createMany({ data: rows });
      for (const rows of chunks(plan.reviewCalls)) await tx.reviewCall.createMany({ data: rows });
      for (const rows of chunks(plan.projects)) await tx.project.createMany({ data: rows });
      for (const rows of chunks(plan.projectLeads)) await tx.projectLead.createMany({ data: rows });
      for (const rows of chunks(plan.projectVersions)) await tx.projectVersion.createMany({ data: rows });
      for (const rows of chunks(plan.reviews)) await tx.review.createMany({ data: rows });
      for (const rows of chunks(plan.decisions)) await tx.projectDecision.createMany({ data: rows });
      for (const rows of chunks(plan.conflicts)) await tx.conflictOfInterest.createMany({ data: rows });
      for (const rows of chunks(plan.reviewAssignments)) await tx.reviewAssignment.createMany({ data: rows });
      for (const rows of chunks(plan.amendments)) await tx.projectAmendment.createMany({ data: rows });
      for (const rows of chunks(plan.projectGovernanceItems)) await tx.projectGovernanceItem.createMany({ data: rows });
      for (const rows of chunks(plan.periods)) await tx.collectionPeriod.createMany({ data: rows });
      for (const rows of chunks(plan.projectSites)) await tx.projectSite.createMany({ data: rows });
      for (const rows of chunks(plan.siteGovernanceItems)) await tx.siteGovernanceItem.createMany({ data: rows });
      for (const rows of chunks(plan.collaborations)) await tx.collaboration.createMany({ data: rows });
      for (const rows of chunks(plan.progressReports)) await tx.progressReport.createMany({ data: rows });
      for (const rows of chunks(plan.notifications)) await tx.notification.createMany({ data: rows });
      for (const rows of chunks(plan.invitations)) await tx.invitation.createMany({ data: rows });
      for (const rows of chunks(plan.siteObservers)) await tx.siteObserver.createMany({ data: rows });
      for (const rows of chunks(plan.creditRoles)) await tx.projectCreditRole.createMany({ data: rows });
      for (const rows of chunks(plan.authorLists)) await tx.authorList.createMany({ data: rows });
      for (const rows of chunks(plan.authorListEntries)) await tx.authorListEntry.createMany({ data: rows });
      for (const rows of chunks(plan.outputs)) await tx.projectOutput.createMany({ data: rows });
      for (const rows of chunks(plan.certificates)) await tx.certificate.createMany({ data: rows });
      for (const rows of chunks(plan.documents)) await tx.studyDocument.createMany({ data: rows });
      for (const rows of chunks(plan.documentVersions)) await tx.studyDocumentVersion.createMany({ data: rows });
      for (const rows of chunks(plan.auditEvents)) await tx.auditEvent.createMany({ data: rows });
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
