// The text a PDF shows, read back without a PDF library: inflates each
// content stream and decodes the strings of its text operators (Tj and TJ).
// Enough for the PDFs the portal writes (standard fonts, WinAnsi encoding).
import { inflateSync } from "node:zlib";

const WIN_ANSI_EXTRA: Record<number, string> = { 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—", 0x80: "€" };

function decodeBytes(bytes: number[]): string {
  return bytes.map((byte) => WIN_ANSI_EXTRA[byte] ?? String.fromCharCode(byte)).join("");
}

function literal(body: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== "\\") {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    const next = body[++i]!;
    const octal = /^[0-7]{1,3}/.exec(body.slice(i));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += octal[0].length - 1;
    } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return decodeBytes(bytes);
}

export function pdfText(pdf: Uint8Array | Buffer): string {
  const raw = Buffer.from(pdf).toString("latin1");
  const lines: string[] = [];
  const streamPattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const dictionary = raw.slice(Math.max(0, match.index - 300), match.index);
    let content = raw.slice(start, end);
    if (/\/FlateDecode/.test(dictionary.slice(dictionary.lastIndexOf("<<")))) {
      try {
        content = inflateSync(Buffer.from(content, "latin1")).toString("latin1");
      } catch {
        continue;
      }
    }
    for (const op of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      if (op[1] !== undefined) {
        const hex = op[1].replace(/\s/g, "");
        lines.push(decodeBytes(hex.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? []));
      } else lines.push(literal(op[2]!));
    }
    // Past "endstream", whose own "stream" would otherwise be read as the start of the next one.
    streamPattern.lastIndex = end + "endstream".length;
  }
  return lines.join("\n");
}
