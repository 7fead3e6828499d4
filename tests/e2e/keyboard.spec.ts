// With the keyboard alone: the skip link, a form's error summary, and a
// confirmation dialog that opens, holds focus, closes with Escape and gives
// focus back. Nothing here needs a mouse.
import { expect, expectAccessible, signIn, test } from "./fixtures";

const focusedText = (page: import("@playwright/test").Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
const focusedId = (page: import("@playwright/test").Page) => page.evaluate(() => document.activeElement?.id ?? "");

test("the first Tab reaches the skip link, which takes focus past the header to the page's content", async ({ page }) => {
  await page.goto("/projects");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  expect(await focusedId(page)).toBe("main");
});

test("a form sent with errors puts focus on its summary, whose links lead to each field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Full name").focus();
  await page.keyboard.type("Kwame Mensah");
  // Enter in a text field sends the form, with every other field still empty.
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Full name")).toHaveValue("Kwame Mensah");
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("E-mail address")).toBeFocused();
  await expectAccessible(page);
});

test("a confirmation opens from the keyboard, keeps focus inside, and Escape closes it with nothing changed", async ({ page }) => {
  await signIn(page, "admin@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/members?q=trainee%40example.org");
  const row = page.getByRole("row", { name: /trainee@example.org/ });
  const button = row.getByRole("button", { name: /^Make committee member for / });
  await button.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  // Focus moves into the dialog, onto its first button, and Tab goes on to the next of its own buttons.
  await expect(dialog.getByRole("button", { name: "Make committee member" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(row.getByRole("cell", { name: "Member", exact: true })).toBeVisible();
  expect(await focusedText(page)).toContain("Make committee member");
});
