import type { Page } from "@playwright/test";
import { fillDate } from "../support/date-fields";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

// The demo's research study on the HRA/REC route (lib/seed/committee-governance.ts): its IRAS number
// and REC reference are recorded; Addenbrooke's, led by the demo site lead, waits for the lead's check.
const SLUG = "gadolinium-retention-repeat-mri";
const SITE = `/dashboard/projects/${SLUG}/sites/RGT01`;

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("a research site starts collecting only once its capacity and capability is recorded and checked", async ({ page }) => {
  test.setTimeout(240_000);
  const start = page.getByRole("button", { name: "Start data collection at this site" });

  // The site lead sees the route's checklist: the project's approvals, and the site's one item waiting.
  await signIn(page, "sitelead@example.org");
  // The first sign-in after the server starts compiles and warms its pages: slower than the rest.
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
  await page.goto(SITE);
  await expect(page.getByRole("heading", { level: 1, name: "Addenbrooke's Hospital" })).toBeVisible();
  const checklist = page.getByRole("region", { name: "Governance checklist" });
  await expect(checklist).toContainText("Research under HRA and REC approval");
  await expect(checklist).toContainText("1034567");
  await expect(checklist).toContainText("26/LO/0412");
  await expect(checklist).toContainText("The site's confirmation of capacity and capability is waiting for the project lead to check it.");
  await expect(start).toHaveCount(0);
  await expectAccessible(page);

  // They record it again with the letter's reference: an empty reference is refused at the field first.
  await checklist.getByRole("link", { name: "Record again the confirmation of capacity and capability" }).click();
  const reference = page.getByLabel("Confirmation of capacity and capability: reference");
  await reference.fill("");
  await page.getByRole("button", { name: "Save the confirmation of capacity and capability" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter the reference" })).toBeVisible();
  await expectAccessible(page);
  await reference.fill("RD-ADD-2026-031");
  await fillDate(page, "Date of confirmation", "20 11 2026");
  await page.getByRole("button", { name: "Save the confirmation of capacity and capability" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The item has been recorded." })).toBeVisible();
  await expect(checklist).toContainText("RD-ADD-2026-031");
  // Recorded is not enough: the page still says why the site cannot start.
  await expect(checklist).toContainText("Data collection cannot start at this site yet");
  await expect(checklist).toContainText("waiting for the project lead to check it");
  await expect(start).toHaveCount(0);
  await signOut(page);

  // The lead sees which sites wait for a check, including one they sent back, and checks Addenbrooke's.
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}`);
  const waiting = page.getByRole("region", { name: "Sites waiting for your check" });
  await expect(waiting).toContainText("Addenbrooke's Hospital");
  await expect(waiting).toContainText("1 sent back");
  await expectAccessible(page);
  await page.goto(SITE);
  await page.getByRole("button", { name: "Mark the confirmation of capacity and capability as checked" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Every item of the checklist is checked: the site is approved." })).toBeVisible();
  await expect(checklist).toContainText("Every item is recorded and checked");
  await expectAccessible(page);
  await signOut(page);

  // Now the site lead can start.
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(SITE);
  await start.click();
  const dialog = page.getByRole("dialog", { name: "Start data collection at this site?" });
  await dialog.getByRole("button", { name: "Start data collection at this site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The site is now active" })).toBeVisible();
});
