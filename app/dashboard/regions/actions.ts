"use server";

import { revalidatePath } from "next/cache";
import { createRegion, renameRegion } from "@/lib/reference/regions";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { regionRenameSchema, regionSchema } from "@/lib/validation/reference";

export async function createRegionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: regionSchema }, async ({ actor, data }) => {
    const { name } = await createRegion(actor, data);
    revalidatePath("/dashboard/regions");
    return { status: "saved", message: `${name} has been added.` };
  });
}

export async function renameRegionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: regionRenameSchema }, async ({ actor, data }) => {
    const { before, name } = await renameRegion(actor, data);
    revalidatePath("/dashboard/regions");
    return { status: "saved", message: before === name ? "Nothing was changed." : `${before} is now called ${name}.` };
  });
}
