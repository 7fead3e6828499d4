import "server-only";
import { ForbiddenError } from "@/lib/authz";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { IssuedCertificate } from "./certificate";
import { certificateDisposition, certificateTitle, verificationUrl } from "./content";
import { renderCertificatePdf } from "./pdf";

/** The PDF of an issued certificate, or the answer to a refusal: someone else's is "not found", as one that does not exist. */
export async function certificateResponse(issue: () => Promise<IssuedCertificate>): Promise<Response> {
  try {
    const { statement, code } = await issue();
    const pdf = await renderCertificatePdf(statement, code, verificationUrl(code));
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": certificateDisposition(certificateTitle(statement), statement.traineeName),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return notFound();
    if (error instanceof DomainError) return new Response(error.message, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}

export const notFound = () => new Response("Certificate not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
