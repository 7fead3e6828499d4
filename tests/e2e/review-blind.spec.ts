import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { fillDate } from "../support/date-fields";

// A seeded committee member other than the demo account (lib/seed/plan.ts), and one more who
// moves to the lead's hospital before declaring a conflict.
const SECOND_REVIEWER = "sophie.griffiths@nhs.example.net";
const COLLEAGUE_OF_THE_LEAD = "jiwoo.obrien@nhs.example.net";

async function switchTo(page: Page, email: string) {
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard/);
}

async function review(page: Page, proposalId: string, comment: string) {
  await page.goto(`/dashboard/review/${proposalId}`);
  await page.getByRole("group", { name: "Importance" }).getByLabel("4 good").check();
  await page.getByRole("group", { name: "Feasibility" }).getByLabel("2 weak").check();
  await page.getByRole("group", { name: "Clarity" }).getByLabel("5 excellent").check();
  await page.getByLabel("Comments for the leads").fill(comment);
  await page.getByRole("group", { name: "Your recommendation" }).getByLabel("Request changes").check();
  await page.getByRole("button", { name: "Send review" }).click();
  await expect(page.getByRole("status")).toHaveText("Your review has been recorded.");
}

test("reviews stay blind until one's own is in, and a member at the lead's hospital declares a conflict and drops out", async ({ page }) => {
  test.setTimeout(300_000);

  // The lead submits a draft, and we note their home hospital.
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/profile");
  const region = (await page.getByLabel("Training region").locator("option:checked").textContent())!.trim();
  const hospital = (await page.getByLabel("Home hospital", { exact: true }).locator("option:checked").textContent())!.trim();
  await page.goto("/dashboard/proposals");
  await page.getByRole("row").filter({ hasText: "Draft" }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/dashboard\/proposals\/[0-9a-f-]{36}$/);
  const proposalId = /\/dashboard\/proposals\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await fillDate(page, "Data collection starts", "1 3 2027");
  await fillDate(page, "Data collection ends", "31 5 2027");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your proposal has been submitted.");

  // The first reviewer reads the scale beside each score, and sends theirs.
  await switchTo(page, "committee@example.org");
  await page.goto(`/dashboard/review/${proposalId}`);
  await expect(page.getByRole("group", { name: "Feasibility" })).toContainText("1 (poor): sites could not collect the data as described");
  await review(page, proposalId, "The first reviewer's comment.");
  await expect(page.getByText("There is 1 so far.")).toBeVisible();

  // The second sees how many are in but nothing of them, until they send their own.
  await switchTo(page, SECOND_REVIEWER);
  await page.goto(`/dashboard/review/${proposalId}`);
  await expect(page.getByText("1 of the 2 reviews needed for a decision on version 1 are in.")).toBeVisible();
  await expect(page.getByText(/^Reviews are blind/)).toBeVisible();
  await expect(page.getByText("The first reviewer's comment.")).toHaveCount(0);
  await expectAccessible(page);
  await review(page, proposalId, "The second reviewer's comment.");
  const sideBySide = page.getByRole("list", { name: "The reviews of version 1, side by side" });
  await expect(sideBySide.getByRole("listitem")).toHaveCount(2);
  await expect(sideBySide.getByRole("listitem").first()).toContainText("The first reviewer's comment.");
  await expect(sideBySide.getByRole("listitem").last()).toContainText("The second reviewer's comment.");
  await expect(page.getByText("Lowest 2, median 2, highest 2")).toBeVisible();
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The first reviewer now sees the second's review too.
  await switchTo(page, "committee@example.org");
  await page.goto(`/dashboard/review/${proposalId}`);
  await expect(page.getByText("The second reviewer's comment.")).toBeVisible();

  // A member moves to the lead's hospital: the page suggests a declaration, and they make it.
  await switchTo(page, COLLEAGUE_OF_THE_LEAD);
  await page.goto("/dashboard/profile");
  await page.getByLabel("Training region").selectOption({ label: region });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: hospital });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Your profile has been saved.");
  await page.goto(`/dashboard/review/${proposalId}`);
  await expect(page.getByText("Your home hospital is the home hospital of a lead of this proposal.")).toBeVisible();
  await expect(page.getByText("The first reviewer's comment.")).toHaveCount(0);
  const kind = page.getByRole("group", { name: "What is your conflict of interest?" });
  await expect(kind.getByLabel("Same hospital as a lead")).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Declare a conflict of interest" }).click();
  await expect(page.getByRole("status")).toHaveText("Your conflict of interest has been recorded. You no longer review or decide this proposal.");
  await expect(page.getByText(/^You declared a conflict of interest \(same hospital as a lead\) on .+: you do not review or decide this proposal\.$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send review" })).toHaveCount(0);
  await expect(page.getByText("You declared a conflict of interest in this proposal, so you do not review it.")).toBeVisible();
  await expect(page.getByText("The first reviewer's comment.")).toBeVisible();
  await expectAccessible(page);
});
