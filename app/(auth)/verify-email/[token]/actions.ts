"use server";

import { redirect } from "next/navigation";
import { confirmEmail } from "@/lib/accounts/verify-email";
import { currentActor } from "@/lib/auth/session";

/** The button behind the verification link. Either way the answer is a page: where to go next, or why the link failed. */
export async function confirmEmailAction(token: string): Promise<void> {
  const result = await confirmEmail(String(token));
  if (!result.ok) redirect(`/verify-email/${encodeURIComponent(String(token))}`);
  const actor = await currentActor();
  redirect(actor?.id === result.userId ? "/dashboard?confirmed=1" : "/signin?done=confirmed");
}
