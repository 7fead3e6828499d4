import "server-only";
// The link in an invitation e-mail to an address with no account carries a
// proof that whoever follows it read that mailbox: an HMAC of the invitation
// and the address, under a key derived from AUTH_SECRET. Signing up with the
// same address through that link confirms the address, as a verification
// e-mail's link would. Nothing is stored: the proof is checked by computing
// it again, and it travels in the e-mail as its secret (never in the stored
// text, erased from the outbox once sent).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { signingSecret } from "@/lib/env";

function key(): Buffer {
  const secret = signingSecret();
  return createHash("sha256").update(`radiant-invitation-address:${secret}`).digest();
}

export function addressProof(invitationId: string, email: string): string {
  return createHmac("sha256", key()).update(`${invitationId}\n${email.toLowerCase()}`).digest("base64url");
}

/** Whether `proof` was made for this invitation and address. */
export function provesAddress(invitationId: string, email: string, proof: string): boolean {
  const expected = Buffer.from(addressProof(invitationId, email));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
