"use server";

import { revalidatePath } from "next/cache";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/lifecycle";
import { memberAction } from "@/lib/form-action";
import { answerInvitationSchema, type InvitationAnswerState } from "@/lib/validation/invitations";

const CANNOT = "You cannot answer that invitation. It may have changed since the page was loaded: reload it and try again.";

/** Accept or decline one invitation, from the dashboard; a refusal says why, beside that invitation. */
export async function answerInvitationAction(_previous: InvitationAnswerState, formData: FormData): Promise<InvitationAnswerState> {
  // A form that does not parse names no invitation it could be said beside.
  const fail = (_fieldErrors: Record<string, string>, formError?: string): InvitationAnswerState =>
    formError === undefined
      ? { status: "refused", about: "", message: CANNOT }
      : { status: "refused", about: String(formData.get("invitationId")), message: formError };
  const input = (form: FormData) => Object.fromEntries(form);
  return memberAction(formData, { schema: answerInvitationSchema, input, cannot: CANNOT, fail }, async ({ actor, data }) => {
    const { invitationId, decision } = data;
    if (decision === "ACCEPT") {
      const place = await acceptInvitation(actor, invitationId);
      revalidatePath("/dashboard", "layout");
      return { status: "answered", message: place.message, link: { href: place.path, label: place.label } };
    }
    const declined = await declineInvitation(actor, invitationId);
    revalidatePath("/dashboard", "layout");
    return { status: "answered", message: `You declined the invitation to be ${declined.place}. ${declined.invitedBy} has been told.` };
  });
}
