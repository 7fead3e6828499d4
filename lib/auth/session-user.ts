import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "./session";
import { readSessionCookie } from "./session-cookie";

export interface SessionUser {
  actor: Actor;
  /** Unread notifications: the header's badge. */
  unread: number;
  /** The database's key of this session (the hash of the cookie's secret): tells "this device" apart. */
  sessionKey: string;
}

/** What the session cookie claims: whose it is, the account's session version then, and which sign-in. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number | undefined;
  /** SHA-256 of the cookie's secret (lib/auth/session-key.ts); null for a cookie from before sessions were kept. */
  sessionKey: string | null;
}

/**
 * The person a session names, with their unread notifications, in one
 * statement; null when the account is gone, the session was ended (signed
 * out, here or from another device) or has expired, or it predates a
 * password change (a raised sessionVersion).
 */
export async function loadSessionUser(claims: SessionClaims, now = new Date()): Promise<SessionUser | null> {
  const { sessionKey } = claims;
  if (!sessionKey) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId, sessions: { some: { sessionToken: sessionKey, expires: { gt: now } } } },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      emailVerified: true,
      committeeChair: true,
      sessionVersion: true,
      deletedAt: true,
      _count: { select: { notifications: { where: { readAt: null } } } },
    },
  });
  if (!user || user.deletedAt || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    actor: { id: user.id, name: user.name, email: user.email, role: user.role, emailVerified: user.emailVerified, chair: user.committeeChair },
    unread: user._count.notifications,
    sessionKey,
  };
}

/**
 * The person this request's session cookie (the Cookie header) names, checked against the
 * database as `loadSessionUser` does: the cookie is only decrypted, never written back.
 */
export async function sessionUserFromCookie(cookieHeader: string | null, now = new Date()): Promise<SessionUser | null> {
  const claims = await readSessionCookie(cookieHeader, now);
  return claims ? loadSessionUser(claims, now) : null;
}
