import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { fillDate } from "../support/date-fields";

const errorSummary = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });

async function switchTo(page: Page, email: string) {
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard/);
}

async function review(page: Page, proposalId: string, recommendation: "Approve" | "Request changes", comment: string) {
  await page.goto(`/dashboard/review/${proposalId}`);
  await expectAccessible(page);
  await page.getByRole("group", { name: "Importance" }).getByLabel("4").check();
  await page.getByRole("group", { name: "Feasibility" }).getByLabel("3").check();
  await page.getByRole("group", { name: "Clarity" }).getByLabel("5").check();
  await page.getByLabel("Comments for the leads").fill(comment);
  await page.getByRole("group", { name: "Your recommendation" }).getByLabel(recommendation).check();
  await page.getByRole("button", { name: "Send review" }).click();
  await expect(page.getByRole("status")).toHaveText("Your review has been recorded.");
  await expect(page.getByText("You have reviewed this version.")).toBeVisible();
}

async function decide(page: Page, proposalId: string, decision: "Approve" | "Request changes", message: string) {
  await page.goto(`/dashboard/review/${proposalId}`);
  await page.getByRole("group", { name: "The committee's decision" }).getByLabel(decision).check();
  await page.getByLabel("Message to the leads").fill(message);
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status")).toHaveText("The decision has been recorded and the leads have been told.");
  await expectAccessible(page);
}

