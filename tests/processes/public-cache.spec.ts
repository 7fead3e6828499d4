// Two `next start` processes of one build on one PostgreSQL, each serving the public pages from
// its own cache (lib/cache): a write through one process is shown by the other's public pages on
// the very next request, because the database notifies every listening process at commit.
import type { ChildProcess } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PORTS, startMailCatcher, startPortal, stopPortal, type Running } from "./portal";

const PASSWORD = "radiant-demo";
// The demo's flagship, collecting data; sitelead@example.org leads it at Addenbrooke's (RGT01).
const SLUG = "ctpa-yield-emergency-department";
let a: Running;
let b: Running;
let mail: ChildProcess;

test.beforeAll(async () => {
  // Opens /api/debug/statements, the process's count of SQL statements sent.
  process.env.RADIANT_BENCH = "1";
  mail = await startMailCatcher();
  [a, b] = await Promise.all([startPortal(PORTS.a), startPortal(PORTS.b)]);
});

test.afterAll(async () => {
  await Promise.all([stopPortal(a), stopPortal(b)]);
  mail?.kill();
});

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** How many SQL statements the process on `origin` has sent so far. */
async function statementsSent(origin: string): Promise<number> {
  const response = await fetch(`${origin}/api/debug/statements`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as { statements: number }).statements;
}

/** The national total a visitor reads on the project's public page. */
async function nationalCases(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/projects/${SLUG}`);
  const text = await page.getByRole("region", { name: "National progress" }).getByText(/cases of a target of/).textContent();
  return Number(/^(\d+) cases/.exec(text ?? "")?.[1]);
}

/** The "cases collected" figure a visitor reads on the home page. */
async function casesCollected(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/`);
  const figure = page.getByRole("region", { name: "The collaborative today" }).getByRole("listitem").filter({ hasText: "cases collected" });
  return Number((await figure.textContent())?.replace(/\D/g, ""));
}

test("cases recorded through one process show on the other's public pages at once, and the other way round", async ({ browser }) => {
  const visitor = await newPage(browser);
  // Read twice on each process, so that both serve these pages from their caches.
  const before = await nationalCases(visitor, b.origin);
  expect(await nationalCases(visitor, b.origin)).toBe(before);
  expect(await nationalCases(visitor, a.origin)).toBe(before);
  const homeBefore = await casesCollected(visitor, b.origin);
  // B now answers both pages from its cache, without asking the database.
  const sentBefore = await statementsSent(b.origin);
  expect(await nationalCases(visitor, b.origin)).toBe(before);
  expect(await casesCollected(visitor, b.origin)).toBe(homeBefore);
  expect(await statementsSent(b.origin)).toBe(sentBefore);

  const siteLead = await newPage(browser);
  await siteLead.goto(`${a.origin}/signin`);
  await siteLead.getByLabel("E-mail address").fill("sitelead@example.org");
  await siteLead.getByLabel("Password").fill(PASSWORD);
  await siteLead.getByRole("button", { name: "Sign in" }).click();
  await expect(siteLead).toHaveURL(/\/dashboard/);

  const record = async (origin: string, more: number) => {
    await siteLead.goto(`${origin}/dashboard/projects/${SLUG}/sites/RGT01/progress`);
    const last = Number(/The last count was (\d+)/.exec((await siteLead.getByText(/The last count was \d+/).textContent()) ?? "")?.[1]);
    await siteLead.getByLabel("Cases submitted so far").fill(String(last + more));
    await siteLead.getByRole("button", { name: "Record cases" }).click();
    await expect(siteLead.getByText(`Recorded: ${last + more} cases so far.`)).toBeVisible();
  };

  // Written through A; the next request to B shows it.
  await record(a.origin, 7);
  expect(await nationalCases(visitor, b.origin)).toBe(before + 7);
  expect(await casesCollected(visitor, b.origin)).toBe(homeBefore + 7);

  // Written through B; the next request to A shows it.
  await record(b.origin, 5);
  expect(await nationalCases(visitor, a.origin)).toBe(before + 12);
  expect(await nationalCases(visitor, b.origin)).toBe(before + 12);
});
