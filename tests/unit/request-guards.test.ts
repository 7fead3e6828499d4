// The two requests that Next.js and Auth.js answer with a server error, turned away first:
// a body over the size limit (proxy.ts) and a callback URL that is not http(s) (the Auth.js route).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { withoutBadCallbackUrl } from "@/lib/auth/callback-url";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/return-path";
import { BODY_LIMIT_BYTES, TOO_LARGE_PATH, UPLOAD_BODY_LIMIT_BYTES } from "@/lib/security/body-limit";

const BASE = "http://127.0.0.1:3000";

function post(path: string, headers: Record<string, string>) {
  return new NextRequest(`${BASE}${path}`, { method: "POST", headers, body: "x" });
}

describe("a request body over the limit", () => {
  it("is answered 413 with a page saying what to do, before any server action reads it", async () => {
    const response = proxy(post("/dashboard/review/6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90", { "content-length": String(BODY_LIMIT_BYTES + 1), "content-type": "multipart/form-data; boundary=x" }));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain("<h1>What you sent is too large</h1>");
    expect(page).toContain('lang="en-GB"');
    expect(response.headers.get("content-security-policy")).toBeTruthy();
  });

  it("sends a form submitted by the page's script on to the page that says so", () => {
    const response = proxy(post("/forgotten-password", { "content-length": String(BODY_LIMIT_BYTES * 3), "next-action": "6001846a2ca661cd322ed17942c191ba7e036723e8" }));
    expect(response.status).toBe(413);
    expect(response.headers.get("x-action-redirect")).toBe(`${TOO_LARGE_PATH};replace`);
  });

  it("lets a body within the limit through", () => {
    for (const length of ["10", String(BODY_LIMIT_BYTES)]) {
      const response = proxy(post("/forgotten-password", { "content-length": length, "next-action": "abc" }));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });
});

describe("a study document's upload page", () => {
  const uploads = "/dashboard/proposals/6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90/documents";

  it("takes a file of up to 10 MB, and no other page does", () => {
    const within = proxy(post(uploads, { "content-length": String(10 * 1024 * 1024 + 4096), "next-action": "abc" }));
    expect(within.status).toBe(200);
    const elsewhere = proxy(post("/dashboard/proposals/6f1c3a52-8a43-4d53-9d0a-3f5e2a1b7c90", { "content-length": String(BODY_LIMIT_BYTES + 1), "next-action": "abc" }));
    expect(elsewhere.status).toBe(413);
  });

  it("refuses more, with a page about the file's size", async () => {
    const response = proxy(post(uploads, { "content-length": String(UPLOAD_BODY_LIMIT_BYTES + 1), "content-type": "multipart/form-data; boundary=x" }));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("The file you sent is larger than 10 MB");
  });
});

describe("a callback URL that Auth.js would answer with a server error", () => {
  it("is left out of the query, and the rest of the request kept", () => {
    for (const bad of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "%00", "\u0000", "vbscript:x"]) {
      const request = new NextRequest(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(bad)}&x=1`);
      const cleaned = withoutBadCallbackUrl(request);
      expect(cleaned.nextUrl.searchParams.has("callbackUrl"), bad).toBe(false);
      expect(cleaned.nextUrl.searchParams.get("x")).toBe("1");
    }
  });

  it("is left out of Auth.js's callback cookie, and the other cookies kept", () => {
    const request = new NextRequest(`${BASE}/api/auth/session`, {
      headers: { cookie: `authjs.session-token=abc; authjs.callback-url=${encodeURIComponent("javascript:alert(1)")}; other=1` },
    });
    expect(withoutBadCallbackUrl(request).headers.get("cookie")).toBe("authjs.session-token=abc; other=1");
  });

  it("is left out however the cookie's name is spaced, as Auth.js trims it before reading it", () => {
    // Auth.js's cookie parser trims spaces and tabs around a name: "authjs.callback-url =…" is its callback cookie too.
    for (const name of ["authjs.callback-url ", "authjs.callback-url\t", "__Secure-authjs.callback-url  "]) {
      const request = new NextRequest(`${BASE}/api/auth/signout`, {
        method: "POST",
        headers: { cookie: `other=1; ${name}=${encodeURIComponent("javascript:alert(1)")}` },
        body: "csrfToken=x",
      });
      expect(withoutBadCallbackUrl(request).headers.get("cookie"), JSON.stringify(name)).toBe("other=1");
    }
  });

  it("is kept when it is one of the portal's addresses", () => {
    const request = new NextRequest(`${BASE}/api/auth/signin?callbackUrl=%2Fdashboard`);
    expect(withoutBadCallbackUrl(request)).toBe(request);
  });
});

describe("the page asked for, which signing in returns to", () => {
  it("is the request's own path and query, whatever a client sent in the header itself", () => {
    const request = new NextRequest(`${BASE}/dashboard/review?page=2&_rsc=abc`, { headers: { [REQUESTED_PATH_HEADER]: "//evil.example" } });
    const response = proxy(request);
    // What the page's requireActor reads: Next.js hands the proxy's request headers on as these.
    expect(response.headers.get(`x-middleware-request-${REQUESTED_PATH_HEADER}`)).toBe("/dashboard/review?page=2");
    expect(response.headers.get("x-middleware-override-headers")?.split(",")).toContain(REQUESTED_PATH_HEADER);
  });
});
