import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const SLUG = "ctpa-yield-emergency-department";
const PHONES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
];

/** Every chart on the page: a figure with a key. */
function charts(page: Page) {
  return page.locator("figure").filter({ has: page.getByRole("list", { name: "Key" }) });
}

/** Text in the chart drawn smaller than 12 px, as rendered (HTML by its computed size, SVG text by its box). */
async function smallText(chart: Locator): Promise<string[]> {
  return chart.evaluate((figure) => {
    const small: string[] = [];
    for (const element of figure.querySelectorAll<HTMLElement | SVGElement>("*")) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || getComputedStyle(element).visibility === "hidden") continue;
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      if (!ownText) continue;
      // Visually hidden text (read aloud, never seen) is 1 px wide by design.
      if (rect.width <= 1 && rect.height <= 1) continue;
      const size = element instanceof SVGTextElement ? rect.height : parseFloat(getComputedStyle(element).fontSize);
      if (size < 12) small.push(`${element.textContent?.trim()} at ${size.toFixed(1)} px`);
    }
    return small;
  });
}

/** The kinds of mark drawn in the chart and the kinds its key explains. */
async function marks(chart: Locator) {
  return chart.evaluate((figure) => {
    const key = figure.querySelector('[aria-label="Key"]')!;
    const visible = (element: Element) => element.getBoundingClientRect().width > 0 || element.getBoundingClientRect().height > 0;
    const drawn = new Set<string>();
    const explained = new Set<string>();
    for (const element of figure.querySelectorAll("[data-mark]")) {
      if (!visible(element)) continue;
      (key.contains(element) ? explained : drawn).add(element.getAttribute("data-mark")!);
    }
    return { drawn: [...drawn].sort(), explained: [...explained].sort() };
  });
}

/** Each chart: readable text, a key entry for each kind of mark, within the screen, and its data as a table. */
async function expectReadableCharts(page: Page, atLeast: number) {
  const all = charts(page);
  await expect(all.first()).toBeVisible();
  const count = await all.count();
  expect(count).toBeGreaterThanOrEqual(atLeast);
  const width = page.viewportSize()!.width;
  for (let i = 0; i < count; i++) {
    const chart = all.nth(i);
    const name = (await chart.getByRole("img").count()) > 0 ? await chart.locator("figcaption").textContent() : await chart.getAttribute("aria-label");
    expect(await smallText(chart), `text under 12 px in “${name}”`).toEqual([]);
    const { drawn, explained } = await marks(chart);
    expect(drawn.length, `marks of “${name}”`).toBeGreaterThan(0);
    expect(explained, `the key of “${name}”`).toEqual(drawn);
    const box = (await chart.boundingBox())!;
    expect(box.x + box.width, `“${name}” within the screen`).toBeLessThanOrEqual(width);
    const toggle = chart.getByText("Show the data as a table");
    if ((await toggle.count()) > 0) await toggle.click();
    const table = chart.getByRole("table");
    await expect(table).toBeVisible();
    expect(await table.getByRole("row").count(), `rows of the table of “${name}”`).toBeGreaterThan(1);
    expect(await smallText(chart), `text under 12 px in the table of “${name}”`).toEqual([]);
  }
}

async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, "page width").toBeLessThanOrEqual(innerWidth);
}

