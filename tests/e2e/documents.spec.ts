// The study's documents as people meet them: the committee reads, under each version of a proposal,
// the documents as they were when that version was submitted; anyone else gets "not found" for the
// same link; a lead uploads, and a file that is not what its name says is refused with a message.
import { request as playwrightRequest } from "@playwright/test";
import { minimalPdf } from "@/lib/documents/minimal-pdf";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

/** The demo proposal reviewed twice, whose protocol changed between its versions (lib/seed/committee-documents.ts). */
const TWICE_REVIEWED = /Management of incidental pulmonary nodules/;

test("a protocol uploaded as version 2 is what the committee sees on version 2, and nobody unrelated can fetch it", async ({ page, baseURL }) => {
  await signIn(page, "committee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/review");
  await page.getByRole("link", { name: TWICE_REVIEWED }).first().click();
  const two = page.getByRole("region", { name: "Documents submitted with version 2" });
  const one = page.getByRole("region", { name: "Documents submitted with version 1" });
  await expect(two.getByRole("link", { name: /^Protocol, version 2/ })).toBeVisible();
  await expect(two.getByRole("link", { name: /^Data collection form, version 1/ })).toBeVisible();
  await expect(one.getByRole("link", { name: /^Protocol, version 1/ })).toBeVisible();
  await expect(one.getByRole("link", { name: /^Protocol, version 2/ })).toHaveCount(0);
  await expectAccessible(page);

  const href = (await two.getByRole("link", { name: /^Protocol, version 2/ }).getAttribute("href"))!;
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="protocol-v2.pdf"/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  const body = (await download.body()).toString("latin1");
  expect(body.startsWith("%PDF-")).toBe(true);
  expect(body).toContain("Protocol, version 2");

  // A member with no part in the proposal: the same answer as for a link that never existed.
  const trainee = await page.context().browser()!.newContext({ baseURL });
  const traineePage = await trainee.newPage();
  await signIn(traineePage, "trainee@example.org");
  await expect(traineePage).toHaveURL(/\/dashboard/);
  expect((await traineePage.request.get(href)).status()).toBe(404);
  expect((await traineePage.request.get("/dashboard/documents/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  await trainee.close();
  // A visitor is asked to sign in, and given nothing.
  const visitor = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  const answer = await visitor.get(href);
  expect(answer.status()).toBe(303);
  expect(answer.headers()["location"]).toMatch(/^\/signin/);
  await visitor.dispose();
});

test("a lead uploads a protocol, and a file that is not what its name says is refused with a message", async ({ page }) => {
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/proposals");
  await page.locator('a[href^="/dashboard/proposals/"]:not([href$="/new"])').first().click();
  await page.getByRole("link", { name: "Upload a document or a new version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The study's documents" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Which document is it?").selectOption({ label: "Another document (give it a title)" });
  await page.getByLabel("Title (only for another document)").fill("Letter of support");
  await page.getByLabel("The file").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByRole("button", { name: "Upload the document" }).click();
  await expect(errorSummary(page)).toContainText("The file is named as a PDF but is a text file (.txt)");
  await expect(page.getByLabel("Title (only for another document)")).toHaveValue("Letter of support");
  await expectAccessible(page);

  await page.getByLabel("The file").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from(minimalPdf(["Letter of support"])) });
  await page.getByRole("button", { name: "Upload the document" }).click();
  await expect(page.getByRole("status")).toContainText("Letter of support: version 1 uploaded.");
  await expect(page.getByRole("heading", { name: "Letter of support" })).toBeVisible();
  const link = page.getByRole("link", { name: /^Version 1 \(latest\) \(letter\.pdf\)/ }).last();
  expect((await page.request.get((await link.getAttribute("href"))!)).status()).toBe(200);
});
