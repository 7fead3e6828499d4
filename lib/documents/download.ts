import "server-only";
import type { AuthzActor } from "@/lib/authz";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import type { FileStorage } from "@/lib/storage";
import { StorageNotFoundError } from "@/lib/storage";
import { openDocumentVersion } from "./documents";

/** RFC 6266: an ASCII name for old clients and the UTF-8 one; nothing that could end the header or the quoted name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const notFound = () => new Response("Document not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/**
 * A document version's file as a download, or 404 alike for one that does not exist and one the
 * person may not read: whether it exists is not theirs to know. Always an attachment, with the type
 * found in its content, so a browser never runs it as a page.
 */
export async function documentDownloadResponse(actor: AuthzActor | null, versionId: string, storage?: FileStorage): Promise<Response> {
  try {
    const opened = await openDocumentVersion(actor, versionId, storage);
    return new Response(Buffer.from(opened.body), {
      headers: {
        "Content-Type": opened.mediaType,
        "Content-Length": String(opened.body.byteLength),
        "Content-Disposition": attachmentDisposition(opened.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return notFound();
    // A row whose file is gone (a storage restored from an older backup): the person cannot have it either.
    if (error instanceof StorageNotFoundError) return notFound();
    throw error;
  }
}