for (const phone of PHONES) {
  test.describe(`at ${phone.width} × ${phone.height}`, () => {
    test.use({ viewport: phone });

    test("a visitor reads the public project's charts and table, and the page fits the screen", async ({ page }) => {
      await page.goto(`/projects/${SLUG}`);
      await expectNoSidewaysScroll(page);
      await expectReadableCharts(page, 2);
      await expect(page.getByRole("figure", { name: "Cases by region" }).getByRole("list", { name: "Key" })).toContainText("Target for the region");
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    });

    test("the project lead reads every chart of the national view, with fewer gridlines than on a wide screen", async ({ page }) => {
      // The national view is the portal's largest page: axe takes a while on it.
      test.setTimeout(120_000);
      await signIn(page, "lead@example.org");
      await expect(page).toHaveURL(/\/dashboard/);
      await page.goto(`/dashboard/projects/${SLUG}`);
      await expectReadableCharts(page, 3);
      await expect(page.getByRole("figure", { name: "Cases by region" }).getByRole("list", { name: "Key" })).toContainText("Target for the region");
      await expectAccessible(page);

      // A narrow screen shows fewer gridlines and dates than a wide one.
      const line = page.getByRole("figure", { name: "Cases submitted nationally over time" }).getByRole("img");
      const labels = () => line.evaluate((img) => [...img.querySelectorAll("span")].filter((span) => span.textContent?.trim() && span.getBoundingClientRect().width > 0).length);
      const narrow = await labels();
      await page.setViewportSize({ width: 1024, height: 768 });
      expect(narrow).toBeLessThan(await labels());
    });

    test("the site lead reads every chart of their site and its progress", async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, "sitelead@example.org");
      await expect(page).toHaveURL(/\/dashboard/);
      await page.goto(`/dashboard/projects/${SLUG}/sites/RGT01`);
      await expectReadableCharts(page, 2);
      await expect(page.getByRole("figure", { name: "Share of target reached" }).getByRole("list", { name: "Key" })).toContainText("This site");
      await expectAccessible(page);
      await page.goto(`/dashboard/projects/${SLUG}/sites/RGT01/progress`);
      await expectReadableCharts(page, 1);
    });
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a signed-out visitor sees how to join a project, who leads it, and a sign-in that returns to the project", async ({ page }) => {
    await page.goto(`/projects/${SLUG}`);
    const takePart = page.getByRole("region", { name: "Take part" });
    await expect(takePart).toContainText("Sign in or create an account to join at your hospital.");
    await expect(takePart.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/signin?callbackUrl=/projects/${SLUG}`);
    await expect(takePart.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/signup");
    await expect(takePart.getByRole("heading", { name: "Who to contact" })).toBeVisible();
    await expect(takePart).toContainText("Tom Okafor leads this project");
    // No lead's address is public in the data model, so none is shown.
    await expect(takePart).not.toContainText("@");
    await expect(takePart).toContainText("contact details are not published", { ignoreCase: true });
    await expectAccessible(page);

    await takePart.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Fprojects%2F${SLUG}|/signin\\?callbackUrl=/projects/${SLUG}`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    // Signed in, the same place shows the member's own way to take part instead.
    await signIn(page, "trainee@example.org");
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto(`/projects/${SLUG}`);
    await expect(page.getByRole("region", { name: "Take part" })).not.toContainText("Sign in or create an account");
  });

  test("a search that finds nothing says so and clears its filters", async ({ page }) => {
    await page.goto("/projects");
    await page.getByLabel("Search").fill("no project is called this");
    await page.getByRole("button", { name: "Show projects" }).click();
    await expect(page.getByRole("status")).toHaveText("No projects match your search.");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole("status")).toHaveText(/^\d+ projects? found$/);
    await expect(page.getByLabel("Search")).toHaveValue("");

    await page.goto(`/projects/${SLUG}?q=nowhere-at-all`);
    const hospitals = page.getByRole("region", { name: "Hospitals taking part" });
    await expect(hospitals.getByRole("status")).toHaveText("No hospitals match your search.");
    await hospitals.getByRole("link", { name: "Clear filters" }).click();
    await expect(hospitals.getByRole("status")).toHaveText(/^\d+ hospitals/);

    await signIn(page, "admin@example.org");
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/dashboard/members?q=nobody-by-this-name");
    const main = page.getByRole("main");
    await expect(main.getByRole("status").filter({ hasText: "No members match your search." })).toBeVisible();
    await expectAccessible(page);
    await main.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/dashboard\/members$/);
    await expect(main.getByRole("status").filter({ hasText: /^\d+ members/ })).toBeVisible();
  });
});
