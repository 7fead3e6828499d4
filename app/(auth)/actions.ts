"use server";

import { signOut } from "@/lib/auth/config";
import { currentSessionKey } from "@/lib/auth/session";
import { endSessionByKey } from "@/lib/auth/session-store";

export async function signOutAction() {
  // The row first: from then on no copy of the cookie opens anything, whatever becomes of the rest.
  await endSessionByKey(await currentSessionKey());
  await signOut({ redirectTo: "/" });
}
