// Every page and route handler (tests/support/routes.ts, checked against the app directory),
// requested as each kind of person with hostile route parameters and query strings: each answer
// is a page or a refusal, never a server error. Then the requests a browser cannot be talked
// out of: a body over the size limit, and a callback URL that is a script.
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./fixtures";
import { ROUTES, fill, segmentsOf } from "../support/routes";

const BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`;
const SLUG = "ctpa-yield-emergency-department";

/** Hostile route parameters, written as they go into an address (already %-encoded). */
const HOSTILE_SEGMENTS = [
  "%00",
  "a%00b",
  "-".repeat(36),
  "0".repeat(36),
  "x".repeat(2000),
  encodeURIComponent("\u202Eevil\u200B"),
  "%ED%A0%80", // a lone surrogate: not UTF-8
  "%FF",
  "%",
  encodeURIComponent("javascript:alert(1)"),
  encodeURIComponent("'; DROP TABLE \"User\"; --"),
  encodeURIComponent("👩🏽‍⚕️"),
];

/** Hostile query values (already %-encoded), put in every query key any page reads. */
const HOSTILE_VALUES = [
  "%00",
  "a%00b",
  "-".repeat(36),
  "x".repeat(3000),
  encodeURIComponent("\u202E\u200B"),
  "%ED%A0%80",
  "%",
  encodeURIComponent("javascript:alert(1)"),
  "-1",
  "1e309",
  "NaN",
];

/** Every query key a page of the portal reads. */
const QUERY_KEYS = [
  "q", "page", "design", "modality", "status", "action", "entityType", "actor", "role", "to", "region", "behind", "stale",
  "sort", "dir", "group", "done", "saved", "submitted", "moved", "invited", "reviewed", "decided", "welcome", "confirmed",
  "changed", "email", "invitation", "proof", "code", "callbackUrl", "error", "listing", "merged",
];

const ROLES = [
  { name: "a visitor", email: null },
  { name: "a trainee", email: "trainee@example.org" },
  { name: "a project lead", email: "lead@example.org" },
  { name: "a site lead", email: "sitelead@example.org" },
  { name: "a committee member", email: "committee@example.org" },
  { name: "an administrator", email: "admin@example.org" },
] as const;

/** A request context signed in as the demo account (through Auth.js's own endpoint), or a visitor's. */
async function contextFor(email: string | null): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL, maxRedirects: 0 });
  if (email === null) return context;
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD } });
  expect(signedIn.status()).toBeLessThan(400);
  expect((await context.get("/dashboard")).status(), `${email} is signed in`).toBe(200);
  return context;
}

/** The first id linked from a page the person can see (a proposal, a notification…), or a well-formed one that names nothing. */
async function linkedId(context: APIRequestContext, page: string, prefix: string): Promise<string> {
  const html = await (await context.get(page)).text();
  const match = html.match(new RegExp(`${prefix}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`));
  return match?.[1] ?? crypto.randomUUID();
}

/** Sample values of each dynamic segment, so that the other segments of an address are real. */
async function samplesFor(context: APIRequestContext): Promise<Record<string, Record<string, string>>> {
  const common = { slug: SLUG, ods: "RGT01", file: "sites.csv", token: "t".repeat(43), code: "ABCD-EFGH", nextauth: "session", version: "1", versionId: crypto.randomUUID() };
  return {
    "/dashboard/proposals/[id]": { ...common, id: await linkedId(context, "/dashboard/proposals", "/dashboard/proposals/") },
    "/dashboard/review/[id]": { ...common, id: await linkedId(context, "/dashboard/review", "/dashboard/review/") },
    "/dashboard/notifications/[id]": { ...common, id: await linkedId(context, "/dashboard/notifications", "/dashboard/notifications/") },
    "/dashboard/research/certificate/[id]": { ...common, id: await linkedId(context, "/dashboard/research", "/dashboard/research/certificate/") },
    default: { ...common, id: crypto.randomUUID() },
  };
}

/** Every address to try for one route: hostile in each dynamic segment in turn, and in every query key. */
function addressesFor(pattern: string, samples: Record<string, string>): string[] {
  const addresses: string[] = [];
  for (const segment of segmentsOf(pattern)) {
    for (const value of HOSTILE_SEGMENTS) addresses.push(fill(pattern, { ...samples, [segment]: value }));
  }
  const base = fill(pattern, samples);
  for (const value of HOSTILE_VALUES) addresses.push(`${base}?${QUERY_KEYS.map((key) => `${key}=${value}`).join("&")}`);
  // The same key twice: pages get an array where they expect text.
  addresses.push(`${base}?${QUERY_KEYS.map((key) => `${key}=a&${key}=b`).join("&")}`);
  return addresses;
}

function describeAnswer(address: string, response: APIResponse) {
  return `${response.status()} for ${address.length > 160 ? `${address.slice(0, 160)}…` : address}`;
}

for (const role of ROLES) {
  test(`every page and route answers hostile parameters from ${role.name} without a server error`, async () => {
    test.setTimeout(600_000);
    const context = await contextFor(role.email);
    const samples = await samplesFor(context);
    const failures: string[] = [];
    let requests = 0;
    for (const route of ROUTES.filter((entry) => !entry.benchOnly)) {
      const values = samples[route.pattern] ?? samples.default!;
      for (const address of addressesFor(route.pattern, values)) {
        const methods = route.kind === "page" ? ["GET"] : (route.methods ?? ["GET"]);
        for (const method of methods) {
          const response =
            method === "GET"
              ? await context.get(address)
              : await context.post(address, { form: { email: "a\u0000b", callbackUrl: "javascript:alert(1)", csrfToken: "\u0000" } });
          requests++;
          if (response.status() >= 500) failures.push(`${method} ${describeAnswer(address, response)}`);
          // A redirect never leaves the portal nor runs a script.
          const location = response.headers()["location"];
          if (location) expect(location, address).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        }
      }
    }
    expect(failures, `server errors among ${requests} requests`).toEqual([]);
    expect(requests).toBeGreaterThan(500);
    await context.dispose();
  });
}

test("a form body over the size limit is answered 413 with a page, and nothing is sent", async ({ request }) => {
  const big = "a".repeat(1024 * 1024 + 10);
  const response = await request.post("/forgotten-password", { multipart: { email: big } });
  expect(response.status()).toBe(413);
  expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  expect(await response.text()).toContain("What you sent is too large");
  const script = await request.post("/forgotten-password", { headers: { "Next-Action": "0".repeat(42) }, multipart: { "1_email": big } });
  expect(script.status()).toBe(413);
});

test("a person whose form is over the size limit is shown a page saying what to do", async ({ page, browserErrors }) => {
  await page.goto("/forgotten-password");
  await expect(page.getByRole("heading", { level: 1, name: "Forgotten your password?" })).toBeVisible();
  // More than any person types: set as a script would, not typed key by key.
  await page.getByLabel("E-mail address").evaluate((input: HTMLInputElement) => {
    input.value = `${"a".repeat(1024 * 1024 + 10)}@example.org`;
  });
  await page.getByRole("button", { name: /Send/ }).click();
  await expect(page).toHaveURL(/\/request-too-large$/);
  await expect(page.getByRole("heading", { level: 1, name: "What you sent is too large" })).toBeVisible();
  await expectAccessible(page);
  // The browser logs the 413 itself; that one is expected here, any other error is not.
  const expected = browserErrors.filter((text) => text.includes("status of 413 (Payload Too Large)"));
  expect(expected).toHaveLength(1);
  browserErrors.splice(browserErrors.indexOf(expected[0]!), 1);
});

test("a script as the callback URL is never followed and never a server error", async ({ page, request }) => {
  for (const address of ["/api/auth/signin?callbackUrl=javascript:alert(1)", "/api/auth/signin?callbackUrl=javascript%3Aalert(document.cookie)"]) {
    const response = await request.get(address, { maxRedirects: 0 });
    expect(response.status(), address).toBeLessThan(500);
    expect(response.headers()["location"] ?? "").not.toMatch(/javascript/i);
  }
  // Auth.js's own error page, which answered 500, now sends people to sign in.
  const error = await request.get("/api/auth/error?error=Configuration", { maxRedirects: 0 });
  expect(error.status()).toBeLessThan(500);

  await page.goto("/signin?error=Configuration");
  await expect(page.getByRole("alert").filter({ hasText: "Signing in did not work" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/signin?callbackUrl=javascript:alert(1)");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard$/);
});
