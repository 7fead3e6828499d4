import { randomBytes } from "node:crypto";

// Crockford's base 32: no I, L, O or U, so a code read aloud or retyped survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 80 random bits as 16 characters in groups of 4: "7K2M-Q9XD-4TGH-B0ZR". */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join("-");
}

/** A code as someone typed it (lower case, spaces, O for 0) in its stored form, or null if it cannot be one. */
export function normaliseVerificationCode(typed: string): string | null {
  const bare = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(bare)) return null;
  return bare.match(/.{4}/g)!.join("-");
}
