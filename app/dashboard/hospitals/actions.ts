"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { checkMerge, createHospital, mergeHospitals, relistHospital, retireHospital, updateHospital, type MergePlan } from "@/lib/reference/hospitals";
import { applyImport, previewImport, type ImportPreview } from "@/lib/reference/nhs-import";
import { ODS_FILE_MAX_BYTES } from "@/lib/reference/ods-file";
import { memberAction, NO_FIELDS } from "@/lib/form-action";
import { formValues, type FormState } from "@/lib/validation/form-state";
import {
  hospitalEditSchema,
  hospitalSchema,
  importApplySchema,
  importOptionsSchema,
  mergeSchema,
  siteIdSchema,
} from "@/lib/validation/reference";

/** "Add a hospital": on success, its page. */
export async function createHospitalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: hospitalSchema }, async ({ actor, data }) => {
    const created = await createHospital(actor, data);
    revalidatePath("/dashboard/hospitals");
    redirect(`/dashboard/hospitals/${created.id}?added=1`);
  });
}

export async function updateHospitalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: hospitalEditSchema }, async ({ actor, data }) => {
    const result = await updateHospital(actor, data);
    revalidatePath(`/dashboard/hospitals/${data.siteId}`);
    return { status: "saved", message: result.changed.length === 0 ? "Nothing was changed." : `${result.name} has been saved.` };
  });
}

/** "Retire" and "Put back on the list", after the confirmation dialog. */
export async function changeListingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: siteIdSchema }, async ({ actor, data }) => {
    const retire = formData.get("move") === "retire";
    const { name } = retire ? await retireHospital(actor, data.siteId) : await relistHospital(actor, data.siteId);
    revalidatePath(`/dashboard/hospitals/${data.siteId}`);
    return {
      status: "saved",
      message: retire ? `${name} is retired: it stays on past projects and profiles, and is offered to nobody new.` : `${name} is back on the list.`,
    };
  });
}

export type MergeState = FormState<Record<never, never>, { status: "check"; plan: MergePlan; values: Record<string, string> }>;

/** Merging: a first press shows what would move; the second, confirmed, merges. */
export async function mergeHospitalAction(_previous: MergeState, formData: FormData): Promise<MergeState> {
  return memberAction(formData, { schema: mergeSchema }, async ({ actor, data }): Promise<MergeState> => {
    if (data.step === "check") return { status: "check", plan: await checkMerge(actor, data), values: formValues(formData) };
    const plan = await mergeHospitals(actor, data);
    revalidatePath("/dashboard/hospitals");
    redirect(`/dashboard/hospitals/${plan.survivor.id}?merged=${encodeURIComponent(plan.merged.name)}`);
  });
}

export type ImportState = FormState<
  Record<never, never>,
  { status: "preview"; preview: ImportPreview; sitesText: string; trustsText: string; scope: string; fallbackRegionId: string }
>;

async function fileText(formData: FormData, field: "sitesFile" | "trustsFile"): Promise<string | { error: string }> {
  const file = formData.get(field);
  if (!(file instanceof File) || file.size === 0) return "";
  if (file.size > ODS_FILE_MAX_BYTES) {
    return { error: `The file is ${Math.ceil(file.size / 1000).toLocaleString("en-GB")} KB: the most is ${ODS_FILE_MAX_BYTES / 1000} KB. Choose the sites of the trusts you need (the NHS search exports them in the same layout).` };
  }
  return file.text();
}

/** "Preview the import": reads the files and shows what would change. Writes nothing. */
export async function previewImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  return memberAction(formData, { schema: importOptionsSchema }, async ({ actor, data, fail }): Promise<ImportState> => {
    const [sitesText, trustsText] = await Promise.all([fileText(formData, "sitesFile"), fileText(formData, "trustsFile")]);
    const errors: Record<string, string> = {};
    if (typeof sitesText !== "string") errors.sitesFile = sitesText.error;
    if (typeof trustsText !== "string") errors.trustsFile = trustsText.error;
    if (typeof sitesText !== "string" || typeof trustsText !== "string") return fail(errors);
    const preview = await previewImport(actor, { sitesText, trustsText }, data);
    return { status: "preview", preview, sitesText, trustsText, scope: data.scope, fallbackRegionId: data.fallbackRegionId ?? "" };
  });
}

/** "Apply these changes": exactly what was previewed, or nothing. */
export async function applyImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  // The files' text is not sent back (the answer holds no values): the person chooses the files again.
  return memberAction(new FormData(), { schema: NO_FIELDS }, async ({ actor, fail }): Promise<ImportState> => {
    const parsed = importApplySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return fail({}, "Preview the files again: the form was not complete.");
    const result = await applyImport(actor, parsed.data);
    revalidatePath("/dashboard/hospitals");
    const parts = [`${result.added} added`, `${result.changed} changed`, `${result.retired} retired`];
    return { status: "saved", message: `The import is done: ${parts.join(", ")}. Importing the same files again would change nothing.` };
  });
}
