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
      <h4 id={headingId} className="font-bold">
        Documents submitted with version {versionNumber}
      </h4>
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
