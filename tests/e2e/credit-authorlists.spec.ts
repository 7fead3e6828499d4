import type { Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

// The demo lead leads the flagship, where the demo trainee (Aisha Rahman) has a confirmed place;
// the flagship has no frozen list in the demo (the completed project carries versions 1 and 2).
const SLUG = "ctpa-yield-emergency-department";
const AUTHORSHIP = `/dashboard/projects/${SLUG}/authorship`;

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the lead freezes the list, a collaborator asks for a correction, and the lead issues version 2", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(AUTHORSHIP);
  await expect(page.getByRole("heading", { level: 1, name: "Authorship list" })).toBeVisible();
  await expect(page.getByLabel("Authorship list")).toContainText("Rahman A");
  await page.getByRole("link", { name: "By region" }).click();
  await expect(page).toHaveURL(/group=region/);
  await expectAccessible(page);

  // Freeze with a window that is too short first: refused with a sentence, nothing frozen.
  await page.getByLabel("Days to answer").fill("3");
  await page.getByRole("button", { name: "Freeze the list and tell everyone on it" }).click();
  await expect(errorSummary(page)).toContainText("The days people have to answer must be from 7 to 60");
  await page.getByLabel("Days to answer").fill("14");
  await page.getByRole("button", { name: "Freeze the list and tell everyone on it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Author list, version 1" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "confirmed" })).toContainText("0 confirmed, 0 asked for a correction");
  await expectNoSidewaysScroll(page);
  await signOut(page);

  // The trainee is told, opens their line and asks for a correction.
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/notifications");
  await page.getByRole("link", { name: /Version 1 of the author list/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your name on the author list" })).toBeVisible();
  await expect(page.getByTestId("printed-line")).toContainText("Rahman A");
  await expectAccessible(page);
  await page.getByLabel("No, I need a correction").check();
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(errorSummary(page)).toContainText("Enter the correction you need");
  await page.getByLabel("No, I need a correction").check();
  await page.getByLabel("The correction you need (if any)").fill("Please print Rahman-Khan A");
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByRole("status").first()).toContainText("the project lead has your correction");
  await expectNoSidewaysScroll(page);
  await signOut(page);

  // The lead sees who asked, retypes the name and issues version 2 with a change log.
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`${AUTHORSHIP}/versions/1`);
  await expect(page.getByRole("status").filter({ hasText: "confirmed" })).toContainText("1 asked for a correction");
  await expect(page.getByRole("table")).toContainText("Please print Rahman-Khan A");
  await page.getByLabel("Name to print for Rahman A").fill("Rahman-Khan A");
  await page.getByLabel("What changed, for the people on the list").fill("Corrected as asked.");
  await page.getByRole("button", { name: "Issue the corrected version and tell everyone on it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Author list, version 2" })).toBeVisible();
  await expect(page.getByText("Rahman A is now printed as Rahman-Khan A.")).toBeVisible();
  await expect(page.getByLabel("Author list, version 2")).toContainText("Rahman-Khan A");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Spreadsheet for journal submission (CSV)" }).click();
  expect((await download).suggestedFilename()).toBe(`${SLUG}-author-list-v2.csv`);
  await expectAccessible(page);
});
