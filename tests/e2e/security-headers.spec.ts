import { expect, test } from "./fixtures";

for (const path of ["/", "/projects", "/signin", "/dashboard"]) {
  test(`${path} is served with the security headers`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

test("each response gets its own nonce, and the page's scripts carry it", async ({ page, request }) => {
  const first = (await request.get("/")).headers()["content-security-policy"];
  const second = (await request.get("/")).headers()["content-security-policy"];
  expect(first).not.toEqual(second);

  const response = await page.goto("/projects");
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  // Every script the server wrote carries the nonce. (Scripts Next inserts later, such as a
  // prefetched route's code, need none: 'strict-dynamic' trusts what a trusted script loads.)
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? "");
  expect(scripts.length).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
  // The page still works under the policy: the client form script runs.
  await page.getByLabel("Search").fill("CT");
  await page.getByRole("button", { name: "Show projects" }).click();
  await expect(page).toHaveURL(/q=CT/);
});

test("a title with markup is shown as text, never run", async ({ page }) => {
  await page.goto("/projects?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  await expect(page.getByLabel("Search")).toHaveValue("<script>alert(1)</script>");
  await expect(page.getByRole("status")).toHaveText("No projects match your search.");
});

test("an address with a broken %-escape is a page not found, not a server error", async ({ page }) => {
  for (const path of ["/projects/abc%ZZ", "/projects/%E0%A4%A", "/dashboard/proposals/%"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
});
