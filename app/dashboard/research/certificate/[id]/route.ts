import { signInPathFor } from "@/lib/auth/return-path";
import { currentActor } from "@/lib/auth/session";
import { issueCertificate } from "@/lib/certificates/certificate";
import { certificateResponse, notFound } from "@/lib/certificates/response";
import { isUuid } from "@/lib/ids";

/**
 * The address of the first certificates, one per place (kept for links already shared): the
 * certificate of participation in that place's project, which lists every place that earns credit.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  // Signed out: sign in, then come back here (a path of the portal, never the request's Host).
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPathFor(new URL(request.url).pathname) } });
  const { id } = await params;
  if (!isUuid(id)) return notFound();
  return certificateResponse(() => issueCertificate(actor, id));
}
