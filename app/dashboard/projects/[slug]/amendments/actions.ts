"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { proposeAmendment, withdrawAmendment } from "@/lib/amendments/moves";
import { memberAction } from "@/lib/form-action";
import { amendmentInputFromForm, amendmentSchema, amendmentWithdrawSchema } from "@/lib/validation/amendments";
import type { FormState } from "@/lib/validation/form-state";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function proposeAmendmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(
    formData,
    {
      schema: amendmentSchema,
      input: amendmentInputFromForm,
      // The ticked co-leads, which a field-by-field copy of the form would lose.
      keep: (data) => ({ keepCoLeadIds: data.getAll("keepCoLeadIds").filter((value) => typeof value === "string").join(",") }),
    },
    async ({ actor, data }) => {
      const amendment = await proposeAmendment(actor, data);
      refresh();
      redirect(`/dashboard/projects/${amendment.slug}/amendments?sent=${amendment.number}`);
    },
  );
}

export async function withdrawAmendmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: amendmentWithdrawSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const { slug } = await withdrawAmendment(actor, data.amendmentId);
    refresh();
    redirect(`/dashboard/projects/${slug}/amendments?withdrawn=1`);
  });
}
