// On a phone: every page each role can open, at 320 × 640 and 390 × 844, never scrolls sideways,
// draws its chart text at 12 px or more as rendered, and passes axe. The pages come from the
// route table (tests/support/routes.ts), filled in with the demo data's real slugs and ids, so a
// new page is swept as soon as it is written down there (axe runs at 320 px: below 48rem the
// markup and styles are the same at both widths). Then the data table's promises on a
// phone: sorting still works, and a row's buttons are on the screen.
import type { Page } from "@playwright/test";
import { pageAddresses } from "../support/route-ids";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const SLUG = "ctpa-yield-emergency-department";
const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
] as const;

/** Pages each role must be able to open: a sweep that quietly skipped them would prove nothing. */
const ROLES = [
  { name: "a visitor", email: null, opens: ["/", "/projects", `/projects/${SLUG}`, "/signin", "/signup", "/privacy"] },
  { name: "a trainee", email: "trainee@example.org", opens: ["/dashboard", "/dashboard/research", "/dashboard/profile", `/projects/${SLUG}`] },
  {
    name: "a project lead",
    email: "lead@example.org",
    opens: [`/dashboard/projects/${SLUG}`, "/dashboard/proposals", "/dashboard/proposals/[id]", `/dashboard/projects/${SLUG}/authorship`],
  },
  {
    name: "a site lead",
    email: "sitelead@example.org",
    opens: [`/dashboard/projects/${SLUG}/sites/RGT01`, `/dashboard/projects/${SLUG}/sites/RGT01/team`, `/dashboard/projects/${SLUG}/sites/RGT01/progress`],
  },
  { name: "a committee member", email: "committee@example.org", opens: ["/dashboard/review", "/dashboard/review/[id]", `/dashboard/projects/${SLUG}`] },
  {
    name: "an administrator",
    email: "admin@example.org",
    opens: ["/dashboard/members", "/dashboard/hospitals", "/dashboard/hospitals/[id]", "/dashboard/hospital-requests/[id]", "/dashboard/status", "/dashboard/regions"],
  },
] as const;

/** Every page this role may reach, and the not-found page, which anyone can meet. */
async function addressesFor(page: Page): Promise<{ pattern: string; address: string }[]> {
  const addresses = await pageAddresses(page);
  // The not-found page, which anyone can meet.
  addresses.push({ pattern: "(not found)", address: "/no-such-page" });
  return addresses;
}

/** What on the page is too wide, or its chart text too small, as rendered. */
function measure(page: Page) {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const tooWide: string[] = [];
    if (scrollWidth > viewport) {
      for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (box.right > viewport + 0.5 && box.width > 0 && tooWide.length < 5) {
          tooWide.push(`<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 40)}" ends at ${Math.round(box.right)} px`);
        }
      }
    }
    // Chart text: the words of every chart (a figure with a key, drawn as page text) by their
    // computed size, and any SVG text by its size on the screen.
    const smallText: string[] = [];
    for (const figure of document.querySelectorAll("figure")) {
      if (!figure.querySelector('[aria-label="Key"]')) continue;
      for (const element of figure.querySelectorAll<HTMLElement>("*")) {
        if (element instanceof SVGElement) continue;
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === "hidden") continue; // not seen
        const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (ownText && size < 11.95) smallText.push(`"${(element.textContent ?? "").trim().slice(0, 30)}" at ${size.toFixed(1)} px`);
      }
    }
    for (const text of document.querySelectorAll<SVGTextElement>("svg text")) {
      const matrix = text.getScreenCTM();
      const box = text.getBoundingClientRect();
      if (!matrix || box.width === 0 || box.height === 0) continue; // not drawn
      const scale = Math.sqrt(Math.abs(matrix.a * matrix.d - matrix.b * matrix.c));
      const rendered = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (rendered < 11.95) smallText.push(`"${(text.textContent ?? "").trim().slice(0, 30)}" at ${rendered.toFixed(1)} px`);
    }
    return { viewport, scrollWidth, tooWide, smallText };
  });
}

