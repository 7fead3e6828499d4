import type { Metadata } from "next";
import Link from "next/link";
import { DocumentList } from "@/components/documents/document-list";
import { DocumentUploadForm } from "@/components/documents/upload-form";
import { requireActor } from "@/lib/auth/session";
import { listProjectDocuments } from "@/lib/documents/documents";
import { NotFoundError } from "@/lib/errors";
import { orNotFound } from "@/lib/server/or-not-found";
import { uploadTargets } from "@/lib/validation/documents";
import { uploadDocumentAction } from "./actions";

export const metadata: Metadata = { title: "The study's documents" };

/** The lead's page of the study's documents: every version uploaded, and the form to upload one. */
export default async function ProposalDocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const documents = await orNotFound(
    listProjectDocuments(actor, id).then((found) => {
      // The committee and the site leads read the documents where they work (the review and site pages).
      if (!found.isLead) throw new NotFoundError("That proposal");
      return found;
    }),
  );
  return (
    <div>
      <p>
        <Link href={`/dashboard/proposals/${documents.project.id}`}>Back to the proposal</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">The study&apos;s documents</h1>
      <p className="mt-2 text-lg">{documents.project.title}</p>
      <p className="mt-4 max-w-2xl">
        The committee sees, with each version of the proposal it reviews, the documents as they were when that version was submitted. Once the
        project is approved, its site leads see them too. Nobody else does.
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="documents-title">
          <h2 id="documents-title" className="mb-4 text-2xl font-bold">
            Uploaded
          </h2>
          <DocumentList documents={documents.documents} empty="No documents have been uploaded yet." />
        </section>
        {documents.canUpload ? (
          <section aria-labelledby="upload-title">
            <h2 id="upload-title" className="mb-4 text-2xl font-bold">
              Upload a document
            </h2>
            <DocumentUploadForm action={uploadDocumentAction} projectId={documents.project.id} targets={uploadTargets(documents.documents)} />
          </section>
        ) : (
          <p>This project has ended, so it takes no new documents.</p>
        )}
      </div>
    </div>
  );
}
