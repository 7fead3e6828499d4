// The largest request body the portal reads: every form is far smaller (the longest text field
// is 5000 characters). Next.js enforces it on server actions (next.config.ts), but answers a body
// over it with a server error; proxy.ts turns such a request away first with 413 and a page.

// Relative: next.config.ts reads this file, before the "@/" paths are known.
import { MAX_DOCUMENT_BYTES } from "../validation/document-files";

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The one page that takes more: a study document's upload (lib/documents, at most 10 MB), with
 * room for the form's other fields and the multipart framing. Next.js's own limit for server
 * actions (next.config.ts) is this larger one, so this path test is what keeps every other form at 1 MB.
 */
export const UPLOAD_BODY_LIMIT_BYTES = MAX_DOCUMENT_BYTES + 512 * 1024;
const UPLOAD_PATH = /^\/dashboard\/proposals\/[0-9a-f-]{36}\/documents\/?$/i;

/** The largest body a request to `pathname` may declare. */
export function bodyLimitFor(pathname: string): number {
  return UPLOAD_PATH.test(pathname) ? UPLOAD_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

/** Where a script-driven form is sent when what it sent was too large (a page that says so). */
export const TOO_LARGE_PATH = "/request-too-large";

/** Whether a request declares a body over the limit (browsers always declare a form's length). */
export function declaresTooLargeBody(headers: Headers, pathname = ""): boolean {
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length.trim())) return false;
  return Number(length) > bodyLimitFor(pathname);
}

/** The page answered to a form sent without the page's script (and to any other client). */
export function tooLargePage(limit: number = BODY_LIMIT_BYTES): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>What you sent is too large – RADIANT</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c;background:#fff;margin:0;padding:24px">
<main style="max-width:40em">
<h1>What you sent is too large</h1>
${
  limit === BODY_LIMIT_BYTES
    ? `<p>The form you sent held more than ${BODY_LIMIT_BYTES / (1024 * 1024)} MB, more than any form of RADIANT takes, so nothing was saved.</p>
<p>Go back, shorten what you wrote, and send it again.</p>`
    : `<p>The file you sent is larger than ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB, more than a study document may be, so nothing was saved.</p>
<p>Go back, and choose a smaller file (a PDF of the document is often smaller).</p>`
}
<p><a href="/" style="color:#1d70b8">Go to the RADIANT home page</a></p>
</main></body></html>`;
}
