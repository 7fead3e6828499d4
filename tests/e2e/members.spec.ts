import { expect, expectAccessible, finishSignUp, signIn, test } from "./fixtures";

test("an administrator makes a new member a committee member, who is told and can then review", async ({ page }) => {
  const email = `new.reviewer.${Date.now()}@example.net`;
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Ngozi Reviewer");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill("a strong pass phrase");
  await page.getByLabel("Grade").selectOption("ST4");
  await page.getByLabel("Find your home hospital").fill("addenb");
  await expect(page.getByText("1 hospital matches")).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, email, "a strong pass phrase");
  await expect(page.getByRole("link", { name: "Members and roles" })).toHaveCount(0);
  await page.goto("/dashboard/members");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, "admin@example.org");
  await page.getByRole("link", { name: "Members and roles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members and roles" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name or e-mail address").fill(email);
  await page.getByRole("button", { name: "Find members" }).click();
  await expect(page.getByRole("status").filter({ hasText: "found" })).toHaveText("1 member found.");
  const row = page.getByRole("row", { name: /Ngozi Reviewer/ });
  await expect(row.getByRole("cell", { name: "Member", exact: true })).toBeVisible();

  // The change asks first; cancelling changes nothing.
  await row.getByRole("button", { name: "Make committee member for Ngozi Reviewer" }).click();
  const dialog = page.getByRole("dialog", { name: "Make Ngozi Reviewer a committee member?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("cell", { name: "Member", exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Make committee member for Ngozi Reviewer" }).click();
  await dialog.getByRole("button", { name: "Make committee member" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is now" })).toHaveText("Ngozi Reviewer is now a committee member. They have been told in the portal.");
  // The button pressed is gone with the old role; focus is on the answer, not lost.
  await expect(page.getByRole("status").filter({ hasText: "is now" })).toBeInViewport();
  expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Ngozi Reviewer is now a committee member.");
  await expect(row.getByRole("cell", { name: "Committee member", exact: true })).toBeVisible();
  await expectAccessible(page);

  // The administrator's own row offers no change.
  await page.getByLabel("Name or e-mail address").fill("admin@example.org");
  await page.getByRole("button", { name: "Find members" }).click();
  await expect(page.getByRole("row", { name: /admin@example.org/ })).toContainText("another administrator can change your role");

  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, "a strong pass phrase");
  await expect(page.getByText("You are signed in as")).toContainText("Committee member");
  await page.goto("/dashboard/notifications");
  await expect(page.getByText("You are now a member of the review committee")).toBeVisible();
  await page.goto("/dashboard/review");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Page not found");
});
