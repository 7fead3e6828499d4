import type { Browser, Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

async function signUp(page: Page, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Yusuf Demir");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Grade").selectOption("ST1");
  await page.getByLabel("Training region").selectOption({ label: "Wales" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("changing the password signs the person out on every other device", async ({ page, browser }) => {
  const email = `yusuf.${Date.now()}@example.net`;
  await signUp(page, email, "first pass phrase");
  const otherDevice = await newPage(browser);
  await signIn(otherDevice, email, "first pass phrase");
  await expect(otherDevice).toHaveURL(/\/dashboard/);

  await page.getByRole("link", { name: "Your account and password" }).click();
  await expectAccessible(page);
  await page.getByLabel("Current password").fill("wrong pass phrase");
  await page.getByLabel("New password").fill("second pass phrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("link", { name: "Your current password is not right" })).toBeVisible();

  await page.getByLabel("Current password").fill("first pass phrase");
  await page.getByLabel("New password").fill("second pass phrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("signed out on every other device");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Yusuf Demir");

  await otherDevice.goto("/dashboard");
  await expect(otherDevice).toHaveURL(/\/signin/);
  await signIn(otherDevice, email, "first pass phrase");
  await expect(errorSummary(otherDevice)).toContainText("The e-mail address or password is not right");
  await signIn(otherDevice, email, "second pass phrase");
  await expect(otherDevice).toHaveURL(/\/dashboard/);
  await otherDevice.context().close();
});

test("after ten wrong passwords the account refuses sign-in for a while, with the same message for everyone", async ({ page }) => {
  const email = `locked.${Date.now()}@example.net`;
  for (let attempt = 0; attempt < 10; attempt++) {
    await signIn(page, email, `guess number ${attempt}`);
    await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
  }
  await signIn(page, email, "one more guess");
  await expect(errorSummary(page)).toContainText("too many attempts to sign in");
  await expectAccessible(page);
});

test("an administrator reads who changed what in the audit log; others cannot open it", async ({ page, browser }) => {
  const email = `audited.${Date.now()}@example.net`;
  await signUp(page, email, "audited pass phrase");

  const admin = await newPage(browser);
  await signIn(admin, "admin@example.org");
  await admin.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await admin.getByLabel("Action").selectOption("user.registered");
  await admin.getByLabel("Who (name or e-mail)").fill(email);
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 event");
  await expect(admin.getByRole("row", { name: new RegExp(email) })).toBeVisible();
  await expectAccessible(admin);
  await admin.context().close();

  const response = await page.goto("/dashboard/audit");
  expect(response?.status()).toBe(404);
});

test("a member sees and downloads all their data, then deletes their account", async ({ page }) => {
  const email = `leaving.${Date.now()}@example.net`;
  await signUp(page, email, "leaving pass phrase");
  await page.goto("/dashboard/account");
  await page.getByRole("link", { name: "See everything RADIANT holds about you" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Account" })).toContainText(email);
  await expectAccessible(page);
  const download = await page.request.get("/dashboard/account/data/download");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect((await download.json()).account.email).toBe(email);

  await page.goto("/dashboard/account");
  await page.getByLabel("Your password").fill("leaving pass phrase");
  await page.getByRole("button", { name: "Delete my account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("status")).toContainText("Your account has been deleted");
  await signIn(page, email, "leaving pass phrase");
  await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
});
