// The account e-mails as a member meets them, read from the test mailbox: confirming the address
// given at sign-up, resetting a forgotten password, changing the address, and the reset link an
// administrator sends.
import type { Browser, Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, finishSignUp, linkIn, readMailbox, signIn, test, waitForEmail } from "./fixtures";

const SLUG = "ctpa-yield-emergency-department";

async function signUp(page: Page, person: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill(person.name);
  await page.getByLabel("E-mail address").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByLabel("Grade").selectOption("ST3");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Addenbrooke's Hospital, Cambridge" });
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, person.email, person.password);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("a new member confirms their address from the e-mail, and can then ask to join a project", async ({ page }) => {
  test.setTimeout(180_000);
  const person = { name: "Chidi Eze", email: `chidi.${Date.now()}@example.net`, password: "a strong pass phrase" };
  await signUp(page, person);

  // The dashboard says what waits for the confirmation, and where the link went.
  const notice = page.getByRole("region", { name: "Confirm your e-mail address" });
  await expect(notice).toContainText(`We sent a link to ${person.email}`);
  await expect(notice).toContainText("you cannot ask to join a project, register a hospital or propose a project");
  await expectAccessible(page);
  const first = await waitForEmail(person.email, "Confirm your e-mail address for RADIANT");
  // Not greeted by the name the sign-up typed: the address is not yet shown to be theirs.
  expect(first.text).not.toContain("Chidi Eze");
  expect(first.text).toContain("You are getting this e-mail because an account was created on RADIANT with this address");
  expect(first.html).toContain(linkIn(first, "/verify-email/"));
  expect(first.listUnsubscribe).toBeNull();

  // Each page that offers a step reaching other people says why it is not offered yet.
  await page.goto(`/projects/${SLUG}`);
  await expect(page).toHaveTitle(/CT pulmonary angiography/);
  const takePart = page.getByRole("region", { name: "Take part" });
  await expect(takePart.getByRole("region", { name: "Confirm your e-mail address" })).toContainText(
    "You can ask to join this project or register your hospital for it once your address is confirmed.",
  );
  await expect(takePart.getByRole("button", { name: "Ask to join" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/dashboard/projects/${SLUG}/register`);
  await expect(page.getByRole("heading", { level: 1, name: "Register your hospital" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your e-mail address" })).toContainText("You can register your hospital for this project");
  await expect(page.getByRole("button", { name: "Register this hospital" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/dashboard/proposals/new");
  await expect(page.getByRole("region", { name: "Confirm your e-mail address" })).toContainText("You can propose a project once your address is confirmed.");
  await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await expectAccessible(page);

  // A new link, on request; the answer is said where the button is.
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "We have sent" })).toHaveText(`We have sent a new link to ${person.email}. It works for 24 hours.`);
  await expectAccessible(page);
  await expect.poll(async () => (await readMailbox()).filter((email) => email.to.includes(person.email)).length).toBe(2);
  const link = linkIn(await waitForEmail(person.email, "Confirm your e-mail address for RADIANT"), "/verify-email/");

  // Opening the link confirms nothing by itself: the button does.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your e-mail address" })).toBeVisible();
  await expect(page.getByText(`Confirm that ${person.email} is your e-mail address.`)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Confirm your e-mail address" })).toBeVisible();
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page).toHaveURL(/\/dashboard\?confirmed=1/);
  await expect(page.getByRole("status").filter({ hasText: "has been confirmed" })).toHaveText(/Your e-mail address has been confirmed. You can now ask to join projects/);
  await expect(page.getByRole("region", { name: "Confirm your e-mail address" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/projects/${SLUG}`);
  await expect(page).toHaveTitle(/CT pulmonary angiography/);
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(/Your request to join at Addenbrooke's Hospital is waiting for the site lead/);

  // Either link, used or replaced, now says so and where to go.
  for (const used of [link, linkIn(first, "/verify-email/")]) {
    await page.goto(used);
    await expect(page.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
    await expect(page.getByText("Your e-mail address is confirmed.")).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto("/verify-email/not-a-real-link");
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
});

test("a member who forgot their password sets a new one from the e-mail, and a browser signed in before is signed out", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const person = { name: "Ines Duarte", email: `ines.${Date.now()}@example.net`, password: "the first pass phrase" };
  await signUp(page, person);
  const otherDevice = await newPage(browser);
  await signIn(otherDevice, person.email, person.password);
  await expect(otherDevice).toHaveURL(/\/dashboard/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgotten your password?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-mail address").fill("not an address");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link", { name: "Enter an e-mail address in the correct format, like name@example.org" })).toBeVisible();
  await expect(page.getByLabel("E-mail address")).toHaveValue("not an address");
  await expectAccessible(page);
  await page.getByLabel("E-mail address").fill(person.email.toUpperCase());
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account uses ${person.email}, we have sent it a link to choose a new password.`);
  await expectAccessible(page);

  const email = await waitForEmail(person.email, "Reset your RADIANT password");
  expect(email.text).toContain("Dear Ines Duarte,");
  expect(email.text).toContain("You are getting this e-mail because someone asked to reset the password");
  const link = linkIn(email, "/reset-password/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(`For the account ${person.email}.`)).toBeVisible();
  await expectAccessible(page);

  // Typed differently twice: said at the field, and no password is sent back.
  await page.getByLabel("New password", { exact: true }).fill("the second pass phrase");
  await page.getByLabel("New password again").fill("the second pass phrasf");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link", { name: "Enter the same password twice" })).toBeVisible();
  await expect(page.getByLabel("New password again")).toHaveAccessibleDescription(/Enter the same password twice/);
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("the second pass phrase");
  await page.getByLabel("New password again").fill("the second pass phrase");
  await page.getByRole("button", { name: "Save new password" }).click();

  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("status")).toHaveText(
    "Your password has been changed, and you have been signed out on every device. Sign in with your new password.",
  );
  await expectAccessible(page);
  await otherDevice.goto("/dashboard");
  await expect(otherDevice).toHaveURL(/\/signin/);
  await otherDevice.context().close();

  await signIn(page, person.email, person.password);
  await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
  await signIn(page, person.email, "the second pass phrase");
  await expect(page).toHaveURL(/\/dashboard/);
  // The reset came through the e-mail, so the address is confirmed too.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Ines Duarte");
  await expect(page.getByRole("region", { name: "Confirm your e-mail address" })).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link to reset your password" })).toBeVisible();
  await expectAccessible(page);
});

test("an address with no account gets the same answer on the reset page, and no e-mail", async ({ page }) => {
  const stranger = `nobody.${Date.now()}@example.net`;
  const answerFor = async (address: string) => {
    await page.goto("/forgotten-password");
    await page.getByLabel("E-mail address").fill(address);
    await page.getByRole("button", { name: "Send me a link" }).click();
    const status = page.getByRole("status");
    await expect(status).toContainText("Check your e-mail");
    await expectAccessible(page);
    return (await status.innerText()).replace(address, "ADDRESS");
  };
  const unknown = await answerFor(stranger);
  const known = await answerFor("lead@example.org");
  expect(unknown).toBe(known);

  // The request for the real account was made after the other and its e-mail has arrived, so the other's would have too.
  await waitForEmail("lead@example.org", "Reset your RADIANT password");
  expect((await readMailbox()).filter((email) => email.to.includes(stranger))).toEqual([]);
});

test("a member changes their e-mail address: the old one is told, and the new one works once confirmed", async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now();
  const person = { name: "Tomasz Nowak", email: `tomasz.${run}@example.net`, password: "a strong pass phrase" };
  const newAddress = `tomasz.nowak.${run}@example.org`;
  await signUp(page, person);
  await page.goto("/dashboard/account");
  await expect(page.getByRole("heading", { level: 2, name: "Change your e-mail address" })).toBeVisible();

  await page.getByLabel("New e-mail address").fill(newAddress.toUpperCase());
  await page.getByLabel("Password", { exact: true }).fill("not my password");
  await page.getByRole("button", { name: "Change e-mail address" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Your password is not right" })).toBeVisible();
  await expect(page.getByLabel("New e-mail address")).toHaveValue(newAddress.toUpperCase());
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Change e-mail address" }).click();
  await expect(page.getByRole("status")).toHaveText(
    `We have sent a link to ${newAddress}. Open it within 24 hours to confirm the change. Until then your address stays ${person.email}.`,
  );
  await expectAccessible(page);

  const notice = await waitForEmail(person.email, "Your RADIANT e-mail address is about to change");
  expect(notice.text).toContain(`asked to change its e-mail address to ${newAddress}`);
  expect(notice.text).toContain("If it was not you, someone knows your password.");
  linkIn(notice, "/forgotten-password");
  const confirm = await waitForEmail(newAddress, "Confirm your new e-mail address for RADIANT");
  await page.goto(linkIn(confirm, "/change-email/"));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your new e-mail address" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use this e-mail address" }).click();
  await expect(page).toHaveURL(/\/dashboard\/account/);
  await expect(page.getByRole("status")).toHaveText(`Your e-mail address has been changed to ${newAddress}. Sign in with it from now on.`);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, person.email, person.password);
  await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
  await signIn(page, newAddress, person.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Tomasz Nowak");
  // Opening the link proved the new address: nothing waits for confirmation.
  await expect(page.getByRole("region", { name: "Confirm your e-mail address" })).toHaveCount(0);
});

test("an administrator sends a member a link to choose a new password, and sees neither", async ({ page }) => {
  await signIn(page, "admin@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/members?q=committee%40example.org");
  const row = page.getByRole("row", { name: /Helen Price/ });
  await row.getByRole("button", { name: "Send password reset link to Helen Price" }).click();
  const dialog = page.getByRole("dialog", { name: "Send Helen Price a link to choose a new password?" });
  await expect(dialog).toContainText("An e-mail goes to committee@example.org with a link that works for 1 hour.");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Send password reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A link to choose" })).toHaveText(
    "A link to choose a new password has been sent to Helen Price at committee@example.org. It works for 1 hour.",
  );
  await expectAccessible(page);
  const email = await waitForEmail("committee@example.org", "Reset your RADIANT password");
  expect(email.text).toContain("Sam Whitfield, an administrator of RADIANT, has sent you a link to set a new password");
  // Nothing of the link reached the administrator's page.
  const token = new URL(linkIn(email, "/reset-password/")).pathname.split("/").at(-1)!;
  expect(await page.content()).not.toContain(token);
});

test("the account pages fit a screen 320 pixels wide, with nothing to scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const fits = async (path: string) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    await expectAccessible(page);
  };
  for (const path of ["/signin", "/forgotten-password", "/reset-password/an-old-link", "/verify-email/an-old-link", "/change-email/an-old-link"]) await fits(path);
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await fits("/dashboard/account");
});
