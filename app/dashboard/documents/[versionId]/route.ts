import { signInPathFor } from "@/lib/auth/return-path";
import { currentActor } from "@/lib/auth/session";
import { documentDownloadResponse } from "@/lib/documents/download";

/** A study document's version as a file, for those who may read it (lib/documents/access). */
export async function GET(request: Request, { params }: { params: Promise<{ versionId: string }> }) {
  const actor = await currentActor();
  // Signed out: sign in, then come back here; the same for every address, so nothing is told.
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPathFor(new URL(request.url).pathname) } });
  const { versionId } = await params;
  return documentDownloadResponse(actor, versionId);
}
