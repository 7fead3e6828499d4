import { exportFrozenList, FROZEN_FILES, type FrozenFile } from "@/lib/author-lists/author-lists";
import { memberDownload } from "@/lib/server/file-download";

/** A frozen version's exports, for the project's leads: PubMed text, the submission spreadsheet, the manuscript text. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; version: string; file: string }> }) {
  const { slug, version, file } = await params;
  return memberDownload(request, (actor) =>
    (FROZEN_FILES as readonly string[]).includes(file) ? exportFrozenList(actor, slug, version, file as FrozenFile) : Promise.resolve(null),
  );
}
