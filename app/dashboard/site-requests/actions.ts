"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { decideRequest } from "@/lib/collaborations/site-requests";
import { uuidSchema } from "@/lib/validation/fields";
import { IDLE, parseForm, refusal, type FormState } from "@/lib/validation/form-state";

const schema = z.object({
  collaborationId: uuidSchema("That request could not be found"),
  decision: z.enum(["CONFIRM", "DECLINE"], { error: "Choose confirm or decline" }),
});

export async function decideRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await decideRequest(actor, parsed.data.collaborationId, parsed.data.decision);
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard", "layout");
  return IDLE;
}
