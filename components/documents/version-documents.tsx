import { DOCUMENT_KIND_LABELS } from "@/lib/validation/documents";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { DocumentVersionLine, type VersionLineProps } from "./document-version-line";

export interface VersionDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  version: VersionLineProps;
}

/**
 * Under a proposal's version on the committee's review page: its documents as they stood when that
 * version was submitted (lib/documents documentsByVersion), each the version the committee reviews.
 */
export function VersionDocuments({ versionNumber, documents }: { versionNumber: number; documents: VersionDocument[] }) {
  const headingId = `version-${versionNumber}-documents`;
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <h3 id={headingId} className="text-lg font-bold">
        Documents submitted with version {versionNumber}
      </h3>
      {documents.length === 0 ? (
        <p>No documents were uploaded with this version.</p>
      ) : (
        <ul className="mt-1 space-y-2">
          {documents.map((document) => (
            <li key={document.id}>
              <DocumentVersionLine version={document.version} label={`${document.title || DOCUMENT_KIND_LABELS[document.kind]}, version ${document.version.version}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every submitted version's documents, the latest version first: the block of the committee's review page. */
export function ReviewDocuments({ byVersion }: { byVersion: Record<number, VersionDocument[]> }) {
  const numbers = Object.keys(byVersion)
    .map(Number)
    .sort((a, b) => b - a);
  if (numbers.length === 0) return null;
  return (
    <section aria-labelledby="review-documents-title" className="mt-8">
      <h2 id="review-documents-title" className="mb-2 text-2xl font-bold">
        The study&apos;s documents
      </h2>
      <p className="max-w-2xl">Each version of the proposal with the documents as they were when it was submitted.</p>
      {numbers.map((number) => (
        <VersionDocuments key={number} versionNumber={number} documents={byVersion[number]!} />
      ))}
    </section>
  );
}
