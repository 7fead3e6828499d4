import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { verifyCertificate } from "@/lib/certificates/certificate";
import { Fragment } from "react";
import { certificateContent, verificationUrl } from "@/lib/certificates/content";

type Params = { params: Promise<{ code: string }> };

export const metadata: Metadata = { title: "Certificate check", robots: { index: false } };

/** Public: confirms a certificate is genuine and shows what it states, nothing more. */
export default async function VerifyCertificatePage({ params }: Params) {
  const certificate = await verifyCertificate(decodeURIComponent((await params).code));
  if (!certificate) notFound();
  const { statement } = certificate;
  const content = certificateContent(statement, certificate.code, verificationUrl(certificate.code));
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
        {/* The same lines as the PDF, from the same words (lib/certificates/content.ts). */}
        {content.facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt className="font-semibold">{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
        {content.signatory ? (
          <>
            <dt className="font-semibold">Signed by</dt>
            <dd>{content.signatory}, project lead</dd>
          </>
        ) : null}
      </dl>
      {content.citation ? <p className="mt-4 bg-white p-4">{content.citation}</p> : null}
    </div>
  );
}
