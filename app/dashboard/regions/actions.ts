"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { createRegion, renameRegion } from "@/lib/reference/regions";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { regionRenameSchema, regionSchema, type ReferenceFormState } from "@/lib/validation/reference";

export async function createRegionAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireActor();
  const parsed = parseForm(regionSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const { name } = await createRegion(actor, parsed.data);
    revalidatePath("/dashboard/regions");
    return { status: "saved", message: `${name} has been added.` };
  } catch (error) {
    return refusal(error, formData);
  }
}

export async function renameRegionAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireActor();
  const parsed = parseForm(regionRenameSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const { before, name } = await renameRegion(actor, parsed.data);
    revalidatePath("/dashboard/regions");
    return { status: "saved", message: before === name ? "Nothing was changed." : `${before} is now called ${name}.` };
  } catch (error) {
    return refusal(error, formData);
  }
}
