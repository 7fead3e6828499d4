"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { decideAmendment } from "@/lib/amendments/moves";
import { memberAction } from "@/lib/form-action";
import { amendmentDecisionSchema } from "@/lib/validation/amendments";
import type { FormState } from "@/lib/validation/form-state";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function decideAmendmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Refused because someone else decided first: the page is drawn again with their decision.
  return memberAction(formData, { schema: amendmentDecisionSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const { status } = await decideAmendment(actor, data);
    refresh();
    redirect(`/dashboard/review/amendments/${data.amendmentId}?decided=${status === "APPROVED" ? "approved" : "rejected"}`);
  });
}