test("a member proposes over two visits; two reviewers and a chair ask for changes; the revision is approved and opened to sites", async ({ page }) => {
  test.setTimeout(300_000);
  const title = `Reporting times of CT head after minor head injury ${Date.now()}`;

  // First visit: a title and half a lay summary, saved as a draft.
  await signIn(page, "trainee@example.org");
  await page.getByRole("link", { name: "Propose a project" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Propose a project" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Lay summary").fill("We will find out how quickly");
  await expect(page.getByText("6 of 300 words")).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Your draft has been saved.");
  const proposalId = /\/dashboard\/proposals\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  await expectAccessible(page);

  // Nobody else can open the draft, not even the committee.
  await switchTo(page, "admin@example.org");
  for (const path of [`/dashboard/proposals/${proposalId}`, `/dashboard/review/${proposalId}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }

  // Second visit: the draft is where it was left; a bad number is kept in the form while the rest is saved.
  await switchTo(page, "trainee@example.org");
  await page.getByRole("link", { name: "Your proposals and projects" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Lay summary")).toHaveValue("We will find out how quickly");
  await page.getByLabel("Lay summary").fill("We will find out how quickly CT head scans are reported after a minor head injury in adults.");
  await page.getByLabel("Target number of sites").fill("twenty");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Your draft has been saved, apart from the fields marked below.")).toBeVisible();
  await expect(errorSummary(page).getByRole("link", { name: "Enter the target number of sites as a whole number, like 20" })).toBeVisible();
  await expect(page.getByLabel("Target number of sites")).toHaveValue("twenty");
  await expectAccessible(page);

  // Leaving and coming back loses nothing: the bad number is still there, with why.
  await page.goto("/dashboard/proposals");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByText("Some of what you typed last time could not be saved as it was.")).toBeVisible();
  await expect(page.getByLabel("Target number of sites")).toHaveValue("twenty");
  await expect(errorSummary(page).getByRole("link", { name: "Enter the target number of sites as a whole number, like 20" })).toBeVisible();
  await expect(page.getByLabel("Lay summary")).toHaveValue(/minor head injury in adults/);

  // A co-lead found by name: two members share the surname, so the lead chooses between them.
  await page.getByLabel("Invite a co-lead (optional)").fill("Cameron");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(errorSummary(page).getByRole("link", { name: /More than one member matches “Cameron”/ })).toBeVisible();
  const which = page.getByRole("group", { name: "Which member do you mean?" });
  await expect(which.getByRole("radio")).toHaveCount(2);
  await expectAccessible(page);
  // The choice waits for the lead across visits, with the name typed.
  await page.reload();
  await expect(which.getByRole("radio")).toHaveCount(2);
  await expect(page.getByLabel("Invite a co-lead (optional)")).toHaveValue("Cameron");
  await which.getByRole("radio", { name: /^Yuki Cameron, / }).check();
  await page.getByRole("button", { name: "Save draft" }).click();
  // Invited, not a co-lead until they accept: listed apart, and said so.
  await expect(page.getByText("An invitation to be a co-lead was sent to Yuki Cameron")).toBeVisible();
  await expect(page.getByRole("group", { name: "Invited as co-leads, waiting for an answer" }).getByRole("checkbox", { name: "Yuki Cameron" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Co-leads", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Target number of sites")).toHaveValue("twenty");

  // Submitting says exactly what is missing.
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Your draft has been saved, but it cannot be submitted yet.")).toBeVisible();
  for (const message of ["Enter the background", "Enter the aims", "Select the study design", "Select the governance route", "Select at least one modality", "Enter the primary outcome", "Enter the supervising consultant's name"]) {
    await expect(errorSummary(page).getByRole("link", { name: message })).toBeVisible();
  }
  await expect(page.getByLabel("Lay summary")).toHaveValue(/minor head injury in adults/);

  await page.getByLabel("Background").fill("NICE expects CT head within one hour for adults with risk factors after head injury.");
  await page.getByLabel("Aims", { exact: true }).fill("To measure the time from request to report.");
  await page.getByLabel("Primary outcome").fill("Proportion reported within one hour of request.");
  await page.getByLabel("Methods").fill("Retrospective review of four weeks of consecutive requests.");
  await page.getByLabel("Study design").selectOption("AUDIT");
  await page.getByRole("checkbox", { name: "CT", exact: true }).check();
  await page.getByRole("checkbox", { name: "Emergency" }).check();
  await page.getByLabel("Data items to be collected").fill("Age\nTime of request\nTime of report");
  await page.getByLabel("Governance route").selectOption("LOCAL_REGISTRATION");
  await fillDate(page, "Data collection starts", "1 3 2027");
  await fillDate(page, "Data collection ends", "31 5 2027");
  await page.getByLabel("Target number of sites").fill("20");
  await page.getByLabel("Target cases per site").fill("50");
  await page.getByLabel("Supervising consultant", { exact: true }).fill("Dr Jane Smith");
  await page.getByLabel("Supervising consultant's e-mail address").fill("jane.smith@nhs.example.net");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your proposal has been submitted.");
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The committee is told, and two members review.
  await switchTo(page, "committee@example.org");
  await expect(page.getByRole("link", { name: /Notifications \d+ unread/ })).toBeVisible();
  await page.getByRole("link", { name: /Notifications/ }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: `New proposal to review: ${title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/review/${proposalId}`));
  await review(page, proposalId, "Request changes", "Say how cases will be found on RIS.");
  await expect(page.getByText("There is 1 so far.")).toBeVisible();

  await switchTo(page, "admin@example.org");
  await page.goto("/dashboard/review");
  await expectAccessible(page);
  await page.getByRole("link", { name: title, exact: true }).click();
  await review(page, proposalId, "Request changes", "Define the inclusion criteria.");

  // The chair asks for changes.
  await switchTo(page, "committee@example.org");
  await decide(page, proposalId, "Request changes", "Please define inclusion criteria and case finding, then resubmit.");

  // The lead sees the comments beside the form, revises and resubmits.
  await switchTo(page, "trainee@example.org");
  await page.goto("/dashboard/notifications");
  await page.getByRole("link", { name: `The committee asked for changes to your proposal: ${title}` }).click();
  await expect(page.getByRole("heading", { name: "Revise your proposal" })).toBeVisible();
  const feedback = page.getByRole("complementary", { name: "The committee’s decision" });
  await expect(feedback).toContainText("Please define inclusion criteria and case finding, then resubmit.");
  await expect(feedback).toContainText("Say how cases will be found on RIS.");
  await expect(feedback).toContainText("Define the inclusion criteria.");
  await expectAccessible(page);
  await page.getByLabel("Methods").fill("Consecutive adult CT head requests found on RIS over four weeks; adults 16 and over with a head injury.");
  await page.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your proposal has been submitted.");

  // The committee sees what changed, reviews the new version, and the chair approves.
  await switchTo(page, "committee@example.org");
  await page.goto(`/dashboard/review/${proposalId}`);
  const changes = page.getByRole("table", { name: "Fields changed from version 1 to version 2" });
  await expect(changes.getByRole("row")).toHaveCount(2);
  await expect(changes.getByRole("rowheader")).toHaveText("Methods");
  await expect(changes).toContainText("Consecutive adult CT head requests found on RIS");
  await review(page, proposalId, "Approve", "Much clearer now.");
  await switchTo(page, "admin@example.org");
  await review(page, proposalId, "Approve", "Good to go.");
  await switchTo(page, "committee@example.org");
  await decide(page, proposalId, "Approve", "Approved. Please open the project to sites.");

  // The lead opens it to sites; starting collection is refused with the reason.
  await switchTo(page, "trainee@example.org");
  await page.goto(`/dashboard/proposals/${proposalId}`);
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Open to sites" }).click();
  const dialog = page.getByRole("dialog", { name: "Open the project to sites?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Open to sites" }).click();
  await expect(page.getByRole("status")).toHaveText("The project is now: open to sites.");
  await page.getByRole("button", { name: "Start data collection" }).click();
  await page.getByRole("dialog", { name: "Start data collection?" }).getByRole("button", { name: "Start data collection" }).click();
  await expect(
    page.getByRole("alert").filter({
      hasText:
        "Data collection cannot start until at least one site has its governance checklist complete and checked by a project lead (and, for research, the project's IRAS number and REC reference are recorded).",
    }),
  ).toBeVisible();
  await expect(page.getByText("Open to sites", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/projects");
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("two tabs editing the same draft: the later save is refused with a clear message and keeps its text", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/proposals");
  await expectAccessible(page);
  const draftRow = page.getByRole("row").filter({ hasText: "Draft" }).first();
  await draftRow.getByRole("link").click();
  await expect(page).toHaveURL(/\/dashboard\/proposals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Your proposal", exact: true })).toBeVisible();
  const url = page.url();

  const other = await (await browser.newContext()).newPage();
  await signIn(other, "lead@example.org");
  await expect(other).toHaveURL(/\/dashboard/);
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "Your proposal", exact: true })).toBeVisible();

  await page.getByLabel("Aims", { exact: true }).fill("Aims as saved in the first tab.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Your draft has been saved.");

  await other.getByLabel("Aims", { exact: true }).fill("Aims typed in the second tab.");
  await other.getByRole("button", { name: "Save draft" }).click();
  await expect(errorSummary(other)).toContainText("Another lead saved changes to this proposal after you opened it");
  await expect(other.getByLabel("Aims", { exact: true })).toHaveValue("Aims typed in the second tab.");
  await expectAccessible(other);

  await page.reload();
  await expect(page.getByLabel("Aims", { exact: true })).toHaveValue("Aims as saved in the first tab.");
  await other.context().close();
});

test("the demo committee member finds the seeded proposals waiting, with the changes between versions", async ({ page }) => {
  await signIn(page, "committee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Proposals to review" }).click();
  await expectAccessible(page);
  const toReview = page.getByRole("row").filter({ hasText: "To review" });
  expect(await toReview.count()).toBeGreaterThanOrEqual(2);
  await page.getByRole("row").filter({ hasText: "In review" }).first().getByRole("link").first().click();
  await expect(page.getByRole("table", { name: "Fields changed from version 1 to version 2" })).toContainText("Methods");
  await expectAccessible(page);
});
