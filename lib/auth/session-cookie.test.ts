import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { sessionClaimsFrom, sessionCookieName, sessionCookieSetting, sessionCookieValue, usesSecureCookies } from "./session-cookie";
import { sessionKeyOf } from "./session-key";

const SECRET = "unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const NAME = "authjs.session-token";
const USER = "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f";
const SESSION_SECRET = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

/** A cookie as Auth.js itself writes it at sign-in. */
function issued(token: Record<string, unknown> = {}, options: { secret?: string; salt?: string; maxAge?: number } = {}) {
  return encode({
    token: { sub: USER, sessionVersion: 3, sessionSecret: SESSION_SECRET, ...token },
    secret: options.secret ?? SECRET,
    salt: options.salt ?? NAME,
    maxAge: options.maxAge ?? 12 * 3600,
  });
}

const read = (header: string | null, name = NAME, now = new Date()) => sessionClaimsFrom(header, { secret: SECRET, cookieName: name, now });

const EXPECTED = { userId: USER, sessionVersion: 3, sessionKey: sessionKeyOf(SESSION_SECRET) };

/** A cookie value with one character changed, at `at` characters from the end. */
function tampered(value: string, at: number) {
  const index = value.length - at;
  const swapped = value[index] === "A" ? "B" : "A";
  return value.slice(0, index) + swapped + value.slice(index + 1);
}

describe("reading the session cookie Auth.js wrote", () => {
  it("gives whose session it is, their session version then, and the key of the sign-in", async () => {
    expect(await read(`${NAME}=${await issued()}`)).toEqual(EXPECTED);
  });

  it("reads it among other cookies, and under the __Host- name when the portal is on HTTPS", async () => {
    const secure = sessionCookieName(true);
    expect(secure).toBe("__Host-authjs.session-token");
    const cookie = await issued({}, { salt: secure });
    expect(await read(`theme=dark; ${secure}=${cookie}; authjs.csrf-token=abc`, secure)).toEqual(EXPECTED);
  });

  it("joins a long cookie's chunks in order, as Auth.js splits it", async () => {
    const cookie = await issued({ name: "x".repeat(5000) });
    const [first, second] = [cookie.slice(0, 3936), cookie.slice(3936)];
    expect(await read(`${NAME}.1=${second}; other=1; ${NAME}.0=${first}`)).toEqual(EXPECTED);
  });

  it("answers the same from its cache for the same cookie", async () => {
    const header = `${NAME}=${await issued({ sessionVersion: 7 })}`;
    const first = await read(header);
    expect(first).toEqual({ ...EXPECTED, sessionVersion: 7 });
    expect(await read(header)).toEqual(first);
  });

  it("stops answering from its cache once the cookie's time is up, and for another secret", async () => {
    const header = `${NAME}=${await issued({}, { maxAge: 60 })}`;
    expect(await read(header)).toEqual(EXPECTED);
    expect(await read(header, NAME, new Date(Date.now() + 61_000))).toBeNull();
    expect(await sessionClaimsFrom(header, { secret: `${SECRET}-rotated`, cookieName: NAME })).toBeNull();
  });

  it("is not read under a name padded with a blank other than space or tab, which Auth.js takes for another cookie", async () => {
    const cookie = await issued();
    expect(await read(`\u00a0${NAME}=${cookie}`)).toBeNull();
    expect(await read(` \t${NAME}=${cookie}`)).toEqual(EXPECTED);
  });
});

