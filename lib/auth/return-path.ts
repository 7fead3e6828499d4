// Where signing in returns to: a page of this portal named in the link that sent the person to
// sign in (?callbackUrl=/projects/…), never another site. Browsers read "//host", "/\host" and
// "/<tab>/host" as addresses of other sites, so only a single leading slash followed by
// printable characters without backslashes is taken, and it must still name this portal once a
// URL parser has read it. Anything else falls back to the dashboard. Pure: pages, actions and
// tests share it.

export const DEFAULT_RETURN_PATH = "/dashboard";

/** The query parameter that carries the return path, as Auth.js names its own. */
export const RETURN_PARAM = "callbackUrl";

/** Set by proxy.ts on every request: the path and query asked for. */
export const REQUESTED_PATH_HEADER = "x-radiant-requested-path";

const MAX_LENGTH = 2000;
const PORTAL = "http://portal.invalid";
/** Pages that would only send the person round again once they are signed in. */
const NOT_RETURNED_TO = ["/signin", "/signup", "/api/auth"];

/** `value` as a path of this portal to return to after signing in, or the dashboard. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return DEFAULT_RETURN_PATH;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\s\u0000-\u001f\u007f-\u009f]/.test(value)) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(value, PORTAL);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== PORTAL) return DEFAULT_RETURN_PATH;
  // The parser resolves dot segments: "/..//evil.example" keeps the origin yet reads "//evil.example",
  // which a browser, given it as a Location, takes for another site.
  if (url.pathname.startsWith("//")) return DEFAULT_RETURN_PATH;
  const pathname = url.pathname.toLowerCase();
  if (NOT_RETURNED_TO.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that returns to `path` afterwards (the plain sign-in page for the dashboard). */
export function signInPathFor(path: string): string {
  const safe = safeReturnPath(path);
  return safe === DEFAULT_RETURN_PATH ? "/signin" : `/signin?${RETURN_PARAM}=${encodeURIComponent(safe)}`;
}
