import { NotFoundError } from "@/lib/errors";
import { unsubscribe } from "@/lib/notifications/preferences";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-link";

// The address in an e-mail's List-Unsubscribe header and its "stop e-mails like this one" link.
// A POST stops those e-mails at once (RFC 8058 one-click: no sign-in, no form token; the link's
// signature says whose e-mails). Opened in a browser, it shows a page with a button instead:
// a mail client's link checker must not unsubscribe anyone by looking.

type Params = { params: Promise<{ token: string }> };

/** A relative address keeps the host the person used (the one their session cookie belongs to). */
const toConfirmPage = (token: string) => new Response(null, { status: 303, headers: { Location: `/unsubscribe/${token}/confirm` } });

const notFound = () => new Response("This link is not valid.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  if (!readUnsubscribeToken(token)) return notFound();
  return toConfirmPage(token);
}

export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  try {
    await unsubscribe(token);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  // A mail client's one-click POST needs no page; the page's own button is shown what changed.
  if (form?.get("List-Unsubscribe") === "One-Click") {
    return new Response("You will no longer get these e-mails.", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return toConfirmPage(token);
}
