import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docxBytes, odtBytes, xlsxBytes, zipOf } from "@/tests/support/zip";
import { checkDocumentFile, MAX_DOCUMENT_BYTES } from "./document-files";
import { minimalPdf } from "@/lib/documents/minimal-pdf";

const text = (value: string) => new TextEncoder().encode(value);
const pdf = minimalPdf(["Protocol", "Version 1"]);

describe("checkDocumentFile", () => {
  it.each([
    ["protocol.pdf", pdf, "application/pdf"],
    ["Protocol v2.PDF", pdf, "application/pdf"],
    ["form.docx", docxBytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["form.xlsx", xlsxBytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["leaflet.odt", odtBytes(), "application/vnd.oasis.opendocument.text"],
    ["fields.csv", text("case,age\n1,54\n"), "text/csv"],
    ["notes.txt", text("Bring the forms.\r\n\tThank you"), "text/plain"],
  ])("takes %s as %s", (name, bytes, mediaType) => {
    expect(checkDocumentFile(name, bytes)).toEqual({ ok: true, type: expect.objectContaining({ mediaType }) });
  });

  it.each([
    ["", new Uint8Array(), "Choose a file to upload"],
    ["empty.pdf", new Uint8Array(), "The file you chose is empty. Choose the file with the document in it"],
    ["../../etc/protocol.pdf", pdf, "The file's name must not contain / or \\. Rename the file and choose it again"],
    ["C:\\Users\\lead\\protocol.pdf", pdf, "The file's name must not contain / or \\. Rename the file and choose it again"],
    ["program.exe", text("MZ"), expect.stringContaining("The file must be a PDF")],
    ["no-extension", pdf, expect.stringContaining("The file must be a PDF")],
    ["protocol.pdf", text("just words"), "The file is named as a PDF but is a text file (.txt). Rename it to end in .txt, or choose the right file"],
    ["protocol.docx", pdf, "The file is named as a Word document (.docx) but is a PDF. Rename it to end in .pdf, or choose the right file"],
    ["sheet.xlsx", docxBytes(), "The file is named as an Excel workbook (.xlsx) but is a Word document (.docx). Rename it to end in .docx, or choose the right file"],
    ["image.pdf", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), expect.stringContaining("is named as a PDF but is not one")],
    ["archive.docx", zipOf([{ name: "readme.txt", content: "hi" }]), expect.stringContaining("is named as a Word document (.docx) but is not one")],
    ["macros.docx", zipOf([{ name: "[Content_Types].xml", content: "" }, { name: "word/document.xml", content: "" }, { name: "word/vbaProject.bin", content: "" }]), expect.stringContaining("but is not one")],
    ["activex.docx", zipOf([{ name: "[Content_Types].xml", content: "" }, { name: "word/document.xml", content: "" }, { name: "word/activeX/activeX1.xml", content: "" }]), expect.stringContaining("but is not one")],
    ["basic.odt", zipOf([{ name: "mimetype", content: "application/vnd.oasis.opendocument.text" }, { name: "content.xml", content: "" }, { name: "Basic/Standard/Module1.xml", content: "" }]), expect.stringContaining("but is not one")],
    ["protocol\u202Efdp.pdf", pdf, expect.stringContaining("at most 200 characters")],
    ["huge.pdf", new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x25), "The file must be smaller than 10 MB"],
    ["x".repeat(201) + ".pdf", pdf, expect.stringContaining("at most 200 characters")],
  ])("refuses %j with a message that says what to do", (name, bytes, message) => {
    expect(checkDocumentFile(name, bytes)).toEqual({ ok: false, message });
  });
});

describe("minimalPdf", () => {
  it("writes a PDF whose cross-reference table points at each object", () => {
    const body = new TextDecoder().decode(minimalPdf(["A (bracketed) line"]));
    expect(body.startsWith("%PDF-1.4")).toBe(true);
    const offsets = [...body.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => expect(body.slice(offset)).toMatch(new RegExp(`^${index + 1} 0 obj`)));
    const startxref = Number(/startxref\n(\d+)/.exec(body)![1]);
    expect(body.slice(startxref).startsWith("xref")).toBe(true);
    expect(body).toContain("(A \\(bracketed\\) line) '");
  });
});

describe("any file at all", () => {
  it("is taken with a type its name agrees with, or refused with a sentence, never a crash", () => {
    const names = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("a.pdf", "b.docx", "c.xlsx", "d.odt", "e.csv", "f.txt", "../g.pdf", ""));
    const starts = fc.constantFrom(new Uint8Array(), new TextEncoder().encode("%PDF-"), new Uint8Array([0x50, 0x4b, 3, 4]), docxBytes());
    fc.assert(
      fc.property(names, starts, fc.uint8Array({ maxLength: 200 }), (name, start, rest) => {
        const bytes = new Uint8Array([...start, ...rest]);
        const result = checkDocumentFile(name, bytes);
        if (result.ok) expect(name.toLowerCase().endsWith(`.${result.type.extension}`)).toBe(true);
        else expect(result.message).toMatch(/^[A-Z].{10,220}$/);
      }),
      { numRuns: 500 },
    );
  });
});
