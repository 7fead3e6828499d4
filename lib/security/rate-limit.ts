import "server-only";
import { db } from "@/lib/db";
import { isIPv6 } from "node:net";
import { settings } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "./peer-address";

export interface Limit {
  /** Most attempts allowed in one window. */
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  /** Failed sign-ins against one account from one address: brute force from one place stops here. */
  signInPerAccountFromAddress: { max: 10, windowSeconds: 15 * 60 },
  /**
   * Failed sign-ins against one account from anywhere, in a day: the ceiling on guessing spread
   * over many addresses. High enough that a stranger cannot lock a member out from one place;
   * a password reset lifts it.
   */
  signInPerAccount: { max: 100, windowSeconds: 24 * 60 * 60 },
  /** Wrong passwords re-entered by a signed-in member: a stolen session is no way to guess. */
  reauthenticationsPerAccount: { max: 10, windowSeconds: 15 * 60 },
  /** Failed sign-ins from one address, whichever accounts they try. */
  signInPerAddress: { max: 50, windowSeconds: 15 * 60 },
  /** Verification e-mails one member may ask for again. */
  verificationEmailsPerAccount: { max: 3, windowSeconds: 60 * 60 },
  /** Password-reset requests for one e-mail address, whether or not an account uses it. */
  passwordResetsPerAccount: { max: 3, windowSeconds: 60 * 60 },
  /** Password-reset requests from one address, whichever e-mail addresses they name. */
  passwordResetsPerAddress: { max: 20, windowSeconds: 60 * 60 },
  /** Changes of e-mail address one member may ask for (each sends e-mail to an address they choose). */
  emailChangesPerAccount: { max: 3, windowSeconds: 60 * 60 },
  /** Study documents one member may upload (each up to 10 MB, kept for good): enough for a busy day. */
  documentUploadsPerAccount: { max: 40, windowSeconds: 24 * 60 * 60 },
  /** Accounts created from one address. */
  get signUpPerAddress(): Limit {
    return { max: settings().RATE_LIMIT_SIGNUPS_PER_HOUR, windowSeconds: 60 * 60 };
  },
} satisfies Record<string, Limit>;

/** Whether `key` has used up its attempts in the current window (counts nothing). */
export async function isLimited(key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, windowStart: true } });
  if (!row) return false;
  const windowOpen = row.windowStart.getTime() > now.getTime() - limit.windowSeconds * 1000;
  return windowOpen && row.count >= limit.max;
}

/**
 * Counts one attempt against `key` and says whether it is within the limit.
 * One statement, atomic in PostgreSQL, so every process of the portal shares
 * the count and two attempts at once cannot both slip under it.
 */
export async function consumeAttempt(key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const windowStartsAfter = new Date(now.getTime() - limit.windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING count`;
  return (row?.count ?? 1) <= limit.max;
}

/** Forgets the attempts against `key` (after a successful sign-in). */
export async function clearAttempts(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/**
 * The client's address, for the per-address limits. With no trusted proxy (the default) it is
 * the connection's own address: any X-Forwarded-For was written by the client and is ignored.
 * Behind N reverse proxies (RADIANT_TRUSTED_PROXIES=N), each appends the address it saw to
 * X-Forwarded-For, so the Nth entry from the end was written by the outermost trusted proxy;
 * entries before it came from the client and can be forged.
 */
export function clientAddress(headers: Headers, trustedProxies = settings().RADIANT_TRUSTED_PROXIES): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustedProxies === 0) return limitKeyOf(peer);
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  // A chain shorter than the proxies in front came round them: only the connection is known.
  const client = chain.length >= trustedProxies ? chain[chain.length - trustedProxies] : undefined;
  return limitKeyOf(client || peer);
}

/**
 * What a limit counts an address as. One IPv6 connection usually holds a whole /64 (and can
 * pick a new address in it for every request), so IPv6 addresses count by their /64; an
 * IPv4 address written as IPv6 (::ffff:192.0.2.1) counts as itself.
 */
export function limitKeyOf(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address.slice(0, 64);
  const [head = "", tail = ""] = address.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
