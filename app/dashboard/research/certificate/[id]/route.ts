import { signInPathFor } from "@/lib/auth/return-path";
import { ForbiddenError } from "@/lib/authz";
import { currentActor } from "@/lib/auth/session";
import { issueCertificate } from "@/lib/certificates/certificate";
import { certificateDisposition, verificationUrl } from "@/lib/certificates/content";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { DomainError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

/** The PDF certificate of one of the signed-in person's collaborations, issued on first download. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  // Signed out: sign in, then come back here (a path of the portal, never the request's Host).
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPathFor(new URL(request.url).pathname) } });
  const { id } = await params;
  if (!isUuid(id)) return new Response("Certificate not found.", { status: 404 });
  try {
    const certificate = await issueCertificate(actor, id);
    const { statement, code } = certificate;
    const pdf = await renderCertificatePdf(statement, code, verificationUrl(code));
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": certificateDisposition(statement.projectTitle, statement.traineeName),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    // Someone else's collaboration is "not found", as one that does not exist.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return new Response("Certificate not found.", { status: 404 });
    if (error instanceof DomainError) return new Response(error.message, { status: 409 });
    throw error;
  }
}
