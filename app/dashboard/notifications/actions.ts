"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { markAllNotificationsRead } from "@/lib/notifications/notifications";

export async function markAllReadAction(): Promise<void> {
  const actor = await requireActor();
  await markAllNotificationsRead(actor);
  revalidatePath("/dashboard", "layout");
}
