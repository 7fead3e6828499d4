import { z } from "zod";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { optionalText } from "./fields";

// The study's documents (lib/documents): the upload form's fields other than the file itself,
// which lib/documents/file-type checks by its content.

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  PROTOCOL: "Protocol",
  DATA_COLLECTION_FORM: "Data collection form",
  PATIENT_INFORMATION: "Patient information",
  APPROVAL_TEMPLATE: "Approval template",
  OTHER: "Other document",
};

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

const TITLE_MAX = 120;
const NOTE_MAX = 500;

/**
 * Which document the file is for: "document:<id>" adds a version to an existing one,
 * "new:<KIND>" starts a document of that kind (a kind other than OTHER that already has one gets a new version of it).
 */
const targetSchema = z
  .string({ error: "Choose which document this file is" })
  .regex(new RegExp(`^(document:[0-9a-f-]{36}|new:(${DOCUMENT_KINDS.join("|")}))$`, "i"), "Choose which document this file is");

export const documentUploadSchema = z
  .object({
    projectId: z.string({ error: "Reload the page and try again" }).regex(/^[0-9a-f-]{36}$/i, "Reload the page and try again"),
    target: targetSchema,
    title: optionalText(TITLE_MAX, `The title must be ${TITLE_MAX} characters or fewer`),
    note: optionalText(NOTE_MAX, `The note must be ${NOTE_MAX} characters or fewer`, { multiline: true }),
  })
  .superRefine((value, context) => {
    if (value.target === "new:OTHER" && !value.title) context.addIssue({ code: "custom", path: ["title"], message: "Enter a title for the document" });
  });

export type DocumentUploadFields = z.output<typeof documentUploadSchema>;

/** The target's parts: an existing document's id, or a new document's kind. */
export function parseTarget(target: string): { documentId: string } | { kind: DocumentKind } {
  const [what, value] = target.split(":") as [string, string];
  return what === "document" ? { documentId: value.toLowerCase() } : { kind: value.toUpperCase() as DocumentKind };
}

/** The choices of the upload form: a new version of each document there is, then each kind not yet there (and another document). */
export function uploadTargets(documents: readonly { id: string; kind: DocumentKind; title: string }[]): { value: string; label: string }[] {
  const existing = documents.map((document) => ({ value: `document:${document.id}`, label: `A new version of: ${document.title || DOCUMENT_KIND_LABELS[document.kind]}` }));
  const kinds = DOCUMENT_KINDS.filter((kind) => kind === "OTHER" || !documents.some((document) => document.kind === kind));
  return [...kinds.filter((kind) => kind !== "OTHER").map((kind) => ({ value: `new:${kind}`, label: `The ${DOCUMENT_KIND_LABELS[kind].toLowerCase()}` })), ...existing, { value: "new:OTHER", label: "Another document (give it a title)" }];
}
