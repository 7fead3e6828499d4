import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "./session";

export interface SessionUser {
  actor: Actor;
  /** Unread notifications: the header's badge. */
  unread: number;
}

/**
 * The person a session names, with their unread notifications, in one
 * statement; null when the account is gone or the session predates a
 * "sign out everywhere".
 */
export async function loadSessionUser(id: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      emailVerified: true,
      sessionVersion: true,
      deletedAt: true,
      _count: { select: { notifications: { where: { readAt: null } } } },
    },
  });
  if (!user || user.deletedAt || user.sessionVersion !== sessionVersion) return null;
  return { actor: { id: user.id, name: user.name, email: user.email, role: user.role, emailVerified: user.emailVerified }, unread: user._count.notifications };
}
