// Things said in people's words: the audit log and "Your data" in sentences and labels, dates typed
// in three boxes with GOV.UK's messages, a title of its own on every page, and one outcome at a time.
import type { Page } from "@playwright/test";
import { fillDate } from "../support/date-fields";
import { pageAddresses } from "../support/route-ids";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const MOMENT = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2}/;

async function fitsSideways(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
}

test("the audit log says who did what to which record, in sentences that fit a phone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, "admin@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const entries = page.getByRole("list", { name: "Events, newest first" }).getByRole("listitem");
  await expect(entries.first()).toBeVisible();
  const text = (await entries.allInnerTexts()).join("\n");
  // Names and dates, not ids and codes.
  expect(text).toMatch(MOMENT);
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
  expect(text).not.toMatch(/\b(project|site|collaboration|user|invitation|hospitalRequest|profile)\.[a-z]/);
  expect(text).not.toMatch(/\b(ProjectSite|Collaboration|HospitalRequest)\b/);
  await expect(entries.first().getByRole("link").first()).toBeVisible();
  await fitsSideways(page);
  await expectAccessible(page);

  // Filters are in words too, and paging keeps them.
  await page.getByLabel("Kind of record").selectOption({ label: "Members' accounts" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/entityType=User/);
  await expect(page.getByRole("status")).toHaveText(/^\d+ events?$/);
  const next = page.getByRole("link", { name: /next/i });
  if ((await next.count()) > 0) await expect(next.first()).toHaveAttribute("href", /entityType=User/);
  await fitsSideways(page);
});

test("Your data shows labels and dates as people read them, with the file still to download", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/account/data");
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  const account = page.getByRole("region", { name: "Account" });
  await expect(account.getByRole("term").filter({ hasText: "Account created" })).toBeVisible();
  await expect(account).toContainText(MOMENT);
  const profile = page.getByRole("region", { name: "Profile" });
  await expect(profile.getByRole("term").filter({ hasText: "Consent to e-mail" })).toBeVisible();
  await expect(profile.getByRole("definition").filter({ hasText: /^(yes|no)$/ })).toHaveCount(1);
  const main = await page.getByRole("main").innerText();
  expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}T|contactConsent|createdAt|\btrue\b|\bfalse\b/);
  await fitsSideways(page);
  await expectAccessible(page);

  const link = page.getByRole("link", { name: "Download your data as a file (JSON)" });
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(typeof ((await download.json()) as { profile: { contactConsent: unknown } }).profile.contactConsent).toBe("boolean");
});

test("dates are typed in day, month and year boxes, with GOV.UK's messages; one outcome shows at a time", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/proposals/new");
  const title = `Wrist fracture follow-up imaging ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  const start = page.getByRole("group", { name: "Data collection starts" });
  await expect(start.getByText("For example, 27 3 2027")).toBeVisible();
  await fillDate(page, "Data collection starts", "1  2027");
  await page.getByRole("button", { name: "Save draft" }).click();

  // The error names the missing box and leads to it; what was typed is kept.
  const summary = errorSummary(page);
  await expect(summary).toContainText("Your draft has been saved, apart from the fields marked below.");
  await summary.getByRole("link", { name: "Start date of data collection must include a month" }).click();
  await expect(start.getByLabel("Month")).toBeFocused();
  await expect(start.getByLabel("Day")).toHaveValue("1");
  await expect(start.getByLabel("Year")).toHaveValue("2027");
  await expect(start.getByText("Start date of data collection must include a month")).toBeVisible();
  await expect(page.getByText(/has been saved/)).toHaveCount(1);
  await expectAccessible(page);

  await fillDate(page, "Data collection starts", "31 2 2027");
  await fillDate(page, "Data collection ends", "1 6 27");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(summary.getByRole("link", { name: "Start date of data collection must be a real date" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Year must include 4 numbers" })).toBeVisible();
  await summary.getByRole("link", { name: "Year must include 4 numbers" }).click();
  await expect(page.getByRole("group", { name: "Data collection ends" }).getByLabel("Year")).toBeFocused();

  // Saved cleanly: the page says so once.
  await fillDate(page, "Data collection starts", "1 3 2027");
  await fillDate(page, "Data collection ends", "31 5 2027");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your draft has been saved." })).toBeVisible();
  await expect(page.getByRole("group", { name: "Data collection starts" }).getByLabel("Month")).toHaveValue("3");

  // A draft that cannot be submitted yet: one box says both what was saved and what is missing.
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(summary).toContainText("Your draft has been saved, but it cannot be submitted yet.");
  await expect(summary.getByRole("link", { name: "Enter the background" })).toBeVisible();
  await expect(page.getByText(/has been saved/)).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toHaveCount(0);
  await expectAccessible(page);
});

for (const email of ["admin@example.org", "lead@example.org"]) {
  test(`every page has a title of its own, for ${email}`, async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, email);
    await expect(page).toHaveURL(/\/dashboard/);
    const titles = new Map<string, string>();
    for (const { pattern, address } of await pageAddresses(page)) {
      const response = await page.goto(address);
      await expect(page).toHaveTitle(/ – RADIANT Portal$|^RADIANT Portal – /);
      const title = await page.title();
      expect(title, pattern).not.toBe("RADIANT Portal");
      // A page that answers 404 (an unknown token, a page this role may not open) may share its title.
      if (response?.status() === 404) continue;
      titles.set(new URL(page.url()).pathname, title);
    }
    // Pages at different addresses are told apart by their titles.
    const seen = new Map<string, string>();
    for (const [path, title] of titles) {
      expect(seen.get(title), `${path} and ${seen.get(title)} share the title "${title}"`).toBeUndefined();
      seen.set(title, path);
    }
    expect(titles.size).toBeGreaterThan(15);

    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found – RADIANT Portal");
    const certificate = await page.goto("/verify/ABCD-EFGH");
    expect(certificate?.status()).toBe(404);
    await expect(page).toHaveTitle("Certificate not found – RADIANT Portal");
  });
}

test("the portal has a favicon and its mark beside the name in the header", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/^RADIANT Portal – /);
  const icon = page.locator('link[rel="icon"]').first();
  const href = await icon.getAttribute("href");
  expect(href).toMatch(/icon/);
  const response = await page.request.get(href!);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  const home = page.getByRole("banner").getByRole("link", { name: "RADIANT Portal", exact: true });
  await expect(home).toBeVisible();
  await expect(home.locator("svg")).toHaveAttribute("aria-hidden", "true");
  await expectAccessible(page);
});
