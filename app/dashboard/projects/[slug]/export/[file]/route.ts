import type { Actor } from "@/lib/auth/session";
import { memberDownload } from "@/lib/server/file-download";
import { exportAuthorshipText, exportCollaboratorsCsv, exportSitesCsv, type ExportFile } from "@/lib/sites/exports";
import { authorshipGroupSchema } from "@/lib/validation/sites";

const FILES: Record<string, (actor: Actor, slug: string, url: URL) => Promise<ExportFile>> = {
  "sites.csv": (actor, slug) => exportSitesCsv(actor, slug),
  "collaborators.csv": (actor, slug) => exportCollaboratorsCsv(actor, slug),
  "authorship.txt": (actor, slug, url) => exportAuthorshipText(actor, slug, authorshipGroupSchema.parse(url.searchParams.get("group") ?? undefined)),
};

/** A project's exports, for its leads: the sites and collaborators as CSV, the authorship list as text. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  const make = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
  return memberDownload(request, (actor) => (make ? make(actor, slug, new URL(request.url)) : Promise.resolve(null)));
}
