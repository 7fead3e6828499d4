// How every e-mail of the portal reads: a plain-text part and a simple HTML part with the same
// words, no images, a sentence saying why the person is getting it, and a link to where they act.
export { absoluteUrl } from "@/lib/public-url";

export interface EmailContent {
  subject: string;
  /** "Dear Aisha Rahman," — omitted for an address with no account yet. */
  greeting?: string;
  paragraphs: readonly string[];
  /** The one thing to do, as a link to the page where it is done. */
  action?: { label: string; url: string };
  /** Why this person is getting this e-mail. */
  reason: string;
  /** Where to stop e-mails of this kind (non-essential mail only). */
  unsubscribeUrl?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Subjects are one line: a name typed with a line break cannot add a header. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const subject = oneLine(content.subject);
  const text = [
    content.greeting,
    ...content.paragraphs,
    content.action ? `${content.action.label}:\n${content.action.url}` : undefined,
    `--\n${content.reason}`,
    content.unsubscribeUrl ? `To stop e-mails like this one: ${content.unsubscribeUrl}` : undefined,
    "RADIANT, the UK radiology trainee research collaborative",
  ]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");

  const paragraph = (body: string, style = "") => `<p style="margin:0 0 16px;${style}">${escapeHtml(body).replace(/\n/g, "<br>")}</p>`;
  const html = [
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#ffffff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">`,
    `<div style="max-width:600px">`,
    `<p style="margin:0 0 24px;font-weight:bold;font-size:18px">RADIANT</p>`,
    content.greeting ? paragraph(content.greeting) : "",
    ...content.paragraphs.map((body) => paragraph(body)),
    content.action
      ? `<p style="margin:0 0 24px"><a href="${escapeHtml(content.action.url)}" style="color:#1d70b8;font-weight:bold">${escapeHtml(content.action.label)}</a></p>` +
        paragraph(`If the link does not work, copy this address into your browser: ${content.action.url}`, "font-size:14px;color:#505a5f")
      : "",
    `<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0">`,
    paragraph(content.reason, "font-size:14px;color:#505a5f"),
    content.unsubscribeUrl
      ? `<p style="margin:0 0 16px;font-size:14px;color:#505a5f"><a href="${escapeHtml(content.unsubscribeUrl)}" style="color:#1d70b8">Stop e-mails like this one</a></p>`
      : "",
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}
