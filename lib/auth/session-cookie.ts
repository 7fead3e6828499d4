import "server-only";
// The session cookie read without Auth.js: Auth.js's own reading (`auth()`) decrypts the cookie and
// encrypts a fresh one on every request, though the cookie's lifetime never moves (the Session row's
// end is fixed at sign-in). Here the cookie is only decrypted, under the key Auth.js derives
// (@auth/core's jwt.ts), and nothing is written back. Anything unexpected reads as signed out.
// See docs/decisions/038-session-reading.md.
import { createHash, hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { settings, type Settings } from "@/lib/env";
import { sessionKeyOf } from "./session-key";
import type { SessionClaims } from "./session-user";

const COOKIE = "authjs.session-token";
/** Auth.js's cookies: "dir" with A256CBC-HS512, whose key is 64 bytes. */
const ALG = "dir";
const ENC = "A256CBC-HS512";
const KEY_BYTES = 64;
/** Longer than any cookie Auth.js writes for the portal's few claims (about 500 characters), chunks included. */
const MAX_VALUE_LENGTH = 16 * 1024;
const CACHED_CLAIMS = 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** A compact JWE: five base64url parts (the second, the key, empty with "dir"). */
const COMPACT_JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BASE64URL_OR_DOTS = /^[A-Za-z0-9_.-]+$/;
const CHUNK_SUFFIX = /^\.(0|[1-9][0-9]{0,2})$/;

/** Whether the portal is reached over HTTPS (PUBLIC_URL): its cookies are then Secure, and the session's bound to the host. */
export function usesSecureCookies(env: Settings = settings()): boolean {
  return env.PUBLIC_URL?.startsWith("https:") ?? false;
}

/** The session cookie's name: `__Host-` over HTTPS (Secure, Path=/, no Domain: no other host can set or shadow it). */
export function sessionCookieName(secure = usesSecureCookies()): string {
  return secure ? `__Host-${COOKIE}` : COOKIE;
}

/** Auth.js's `cookies` setting: the session cookie under the portal's name, with the options a `__Host-` cookie needs. */
export function sessionCookieSetting(secure = usesSecureCookies()) {
  return {
    sessionToken: {
      name: sessionCookieName(secure),
      options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
    },
  };
}

function trimSpaceAndTab(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, "");
}

/**
 * The session cookie's value in a Cookie header, its chunks (`name.0`, `name.1`…) joined in order
 * as Auth.js writes a long cookie; null when there is none, and null too when anything named like
 * it is not exactly one whole cookie or one whole run of chunks: a second copy, a gap, a stray
 * suffix, an empty or oddly spelt value.
 */
export function sessionCookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  let whole: string | null = null;
  const chunks = new Map<number, string>();
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    // Space and tab only, as Auth.js's parser: a name padded with any other blank is another cookie.
    const cookieName = trimSpaceAndTab(at < 0 ? pair : pair.slice(0, at));
    if (!cookieName.startsWith(name)) continue;
    const value = at < 0 ? "" : trimSpaceAndTab(pair.slice(at + 1));
    if (!BASE64URL_OR_DOTS.test(value)) return null;
    const suffix = cookieName.slice(name.length);
    if (suffix === "") {
      if (whole !== null) return null;
      whole = value;
      continue;
    }
    const chunk = CHUNK_SUFFIX.exec(suffix);
    if (!chunk) return null;
    const index = Number(chunk[1]);
    if (chunks.has(index)) return null;
    chunks.set(index, value);
  }
  if (whole !== null) return chunks.size === 0 ? whole : null;
  // Auth.js splits a cookie only when it is too long for one: a lone `.0` is not its own.
  if (chunks.size < 2) return null;
  const parts: string[] = [];
  for (let index = 0; index < chunks.size; index++) {
    const part = chunks.get(index);
    if (part === undefined) return null;
    parts.push(part);
  }
  return parts.join("");
}

