// Auth.js's /api/auth/session answers a browser's script with the session and, on every call,
// encrypts the cookie afresh. The portal's pages never call it (they read the session on the
// server, lib/auth/session.ts), so it answers as a page that does not exist. See docs/decisions/038.

const AUTH_BASE = "/api/auth";

/** Whether Auth.js would take this path for its session action: the first segment after /api/auth, as Auth.js splits it. */
export function isSessionEndpoint(pathname: string): boolean {
  if (!pathname.startsWith(AUTH_BASE)) return false;
  const [action] = pathname.slice(AUTH_BASE.length).split("/").filter(Boolean);
  return action === "session";
}

export const sessionEndpointNotFound = () => new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