describe("a cookie that reads as signed out", () => {
  it("is none at all", async () => {
    expect(await read(null)).toBeNull();
    expect(await read("")).toBeNull();
    expect(await read("other=1")).toBeNull();
  });

  it("is past its expiry, whether read for the first time or already known", async () => {
    expect(await read(`${NAME}=${await issued({}, { maxAge: -60 })}`)).toBeNull();
    const header = `${NAME}=${await issued({}, { maxAge: 3600 })}`;
    expect(await read(header)).toEqual(EXPECTED);
    expect(await read(header, NAME, new Date(Date.now() + 3601 * 1000))).toBeNull();
    expect(await read(header, NAME, new Date(Date.now() + 3601 * 1000))).toBeNull();
  });

  it("has been tampered with, anywhere", async () => {
    const cookie = await issued();
    for (const at of [1, 10, 30, 60, 120, cookie.length - 5]) {
      expect(await read(`${NAME}=${tampered(cookie, at)}`), `changed ${at} from the end`).toBeNull();
    }
  });

  it("was made under another secret", async () => {
    expect(await read(`${NAME}=${await issued({}, { secret: "another-secret-0123456789abcdefghijklmnopqrstuvwxyz" })}`)).toBeNull();
  });

  it("was made for another cookie name (another salt)", async () => {
    const secure = sessionCookieName(true);
    expect(await read(`${secure}=${await issued({}, { salt: NAME })}`, secure)).toBeNull();
    expect(await read(`${NAME}=${await issued({}, { salt: "__Secure-authjs.session-token" })}`)).toBeNull();
  });

  it("has a chunk too many, a chunk missing, or both the whole cookie and chunks", async () => {
    const cookie = await issued({ name: "x".repeat(5000) });
    const [first, second] = [cookie.slice(0, 3936), cookie.slice(3936)];
    expect(await read(`${NAME}.0=${first}; ${NAME}.1=${second}; ${NAME}.2=AAAA`)).toBeNull();
    expect(await read(`${NAME}.0=${first}; ${NAME}.2=${second}`)).toBeNull();
    expect(await read(`${NAME}.1=${second}`)).toBeNull();
    expect(await read(`${NAME}.0=${cookie}`)).toBeNull();
    const whole = await issued();
    expect(await read(`${NAME}=${whole}; ${NAME}.0=${first}; ${NAME}.1=${second}`)).toBeNull();
  });

  it("comes twice, or beside anything else named like it", async () => {
    const cookie = await issued();
    expect(await read(`${NAME}=${cookie}; ${NAME}=${cookie}`)).toBeNull();
    for (const stray of [`${NAME}.x=1`, `${NAME}.00=1`, `${NAME}-old=1`, `${NAME}.0.1=1`, `${NAME}.=1`, NAME]) {
      expect(await read(`${NAME}=${cookie}; ${stray}`), stray).toBeNull();
    }
  });

  it("is junk", async () => {
    for (const junk of ["abc", "a.b.c.d.e", "....", "%41%42", '"quoted"', "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "x".repeat(20_000)]) {
      expect(await read(`${NAME}=${junk}`), junk.slice(0, 40)).toBeNull();
    }
  });

  it("lacks a claim the portal needs, or spells one wrongly", async () => {
    for (const token of [
      { sessionSecret: undefined },
      { sessionSecret: "" },
      { sessionSecret: "not base64url!" },
      { sessionVersion: undefined },
      { sessionVersion: "3" },
      { sessionVersion: -1 },
      { sub: undefined },
      { sub: "not-a-uuid" },
    ]) {
      expect(await read(`${NAME}=${await issued(token)}`), JSON.stringify(token)).toBeNull();
    }
  });

  it("is read without a secret", async () => {
    expect(await sessionClaimsFrom(`${NAME}=${await issued()}`, { secret: undefined, cookieName: NAME })).toBeNull();
  });
});

describe("splitting a Cookie header", () => {
  it("keeps the value exactly, and refuses a value no Auth.js cookie has", () => {
    expect(sessionCookieValue(` ${NAME} = a.b-c_d ; x=1`, NAME)).toBe("a.b-c_d");
    expect(sessionCookieValue(`${NAME}=a b`, NAME)).toBeNull();
    expect(sessionCookieValue(`${NAME}=`, NAME)).toBeNull();
  });
});

describe("the session cookie's name", () => {
  it("is the __Host- cookie, Secure on the whole host, when PUBLIC_URL is HTTPS, and the plain one otherwise", () => {
    const https = readEnv({ PUBLIC_URL: "https://portal.radiant.example" });
    expect(usesSecureCookies(https)).toBe(true);
    expect(sessionCookieSetting(usesSecureCookies(https))).toEqual({
      sessionToken: { name: "__Host-authjs.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } },
    });
    expect(usesSecureCookies(readEnv({ PUBLIC_URL: "http://127.0.0.1:3000" }))).toBe(false);
    expect(usesSecureCookies(readEnv({}))).toBe(false);
    expect(sessionCookieSetting(false).sessionToken.name).toBe("authjs.session-token");
  });
});
