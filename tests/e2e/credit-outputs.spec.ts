import type { Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

// The lead records a paper with a PubMed ID by hand (no lookup service is configured here, and the
// form says so), and it appears on the project's public page, on /outputs and on a collaborator's
// research page. Tom Okafor (lead@example.org) leads the flagship project, where the demo trainee
// is a confirmed collaborator.
const SLUG = "ctpa-yield-emergency-department";
const TITLE = "Yield of CT pulmonary angiography in UK emergency departments: a trainee-led audit";

async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, "page width").toBeLessThanOrEqual(innerWidth);
}

test.use({ viewport: { width: 320, height: 640 } });

test("a lead records a paper by hand and everyone sees it where they look", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}`);
  await page.getByRole("link", { name: "Outputs: papers, abstracts and talks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outputs" })).toBeVisible();

  await page.getByRole("radio", { name: "Paper" }).check();
  await page.getByLabel("PubMed ID (optional)").fill("PMID: 38012345");
  await page.getByRole("button", { name: "Look up the DOI or PubMed ID" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Looking up details is not available" })).toContainText("Enter the title, venue and date by hand.");
  await expect(page.getByLabel("PubMed ID (optional)")).toHaveValue("PMID: 38012345");
  await expect(page.getByRole("radio", { name: "Paper" })).toBeChecked();

  // Saved without a title or date: the problems are named, and what was typed stays.
  await page.getByRole("button", { name: "Record the output" }).click();
  await expect(errorSummary(page)).toContainText("Enter the title");
  await expect(errorSummary(page)).toContainText("Enter date of publication or presentation");
  await expect(page.getByLabel("PubMed ID (optional)")).toHaveValue("PMID: 38012345");
  await expectAccessible(page);

  const published = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Journal, conference or publisher").fill("Clinical Radiology");
  await page.getByLabel("Day").fill(String(published.getUTCDate()));
  await page.getByLabel("Month").fill(String(published.getUTCMonth() + 1));
  await page.getByLabel("Year").fill(String(published.getUTCFullYear()));
  await page.getByRole("button", { name: "Record the output" }).click();
  await expect(page.getByRole("status").filter({ hasText: "has been recorded" })).toContainText(TITLE);
  const recorded = page.getByRole("region", { name: "Recorded outputs" });
  await expect(recorded.getByRole("link", { name: /PubMed: 38012345/ })).toHaveAttribute("href", "https://pubmed.ncbi.nlm.nih.gov/38012345/");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // The public project page.
  await page.goto(`/projects/${SLUG}`);
  const outputs = page.getByRole("region", { name: "Outputs" });
  await expect(outputs.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(outputs.getByRole("link", { name: /PubMed: 38012345/ })).toHaveAttribute("href", "https://pubmed.ncbi.nlm.nih.gov/38012345/");

  // The collaborative's list, found by searching, with the totals by year.
  await page.goto("/outputs");
  await expect(page.getByRole("figure", { name: "Outputs by year" })).toBeVisible();
  await page.getByLabel("Search").fill("trainee-led audit");
  await page.getByLabel("Kind").selectOption({ label: "Paper" });
  await page.getByRole("button", { name: "Show outputs" }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // A collaborator of the project sees it on their research page.
  await page.context().clearCookies();
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/research");
  const mine = page.getByRole("region", { name: "Outputs of your projects" });
  await expect(mine.getByRole("heading", { name: TITLE })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});
