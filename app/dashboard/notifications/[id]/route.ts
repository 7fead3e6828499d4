import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { openNotification } from "@/lib/notifications/notifications";

/** Opening a notification marks it read and goes where it points. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return NextResponse.redirect(new URL("/signin", request.url));
  try {
    const link = await openNotification(actor, (await params).id);
    // Only paths inside the portal: a stored link never sends anyone elsewhere.
    return NextResponse.redirect(new URL(link.startsWith("/") && !link.startsWith("//") ? link : "/dashboard/notifications", request.url));
  } catch (error) {
    if (error instanceof NotFoundError) return NextResponse.redirect(new URL("/dashboard/notifications", request.url));
    throw error;
  }
}
