import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, linkIn, readMailbox, signIn, test, type CaughtEmail } from "./fixtures";

// A project collecting data that the demo trainee left: they may ask to join again, at another hospital.
const PROJECT = "incidental-adrenal-nodule-follow-up";
const HOSPITAL = "Hull Royal Infirmary";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** The e-mail matching, whoever it went to, waiting for it to arrive. */
async function waitForMail(match: (email: CaughtEmail) => boolean, timeoutMs = 20_000): Promise<CaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox()).filter(match).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("The e-mail did not arrive");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("a request to join reaches the site lead by e-mail, whose link opens the request, and whose other link stops such e-mails", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/projects/${PROJECT}`);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  const takePart = page.getByRole("region", { name: "Take part" });
  const hospitals = takePart.getByLabel("Hospital where you will take part");
  await hospitals.selectOption((await hospitals.locator("option", { hasText: HOSPITAL }).getAttribute("value"))!);
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(new RegExp(`Your request to join at ${HOSPITAL} is waiting for the site lead`));
  await signOut(page);

  // The site lead's mailbox: what happened, why they are told, where to act, how to stop.
  const email = await waitForMail(
    (mail) => mail.subject === "A trainee asked to join your site" && mail.text.includes(`Aisha Rahman asked to join "${title}" at ${HOSPITAL}.`),
  );
  expect(email.text).toContain("You are a site lead of this hospital for this project.");
  expect(email.listUnsubscribe).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[^>]+>$/);
  expect(email.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
  const siteLead = email.to[0]!;

  await signIn(page, siteLead, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(linkIn(email, "/dashboard/notifications/"));
  await expect(page).toHaveURL(/\/dashboard\/site-requests#request-[0-9a-f-]{36}$/);
  const request = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Aisha Rahman" }) });
  await expect(request).toContainText(title);
  await expect(request).toContainText(HOSPITAL);
  await expect(request.getByRole("button", { name: "Confirm Aisha Rahman" })).toBeVisible();
  await expectAccessible(page);

  // Opened from the e-mail, the unsubscribe link asks first; the button stops it.
  const unsubscribe = linkIn(email, "/unsubscribe/");
  await page.goto(unsubscribe);
  await expect(page.getByRole("heading", { level: 1, name: "Stop e-mails" })).toBeVisible();
  await expect(page.getByText("This stops e-mails when a trainee asks to join a site you lead.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Stop these e-mails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E-mails stopped" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("You will no longer get e-mails when a trainee asks to join a site you lead.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Choose what RADIANT e-mails you about" }).click();
  await expect(page.getByRole("group", { name: "A trainee asks to join a site you lead" }).getByRole("radio", { name: "Never (only in the portal)" })).toBeChecked();

  // A mail client's one-click POST; an edited link is not found.
  const oneClick = await page.request.post(unsubscribe, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  const edited = unsubscribe.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
  expect((await page.request.post(edited, { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(404);
  expect((await page.request.get(edited)).status()).toBe(404);
});

test("a member chooses what RADIANT e-mails them about, kept after a reload, on a narrow screen too", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/notifications");
  await expect(page.getByRole("link", { name: "Choose which notifications are e-mailed to you" })).toBeVisible();
  await page.goto("/dashboard/account");
  await page.getByRole("link", { name: "Choose what RADIANT e-mails you about" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What RADIANT e-mails you about" })).toBeVisible();
  await expect(page.getByText(/Account and security e-mails .* are\s+always sent/)).toBeVisible();
  await expectAccessible(page);

  // Each question states its default, which is what is chosen until the member chooses.
  const rules = page.getByRole("group", { name: "A project's leads change its rules (team size, cases to be citable)" });
  const rights = page.getByRole("group", { name: "An administrator gives you committee or administrator rights" });
  await expect(rules).toContainText("Default: in a daily digest.");
  await expect(rules.getByRole("radio", { name: "In a daily digest" })).toBeChecked();
  await expect(page.getByRole("group", { name: "A new proposal waits for review" }).getByRole("radio", { name: "At once" })).toBeChecked();

  await rules.getByRole("radio", { name: "Never (only in the portal)" }).check();
  await rights.getByRole("radio", { name: "At once" }).check();
  await page.getByRole("button", { name: "Save your choices" }).click();
  await expect(page.getByRole("status")).toHaveText("Your e-mail choices have been saved.");
  await expectAccessible(page);

  await page.setViewportSize({ width: 320, height: 800 });
  await page.reload();
  await expect(rules.getByRole("radio", { name: "Never (only in the portal)" })).toBeChecked();
  await expect(rights.getByRole("radio", { name: "At once" })).toBeChecked();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);

  // With the keyboard alone: arrow keys move within a question, and the choice is saved.
  await rules.getByRole("radio", { name: "Never (only in the portal)" }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(rules.getByRole("radio", { name: "In a daily digest" })).toBeChecked();
  await page.getByRole("button", { name: "Save your choices" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Your e-mail choices have been saved.");
  await page.reload();
  await expect(rules.getByRole("radio", { name: "In a daily digest" })).toBeChecked();
});
