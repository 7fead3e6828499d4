import { odsLine } from "../support/ods";
import { errorSummary, expect, expectAccessible, signIn, test } from "./fixtures";

const sitesFile = (text: string) => ({ name: "ets.csv", mimeType: "text/csv", buffer: Buffer.from(text) });

const ETS = [
  // On the list already (from the seed), without its trust code: the file gives it.
  odsLine({ code: "RGT01", name: "ADDENBROOKE'S HOSPITAL", town: "CAMBRIDGE", postcode: "CB2 0QQ", parent: "RGT" }),
  // New: joins the region of its trust's hospitals.
  odsLine({ code: "RGT89", name: "CAMBRIDGE DIAGNOSTIC CENTRE", town: "CAMBRIDGE", postcode: "CB2 0AY", parent: "RGT" }),
  // Closed by the file: retired.
  odsLine({ code: "RGT88", name: "CAMBRIDGE TEST CLINIC", town: "CAMBRIDGE", postcode: "CB2 0QQ", close: "20240101", parent: "RGT" }),
].join("\r\n");

test("an administrator adds a hospital, then imports a file in the NHS layout twice, the second time changing nothing", async ({ page }) => {
  // A long journey with an accessibility check on every page it sees.
  test.setTimeout(180_000);
  await signIn(page, "admin@example.org");
  await page.getByRole("link", { name: "Hospitals and regions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hospitals" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name, code or town").fill("RGT01");
  await page.getByRole("button", { name: "Find hospitals" }).click();
  await expect(page.getByRole("status").filter({ hasText: "found" })).toHaveText("1 hospital found.");
  await expect(page.getByRole("row", { name: /Addenbrooke's Hospital/ })).toContainText("On the list");

  // Adding: a code already used is refused by name, and nothing typed is lost.
  await page.getByRole("link", { name: "Add a hospital" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add the hospital" }).click();
  await expect(errorSummary(page)).toContainText("Enter the hospital's organisation code");
  await expectAccessible(page);
  await page.getByLabel("Organisation code").fill("rgt01");
  await page.getByLabel("Name", { exact: true }).fill("Cambridge Test Clinic");
  await page.getByLabel("Trust or health board", { exact: true }).fill("Cambridge University Hospitals NHS Foundation Trust");
  await page.getByLabel("Trust or health board code (optional)").fill("RGT");
  await page.getByLabel("Town or city").fill("Cambridge");
  await page.getByLabel("Postcode (optional)").fill("cb2 0qq");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByRole("button", { name: "Add the hospital" }).click();
  await expect(errorSummary(page)).toContainText("The organisation code RGT01 is already used by Addenbrooke's Hospital.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Cambridge Test Clinic");
  await expect(page.getByLabel("Training region")).toHaveValue(/.+/);
  await page.getByLabel("Organisation code").fill("rgt88");
  await page.getByRole("button", { name: "Add the hospital" }).click();
  await expect(page.getByRole("status")).toHaveText("Cambridge Test Clinic has been added to the list.");
  await expect(page.getByText("RGT88", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Importing: a preview first, then exactly that.
  await page.getByRole("link", { name: "Back to the hospitals" }).click();
  await page.getByRole("link", { name: "Import the NHS organisation files" }).click();
  await expectAccessible(page);
  await page.getByLabel("Sites file").setInputFiles(sitesFile(ETS));
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("heading", { name: "1 hospital will be added" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Cambridge Diagnostic Centre/ })).toContainText("East of England");
  await expect(page.getByRole("heading", { name: "1 hospital will change" })).toBeVisible();
  await expect(page.getByText("trust code: none → RGT")).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 hospital will be retired" })).toBeVisible();
  await expect(page.getByText("Cambridge Test Clinic (RGT88): closed on 01/01/2024")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Apply these changes" }).click();
  await expect(page.getByRole("status")).toHaveText("The import is done: 1 added, 1 changed, 1 retired. Importing the same files again would change nothing.");
  await expectAccessible(page);

  await page.getByLabel("Sites file").setInputFiles(sitesFile(ETS));
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("status")).toHaveText("Nothing to change: the list already matches these files.");
  await expect(page.getByRole("button", { name: "Apply these changes" })).toHaveCount(0);
  await expectAccessible(page);

  // The list says so, and fits a narrow screen.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/dashboard/hospitals?q=RGT8");
  await expect(page.getByRole("row", { name: /Cambridge Diagnostic Centre/ })).toContainText("On the list");
  await expect(page.getByRole("row", { name: /Cambridge Test Clinic/ })).toContainText("Retired");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});
