import "server-only";
import { consumeAttempt, LIMITS } from "@/lib/security/rate-limit";
import { createHash } from "node:crypto";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { fileStorage, newStorageKey, type FileStorage } from "@/lib/storage";
import { DOCUMENT_KIND_LABELS, parseTarget } from "@/lib/validation/documents";
import { CLOSED_TO_UPLOADS, loadDocumentFacts, mayUpload, readableUntil, type DocumentFacts } from "./access";
import { checkDocumentFile } from "@/lib/validation/document-files";

export interface DocumentVersionView {
  id: string;
  version: number;
  fileName: string;
  mediaType: string;
  size: number;
  note: string;
  uploadedAt: Date;
  uploadedBy: string | null;
}

export interface StudyDocumentView {
  id: string;
  kind: DocumentKind;
  title: string;
  /** Newest first; only those the reader may download. */
  versions: DocumentVersionView[];
}

/** One document as it stood when a proposal version was submitted: the version the committee reviewed. */
export interface DocumentAtVersion {
  id: string;
  kind: DocumentKind;
  title: string;
  version: DocumentVersionView;
}

export interface UploadInput {
  projectId: string;
  /** "document:<id>" or "new:<KIND>" (lib/validation/documents). */
  target: string;
  title?: string;
  note?: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Where the download route serves a version from. */
export const downloadPath = (versionId: string) => `/dashboard/documents/${versionId}`;

const VERSION_SELECT = {
  id: true,
  version: true,
  fileName: true,
  mediaType: true,
  size: true,
  note: true,
  uploadedAt: true,
  uploadedBy: { select: { name: true } },
} as const;

function toVersionView(row: { id: string; version: number; fileName: string; mediaType: string; size: number; note: string; uploadedAt: Date; uploadedBy: { name: string } | null }): DocumentVersionView {
  const { uploadedBy, ...rest } = row;
  return { ...rest, uploadedBy: uploadedBy?.name ?? null };
}

async function documentsWithVersions(projectId: string) {
  return db.studyDocument.findMany({
    where: { projectId },
    select: { id: true, kind: true, title: true, createdAt: true, versions: { select: VERSION_SELECT, orderBy: { version: "desc" } } },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
  });
}

/**
 * Stores a file as a study document: a new version of one, or a new one. The bytes go to storage
 * first and the rows after, in one transaction; if that fails the stored file is deleted, so a
 * file is never kept without its row (a row without its file cannot happen).
 */
export async function uploadDocument(actor: AuthzActor | null, input: UploadInput, storage: FileStorage = fileStorage()): Promise<{ documentId: string; title: string; versionId: string; version: number }> {
  const facts = await loadDocumentFacts(db, input.projectId, actor);
  assertCan(actor, "document.upload", { projectLeadIds: facts.leadIds });
  if (CLOSED_TO_UPLOADS.includes(facts.status)) throw new DomainError("This project has ended, so it takes no new documents.");
  const checked = checkDocumentFile(input.fileName, input.bytes);
  if (!checked.ok) throw new DomainError(checked.message, "file");
  // Every version is kept for good: a member cannot fill the storage by uploading without end.
  if (!(await consumeAttempt(`document-upload:account:${actor.id}`, LIMITS.documentUploadsPerAccount))) {
    throw new DomainError("You have uploaded many documents today. Try again tomorrow, or ask an administrator if you need to upload more.", "file");
  }
  const target = parseTarget(input.target);
  let existing: { id: string; title: string } | null = null;
  if ("documentId" in target) {
    existing = isUuid(target.documentId) ? await db.studyDocument.findFirst({ where: { id: target.documentId, projectId: facts.id }, select: { id: true, title: true } }) : null;
    if (!existing) throw new DomainError("That document is no longer on this project. Reload the page and choose again.", "target");
  } else if (target.kind !== "OTHER") {
    existing = await db.studyDocument.findFirst({ where: { projectId: facts.id, kind: target.kind }, select: { id: true, title: true }, orderBy: { createdAt: "asc" } });
  }

  const storageKey = newStorageKey();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  await storage.put(storageKey, input.bytes, checked.type.mediaType);
  try {
    return await db.$transaction(async (tx) => {
      const document =
        existing ??
        (await tx.studyDocument.create({
          data: { projectId: facts.id, kind: "kind" in target ? target.kind : "OTHER", title: "kind" in target && target.kind !== "OTHER" ? DOCUMENT_KIND_LABELS[target.kind] : (input.title ?? "") },
          select: { id: true, title: true },
        }));
      const latest = await tx.studyDocumentVersion.findFirst({ where: { documentId: document.id }, select: { version: true }, orderBy: { version: "desc" } });
      const version = await tx.studyDocumentVersion.create({
        data: {
          documentId: document.id,
          version: (latest?.version ?? 0) + 1,
          fileName: input.fileName,
          mediaType: checked.type.mediaType,
          size: input.bytes.length,
          sha256,
          storageKey,
          note: input.note ?? "",
          uploadedById: actor.id,
        },
        select: { id: true, version: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "document.uploaded",
        entityType: "Project",
        entityId: facts.id,
        after: { documentId: document.id, versionId: version.id, version: version.version, fileName: input.fileName, mediaType: checked.type.mediaType, size: input.bytes.length, sha256 },
      });
      return { documentId: document.id, title: document.title, versionId: version.id, version: version.version };
    });
  } catch (error) {
    await storage.delete(storageKey).catch(() => undefined);
    if (isUniqueViolation(error)) throw new DomainError("Someone uploaded a version of this document at the same moment. Upload yours again.", "file");
    throw error;
  }
}

export interface ProjectDocuments {
  project: { id: string; slug: string; title: string; status: DocumentFacts["status"] };
  documents: StudyDocumentView[];
  /** Whether the reader leads the project. */
  isLead: boolean;
  /** Whether the reader may upload (a lead, while the project is not closed). */
  canUpload: boolean;
}

/** A project's documents with the versions the reader may download; not found for one who may read none. */
export async function listProjectDocuments(actor: AuthzActor | null, projectId: string): Promise<ProjectDocuments> {
  const facts = await loadDocumentFacts(db, projectId, actor);
  const until = readableUntil(actor, facts);
  if (until === null) throw new NotFoundError("That project");
  const rows = await documentsWithVersions(facts.id);
  const documents = rows
    .map((row) => ({ id: row.id, kind: row.kind, title: row.title, versions: row.versions.filter((version) => version.uploadedAt.getTime() <= until).map(toVersionView) }))
    .filter((document) => document.versions.length > 0);
  return {
    project: { id: facts.id, slug: facts.slug, title: facts.title, status: facts.status },
    documents,
    isLead: actor !== null && facts.leadIds.includes(actor.id),
    canUpload: mayUpload(actor, facts),
  };
}

function asOf(rows: Awaited<ReturnType<typeof documentsWithVersions>>, moment: number): DocumentAtVersion[] {
  const result: DocumentAtVersion[] = [];
  for (const row of rows) {
    // Versions are newest first: the first at or before the moment is the one then current.
    const version = row.versions.find((candidate) => candidate.uploadedAt.getTime() <= moment);
    if (version) result.push({ id: row.id, kind: row.kind, title: row.title, version: toVersionView(version) });
  }
  return result;
}

function assertReadsSubmitted(actor: AuthzActor | null, facts: DocumentFacts): void {
  if (readableUntil(actor, facts) === null) throw new NotFoundError("That project");
}

/**
 * For each submitted version of the proposal, its documents as they stood when it was submitted
 * (the latest version of each uploaded at or before then): what the committee reviewed. In two
 * statements, however many versions and documents there are.
 */
export async function documentsByVersion(actor: AuthzActor | null, projectId: string): Promise<Record<number, DocumentAtVersion[]>> {
  const facts = await loadDocumentFacts(db, projectId, actor);
  assertReadsSubmitted(actor, facts);
  const rows = await documentsWithVersions(facts.id);
  return Object.fromEntries(facts.versions.map((version) => [version.number, asOf(rows, version.submittedAt.getTime())]));
}

/** The documents as they stood when version `versionNumber` was submitted; not found for a version that does not exist. */
export async function documentsAsOfVersion(actor: AuthzActor | null, projectId: string, versionNumber: number): Promise<DocumentAtVersion[]> {
  const byVersion = await documentsByVersion(actor, projectId);
  const documents = byVersion[versionNumber];
  if (!documents) throw new NotFoundError("That version");
  return documents;
}

export interface OpenedDocument {
  fileName: string;
  mediaType: string;
  size: number;
  /**
   * The whole file (at most 10 MB). Read before answering rather than streamed: a Node stream
   * turned into a web stream stalled in Next.js's route handler in the end-to-end test.
   */
  body: Uint8Array;
}

/** A version's file for the download route; not found alike when it does not exist and when the actor may not read it. */
export async function openDocumentVersion(actor: AuthzActor | null, versionId: string, storage: FileStorage = fileStorage()): Promise<OpenedDocument> {
  if (!isUuid(versionId)) throw new NotFoundError("That document");
  const row = await db.studyDocumentVersion.findUnique({
    where: { id: versionId },
    select: { fileName: true, mediaType: true, size: true, storageKey: true, uploadedAt: true, document: { select: { projectId: true } } },
  });
  if (!row) throw new NotFoundError("That document");
  const facts = await loadDocumentFacts(db, row.document.projectId, actor);
  const until = readableUntil(actor, facts);
  if (until === null || row.uploadedAt.getTime() > until) throw new NotFoundError("That document");
  return { fileName: row.fileName, mediaType: row.mediaType, size: row.size, body: await storage.get(row.storageKey) };
}

/** The documents for a page that shows them only to those who may read them: null for anyone else. */
export async function readableProjectDocuments(actor: AuthzActor | null, projectId: string): Promise<ProjectDocuments | null> {
  try {
    return await listProjectDocuments(actor, projectId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
