import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const CODE = /Verification code\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/;

async function textOf(download: Download) {
  return pdfText(await readFile((await download.path())!)).replace(/\s+/g, " ");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Checks the code at the public page, signed out, and that it says what the certificate says. */
async function verifies(page: Page, code: string, words: string[]) {
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("heading", { level: 1, name: "Certificate verified" })).toBeVisible();
  for (const word of words) await expect(page.getByText(word, { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
}

async function openCertificates(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Certificates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificates" })).toBeVisible();
}

test("the project lead, a reviewer and a collaborator each download their certificate, and each verifies", async ({ page }) => {
  test.setTimeout(180_000);

  // The project lead: co-lead of the completed project in the demo.
  await openCertificates(page, "lead@example.org");
  await expectAccessible(page);
  const leadItem = page.getByRole("listitem").filter({ hasText: "Co-lead" }).filter({ has: page.getByRole("link", { name: /Download certificate/ }) }).first();
  const [leadDownload] = await Promise.all([page.waitForEvent("download"), leadItem.getByRole("link", { name: /Download certificate/ }).click()]);
  const leadText = await textOf(leadDownload);
  expect(leadText).toContain("Certificate of project leadership");
  expect(leadText).toContain("Tom Okafor");
  expect(leadText).toMatch(/\d+ hospitals? took part/);
  const leadCode = CODE.exec(leadText)![1]!;
  // Downloading again serves the same certificate.
  const again = await page.request.get((await leadItem.getByRole("link", { name: /Download certificate/ }).getAttribute("href"))!);
  expect(pdfText(await again.body())).toContain(leadCode);
  // Listed as issued, with its code.
  await page.reload();
  await expect(page.getByRole("link", { name: new RegExp(leadCode) })).toBeVisible();
  await signOut(page);

  // A reviewer: the administrator reviewed proposals in the demo. A period typed wrong is said so.
  await openCertificates(page, "admin@example.org");
  await page.getByLabel("Twelve months ending on a day you choose").check();
  const box = (name: string) => page.getByRole("textbox", { name, exact: true });
  await box("Day").fill("31");
  await box("Month").fill("2");
  await box("Year").fill("2026");
  await page.getByRole("button", { name: "Show my reviews" }).click();
  await expect(errorSummary(page)).toContainText("must be a real date");
  await expect(box("Day")).toHaveValue("31");
  await expectAccessible(page);
  // The twelve months ending today hold the demo's reviews: some academic year does.
  await page.getByLabel("An academic year (August to July)").check();
  const years = await page.getByRole("combobox", { name: "Academic year" }).locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  let downloaded: Download | null = null;
  for (const year of years) {
    await page.getByLabel("An academic year (August to July)").check();
    await page.getByRole("combobox", { name: "Academic year" }).selectOption(year);
    await page.getByRole("button", { name: "Show my reviews" }).click();
    const result = page.getByRole("status").filter({ hasText: "you reviewed" });
    await expect(result).toBeVisible();
    const link = result.getByRole("link", { name: /Download certificate/ });
    if (await link.count()) {
      [downloaded] = await Promise.all([page.waitForEvent("download"), link.click()]);
      break;
    }
  }
  expect(downloaded).not.toBeNull();
  const reviewText = await textOf(downloaded!);
  expect(reviewText).toContain("Certificate of peer review");
  expect(reviewText).toMatch(/Proposals reviewed \d+/);
  const reviewCode = CODE.exec(reviewText)![1]!;
  await signOut(page);

  // A collaborator: the demo trainee's place on the completed project.
  await openCertificates(page, "trainee@example.org");
  await expect(page.getByRole("region", { name: "Proposal reviews" })).toHaveCount(0);
  const participation = page.getByRole("listitem").filter({ hasText: "Participation" }).filter({ has: page.getByRole("link", { name: /Download certificate/ }) }).first();
  const [traineeDownload] = await Promise.all([page.waitForEvent("download"), participation.getByRole("link", { name: /Download certificate/ }).click()]);
  const traineeText = await textOf(traineeDownload);
  expect(traineeText).toContain("Certificate of participation");
  expect(traineeText).toMatch(/\d+ cases? recorded while on the team, of the site's \d+ cases?/);
  const traineeCode = CODE.exec(traineeText)![1]!;
  // A project the trainee does not lead: the lead's certificate of it is not theirs.
  const href = (await participation.getByRole("link", { name: /Download certificate/ }).getAttribute("href"))!;
  expect((await page.request.get(href.replace("kind=participant", "kind=project-lead"))).status()).toBe(404);
  // At 320 px wide the page reads without scrolling sideways.
  await page.setViewportSize({ width: 320, height: 720 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signOut(page);

  // Signed out: a download goes to sign-in; every code verifies in public.
  const signedOut = await page.request.get(href, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(303);
  await verifies(page, leadCode, ["Tom Okafor", "Certificate verified", "Co-lead"]);
  await verifies(page, reviewCode, ["Proposals reviewed", "peer review"]);
  await verifies(page, traineeCode, ["Aisha Rahman", "certificate of participation"]);
});
