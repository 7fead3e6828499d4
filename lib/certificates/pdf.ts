import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import type { CertificateStatement } from "./certificate";
import { certificateContent, type CertificateContent } from "./content";

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

const A4 = { width: 595.28, height: 841.89 };
const INK = rgb(0.04, 0.05, 0.05);
const MUTED = rgb(0.31, 0.33, 0.35);
const BRAND = rgb(0, 0.37, 0.72);
const TINT = rgb(0.93, 0.96, 0.99);

/**
 * The collaborative's mark, in vectors: a disc radiating eight rays inside a ring, the shapes of
 * the portal's header mark. `size` is its width; (x, y) its lower left corner.
 */
export function drawMark(page: PDFPage, x: number, y: number, size: number, color: RGB = BRAND) {
  const r = size / 2;
  const cx = x + r;
  const cy = y + r;
  page.drawCircle({ x: cx, y: cy, size: r, borderColor: color, borderWidth: size * 0.07 });
  page.drawCircle({ x: cx, y: cy, size: r * 0.3, color });
  for (let i = 0; i < 8; i++) {
    const angle = (i * Math.PI) / 4;
    const from = r * 0.45;
    const to = i % 2 === 0 ? r * 0.78 : r * 0.66;
    page.drawLine({
      start: { x: cx + from * Math.cos(angle), y: cy + from * Math.sin(angle) },
      end: { x: cx + to * Math.cos(angle), y: cy + to * Math.sin(angle) },
      thickness: size * 0.07,
      color,
    });
  }
}

type Op = (page: PDFPage) => void;

/** The signature line's height on the page: the body must end above this, with room for the line. */
export const SIGNATURE_Y = 170;
const BODY_FLOOR = SIGNATURE_Y + 40;
/** Text sizes tried in turn, largest first, until the body fits above the signature line. */
const SCALES = [1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6];

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Lays out the body (heading to citation) at one text size: what to draw, and where it ends. */
function layoutBody(content: CertificateContent, fonts: Fonts, scale: number): { ops: Op[]; bottom: number } {
  const { regular, bold } = fonts;
  const ops: Op[] = [];
  const margin = 64;
  const width = A4.width - 2 * margin;
  let y = A4.height - 70 - 96 * Math.min(1, scale + 0.1);
  const px = (size: number) => size * scale;

  const centred = (value: string, size: number, font = regular, color = INK, lineGap = 1.3) => {
    for (const line of wrap(font, printable(font, value), px(size), width)) {
      const lineWidth = font.widthOfTextAtSize(line, px(size));
      const at = y - px(size);
      ops.push((page) => page.drawText(line, { x: (A4.width - lineWidth) / 2, y: at, size: px(size), font, color }));
      y -= px(size) * lineGap;
    }
  };

  centred(content.heading, 30, bold);
  y -= px(14);
  centred("This certifies that", 12, regular, MUTED);
  y -= px(6);
  centred(content.name, 24, bold);
  if (content.gmcLine) centred(content.gmcLine, 11, regular, MUTED);
  y -= px(10);
  centred(content.lead, 12);
  y -= px(4);
  centred(content.projectTitle, 16, bold, BRAND, 1.25);
  y -= px(22);

  // What they did, as label and value; long values wrap within their column.
  const labelWidth = 150;
  const ruleTop = y;
  ops.push((page) => page.drawLine({ start: { x: margin, y: ruleTop }, end: { x: A4.width - margin, y: ruleTop }, thickness: 0.5, color: MUTED }));
  y -= px(18);
  for (const [label, value] of content.facts) {
    const labelAt = y;
    ops.push((page) => page.drawText(printable(bold, label), { x: margin, y: labelAt, size: px(11), font: bold, color: INK }));
    for (const line of wrap(regular, printable(regular, value), px(11), width - labelWidth)) {
      const at = y;
      ops.push((page) => page.drawText(line, { x: margin + labelWidth, y: at, size: px(11), font: regular, color: INK }));
      y -= px(15);
    }
    y -= px(5);
  }
  const ruleBottom = y + px(6);
  ops.push((page) => page.drawLine({ start: { x: margin, y: ruleBottom }, end: { x: A4.width - margin, y: ruleBottom }, thickness: 0.5, color: MUTED }));
  y -= px(12);

  if (content.citation) {
    const lines = wrap(regular, printable(regular, content.citation), px(11), width - 24);
    const boxHeight = lines.length * px(15) + px(14);
    const boxTop = y + px(10);
    ops.push((page) => {
      page.drawRectangle({ x: margin, y: boxTop - boxHeight, width, height: boxHeight, color: TINT });
      page.drawRectangle({ x: margin, y: boxTop - boxHeight, width: 4, height: boxHeight, color: BRAND });
    });
    y -= px(6);
    for (const line of lines) {
      const at = y;
      ops.push((page) => page.drawText(line, { x: margin + 16, y: at, size: px(11), font: regular, color: INK }));
      y -= px(15);
    }
    y = Math.min(y, boxTop - boxHeight);
  }
  return { ops, bottom: y };
}

