import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import type { CertificateStatement } from "./certificate";
import { certificateContent, certificateTitle, type CertificateContent } from "./content";

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

/** Something to draw, and how high on the page it reaches: what moves to the next page when the body runs long. */
interface Op {
  top: number;
  draw: (page: PDFPage, dy: number) => void;
}

/** The signature line's height on the page: the body must end above this, with room for the line. */
export const SIGNATURE_Y = 170;
const BODY_FLOOR = SIGNATURE_Y + 40;
/** Text sizes tried in turn, largest first, until the body fits above the signature line. */
const SCALES = [1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6];
/** Where the body goes on on a following page, and how low it may reach there. */
const CONTINUED_TOP = A4.height - 80;
const CONTINUED_FLOOR = 80;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Lays out the body (heading to outputs) at one text size: what to draw, and where it ends. */
function layoutBody(content: CertificateContent, fonts: Fonts, scale: number): { ops: Op[]; bottom: number } {
  const { regular, bold } = fonts;
  const ops: Op[] = [];
  const margin = 64;
  const width = A4.width - 2 * margin;
  let y = A4.height - 70 - 96 * Math.min(1, scale + 0.1);
  const px = (size: number) => size * scale;
  const text = (value: string, x: number, at: number, size: number, font: PDFFont, color: RGB) =>
    ops.push({ top: at + size, draw: (page, dy) => page.drawText(value, { x, y: at + dy, size, font, color }) });
  const rule = (at: number) =>
    ops.push({ top: at, draw: (page, dy) => page.drawLine({ start: { x: margin, y: at + dy }, end: { x: A4.width - margin, y: at + dy }, thickness: 0.5, color: MUTED }) });

  const centred = (value: string, size: number, font = regular, color = INK, lineGap = 1.3) => {
    for (const line of wrap(font, printable(font, value), px(size), width)) {
      const lineWidth = font.widthOfTextAtSize(line, px(size));
      text(line, (A4.width - lineWidth) / 2, y - px(size), px(size), font, color);
      y -= px(size) * lineGap;
    }
  };

  // Label and value; long values wrap within their column.
  const labelWidth = 150;
  const facts = (rows: [string, string][], indent = 0) => {
    for (const [label, value] of rows) {
      const labelLines = wrap(bold, printable(bold, label), px(11), labelWidth - indent - 8);
      const valueLines = wrap(regular, printable(regular, value), px(11), width - labelWidth);
      for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
        if (labelLines[i]) text(labelLines[i]!, margin + indent, y, px(11), bold, INK);
        if (valueLines[i]) text(valueLines[i]!, margin + labelWidth, y, px(11), regular, INK);
        y -= px(15);
      }
      y -= px(5);
    }
  };
  const paragraph = (value: string, size = 11, font = regular, indent = 0) => {
    for (const line of wrap(font, printable(font, value), px(size), width - indent)) {
      text(line, margin + indent, y, px(size), font, INK);
      y -= px(size) * 1.36;
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

  rule(y);
  y -= px(18);
  facts(content.facts);
  for (const block of content.blocks) {
    y -= px(4);
    paragraph(block.heading, 12, bold);
    y -= px(4);
    facts(block.facts, 12);
    for (const value of block.paragraphs) {
      paragraph(value, 11, regular, 12);
      y -= px(3);
    }
  }
  if (content.outputs.length) {
    y -= px(4);
    paragraph("Outputs of the project", 12, bold);
    y -= px(4);
    for (const output of content.outputs) {
      paragraph(output, 11, regular, 12);
      y -= px(3);
    }
  }
  rule(y + px(6));
  y -= px(12);

  if (content.citation) {
    const lines = wrap(regular, printable(regular, content.citation), px(11), width - 24);
    const boxHeight = lines.length * px(15) + px(14);
    const boxTop = y + px(10);
    ops.push({
      top: boxTop,
      draw: (page, dy) => {
        page.drawRectangle({ x: margin, y: boxTop - boxHeight + dy, width, height: boxHeight, color: TINT });
        page.drawRectangle({ x: margin, y: boxTop - boxHeight + dy, width: 4, height: boxHeight, color: BRAND });
      },
    });
    y -= px(6);
    for (const line of lines) {
      // Drawn with the box: a line of the box never starts a page on its own.
      const at = y;
      ops.push({ top: boxTop, draw: (page, dy) => page.drawText(line, { x: margin + 16, y: at + dy, size: px(11), font: regular, color: INK }) });
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

/**
 * The body on pages: all on the first when it fits (it almost always does at some text size);
 * otherwise what reaches below the signature's room goes on following pages, whole lines at a
 * time, and the last page takes the signature. Returns the drawing of each page and where the
 * last one's body ends.
 */
export function paginate(ops: Op[], bottom: number): { pages: Op[][]; shifts: number[]; bottom: number } {
  if (bottom >= BODY_FLOOR) return { pages: [ops], shifts: [0], bottom };
  const pages: Op[][] = [[]];
  const shifts = [0];
  for (const op of ops) {
    if (op.top + shifts.at(-1)! - 14 < CONTINUED_FLOOR) {
      pages.push([]);
      shifts.push(CONTINUED_TOP - op.top);
    }
    pages.at(-1)!.push(op);
  }
  // The signature needs its room below the body: on a page of its own when the last is full.
  if (bottom + shifts.at(-1)! < BODY_FLOOR) {
    pages.push([]);
    shifts.push(0);
    return { pages, shifts, bottom: CONTINUED_TOP };
  }
  return { pages, shifts, bottom: bottom + shifts.at(-1)! };
}

/** An A4 certificate for a training portfolio: one page, unless what it lists cannot fit on one. */
export async function renderCertificatePdf(statement: CertificateStatement, code: string, verifyUrl: string): Promise<Uint8Array> {
  const content = certificateContent(statement, code, verifyUrl);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${content.heading}: ${certificateTitle(statement)}`);
  pdf.setAuthor("RADIANT, the UK radiology trainee research collaborative");
  pdf.setSubject(`${content.name}. Verification code ${code}`);
  pdf.setCreator("RADIANT Portal");
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const { regular, bold } = fonts;
  const margin = 64;
  const width = A4.width - 2 * margin;
  const top = A4.height - 70;

  const { ops, bottom } = fitBody(content, fonts);
  const laid = paginate(ops, bottom);
  let page!: PDFPage;
  laid.pages.forEach((pageOps, index) => {
    page = pdf.addPage([A4.width, A4.height]);
    // Frame: a strong outer rule and a fine inner one.
    page.drawRectangle({ x: 24, y: 24, width: A4.width - 48, height: A4.height - 48, borderColor: BRAND, borderWidth: 4 });
    page.drawRectangle({ x: 34, y: 34, width: A4.width - 68, height: A4.height - 68, borderColor: BRAND, borderWidth: 0.75 });
    if (index === 0) {
      // Header: the mark and the collaborative's name.
      drawMark(page, margin, top - 44, 44);
      page.drawText("RADIANT", { x: margin + 58, y: top - 20, size: 20, font: bold, color: BRAND });
      page.drawText("UK radiology trainee research collaborative", { x: margin + 58, y: top - 38, size: 11, font: regular, color: MUTED });
    } else {
      page.drawText(printable(regular, `${content.name}, continued. Verification code ${code}`), { x: margin, y: A4.height - 60, size: 9, font: regular, color: MUTED });
    }
    for (const op of pageOps) op.draw(page, laid.shifts[index]!);
  });

  // Signature line, then how to check the certificate, at the foot of the page.
  page.drawLine({ start: { x: margin, y: SIGNATURE_Y }, end: { x: margin + 230, y: SIGNATURE_Y }, thickness: 0.75, color: INK });
  const signatory = wrap(bold, printable(bold, content.signatory ?? content.signatoryFallback), 11, 300)[0]!;
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
