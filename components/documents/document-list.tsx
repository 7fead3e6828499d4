import { DOCUMENT_KIND_LABELS } from "@/lib/validation/documents";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { DocumentVersionLine, type VersionLineProps } from "./document-version-line";

export interface DocumentListItem {
  id: string;
  kind: DocumentKind;
  title: string;
  /** Newest first. */
  versions: VersionLineProps[];
}

/** A study's documents, each with its versions newest first, every one a download link. */
export function DocumentList({ documents, empty, headingLevel = 3 }: { documents: DocumentListItem[]; empty: string; headingLevel?: 2 | 3 | 4 }) {
  if (documents.length === 0) return <p>{empty}</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="space-y-4">
      {documents.map((document) => (
        <li key={document.id} className="bg-white p-3">
          <Heading className="text-lg font-bold">
            {document.title || DOCUMENT_KIND_LABELS[document.kind]}
            {document.kind === "OTHER" ? null : <span className="sr-only"> ({DOCUMENT_KIND_LABELS[document.kind]})</span>}
          </Heading>
          <ul className="mt-1 space-y-2">
            {document.versions.map((version, index) => (
              <li key={version.id}>
                <DocumentVersionLine version={version} label={`Version ${version.version}${index === 0 ? " (latest)" : ""}`} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
