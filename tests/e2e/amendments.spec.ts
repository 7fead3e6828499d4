import { expect, expectAccessible, signIn, test } from "./fixtures";

// A lead extends the collection window of their approved project; the committee's chair
// (committee@example.org) approves the amendment; a site lead of the project is told what changed.
// Tom Okafor (lead@example.org) leads the flagship, collecting data; Catriona MacLeod
// (sitelead@example.org) leads its site at Addenbrooke's.
const SLUG = "ctpa-yield-emergency-department";

test("a lead amends the collection window, the chair approves it, and a site lead is told", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}/amendments`);
  await expect(page.getByRole("heading", { level: 1, name: "Amendments" })).toBeVisible();
  // The demo's approved amendment, which extended the window once already.
  await expect(page.getByRole("heading", { level: 3, name: /Amendment 1/ })).toContainText("approved");
  await expectAccessible(page);

  const ends = page.getByRole("group", { name: "Data collection ends" });
  await ends.getByLabel("Day").fill("31");
  await ends.getByLabel("Month").fill("3");
  await ends.getByLabel("Year").fill("2028");
  await expect(page.getByText("they become a co-lead only if they accept it", { exact: false })).toBeVisible();
  await page.getByLabel("Why the project needs this change").fill("Three sites joined late and need time to reach their targets.");
  await page.getByRole("button", { name: "Send the amendment to the committee" }).click();
  await expect(page.getByRole("status")).toContainText("Amendment 2 has been sent to the committee");
  await expect(page.getByText("Amendment 2 is waiting for the committee.", { exact: false })).toBeVisible();
  await page.getByRole("link", { name: "See amendment 2 as the committee reads it" }).click();
  await expect(page.getByText("You lead this project, so you cannot decide on its amendments.")).toBeVisible();
  const amendmentUrl = new URL(page.url()).pathname;

  await page.context().clearCookies();
  await signIn(page, "committee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(amendmentUrl);
  await expect(page.getByRole("heading", { level: 1, name: /Amendment 2 to/ })).toBeVisible();
  const comparison = page.getByRole("table", { name: "Fields amendment 2 changes" });
  await expect(comparison.getByRole("row", { name: /Data collection ends/ })).toContainText("31 March 2028");
  await expect(page.getByText("Three sites joined late")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Approve the amendment" }).check();
  await page.getByLabel("Message to the leads").fill("Approved.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status")).toContainText("The amendment is approved and applied to the project.");

  await page.context().clearCookies();
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/notifications");
  await expect(page.getByText("The collection window now ends on 31 March 2028.", { exact: false })).toBeVisible();
});
