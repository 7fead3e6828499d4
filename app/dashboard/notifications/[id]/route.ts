import { redirect } from "next/navigation";
import { signInPathFor } from "@/lib/auth/return-path";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/notifications";

/** Opening a notification marks it read and goes where it points (relative redirects keep the host the person used). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  // The link of a notification's e-mail, opened signed out: sign in, then follow it.
  if (!actor) redirect(signInPathFor(`/dashboard/notifications/${encodeURIComponent((await params).id)}`));
  let link = "/dashboard/notifications";
  try {
    link = await openNotification(actor, (await params).id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  // Only paths inside the portal: a stored link never sends anyone elsewhere.
  redirect(link.startsWith("/") && !link.startsWith("//") ? link : "/dashboard/notifications");
}
