"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { recordProgress } from "@/lib/sites/progress";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { recordProgressSchema, type SiteFormState } from "@/lib/validation/sites";

export async function recordProgressAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(recordProgressSchema, formData);
  if (!parsed.ok) return parsed.state;
  let recorded;
  try {
    recorded = await recordProgress(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard", "layout");
  return { status: "saved", message: `Recorded: ${recorded.cumulativeCases} ${recorded.cumulativeCases === 1 ? "case" : "cases"} so far.` };
}
