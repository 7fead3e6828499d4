import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type DatabaseTransaction } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";

// A single-use link of an account e-mail (confirm an address, reset a password, confirm a new
// address). The token travels only in the e-mail (as its {{secret}}, see lib/mail/secret.ts);
// the database keeps its SHA-256, so someone who reads the database cannot use a link.

/** How long each kind of link works. */
export const TOKEN_LIFETIME_HOURS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 24,
  RESET_PASSWORD: 1,
  CHANGE_EMAIL: 24,
};

/** 32 random bytes as base64url: 43 characters, nothing else. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Writes a new token for `userId` and returns it, to be put in the e-mail's link. Only its hash
 * is stored; `email` is the address the link goes to.
 */
export async function issueToken(
  tx: DatabaseTransaction,
  input: { userId: string; purpose: AccountTokenPurpose; email: string; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      email: input.email,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_HOURS[input.purpose] * 3600 * 1000),
      createdAt: now,
    },
  });
  return token;
}

export interface TokenRow {
  id: string;
  userId: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
  user: { email: string; name: string; emailVerified: Date | null; deletedAt: Date | null };
}

/** What a link is worth now: usable, or why not. */
export type TokenState = { state: "valid"; token: TokenRow } | { state: "expired" | "used" | "unknown" };

/**
 * Reads a link's token without using it up: a page shows what the link will do, and only a
 * button press uses it (mail scanners follow links, and must not confirm anything).
 * `addressMustMatch`: the link is void once the account's address is no longer the one it was
 * sent to (a verification or reset link sent to an address since replaced).
 */
export async function readToken(
  purpose: AccountTokenPurpose,
  token: string,
  { now = new Date(), addressMustMatch }: { now?: Date; addressMustMatch: boolean },
  client: Pick<DatabaseTransaction, "accountToken"> | Pick<typeof db, "accountToken"> = db,
): Promise<TokenState> {
  if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const row = await client.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      purpose: true,
      email: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, name: true, emailVerified: true, deletedAt: true } },
    },
  });
  if (!row || row.purpose !== purpose || row.user.deletedAt) return { state: "unknown" };
  if (addressMustMatch && row.user.email !== row.email) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  return { state: "valid", token: { id: row.id, userId: row.userId, email: row.email, expiresAt: row.expiresAt, usedAt: row.usedAt, user: row.user } };
}

/**
 * Uses a token up, once: of two presses at the same moment, one wins and the other is told
 * the link has been used. True if this call used it.
 */
export async function useToken(tx: DatabaseTransaction, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.accountToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

/** Uses up a person's other links of these kinds (after a reset, a change of address…). */
export async function useUpTokens(tx: DatabaseTransaction, userId: string, purposes: AccountTokenPurpose[], now: Date): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, purpose: { in: purposes }, usedAt: null }, data: { usedAt: now } });
}
