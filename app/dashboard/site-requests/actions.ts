"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideRequest } from "@/lib/collaborations/site-requests";
import { memberAction } from "@/lib/form-action";
import { uuidSchema } from "@/lib/validation/fields";
import { periodChoiceSchema } from "@/lib/validation/periods";
import { IDLE, type FormState } from "@/lib/validation/form-state";

const schema = z.object({
  collaborationId: uuidSchema("That request could not be found"),
  decision: z.enum(["CONFIRM", "DECLINE"], { error: "Choose confirm or decline" }),
  periodId: periodChoiceSchema,
});

export async function decideRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema }, async ({ actor, data }) => {
    await decideRequest(actor, data.collaborationId, data.decision, data.periodId);
    revalidatePath("/dashboard", "layout");
    return IDLE;
  });
}
