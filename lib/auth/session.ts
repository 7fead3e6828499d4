import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { REQUESTED_PATH_HEADER, signInPathFor } from "./return-path";
import { sessionUserFromCookie, type SessionUser } from "./session-user";

/** The signed-in person as the domain functions see them. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
  /** Whether the person has confirmed their e-mail address (needed to join, register a hospital or propose). */
  emailVerified: Date | null;
  /** With role COMMITTEE: whether they chair the committee. */
  chair?: boolean;
}

/**
 * The signed-in person, read fresh from the database on each request so that
 * a changed role, a deleted account, a sign-out (the session row deleted, here
 * or from another device) or a password change (a raised sessionVersion)
 * takes effect at once.
 */
export const currentActor = cache(async (): Promise<Actor | null> => (await signedInUser())?.actor ?? null);

/** Unread notifications of the signed-in person: read with the session, so the header costs no extra query. */
export const currentUnreadNotifications = cache(async (): Promise<number> => (await signedInUser())?.unread ?? 0);

/** The database's key of this device's session, once the session has been checked: "this device" in the list of sessions. */
export const currentSessionKey = cache(async (): Promise<string | null> => (await signedInUser())?.sessionKey ?? null);

const signedInUser = cache(async (): Promise<SessionUser | null> => sessionUserFromCookie((await headers()).get("cookie")));

/** The signed-in person; a visitor is sent to sign in, and back to the page they asked for afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(signInPathFor((await headers()).get(REQUESTED_PATH_HEADER) ?? ""));
  return actor;
}
