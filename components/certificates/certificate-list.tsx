import { Tag } from "@/components/ui/tag";
import { buttonClass } from "@/components/ui/buttons";
import type { AvailableCertificate, HeldCertificate } from "@/lib/certificates/available";
import { formatDate } from "@/lib/format/dates";

/** The project certificates a person may download, each a download or the reason it is not yet one. */
export function AvailableCertificates({ certificates }: { certificates: AvailableCertificate[] }) {
  if (certificates.length === 0) {
    return <p className="mt-2">You have no project certificates yet: they come with a place on a project team, leading a project or supervising a site.</p>;
  }
  return (
    <ul className="mt-4 space-y-4">
      {certificates.map((certificate) => (
        <li key={`${certificate.kind}:${certificate.href ?? certificate.projectTitle}`} className="border-t-4 border-brand bg-white p-4">
          <p>
            <Tag tone="blue">{certificate.kindLabel}</Tag>
          </p>
          <h3 className="mt-2 text-lg font-bold break-words">{certificate.projectTitle}</h3>
          {certificate.href ? (
            <a href={certificate.href} className={`mt-3 ${buttonClass("primary", { link: true })}`}>
              Download certificate (PDF)
              <span className="sr-only">
                : {certificate.kindLabel}, {certificate.projectTitle}
              </span>
            </a>
          ) : (
            <p className="mt-2">{certificate.notYet}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Every certificate issued to the person, newest first, each with the address that checks it. */
export function HeldCertificates({ certificates }: { certificates: HeldCertificate[] }) {
  if (certificates.length === 0) return <p className="mt-2">None issued yet.</p>;
  return (
    <ul className="mt-4 space-y-2">
      {certificates.map((certificate) => (
        <li key={certificate.code} className="bg-white p-3">
          <p className="font-semibold break-words">
            {certificate.kindLabel}: {certificate.title}
          </p>
          <p className="text-sm">
            Issued on {formatDate(certificate.issuedAt)}. Code{" "}
            <a href={`/verify/${certificate.code}`}>
              {certificate.code}
              <span className="sr-only"> (check this certificate)</span>
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
