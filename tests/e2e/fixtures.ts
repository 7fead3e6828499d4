import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "radiant-demo";

/** No accessibility violations (WCAG 2.2 A and AA) on the page as it stands. */
export async function expectAccessible(page: Page) {
  // Next.js streams a page's metadata: after a navigation or an action the
  // <title> can arrive a moment after the content. Check the page once it has.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary, "axe violations").toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * After "Create account" without an invitation's link: every sign-up, new address or registered,
 * ends on the same "Check your inbox" page (docs/decisions/012); the new member then signs in.
 */
export async function finishSignUp(page: Page, email: string, password: string) {
  await expect(page).toHaveURL(/\/signup\/check-your-inbox$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard/);
}

/** Fails a test in which the browser logged an error. */
export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors.filter((text) => !text.includes("404 (Not Found)")), "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The GOV.UK-style error summary at the top of a form. */
export function errorSummary(page: Page) {
  return page.getByRole("alert").filter({ hasText: "There is a problem" });
}

export interface CaughtEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  listUnsubscribe: string | null;
  listUnsubscribePost: string | null;
}

const MAIL_HTTP = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 2}`;

/** Everything the test mailbox (tests/support/mail-catcher.ts) has received so far. */
export async function readMailbox(): Promise<CaughtEmail[]> {
  const response = await fetch(`${MAIL_HTTP}/messages`);
  return (await response.json()) as CaughtEmail[];
}

/** The newest e-mail to `to` whose subject matches, waiting for it to arrive. */
export async function waitForEmail(to: string, subject: RegExp | string, timeoutMs = 20_000): Promise<CaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  const matches = (email: CaughtEmail) =>
    email.to.includes(to.toLowerCase()) && (typeof subject === "string" ? email.subject.includes(subject) : subject.test(email.subject));
  for (;;) {
    const found = (await readMailbox()).filter(matches).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No e-mail to ${to} about ${subject} arrived in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in an e-mail's plain text that starts with `prefix` (a path of the portal). */
export function linkIn(email: CaughtEmail, prefix: string): string {
  const link = email.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(prefix));
  if (!link) throw new Error(`No link to ${prefix} in the e-mail «${email.subject}»:\n${email.text}`);
  return link;
}

/**
 * Confirms a new member's address as they would: the link in the verification e-mail, then the
 * button on its page. Signing up, joining, registering a hospital and proposing need it.
 */
export async function confirmEmail(page: Page, address: string) {
  const email = await waitForEmail(address, "Confirm your e-mail address");
  await page.goto(linkIn(email, "/verify-email/"));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your e-mail address" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "e-mail address has been confirmed" })).toBeVisible();
}

/** A new ST2 trainee at Ipswich Hospital (East of England) signs up, signs in and confirms their address. */
export async function signUpIpswichTrainee(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Grade").selectOption("ST2");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Ipswich Hospital, Ipswich" });
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, email, password);
  await confirmEmail(page, email);
}
