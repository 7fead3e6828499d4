import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import { auth } from "./config";

/** The signed-in person as the domain functions see them. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: GlobalRole;
}

/**
 * The signed-in person, read fresh from the database on each request so that
 * a changed role, a deleted account or "sign out everywhere" (a raised
 * sessionVersion, as after a password change) takes effect at once.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, sessionVersion: true, deletedAt: true },
  });
  if (!user || user.deletedAt || user.sessionVersion !== session.user.sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  return actor;
}
