"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { checkMerge, createHospital, mergeHospitals, relistHospital, retireHospital, updateHospital, type MergePlan } from "@/lib/reference/hospitals";
import { applyImport, previewImport, type ImportPreview } from "@/lib/reference/nhs-import";
import { ODS_FILE_MAX_BYTES } from "@/lib/reference/ods-file";
import { failure, formValues, parseForm, refusal, type FormState } from "@/lib/validation/form-state";
import {
  hospitalEditSchema,
  hospitalSchema,
  importApplySchema,
  importOptionsSchema,
  mergeSchema,
  siteIdSchema,
  type ReferenceFormState,
} from "@/lib/validation/reference";

/** "Add a hospital": on success, its page. */
export async function createHospitalAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireActor();
  const parsed = parseForm(hospitalSchema, formData);
  if (!parsed.ok) return parsed.state;
  let created;
  try {
    created = await createHospital(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard/hospitals");
  redirect(`/dashboard/hospitals/${created.id}?added=1`);
}

export async function updateHospitalAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireActor();
  const parsed = parseForm(hospitalEditSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const result = await updateHospital(actor, parsed.data);
    revalidatePath(`/dashboard/hospitals/${parsed.data.siteId}`);
    return { status: "saved", message: result.changed.length === 0 ? "Nothing was changed." : `${result.name} has been saved.` };
  } catch (error) {
    return refusal(error, formData);
  }
}

/** "Retire" and "Put back on the list", after the confirmation dialog. */
export async function changeListingAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireActor();
  const parsed = parseForm(siteIdSchema, formData);
  if (!parsed.ok) return parsed.state;
  const retire = formData.get("move") === "retire";
  try {
    const { name } = retire ? await retireHospital(actor, parsed.data.siteId) : await relistHospital(actor, parsed.data.siteId);
    revalidatePath(`/dashboard/hospitals/${parsed.data.siteId}`);
    return {
      status: "saved",
      message: retire ? `${name} is retired: it stays on past projects and profiles, and is offered to nobody new.` : `${name} is back on the list.`,
    };
  } catch (error) {
    return refusal(error, formData);
  }
}

export type MergeState = FormState | { status: "check"; plan: MergePlan; values: Record<string, string> } | { status: "saved"; message: string };

/** Merging: a first press shows what would move; the second, confirmed, merges. */
export async function mergeHospitalAction(_previous: MergeState, formData: FormData): Promise<MergeState> {
  const actor = await requireActor();
  const parsed = parseForm(mergeSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    if (parsed.data.step === "check") return { status: "check", plan: await checkMerge(actor, parsed.data), values: formValues(formData) };
    const plan = await mergeHospitals(actor, parsed.data);
    revalidatePath("/dashboard/hospitals");
    redirect(`/dashboard/hospitals/${plan.survivor.id}?merged=${encodeURIComponent(plan.merged.name)}`);
  } catch (error) {
    return refusal(error, formData);
  }
}

export type ImportState =
  | FormState
  | { status: "preview"; preview: ImportPreview; sitesText: string; trustsText: string; scope: string; fallbackRegionId: string }
  | { status: "saved"; message: string };

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
  const actor = await requireActor();
  const parsed = parseForm(importOptionsSchema, formData);
  if (!parsed.ok) return parsed.state;
  const [sitesText, trustsText] = await Promise.all([fileText(formData, "sitesFile"), fileText(formData, "trustsFile")]);
  const errors: Record<string, string> = {};
  if (typeof sitesText !== "string") errors.sitesFile = sitesText.error;
  if (typeof trustsText !== "string") errors.trustsFile = trustsText.error;
  if (typeof sitesText !== "string" || typeof trustsText !== "string") return failure(formData, errors);
  try {
    const preview = await previewImport(actor, { sitesText, trustsText }, parsed.data);
    return { status: "preview", preview, sitesText, trustsText, scope: parsed.data.scope, fallbackRegionId: parsed.data.fallbackRegionId ?? "" };
  } catch (error) {
    return refusal(error, formData);
  }
}

/** "Apply these changes": exactly what was previewed, or nothing. */
export async function applyImportAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await requireActor();
  const parsed = importApplySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(new FormData(), {}, "Preview the files again: the form was not complete.");
  try {
    const result = await applyImport(actor, parsed.data);
    revalidatePath("/dashboard/hospitals");
    const parts = [`${result.added} added`, `${result.changed} changed`, `${result.retired} retired`];
    return { status: "saved", message: `The import is done: ${parts.join(", ")}. Importing the same files again would change nothing.` };
  } catch (error) {
    // The files' text is not sent back: the person chooses the files again.
    return refusal(error, new FormData());
  }
}