/** The largest text size at which the body ends above the signature line, and where it ends. */
export function fitBody(content: CertificateContent, fonts: Fonts): { scale: number; ops: Op[]; bottom: number } {
  for (const scale of SCALES) {
    const laid = layoutBody(content, fonts, scale);
    if (laid.bottom >= BODY_FLOOR || scale === SCALES.at(-1)) return { scale, ...laid };
  }
  throw new Error("unreachable");
}

/** A one-page A4 certificate of participation for a training portfolio. */
export async function renderCertificatePdf(statement: CertificateStatement, code: string, verifyUrl: string): Promise<Uint8Array> {
  const content = certificateContent(statement, code, verifyUrl);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificate of participation: ${statement.projectTitle}`);
  pdf.setAuthor("RADIANT, the UK radiology trainee research collaborative");
  pdf.setSubject(`${statement.traineeName}. Verification code ${code}`);
  pdf.setCreator("RADIANT Portal");
  const page = pdf.addPage([A4.width, A4.height]);
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const { regular, bold } = fonts;
  const margin = 64;
  const width = A4.width - 2 * margin;
  const top = A4.height - 70;

  // Frame: a strong outer rule and a fine inner one.
  page.drawRectangle({ x: 24, y: 24, width: A4.width - 48, height: A4.height - 48, borderColor: BRAND, borderWidth: 4 });
  page.drawRectangle({ x: 34, y: 34, width: A4.width - 68, height: A4.height - 68, borderColor: BRAND, borderWidth: 0.75 });

  // Header: the mark and the collaborative's name.
  drawMark(page, margin, top - 44, 44);
  page.drawText("RADIANT", { x: margin + 58, y: top - 20, size: 20, font: bold, color: BRAND });
  page.drawText("UK radiology trainee research collaborative", { x: margin + 58, y: top - 38, size: 11, font: regular, color: MUTED });

  for (const op of fitBody(content, fonts).ops) op(page);

  // Signature line, then how to check the certificate, at the foot of the page.
  page.drawLine({ start: { x: margin, y: SIGNATURE_Y }, end: { x: margin + 230, y: SIGNATURE_Y }, thickness: 0.75, color: INK });
  const signatory = wrap(bold, printable(bold, content.signatory ?? "The project lead"), 11, 300)[0]!;
  page.drawText(signatory, { x: margin, y: SIGNATURE_Y - 16, size: 11, font: bold, color: INK });
  page.drawText(content.signatoryRole, { x: margin, y: SIGNATURE_Y - 30, size: 9, font: regular, color: MUTED });
  drawMark(page, A4.width - margin - 60, SIGNATURE_Y - 34, 60, rgb(0.8, 0.87, 0.95));

  let footY = 92;
  for (const line of wrap(regular, printable(regular, content.verification), 10, width)) {
    page.drawText(line, { x: margin, y: footY, size: 10, font: regular, color: MUTED });
    footY -= 13;
  }
  return pdf.save();
}
