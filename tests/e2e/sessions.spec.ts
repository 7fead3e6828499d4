import type { Browser, Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, finishSignUp, signIn, test } from "./fixtures";

async function signUp(page: Page, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Yusuf Demir");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Grade").selectOption("ST1");
  await page.getByLabel("Training region").selectOption({ label: "Wales" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, email, password);
}

async function newPage(browser: Browser, options: { userAgent?: string } = {}) {
  const context = await browser.newContext(options);
  return context.newPage();
}

const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** Whether the dashboard opens for this browser, or sends it to sign in. */
async function opensDashboard(page: Page) {
  await page.goto("/dashboard");
  return !/\/signin/.test(page.url());
}

test("after signing out, a copy of the session cookie no longer opens the dashboard", async ({ page, browser }) => {
  const email = `copied.${Date.now()}@example.net`;
  await signUp(page, email, "copied pass phrase");
  const copied = await page.context().storageState();
  const thief = await browser.newContext({ storageState: copied });
  const thiefPage = await thief.newPage();
  // The copy works while the session stands...
  expect(await opensDashboard(thiefPage)).toBe(true);
  await expect(thiefPage.getByRole("heading", { level: 1 })).toHaveText("Hello, Yusuf Demir");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  // ...and not once its owner has signed out, though the copy still holds the cookie.
  const stillHeld = await browser.newContext({ storageState: copied });
  expect(await opensDashboard(await stillHeld.newPage())).toBe(false);
  expect(await opensDashboard(thiefPage)).toBe(false);
  await expectAccessible(thiefPage);
  await thief.close();
  await stillHeld.close();
});

test("signing out in one browser ends that browser's session only, and its cookie, copied before, opens nothing", async ({ page, browser }) => {
  const email = `two.browsers.${Date.now()}@example.net`;
  await signUp(page, email, "two browsers pass phrase");
  const other = await newPage(browser, { userAgent: SAFARI_ON_IPHONE });
  await signIn(other, email, "two browsers pass phrase");
  await expect(other).toHaveURL(/\/dashboard/);
  const copied = await page.context().storageState();
  expect(copied.cookies.map((cookie) => cookie.name)).toContain("authjs.session-token");

  // Reading the session writes nothing back: the signed-in page sets no cookie.
  const response = await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Yusuf Demir");
  expect((await response!.headerValue("set-cookie")) ?? "").not.toContain("session-token");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await opensDashboard(page)).toBe(false);

  const copy = await browser.newContext({ storageState: copied });
  expect(await opensDashboard(await copy.newPage())).toBe(false);
  // The other browser's sign-in is its own, and stands.
  expect(await opensDashboard(other)).toBe(true);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Hello, Yusuf Demir");
  await other.goto("/dashboard/account");
  const devices = other.getByRole("region", { name: "Where you are signed in" });
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(devices.getByRole("listitem").first()).toContainText("Safari on iPhone");
  await expectAccessible(other);
  await copy.close();
  await other.context().close();
});

test("a member sees where they are signed in, signs out one device, then all the others, and stays signed in here", async ({ page, browser }) => {
  const email = `devices.${Date.now()}@example.net`;
  await signUp(page, email, "devices pass phrase");
  const laptop = await newPage(browser);
  await signIn(laptop, email, "devices pass phrase");
  await expect(laptop).toHaveURL(/\/dashboard/);
  const phone = await newPage(browser, { userAgent: SAFARI_ON_IPHONE });
  await signIn(phone, email, "devices pass phrase");
  await expect(phone).toHaveURL(/\/dashboard/);

  await page.goto("/dashboard/account");
  const devices = page.getByRole("region", { name: "Where you are signed in" });
  await expect(devices.getByRole("listitem")).toHaveCount(3);
  await expect(devices.getByRole("listitem").first()).toContainText("Chrome on Linux");
  await expect(devices.getByRole("listitem").first()).toContainText("This device");
  await expect(devices.getByRole("listitem").filter({ hasText: "This device" })).toHaveCount(1);
  await expect(devices.getByRole("listitem").filter({ hasText: "Safari on iPhone" })).toContainText("Signed in");
  await expectAccessible(page);
  // On a phone 320 px wide the list fits without scrolling sideways.
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await devices.evaluate((region) => region.scrollWidth <= region.clientWidth && region.getBoundingClientRect().right <= 320)).toBe(true);
  const button = await devices.getByRole("button", { name: /^Sign out Safari on iPhone/ }).boundingBox();
  expect(button!.x + button!.width).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });

  await devices.getByRole("button", { name: /^Sign out Safari on iPhone/ }).click();
  await expect(devices.getByRole("status")).toHaveText("Safari on iPhone has been signed out.");
  // The button pressed has gone with its row: focus is on the answer, not lost at the top of the page.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Safari on iPhone has been signed out.");
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  expect(await opensDashboard(phone)).toBe(false);
  expect(await opensDashboard(laptop)).toBe(true);

  await devices.getByRole("button", { name: "Sign out of all other devices" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out of all other devices?" });
  await expect(dialog).toContainText("You stay signed in on this device");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Sign out of all other devices" }).click();
  await expect(devices.getByRole("status")).toHaveText("You have been signed out on 1 other device.");
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(devices).toContainText("You are not signed in on any other device.");
  await expectAccessible(page);

  expect(await opensDashboard(laptop)).toBe(false);
  expect(await opensDashboard(page)).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Yusuf Demir");
  await laptop.context().close();
  await phone.context().close();
});

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
  await expect(page.getByRole("region", { name: "Where you are signed in" })).toContainText("You are not signed in on any other device.");
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

test("after ten wrong passwords from one place, sign-in from there is refused for a while, with the same message for any address", async ({ page }) => {
  const email = `locked.${Date.now()}@example.net`;
  for (let attempt = 0; attempt < 10; attempt++) {
    await signIn(page, email, `guess number ${attempt}`);
    await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
  }
  await signIn(page, email, "one more guess");
  await expect(errorSummary(page)).toContainText("too many attempts to sign in");
  await expectAccessible(page);
});

test("a client cannot dodge the sign-in limit by naming its own address in X-Forwarded-For", async ({ page }) => {
  const email = `forged.${Date.now()}@example.net`;
  for (let attempt = 0; attempt < 10; attempt++) {
    // Each attempt claims to come from somewhere else; with no proxy trusted, the connection's address counts.
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${attempt + 1}`, "X-Real-IP": `198.51.100.${attempt + 1}` });
    await signIn(page, email, `guess number ${attempt}`);
    await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
  }
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "192.0.2.200" });
  await signIn(page, email, "one more guess");
  await expect(errorSummary(page)).toContainText("too many attempts to sign in");
});

test("an administrator reads who changed what in the audit log; others cannot open it", async ({ page, browser }) => {
  const email = `audited.${Date.now()}@example.net`;
  await signUp(page, email, "audited pass phrase");

  const admin = await newPage(browser);
  await signIn(admin, "admin@example.org");
  await admin.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await admin.getByLabel("What was done").selectOption({ label: "Created the account …" });
  await admin.getByLabel("Who (name or e-mail)").fill(email);
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 event");
  // Said as a sentence, the member's name linked to them on the members page.
  await expect(admin.getByRole("listitem").filter({ hasText: "Yusuf Demir created the account Yusuf Demir." })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Yusuf Demir" }).first()).toHaveAttribute("href", `/dashboard/members?q=${encodeURIComponent(email)}`);
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
  expect(((await download.json()) as { account: { email: string } }).account.email).toBe(email);

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
