import { expect, expectAccessible, signIn, test } from "./fixtures";

// The demo's project run in four-week periods, with at most three collaborators per period; at the
// demo site lead's hospital the current period has two collaborators and two requests waiting for it.
const SLUG = "contrast-reaction-periods";
const TEAM = `/dashboard/projects/${SLUG}/sites/RGT01/team`;

test("a project with four-week periods caps each period's team at three: a fourth confirmation in the period is refused, one in another period is accepted", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(TEAM);
  await expect(page.getByRole("heading", { level: 1, name: "Addenbrooke's Hospital" })).toBeVisible();
  const members = page.getByRole("region", { name: "The team" });
  await expect(members.getByRole("heading", { level: 3, name: /^Period \d+/ }).first()).toBeVisible();
  await expect(members.getByRole("heading", { level: 3, name: "For all periods" })).toBeVisible();
  await expectAccessible(page);

  const requests = page.getByRole("region", { name: "Requests to join" }).getByRole("article");
  await expect(requests).toHaveCount(2);
  // Both asked for the current period, which has two of its three places taken.
  const asked = (await requests.first().getByRole("definition").last().textContent())!.trim();
  const current = asked.replace(/ \(.*$/, "");
  const currentSection = members.getByRole("region", { name: new RegExp(`^${current} \\(`) });
  await expect(currentSection).toContainText("2 of 3 places taken");

  // The third place in the period is taken.
  const first = requests.first();
  const firstName = (await first.getByRole("heading").textContent())!.trim();
  await expect(first.getByLabel(`Period to confirm ${firstName} for`)).toHaveValue(/.+/);
  await first.getByRole("button", { name: `Confirm ${firstName}` }).click();
  await expect(requests).toHaveCount(1);
  await expect(currentSection).toContainText("3 of 3 places taken");
  await expect(currentSection).toContainText(firstName);

  // A fourth in the same period is refused, with the reason, and nothing changes.
  const second = requests.first();
  const secondName = (await second.getByRole("heading").textContent())!.trim();
  await second.getByRole("button", { name: `Confirm ${secondName}` }).click();
  await expect(second.getByRole("alert")).toHaveText(`${current} at this site already has 3 collaborators, the most this project allows per period. Choose another period.`);
  await expect(currentSection).toContainText("3 of 3 places taken");
  await expectAccessible(page);

  // Confirmed for the next period instead, they join that period's team.
  const choice = second.getByLabel(`Period to confirm ${secondName} for`);
  const options = await choice.locator("option").allTextContents();
  const next = options[options.findIndex((option) => option.startsWith(`${current} (`)) + 1]!;
  await choice.selectOption({ label: next });
  await second.getByRole("button", { name: `Confirm ${secondName}` }).click();
  await expect(page.getByRole("region", { name: "Requests to join" })).toContainText("No requests are waiting.");
  const nextSection = members.getByRole("region", { name: new RegExp(`^${next.replace(/[()]/g, "\\$&")}`) });
  await expect(nextSection).toContainText(secondName);
  await expect(currentSection).not.toContainText(secondName);

  // The site's progress shows each period's dates, cases and team.
  await page.goto(`/dashboard/projects/${SLUG}/sites/RGT01/progress`);
  const table = page.getByRole("table", { name: "Cases and team by data-collection period at Addenbrooke's Hospital" });
  await expect(table.getByRole("row", { name: new RegExp(`^${current}`) })).toContainText("3 of 3 places taken");
  await expect(page.getByLabel("Data-collection period", { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("the lead sees the project's periods and what uses them", async ({ page }) => {
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}/periods`);
  await expect(page.getByRole("heading", { level: 1, name: "Data-collection periods" })).toBeVisible();
  const table = page.getByRole("table", { name: "The project's data-collection periods" });
  await expect(table.getByRole("row", { name: /\(now\)/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /\(ended\)/ }).first()).toBeVisible();
  // Periods in use stay as they are: making them again is refused, with the reason.
  await expect(page.getByRole("region", { name: "Make the periods again" })).toContainText("is in use");
  await expectAccessible(page);
});
