"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/authz";
import { DomainError, NotFoundError } from "@/lib/errors";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/lifecycle";
import { answerInvitationSchema, type InvitationAnswerState } from "@/lib/validation/invitations";

const CANNOT = "You cannot answer that invitation. It may have changed since the page was loaded: reload it and try again.";

/** Accept or decline one invitation, from the dashboard; a refusal says why, beside that invitation. */
export async function answerInvitationAction(_previous: InvitationAnswerState, formData: FormData): Promise<InvitationAnswerState> {
  const actor = await requireActor();
  const parsed = answerInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "refused", invitationId: "", message: CANNOT };
  const { invitationId, decision } = parsed.data;
  try {
    if (decision === "ACCEPT") {
      const place = await acceptInvitation(actor, invitationId);
      revalidatePath("/dashboard", "layout");
      return { status: "answered", message: place.message, link: { href: place.path, label: place.label } };
    }
    const declined = await declineInvitation(actor, invitationId);
    revalidatePath("/dashboard", "layout");
    return { status: "answered", message: `You declined the invitation to be ${declined.place}. ${declined.invitedBy} has been told.` };
  } catch (error) {
    if (error instanceof DomainError) return { status: "refused", invitationId, message: error.message };
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { status: "refused", invitationId, message: CANNOT };
    throw error;
  }
}
