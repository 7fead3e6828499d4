"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { leaveProject } from "@/lib/collaborations/participation";
import { uuidSchema } from "@/lib/validation/fields";
import { IDLE, parseForm, refusal, type FormState } from "@/lib/validation/form-state";

const schema = z.object({ collaborationId: uuidSchema("That collaboration could not be found") });

export async function leaveFromResearchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await leaveProject(actor, parsed.data.collaborationId);
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard", "layout");
  return IDLE;
}
