"use server";

import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/accounts/change-email";
import { currentActor } from "@/lib/auth/session";

/** The button behind the link sent to a new address. Either way the answer is a page: the account, or why the link failed. */
export async function confirmEmailChangeAction(token: string): Promise<void> {
  const result = await confirmEmailChange(String(token));
  if (!result.ok) redirect(`/change-email/${encodeURIComponent(String(token))}`);
  redirect((await currentActor()) ? "/dashboard/account?done=email-changed" : "/signin?done=email-changed");
}
