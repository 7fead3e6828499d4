import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { verifyCertificate } from "@/lib/certificates/certificate";
import { formatDate } from "@/lib/format/dates";

type Params = { params: Promise<{ code: string }> };

export const metadata: Metadata = { title: "Certificate check", robots: { index: false } };

const ROLE_WORDS = { SITE_LEAD: "Site lead", COLLABORATOR: "Collaborator" } as const;
const asDate = (iso: string | null) => (iso ? formatDate(new Date(`${iso}T00:00:00Z`)) : "not set");

/** Public: confirms a certificate is genuine and shows what it states, nothing more. */
export default async function VerifyCertificatePage({ params }: Params) {
  const certificate = await verifyCertificate(decodeURIComponent((await params).code));
  if (!certificate) notFound();
  const { statement } = certificate;
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Certificate verified</h1>
      <p role="status" className="mt-4 border-l-8 border-ok bg-white p-4 text-lg">
        This is a genuine certificate of participation issued by RADIANT.
      </p>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 bg-white p-4">
        <dt className="font-semibold">Name</dt>
        <dd>{statement.traineeName}</dd>
        {statement.gmcNumber ? (
          <>
            <dt className="font-semibold">GMC number</dt>
            <dd>{statement.gmcNumber}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Project</dt>
        <dd>{statement.projectTitle}</dd>
        <dt className="font-semibold">Hospital</dt>
        <dd>{statement.site}</dd>
        <dt className="font-semibold">Role</dt>
        <dd>{ROLE_WORDS[statement.role]}</dd>
        <dt className="font-semibold">Data collection</dt>
        <dd>
          {asDate(statement.collectionStart)} to {asDate(statement.collectionEnd)}
        </dd>
        <dt className="font-semibold">Issued on</dt>
        <dd>{asDate(statement.issuedOn)}</dd>
        <dt className="font-semibold">Verification code</dt>
        <dd>{certificate.code}</dd>
      </dl>
    </div>
  );
}
