import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";

export interface SessionView {
  id: string;
  /** "Chrome on Linux", as the browser described itself at sign-in. */
  browser: string;
  signedInAt: Date;
  /** The session the list is being read through. */
  thisDevice: boolean;
}

/**
 * Where the actor is signed in now: this device first, then the newest. Bounded
 * without paging: a session ends twelve hours after its sign-in. One statement.
 */
export async function listMySessions(actor: AuthzActor | null, currentKey: string | null, now = new Date()): Promise<SessionView[]> {
  assertCan(actor, "account.sessions", { ownerId: actor?.id });
  const rows = await db.session.findMany({
    where: { userId: actor.id, expires: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, userAgent: true, createdAt: true, sessionToken: true },
  });
  const sessions = rows.map((row) => ({
    id: row.id,
    browser: row.userAgent ?? "Unknown browser",
    signedInAt: row.createdAt,
    thisDevice: currentKey !== null && row.sessionToken === currentKey,
  }));
  return [...sessions.filter((session) => session.thisDevice), ...sessions.filter((session) => !session.thisDevice)];
}

/** "Sign out of all other devices": every session of the actor but this one ends at once. Audited; says how many ended. */
export async function endOtherSessions(actor: AuthzActor | null, currentKey: string | null): Promise<number> {
  assertCan(actor, "account.sessions", { ownerId: actor?.id });
  // Without this device's key every session would count as "other", this one included.
  if (!currentKey) throw new DomainError("Your session could not be recognised. Sign out, sign in again and try again.");
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: actor.id, sessionToken: { not: currentKey } } });
    await audit(tx, { actorId: actor.id, action: "user.sessions.endedOthers", entityType: "User", entityId: actor.id, after: { ended: count } });
    return count;
  });
}

/**
 * Ends one other session of the actor's, named by its id from the list. An id
 * of someone else's session is refused and changes nothing; this device's own
 * session is ended by signing out, which also clears its cookie.
 */
export async function endSession(actor: AuthzActor | null, currentKey: string | null, sessionId: string): Promise<{ browser: string }> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, sessionToken: true, userAgent: true, createdAt: true } });
  // A session gone meanwhile (signed out, expired) is the actor's own business; someone else's is refused.
  assertCan(actor, "account.sessions", { ownerId: session ? session.userId : actor?.id });
  if (!session) throw new DomainError("That device is already signed out.");
  if (session.sessionToken === currentKey) throw new DomainError("That is the device you are using. To end its session, sign out.");
  const browser = session.userAgent ?? "Unknown browser";
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: actor.id } });
    if (count === 0) throw new DomainError("That device is already signed out.");
    await audit(tx, {
      actorId: actor.id,
      action: "user.session.ended",
      entityType: "Session",
      entityId: sessionId,
      before: { browser, signedInAt: session.createdAt.toISOString() },
    });
    return { browser };
  });
}