for (const role of ROLES) {
  test(`every page ${role.name} can open fits 320 and 390 px, with readable charts and no axe violations`, async ({ page }) => {
    test.setTimeout(900_000);
    if (role.email) {
      await signIn(page, role.email);
      await expect(page).toHaveURL(/\/dashboard/);
    }
    const problems: string[] = [];
    const opened: string[] = [];
    for (const { pattern, address } of await addressesFor(page)) {
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        const response = await page.goto(address);
        const status = response?.status() ?? 0;
        const landed = new URL(page.url()).pathname;
        // A page this role cannot open answers 404 or sends them elsewhere (sign-in, dashboard).
        if (pattern !== "(not found)" && (status === 404 || landed !== new URL(address, "http://x").pathname)) break;
        if (viewport.width === VIEWPORTS[0].width) opened.push(pattern.includes("[id]") ? pattern : address);
        const where = `${address} at ${viewport.width} px`;
        const found = await measure(page);
        if (found.scrollWidth > found.viewport) {
          problems.push(`${where} is ${found.scrollWidth} px wide: ${found.tooWide.join("; ")}`);
        }
        if (found.smallText.length > 0) problems.push(`${where} draws chart text below 12 px: ${found.smallText.slice(0, 5).join("; ")}`);
        // Both widths are below the one breakpoint (48rem) at which the layout changes, so the
        // page's markup and styles are the same at each: axe, the slow part, runs at the first.
        if (viewport.width !== VIEWPORTS[0].width) continue;
        try {
          await expectAccessible(page);
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message.split("\n").filter((line) => line.includes(":")).slice(0, 6).join(" ")}`);
        }
      }
    }
    console.log(`${role.name} opened ${opened.length} pages: ${opened.join(", ")}`);
    expect(opened, `the pages ${role.name} must be able to open`).toEqual(expect.arrayContaining([...role.opens]));
    expect(problems, `pages that do not work on a phone for ${role.name}`).toEqual([]);
  });
}

test.describe("the data tables on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the national view sorts from its links above the cards, and each card names its columns", async ({ page }) => {
    await signIn(page, "lead@example.org");
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto(`/dashboard/projects/${SLUG}`);
    const table = page.getByRole("table", { name: /Sites of the project/ });
    const sortByCases = table.getByRole("link", { name: /^Cases against target\s*, sort ascending$/ });
    await sortByCases.scrollIntoViewIfNeeded();
    await expect(sortByCases).toBeInViewport();
    const firstCard = table.getByRole("row").nth(1);
    await expect(firstCard.getByText("Cases against target", { exact: true })).toBeVisible();
    await sortByCases.click();
    await expect(page).toHaveURL(/sort=progress/);
    await expect(page).toHaveURL(/dir=asc/);
    await expect(table.getByRole("columnheader", { name: /Cases against target/ })).toHaveAttribute("aria-sort", "ascending");
    // The furthest behind first: the first card's share of its target is no more than the last's.
    const counts = await table.getByText(/^\d+ of \d+/).allTextContents();
    const shares = counts.map((text) => {
      const [cases, target] = text.match(/\d+/g)!.map(Number);
      return cases! / target!;
    });
    expect(shares.length).toBeGreaterThan(1);
    expect(shares[0]).toBeLessThanOrEqual(shares.at(-1)!);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("the site lead's Save and Remove buttons are on the screen beside each member", async ({ page }) => {
    await signIn(page, "sitelead@example.org");
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto(`/dashboard/projects/${SLUG}/sites/RGT01/team`);
    const table = page.getByRole("table", { name: /Confirmed members of the team/ });
    const member = table.getByRole("row").filter({ hasText: "Aisha Rahman" });
    for (const button of [member.getByRole("button", { name: "Save the contribution of Aisha Rahman" }), member.getByRole("button", { name: "Remove Aisha Rahman" })]) {
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    // A screen reader still hears the column of the contribution field.
    await expect(member.getByRole("cell").filter({ has: page.getByLabel("Contribution of Aisha Rahman") })).toHaveCount(1);
  });
});