interface DerivedKey {
  secret: string;
  salt: string;
  key: Uint8Array;
  kid: string;
}

let derived: DerivedKey | null = null;
/** Claims of cookies already decrypted, by the SHA-256 of the cookie (never the cookie itself), oldest first. */
const claimsByCookie = new Map<string, { claims: SessionClaims; expiresAt: number }>();

/** Auth.js's key for the cookie `salt` under `secret` (HKDF-SHA-256, 64 bytes), derived once for the process. */
async function keyFor(secret: string, salt: string): Promise<DerivedKey> {
  if (derived?.secret === secret && derived.salt === salt) return derived;
  const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, KEY_BYTES));
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512");
  // Claims read under another secret or cookie name are no one's now.
  claimsByCookie.clear();
  derived = { secret, salt, key, kid };
  return derived;
}

function remember(cacheKey: string, claims: SessionClaims, expiresAt: number) {
  if (claimsByCookie.size >= CACHED_CLAIMS) claimsByCookie.delete(claimsByCookie.keys().next().value!);
  claimsByCookie.set(cacheKey, { claims, expiresAt });
}

export interface SessionCookieOptions {
  /** AUTH_SECRET. */
  secret: string | undefined;
  /** The session cookie's name, which is also the key's salt. */
  cookieName: string;
  now?: Date;
}

/**
 * What the session cookie in `header` claims: whose it is, their session version then, and which
 * sign-in (the hash of its secret). Null, meaning signed out, for no cookie and for any cookie that
 * is not whole, not encrypted by this portal under this name, past its `exp`, or missing a claim.
 * Only the database then says whether that sign-in still stands (lib/auth/session-user.ts).
 */
export async function sessionClaimsFrom(header: string | null | undefined, options: SessionCookieOptions): Promise<SessionClaims | null> {
  const { secret, cookieName, now = new Date() } = options;
  if (!secret) return null;
  const value = sessionCookieValue(header, cookieName);
  if (value === null || value.length > MAX_VALUE_LENGTH || !COMPACT_JWE.test(value)) return null;
  const { key, kid } = await keyFor(secret, cookieName);

  // The key's id is part of the cache key: claims read under one secret or cookie name never answer for another.
  const cacheKey = createHash("sha256").update(kid).update("\0").update(value).digest("hex");
  const cached = claimsByCookie.get(cacheKey);
  if (cached) {
    if (now.getTime() < cached.expiresAt) return cached.claims;
    claimsByCookie.delete(cacheKey);
    return null;
  }

  let payload: Record<string, unknown>;
  try {
    const decrypted = await jwtDecrypt(value, key, {
      keyManagementAlgorithms: [ALG],
      contentEncryptionAlgorithms: [ENC],
      requiredClaims: ["exp", "sub"],
      currentDate: now,
    });
    if (decrypted.protectedHeader.kid !== kid) return null;
    payload = decrypted.payload;
  } catch {
    return null;
  }
  const { sub, exp, sessionVersion, sessionSecret } = payload;
  if (typeof sub !== "string" || !UUID.test(sub)) return null;
  if (typeof exp !== "number" || !Number.isSafeInteger(exp)) return null;
  if (typeof sessionVersion !== "number" || !Number.isSafeInteger(sessionVersion) || sessionVersion < 0) return null;
  if (typeof sessionSecret !== "string" || sessionSecret.length > 128 || !BASE64URL.test(sessionSecret)) return null;

  const claims: SessionClaims = { userId: sub, sessionVersion, sessionKey: sessionKeyOf(sessionSecret) };
  remember(cacheKey, claims, exp * 1000);
  return claims;
}

/** The claims of this request's session cookie, under the portal's secret and cookie name. */
export function readSessionCookie(header: string | null | undefined, now = new Date()): Promise<SessionClaims | null> {
  return sessionClaimsFrom(header, { secret: settings().AUTH_SECRET, cookieName: sessionCookieName(), now });
}
