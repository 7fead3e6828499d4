import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { auth } from "./config";
import { loadSessionUser, type SessionUser } from "./session-user";

/** The signed-in person as the domain functions see them. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
  /** Whether the person has confirmed their e-mail address (needed to join, register a hospital or propose). */
  emailVerified: Date | null;
}

/**
 * The signed-in person, read fresh from the database on each request so that
 * a changed role, a deleted account or "sign out everywhere" (a raised
 * sessionVersion, as after a password change) takes effect at once.
 */
export const currentActor = cache(async (): Promise<Actor | null> => (await signedInUser())?.actor ?? null);

/** Unread notifications of the signed-in person: read with the session, so the header costs no extra query. */
export const currentUnreadNotifications = cache(async (): Promise<number> => (await signedInUser())?.unread ?? 0);

const signedInUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadSessionUser(id, session.user.sessionVersion);
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return actor;
}
