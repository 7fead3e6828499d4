// A single-use link's token travels in an e-mail, but is kept in the database only as a hash
// (lib/accounts) and, until the e-mail is sent, encrypted in the outbox row: someone who can read
// the database cannot use a link that is waiting to be sent.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { signingSecret } from "@/lib/env";

/** Written into an e-mail's body where the token goes; replaced only when the e-mail is sent. */
export const SECRET_PLACEHOLDER = "{{secret}}";

function key(): Buffer {
  const secret = signingSecret();
  return createHash("sha256").update(`radiant-mail-secret:${secret}`).digest();
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

export function decryptSecret(sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new Error("The e-mail's secret is damaged");
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

export function revealSecret(body: string, secret: string | null): string {
  return secret === null ? body : body.split(SECRET_PLACEHOLDER).join(secret);
}
