// What a study document may be, told from its bytes and not only its name (docs/decisions/036).
// Used by lib/documents, which checks every upload with it, and by the upload form for its hint.
// Pure, so the form's rules and the tests read the same table.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface DocumentType {
  extension: string;
  mediaType: string;
  /** What a person calls it, with its article, in messages. */
  label: string;
}

export const DOCUMENT_TYPES = {
  pdf: { extension: "pdf", mediaType: "application/pdf", label: "a PDF" },
  docx: { extension: "docx", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "a Word document (.docx)" },
  xlsx: { extension: "xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "an Excel workbook (.xlsx)" },
  odt: { extension: "odt", mediaType: "application/vnd.oasis.opendocument.text", label: "an OpenDocument text (.odt)" },
  ods: { extension: "ods", mediaType: "application/vnd.oasis.opendocument.spreadsheet", label: "an OpenDocument spreadsheet (.ods)" },
  csv: { extension: "csv", mediaType: "text/csv", label: "a CSV file" },
  txt: { extension: "txt", mediaType: "text/plain", label: "a text file (.txt)" },
} as const satisfies Record<string, DocumentType>;

export type DocumentExtension = keyof typeof DOCUMENT_TYPES;

/** For the form's hint and the file input's accept attribute. */
export const ACCEPTED_EXTENSIONS = Object.keys(DOCUMENT_TYPES).map((extension) => `.${extension}`);
export const ALLOWED_TYPES_SENTENCE = "a PDF, a Word document (.docx), an Excel workbook (.xlsx), an OpenDocument text or spreadsheet (.odt, .ods), or a CSV or text file";

export const FILE_NAME_MAX = 200;

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** The names of a ZIP file's entries, from its central directory; null when it is not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 22 || ascii(bytes, 0, 4) !== "PK\u0003\u0004") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An OpenDocument file's type: its first entry is "mimetype", stored uncompressed, holding the type. */
function openDocumentType(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const method = view.getUint16(8, true);
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (method !== 0 || nameLength !== 8 || ascii(bytes, 30, 8) !== "mimetype" || size > 100) return null;
  const start = 30 + nameLength + extraLength;
  return start + size <= bytes.length ? ascii(bytes, start, size) : null;
}

/** Text a person could open as a CSV or a text file: UTF-8, with no control characters but tabs and line ends. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

const MACRO_ENTRY = /(^|\/)(vbaProject\.bin|vbaData\.xml|activeX\/.*|Basic\/.*|Scripts\/.*)$/i;

/** What the content is, whatever the name says; null when it is none of the types taken. */
export function detectDocumentType(bytes: Uint8Array, extension: string): DocumentType | null {
  if (ascii(bytes, 0, 5) === "%PDF-") return DOCUMENT_TYPES.pdf;
  const entries = zipEntryNames(bytes);
  if (entries) {
    // A file carrying macros, scripts or ActiveX controls is not taken, whatever its name: Office
    // (vbaProject.bin, activeX/) and OpenDocument (Basic/, Scripts/).
    if (entries.some((name) => MACRO_ENTRY.test(name))) return null;
    const odf = openDocumentType(bytes);
    if (odf === DOCUMENT_TYPES.odt.mediaType) return DOCUMENT_TYPES.odt;
    if (odf === DOCUMENT_TYPES.ods.mediaType) return DOCUMENT_TYPES.ods;
    if (entries.includes("[Content_Types].xml") && entries.some((name) => name.startsWith("word/"))) return DOCUMENT_TYPES.docx;
    if (entries.includes("[Content_Types].xml") && entries.some((name) => name.startsWith("xl/"))) return DOCUMENT_TYPES.xlsx;
    return null;
  }
  // Text has no magic bytes: its name says which of the two it is, once the content is text.
  if (isPlainText(bytes)) return extension === "csv" ? DOCUMENT_TYPES.csv : DOCUMENT_TYPES.txt;
  return null;
}

/** A file's extension, lowercased: "protocol.v2.PDF" → "pdf". */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

export type FileCheck = { ok: true; type: DocumentType } | { ok: false; message: string };

/** Whether a chosen file may be stored as a study document: its name, its size and its content agreeing with its name. */
export function checkDocumentFile(fileName: string, bytes: Uint8Array): FileCheck {
  if (fileName === "" && bytes.length === 0) return { ok: false, message: "Choose a file to upload" };
  if (/[/\\]/.test(fileName)) return { ok: false, message: "The file's name must not contain / or \\. Rename the file and choose it again" };
  // Control characters, and the marks that reverse how text is shown ("cod.exe" shown as "exe.doc").
  if (fileName.length > FILE_NAME_MAX || /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(fileName) || fileName.trim() === "" || /^\.+$/.test(fileName.trim())) {
    return { ok: false, message: `Give the file a name of at most ${FILE_NAME_MAX} characters, then choose it again` };
  }
  if (bytes.length === 0) return { ok: false, message: "The file you chose is empty. Choose the file with the document in it" };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, message: "The file must be smaller than 10 MB" };
  const extension = extensionOf(fileName);
  const named = (DOCUMENT_TYPES as Record<string, DocumentType>)[extension];
  if (!named) return { ok: false, message: `The file must be ${ALLOWED_TYPES_SENTENCE}` };
  const found = detectDocumentType(bytes, extension);
  if (!found) return { ok: false, message: `The file is named as ${named.label} but is not one. Choose ${ALLOWED_TYPES_SENTENCE}` };
  if (found.extension !== named.extension) {
    return { ok: false, message: `The file is named as ${named.label} but is ${found.label}. Rename it to end in .${found.extension}, or choose the right file` };
  }
  return { ok: true, type: found };
}
