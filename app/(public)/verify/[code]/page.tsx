import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { verifyCertificateWithNewer } from "@/lib/certificates/certificate";
import { certificateContent, verificationUrl } from "@/lib/certificates/content";

type Params = { params: Promise<{ code: string }> };

export const metadata: Metadata = { title: "Certificate check", robots: { index: false } };

function Facts({ facts }: { facts: [string, string][] }) {
  return facts.map(([label, value], index) => (
    <Fragment key={`${index}-${label}`}>
      <dt className="font-semibold">{label}</dt>
      <dd className="break-words">{value}</dd>
    </Fragment>
  ));
}

/** Public: confirms a certificate is genuine and shows what it states, nothing more. */
export default async function VerifyCertificatePage({ params }: Params) {
  const certificate = await verifyCertificateWithNewer(decodeURIComponent((await params).code));
  if (!certificate) notFound();
  const { statement } = certificate;
  // The same words as the PDF (lib/certificates/content.ts).
  const content = certificateContent(statement, certificate.code, verificationUrl(certificate.code));
  const dl = "mt-6 grid grid-cols-1 gap-x-6 gap-y-1 bg-white p-4 sm:grid-cols-[auto_1fr] sm:gap-y-2";
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Certificate verified</h1>
      <p role="status" className="mt-4 border-l-8 border-ok bg-white p-4 text-lg">
        This is a genuine {content.heading.toLowerCase()} issued by RADIANT.
      </p>
      {certificate.superseded ? (
        <p className="mt-4 border-l-8 border-brand bg-white p-4">
          A later certificate of the same kind was issued to the same person, after what it states changed (for example, more cases or a
          new publication). This one still states what was true when it was issued.
        </p>
      ) : null}
      <dl className={dl}>
        <dt className="font-semibold">Name</dt>
        <dd>{content.name}</dd>
        {statement.gmcNumber ? (
          <>
            <dt className="font-semibold">GMC number</dt>
            <dd>{statement.gmcNumber}</dd>
          </>
        ) : null}
        <dt className="font-semibold">{statement.kind === "REVIEWER" ? "Reviews" : "Project"}</dt>
        <dd className="break-words">{content.projectTitle}</dd>
        <Facts facts={content.facts} />
        {content.signatory ? (
          <>
            <dt className="font-semibold">Signed by</dt>
            <dd>{content.signatory}, project lead</dd>
          </>
        ) : null}
      </dl>
      {content.blocks.map((block, index) => (
        <section key={index} aria-labelledby={`block-${index}`} className="mt-6">
          <h2 id={`block-${index}`} className="text-xl font-bold">
            {block.heading}
          </h2>
          {block.facts.length ? (
            <dl className={dl.replace("mt-6", "mt-2")}>
              <Facts facts={block.facts} />
            </dl>
          ) : null}
          {block.paragraphs.length ? (
            <ul className="mt-2 list-disc bg-white p-4 pl-8">
              {block.paragraphs.map((paragraph, i) => (
                <li key={i} className="break-words">
                  {paragraph}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {content.outputs.length ? (
        <section aria-labelledby="outputs" className="mt-6">
          <h2 id="outputs" className="text-xl font-bold">
            Outputs of the project
          </h2>
          <ul className="mt-2 list-disc bg-white p-4 pl-8">
            {content.outputs.map((output, i) => (
              <li key={i} className="break-words">
                {output}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {content.citation ? <p className="mt-4 bg-white p-4">{content.citation}</p> : null}
    </div>
  );
}
