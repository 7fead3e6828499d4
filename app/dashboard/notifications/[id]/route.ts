import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/notifications";

/** Opening a notification marks it read and goes where it points (relative redirects keep the host the person used). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  let link = "/dashboard/notifications";
  try {
    link = await openNotification(actor, (await params).id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  // Only paths inside the portal: a stored link never sends anyone elsewhere.
  redirect(link.startsWith("/") && !link.startsWith("//") ? link : "/dashboard/notifications");
}
