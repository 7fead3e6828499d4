import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { CertificateStatement } from "./certificate";

const ROLE_WORDS = { SITE_LEAD: "Site lead", COLLABORATOR: "Collaborator" } as const;
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const formatIso = (iso: string | null) => (iso ? longDate.format(new Date(`${iso}T00:00:00Z`)) : "not set");

/**
 * The standard PDF fonts cover Western European letters only (WinAnsi): a
 * letter outside it is written without its accent rather than failing.
 */
const LOOKALIKES: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ŀ: "L", ŀ: "l", Ø: "O", ø: "o" };

function printable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return Array.from(text.normalize("NFC"))
    .map((char) => {
      if (supported.has(char.codePointAt(0)!)) return char;
      const base = (LOOKALIKES[char] ?? char).normalize("NFD").replace(/\p{M}/gu, "");
      return Array.from(base).every((c) => supported.has(c.codePointAt(0)!)) ? base : "?";
    })
    .join("");
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A one-page A4 certificate of participation for a training portfolio. */
export async function renderCertificatePdf(statement: CertificateStatement, code: string, verifyUrl: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificate of participation: ${statement.projectTitle}`);
  pdf.setAuthor("RADIANT, the UK radiology trainee research collaborative");
  pdf.setSubject(`Verification code ${code}`);
  pdf.setCreator("RADIANT Portal");
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.04, 0.05, 0.05);
  const brand = rgb(0, 0.37, 0.72);
  const left = 60;
  const width = 595.28 - 2 * left;
  let y = 760;
  const text = (value: string, size: number, font = regular, color = ink) => {
    for (const line of wrap(font, printable(font, value), size, width)) {
      page.drawText(line, { x: left, y, size, font, color });
      y -= size * 1.35;
    }
  };

  page.drawRectangle({ x: 30, y: 30, width: 595.28 - 60, height: 841.89 - 60, borderColor: brand, borderWidth: 3 });
  text("RADIANT", 14, bold, brand);
  text("UK radiology trainee research collaborative", 11);
  y -= 30;
  text("Certificate of participation", 28, bold);
  y -= 20;
  text("This certifies that", 12);
  y -= 4;
  text(statement.traineeName, 22, bold);
  if (statement.gmcNumber) text(`GMC number ${statement.gmcNumber}`, 12);
  y -= 10;
  text(`took part as ${ROLE_WORDS[statement.role].toLowerCase()} at ${statement.site} in the multicentre project`, 12);
  y -= 4;
  text(statement.projectTitle, 16, bold);
  y -= 16;
  const rows: [string, string][] = [
    ["Role", ROLE_WORDS[statement.role]],
    ["Hospital", statement.site],
    ["Data collection", `${formatIso(statement.collectionStart)} to ${formatIso(statement.collectionEnd)}`],
    ["Issued on", formatIso(statement.issuedOn)],
    ["Verification code", code],
  ];
  for (const [label, value] of rows) {
    page.drawText(printable(bold, label), { x: left, y, size: 12, font: bold, color: ink });
    page.drawText(printable(regular, value), { x: left + 130, y, size: 12, font: regular, color: ink });
    y -= 20;
  }
  y -= 20;
  text(`Check that this certificate is genuine at ${verifyUrl}`, 11);
  return pdf.save();
}
