// Auth.js answers a callback URL that is not http(s) (javascript:alert(1)) with a "server
// configuration" error, status 500. Such a URL is dropped before Auth.js sees it: Auth.js then
// uses its default (the portal's home), as for any URL it would not redirect to.
import { NextRequest } from "next/server";

const CALLBACK_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);

/** Whether Auth.js takes `value` as a callback URL: an http(s) address, or a path of the portal. */
export function isHttpCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The request with any callback URL Auth.js would refuse (in the query or its cookie) left out; the same request when there is none. */
export function withoutBadCallbackUrl(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const fromQuery = url.searchParams.getAll("callbackUrl");
  const badQuery = fromQuery.some((value) => !isHttpCallbackUrl(value, url.origin));
  const cookies = (request.headers.get("cookie") ?? "").split(/;\s*/).filter(Boolean);
  const isBadCookie = (cookie: string) => {
    const at = cookie.indexOf("=");
    // Read as Auth.js's cookie parser reads it, which trims spaces and tabs around the name.
    const name = (at < 0 ? cookie : cookie.slice(0, at)).replace(/^[ \t]+|[ \t]+$/g, "");
    return CALLBACK_COOKIES.has(name) && !isHttpCallbackUrl(decoded(cookie.slice(at + 1)), url.origin);
  };
  const badCookie = cookies.some(isBadCookie);
  if (!badQuery && !badCookie) return request;
  if (badQuery) url.searchParams.delete("callbackUrl");
  const headers = new Headers(request.headers);
  if (badCookie) headers.set("cookie", cookies.filter((cookie) => !isBadCookie(cookie)).join("; "));
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: request.body, duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}
