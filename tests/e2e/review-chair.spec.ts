import { errorSummary, expect, expectAccessible, readMailbox, signIn, test, type CaughtEmail } from "./fixtures";

const OPEN_CALL = "Winter call: safer imaging pathways";
const CLOSED_CALL = "Spring call: audit in the emergency department";

/** A day as the UK reads it, `days` from today, and as the pages write it ("30 Nov 2026"). */
function ukDay(days: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const day = new Date(new Date(`${today}T00:00:00Z`).getTime() + days * 24 * 60 * 60 * 1000);
  return {
    parts: { day: String(day.getUTCDate()), month: String(day.getUTCMonth() + 1), year: String(day.getUTCFullYear()) },
    shown: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(day),
  };
}

async function waitForMail(match: (email: CaughtEmail) => boolean, timeoutMs = 20_000): Promise<CaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMailbox()).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("The e-mail did not arrive");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("the chair filters the queue by call, assigns a reviewer due tomorrow, and the reminder is recorded and e-mailed", async ({ page }) => {
  await signIn(page, "committee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/review");
  await expect(page.getByRole("heading", { level: 1, name: "Proposals to review" })).toBeVisible();

  // The queue by call: only the open call's proposals, each saying so, the address keeping the filter.
  await page.getByLabel("Call for proposals").selectOption({ label: OPEN_CALL });
  await page.getByRole("button", { name: "Show proposals" }).click();
  await expect(page).toHaveURL(/[?&]call=[0-9a-f-]{36}/);
  const rows = page.getByRole("table", { name: "Proposals waiting for review" }).getByRole("row").filter({ has: page.getByRole("rowheader") });
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) await expect(rows.nth(i).getByRole("cell", { name: OPEN_CALL })).toBeVisible();
  await expect(page.getByRole("cell", { name: CLOSED_CALL })).toHaveCount(0);
  await expectAccessible(page);

  // The demo's assignment due in a week shows in the queue.
  await expect(page.getByRole("cell", { name: /^1, first due|^2, first due/ }).first()).toBeVisible();

  // A proposal nobody is asked to review yet.
  const unassigned = rows.filter({ has: page.getByRole("cell", { name: /^None/ }) }).first();
  await unassigned.getByRole("link", { name: /^Reviewers/ }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("Reviewers of ");
  const title = ((await heading.textContent()) ?? "").replace("Reviewers of ", "").trim();
  await expect(page.getByText("Nobody has been asked to review this version yet.")).toBeVisible();
  await expectAccessible(page);

  // A date in the past is refused at the field, and what was chosen stays.
  const reviewerSelect = page.getByLabel("Committee member");
  const reviewer = ((await reviewerSelect.locator("option").nth(1).textContent()) ?? "").trim();
  await reviewerSelect.selectOption({ label: reviewer });
  const yesterday = ukDay(-1).parts;
  const dueDate = page.getByRole("group", { name: "Due date" });
  await dueDate.getByLabel("Day").fill(yesterday.day);
  await dueDate.getByLabel("Month").fill(yesterday.month);
  await dueDate.getByLabel("Year").fill(yesterday.year);
  await page.getByRole("button", { name: "Assign the reviewer" }).click();
  await expect(errorSummary(page)).toContainText("Due date must be today or in the future");
  await expect(page.getByLabel("Committee member")).toHaveValue(/[0-9a-f-]{36}/);

  // Tomorrow: assigned, told, and (within two days) reminded at once.
  const tomorrow = ukDay(1);
  await dueDate.getByLabel("Day").fill(tomorrow.parts.day);
  await dueDate.getByLabel("Month").fill(tomorrow.parts.month);
  await dueDate.getByLabel("Year").fill(tomorrow.parts.year);
  await page.getByRole("button", { name: "Assign the reviewer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is asked to review" })).toContainText(
    `${reviewer} is asked to review this version by`,
  );
  await expect(page.getByRole("status").filter({ hasText: "is asked to review" })).toContainText("a reminder was sent too");
  const row = page.getByRole("row", { name: new RegExp(reviewer) });
  await expect(row.getByRole("cell", { name: tomorrow.shown })).toBeVisible();
  await expect(row.getByRole("cell", { name: `Reminded on ${ukDay(0).shown}` })).toBeVisible();
  await expectAccessible(page);

  // The reviewer's e-mails: the assignment, with a link to the proposal, and the reminder.
  const assigned = await waitForMail((mail) => mail.subject === "You are asked to review a proposal" && mail.text.includes(title));
  expect(assigned.text).toContain(`Dear ${reviewer},`);
  expect(assigned.text).toContain("The chair of the RADIANT committee assigned this review to you.");
  const reminder = await waitForMail((mail) => mail.subject === "Reminder: a review is due soon" && mail.text.includes(title));
  expect(reminder.to).toEqual(assigned.to);

  // The chair's reminder now is said and recorded; the reviewer leaves the candidates.
  await row.getByRole("button", { name: `Send a reminder now to ${reviewer}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "reminder has been sent" })).toHaveText(`A reminder has been sent to ${reviewer}.`);
  await expect(page.getByLabel("Committee member").getByRole("option", { name: reviewer, exact: true })).toHaveCount(0);

  // Back in the queue, the proposal shows its reviewer and due date.
  await page.goto("/dashboard/review");
  await expect(page.getByRole("row", { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).getByRole("cell", { name: new RegExp(`^1, first due ${tomorrow.shown}`) })).toBeVisible();
});

test("an administrator runs the calls; a member who is neither chair nor administrator finds no calls or reviewers page", async ({ page }) => {
  await signIn(page, "admin@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/review/calls");
  await expect(page.getByRole("heading", { level: 1, name: "Calls for proposals" })).toBeVisible();
  await expect(page.getByRole("cell", { name: OPEN_CALL })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  for (const path of ["/dashboard/review/calls", "/dashboard/review/00000000-0000-4000-8000-000000000000/reviewers"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
});
