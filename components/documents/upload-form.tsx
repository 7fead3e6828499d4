"use client";

import { FieldFrame, describedBy, controlClass, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { ACCEPTED_EXTENSIONS, ALLOWED_TYPES_SENTENCE } from "@/lib/validation/document-files";

export interface UploadTarget {
  /** "document:<id>" or "new:<KIND>" (lib/validation/documents). */
  value: string;
  label: string;
}

const FIELDS = ["target", "title", "file", "note"];

/**
 * Uploads a file as a study document or as a new version of one. A form posted to the action (React
 * makes it multipart), so it works before JavaScript loads; the file is checked by its content on the server.
 */
export function DocumentUploadForm({ action, projectId, targets }: { action: FormAction; projectId: string; targets: UploadTarget[] }) {
  return (
    <ActionForm action={action} fields={FIELDS} submit="Upload the document" pendingText="Uploading…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectId" value={projectId} />
          <SelectField name="target" label="Which document is it?" hint="A new version of a document keeps the earlier ones: the committee sees the version it reviewed." defaultValue={values.target ?? targets[0]?.value} error={errors.target}>
            {targets.map((target) => (
              <option key={target.value} value={target.value}>
                {target.label}
              </option>
            ))}
          </SelectField>
          <TextField name="title" label="Title (only for another document)" hint="What the document is, such as Budget or Letter of support." autoComplete="off" defaultValue={values.title} error={errors.title} />
          <FieldFrame id="field-file" label="The file" hint={`At most 10 MB: ${ALLOWED_TYPES_SENTENCE}.`} error={errors.file}>
            <input
              id="field-file"
              name="file"
              type="file"
              accept={ACCEPTED_EXTENSIONS.join(",")}
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={describedBy("field-file", "hint", errors.file)}
              className={controlClass}
            />
          </FieldFrame>
          <TextAreaField name="note" label="What changed (optional)" hint="For a new version: what is different from the last one." rows={3} defaultValue={values.note} error={errors.note} />
        </>
      )}
    </ActionForm>
  );
}
