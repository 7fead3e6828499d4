import { signInPathFor } from "@/lib/auth/return-path";
import { ForbiddenError } from "@/lib/authz";
import { currentActor } from "@/lib/auth/session";
import { exportFrozenList, FROZEN_FILES, type FrozenFile } from "@/lib/author-lists/author-lists";
import { NotFoundError } from "@/lib/errors";

/** A frozen version's exports, for the project's leads: PubMed text, the submission spreadsheet, the manuscript text. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; version: string; file: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPathFor(new URL(request.url).pathname) } });
  const { slug, version, file } = await params;
  if (!(FROZEN_FILES as readonly string[]).includes(file)) return new Response("Not found.", { status: 404 });
  try {
    const made = await exportFrozenList(actor, slug, version, file as FrozenFile);
    return new Response(made.body, {
      headers: {
        "Content-Type": made.contentType,
        "Content-Disposition": `attachment; filename="${made.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    // A project the person may not manage is "not found", as one that does not exist.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return new Response("Not found.", { status: 404 });
    throw error;
  }
}
