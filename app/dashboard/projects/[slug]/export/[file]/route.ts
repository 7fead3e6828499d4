import { signInPathFor } from "@/lib/auth/return-path";
import { ForbiddenError } from "@/lib/authz";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { exportAuthorshipText, exportCollaboratorsCsv, exportSitesCsv, type ExportFile } from "@/lib/sites/exports";
import { authorshipGroupSchema } from "@/lib/validation/sites";

const FILES: Record<string, (actor: NonNullable<Awaited<ReturnType<typeof currentActor>>>, slug: string, url: URL) => Promise<ExportFile>> = {
  "sites.csv": (actor, slug) => exportSitesCsv(actor, slug),
  "collaborators.csv": (actor, slug) => exportCollaboratorsCsv(actor, slug),
  "authorship.txt": (actor, slug, url) => exportAuthorshipText(actor, slug, authorshipGroupSchema.parse(url.searchParams.get("group") ?? undefined)),
};

/** A project's exports, for its leads: the sites and collaborators as CSV, the authorship list as text. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const actor = await currentActor();
  // Signed out: sign in, then come back here (a path of the portal, never the request's Host).
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPathFor(new URL(request.url).pathname) } });
  const { slug, file } = await params;
  const make = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
  if (!make) return new Response("Not found.", { status: 404 });
  try {
    const made = await make(actor, slug, new URL(request.url));
    return new Response(made.body, {
      headers: {
        "Content-Type": made.contentType,
        "Content-Disposition": `attachment; filename="${made.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    // A project the person may not export is "not found", as one that does not exist.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return new Response("Not found.", { status: 404 });
    throw error;
  }
}
