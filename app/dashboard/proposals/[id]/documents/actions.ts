"use server";

import { revalidatePath } from "next/cache";
import { uploadDocument } from "@/lib/documents/documents";
import { memberAction } from "@/lib/form-action";
import { documentUploadSchema } from "@/lib/validation/documents";
import type { FormState } from "@/lib/validation/form-state";

/** A file as a new study document or a new version of one; its content is checked in lib/documents. */
export async function uploadDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: documentUploadSchema }, async ({ actor, data }) => {
    const file = formData.get("file");
    const chosen = file instanceof File ? file : null;
    const uploaded = await uploadDocument(actor, {
      projectId: data.projectId,
      target: data.target,
      title: data.title,
      note: data.note,
      fileName: chosen?.name ?? "",
      bytes: chosen ? new Uint8Array(await chosen.arrayBuffer()) : new Uint8Array(),
    });
    revalidatePath("/dashboard", "layout");
    return { status: "saved", message: `${uploaded.title}: version ${uploaded.version} uploaded.` };
  });
}
