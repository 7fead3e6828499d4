import Link from "next/link";
import { DocumentList, type DocumentListItem } from "./document-list";

/**
 * The study's documents on a page about the project (the lead's proposal page, a site's page):
 * each document's versions with download links, and for the leads a link to upload.
 */
export function StudyDocumentsPanel({ documents, uploadHref, intro }: { documents: DocumentListItem[]; uploadHref?: string; intro?: string }) {
  return (
    <section aria-labelledby="study-documents-title" className="mt-10">
      <h2 id="study-documents-title" className="mb-2 text-2xl font-bold">
        The study&apos;s documents
      </h2>
      {intro ? <p className="mb-4 max-w-2xl">{intro}</p> : null}
      <DocumentList documents={documents} empty="No documents have been uploaded yet." />
      {uploadHref ? (
        <p className="mt-4">
          <Link href={uploadHref}>Upload a document or a new version</Link>
        </p>
      ) : null}
    </section>
  );
}
