import "server-only";
import { signInPathFor } from "@/lib/auth/return-path";
import { currentActor, type Actor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";

export interface DownloadFile {
  body: BodyInit;
  contentType: string;
  filename: string;
}

/**
 * A signed-in member's download, made by `make`: a visitor is sent to sign in and back, and a file
 * the person may not have is "not found", as one that does not exist.
 */
export async function memberDownload(request: Request, make: (actor: Actor) => Promise<DownloadFile | null>): Promise<Response> {
  const actor = await currentActor();
  // Signed out: sign in, then come back here (a path of the portal, never the request's Host).
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPathFor(new URL(request.url).pathname) } });
  try {
    const made = await make(actor);
    if (!made) return fileNotFound();
    return new Response(made.body, {
      headers: {
        "Content-Type": made.contentType,
        "Content-Disposition": `attachment; filename="${made.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return fileNotFound();
    throw error;
  }
}

const fileNotFound = () => new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
