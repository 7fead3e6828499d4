// Sets the security headers of every response and a fresh CSP nonce per
// request. A convenience layer only: authorization lives in lib/.
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/return-path";
import { hidesBenchPage, isBenchPage } from "@/lib/bench-page";
import { settings } from "@/lib/env";
import { bodyLimitFor, declaresTooLargeBody, TOO_LARGE_PATH, tooLargePage } from "@/lib/security/body-limit";
import { contentSecurityPolicy, SECURITY_HEADERS } from "@/lib/security/csp";

/** Whether every %-escape of the path decodes: Next.js answers 500 to one that does not. */
function decodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * A body over the limit: 413 before Next.js reads it. A form sent by the page's script (a server
 * action's fetch, marked by Next-Action) is sent on to a page saying so; any other request gets
 * that page as the answer.
 */
function tooLarge(request: NextRequest): NextResponse {
  if (request.headers.has("next-action")) {
    return new NextResponse("What you sent is too large.", {
      status: 413,
      headers: { "Content-Type": "text/plain", "x-action-redirect": `${TOO_LARGE_PATH};replace` },
    });
  }
  return new NextResponse(tooLargePage(bodyLimitFor(request.nextUrl.pathname)), { status: 413, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export function proxy(request: NextRequest) {
  // Set by the server for every request (lib/server/requests.ts), which also logs it by this id.
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // NODE_ENV is not a setting (lib/env): Next.js fixes it when it builds.
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  if (request.method !== "GET" && request.method !== "HEAD" && declaresTooLargeBody(request.headers, request.nextUrl.pathname)) {
    const refused = tooLarge(request);
    refused.headers.set("Content-Security-Policy", policy);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) refused.headers.set(name, value);
    return refused;
  }
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set("x-request-id", requestId);
  // The page asked for, so that a signed-out visitor is sent to sign in and back to it (requireActor).
  // Set here whatever the request sent; the sign-in page still checks it is a path of the portal.
  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc");
  requestHeaders.set(REQUESTED_PATH_HEADER, `${asked.pathname}${asked.search}`);
  // An address no page could have is shown our "page not found", not a server error; so is the
  // benchmark's prerendered page where the benchmark's setting is off (it cannot check it itself).
  const pathname = request.nextUrl.pathname;
  const notFound = !decodable(pathname) || (isBenchPage(pathname) && hidesBenchPage(pathname, settings()));
  const response = notFound
    ? NextResponse.rewrite(new URL("/page-not-found", request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Pages and actions; not the build's static files, which carry no HTML.
    { source: "/((?!_next/static|_next/image|favicon.ico).*)" },
  ],
};
