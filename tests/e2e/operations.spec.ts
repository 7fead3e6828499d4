import { expect, expectAccessible, signIn, test } from "./fixtures";

test("an administrator opens the portal's status from the dashboard: queues, migrations, no backup yet, the version", async ({ page }) => {
  await signIn(page, "admin@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Status of the portal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Status of the portal" })).toBeVisible();
  const facts = page.locator("dl");
  await expect(facts).toContainText(/Database migrations\s*\d+ of \d+ applied: up to date/);
  await expect(facts).toContainText("Never: no backup of this database has been recorded.");
  await expect(facts).toContainText(/Version\s*RADIANT Portal \d+\.\d+\.\d+/);
  const queues = page.getByRole("table", { name: "Jobs in each queue" });
  await expect(queues.getByRole("rowheader", { name: "E-mail delivery" })).toBeVisible();
  await expectAccessible(page);
});

test("the status page is not there for a member", async ({ page }) => {
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("link", { name: "Status of the portal" })).toHaveCount(0);
  const response = await page.goto("/dashboard/status");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("every answer carries its request id, and the health check reports the database and the queue", async ({ request }) => {
  const page = await request.get("/projects?q=someone");
  expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const chosen = await request.get("/", { headers: { "X-Request-Id": "chosen-by-the-client-123" } });
  // No proxy is trusted in these tests: a client cannot pick the id its request is logged under.
  expect(chosen.headers()["x-request-id"]).not.toBe("chosen-by-the-client-123");
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(health.headers()["cache-control"]).toBe("no-store");
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok", jobQueue: { status: "ok" } });
});
