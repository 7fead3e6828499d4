// Two `next start` processes of one build on one PostgreSQL, as behind a load balancer that
// sends each request to either: what a member does on one is known to the other.
import type { ChildProcess } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PORTS, readMailbox, startMailCatcher, startPortal, stopPortal, type Running } from "./portal";

const PASSWORD = "radiant-demo";
let a: Running;
let b: Running;
let mail: ChildProcess;

test.beforeAll(async () => {
  mail = await startMailCatcher();
  // Started together: both prepare the database at once (the job queue's schema is not there yet).
  [a, b] = await Promise.all([startPortal(PORTS.a), startPortal(PORTS.b)]);
});

test.afterAll(async () => {
  await Promise.all([stopPortal(a), stopPortal(b)]);
  mail?.kill();
});

async function signIn(page: Page, origin: string, email: string, password = PASSWORD) {
  await page.goto(`${origin}/signin`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The form's error summary. */
function problem(page: Page) {
  return page.getByRole("alert").filter({ hasText: "There is a problem" });
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** Whether this browser's session opens the dashboard on the process at `origin`. */
async function opensDashboard(page: Page, origin: string) {
  await page.goto(`${origin}/dashboard`);
  return !/\/signin/.test(page.url());
}

test("a member signed in on one process is signed in on the other, and signing out everywhere on one ends it on both", async ({ browser }) => {
  const laptop = await newPage(browser);
  await signIn(laptop, a.origin, "trainee@example.org");
  await expect(laptop).toHaveURL(/\/dashboard/);
  expect(await opensDashboard(laptop, b.origin)).toBe(true);
  await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("Hello, Aisha Rahman");

  const phone = await newPage(browser);
  await signIn(phone, b.origin, "trainee@example.org");
  await expect(phone).toHaveURL(/\/dashboard/);
  expect(await opensDashboard(phone, a.origin)).toBe(true);

  // On process A, the laptop signs out every other device; the phone then asks process B.
  await laptop.goto(`${a.origin}/dashboard/account`);
  const devices = laptop.getByRole("region", { name: "Where you are signed in" });
  await devices.getByRole("button", { name: "Sign out of all other devices" }).click();
  await laptop.getByRole("dialog", { name: "Sign out of all other devices?" }).getByRole("button", { name: "Sign out of all other devices" }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  expect(await opensDashboard(phone, b.origin)).toBe(false);
  expect(await opensDashboard(laptop, b.origin)).toBe(true);

  // Signing out on B ends the laptop's session on A as well.
  await laptop.goto(`${b.origin}/dashboard`);
  await laptop.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(laptop.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await opensDashboard(laptop, a.origin)).toBe(false);
});

test("wrong passwords on either process count toward one limit", async ({ browser }) => {
  const page = await newPage(browser);
  const wrong = "not the password at all";
  // Ten wrong passwords for one account from one address are the limit: five on each process.
  for (const origin of [a.origin, b.origin]) {
    for (let attempt = 0; attempt < 5; attempt++) {
      await signIn(page, origin, "lead@example.org", wrong);
      await expect(problem(page)).toContainText("The e-mail address or password is not right");
    }
  }
  // Neither process alone has seen ten, yet the right password is now refused on both.
  for (const origin of [a.origin, b.origin]) {
    await signIn(page, origin, "lead@example.org");
    await expect(problem(page)).toContainText("There have been too many attempts to sign in from here");
    expect(await opensDashboard(page, origin)).toBe(false);
  }
});

test("an e-mail asked for on one process is delivered once, by whichever process takes the job", async ({ browser }) => {
  const page = await newPage(browser);
  const address = "committee@example.org";
  await page.goto(`${a.origin}/forgotten-password`);
  await page.getByLabel("E-mail address").fill(address);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your e-mail");

  const resets = async () => (await readMailbox()).filter((email) => email.to.includes(address) && email.subject === "Reset your RADIANT password");
  await expect.poll(async () => (await resets()).length, { timeout: 30_000 }).toBe(1);
  // Both processes poll the queue every second: give a second delivery every chance to happen.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  expect(await resets()).toHaveLength(1);
});
