import { createHash } from "node:crypto";

/**
 * The key the database knows a session by: the SHA-256 (hex) of the random
 * value only the cookie carries. A copy of the table opens no session.
 */
export function sessionKeyOf(secret: string): string {
  return createHash("sha256").update(Buffer.from(secret, "base64url")).digest("hex");
}
