import type { Page } from "@playwright/test";
import { errorSummary, expect, expectAccessible, linkIn, signIn, test, waitForEmail } from "./fixtures";

const SLUG = "ctpa-yield-emergency-department";
const SITE = `/dashboard/projects/${SLUG}/sites/RGT01`;
const FLAGSHIP = "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit";
const NARROW = { width: 320, height: 900 };

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("a site lead names the supervising consultant and invites them; the consultant accepts and sees the site, changing nothing", async ({ page }) => {
  test.setTimeout(240_000);
  const consultant = { name: "Dr Rhys Morgan", email: `rhys.morgan.${Date.now()}@example.net`, password: "a strong pass phrase" };

  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(SITE);
  const section = page.getByRole("region", { name: "Supervising consultant" });
  await expect(section).toContainText("The site has not named its supervising consultant.");
  // A bad address is refused at its field, and what was typed stays.
  await section.getByLabel("Consultant's name").fill(consultant.name);
  await section.getByLabel("Role (optional)").fill("Consultant radiologist");
  await section.getByLabel("E-mail address (optional)").fill("rhys@");
  await section.getByRole("button", { name: "Save the consultant" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter the consultant's e-mail address in the correct format, like name@example.org" })).toBeVisible();
  await expect(section.getByLabel("Consultant's name")).toHaveValue(consultant.name);
  await expect(section.getByLabel("Role (optional)")).toHaveValue("Consultant radiologist");
  await expect(section).toContainText("The site has not named its supervising consultant.");
  await expectAccessible(page);

  await section.getByLabel("E-mail address (optional)").fill(consultant.email);
  await section.getByRole("button", { name: "Save the consultant" }).click();
  await expect(section.getByRole("status")).toHaveText(`${consultant.name} is named as the site's supervising consultant.`);
  await expect(section.getByRole("definition").filter({ hasText: consultant.email })).toBeVisible();
  await section.getByRole("button", { name: `Invite ${consultant.name} to observe` }).click();
  await expect(section).toContainText(`${consultant.name} was invited to observe the site on`);
  // The team sees the consultant too; its leads see the address.
  await page.goto(`${SITE}/team`);
  await expect(page.getByText(`${consultant.name}, Consultant radiologist (${consultant.email})`)).toBeVisible();
  await page.setViewportSize(NARROW);
  await page.goto(SITE);
  await expectAccessible(page);
  await signOut(page);

  // The consultant follows the e-mail's link, creates an account with that address, and accepts.
  const email = await waitForEmail(consultant.email, "Invitation to observe the team at Addenbrooke's Hospital");
  expect(email.text).toContain("Catriona MacLeod invited you to be an observer at Addenbrooke's Hospital");
  expect(email.text).toContain("without changing anything");
  await page.goto(linkIn(email, "/signup"));
  await expect(page.getByLabel("E-mail address")).toHaveValue(consultant.email);
  await page.getByLabel("Full name").fill(consultant.name);
  await page.getByLabel("Password").fill(consultant.password);
  await page.getByLabel("Grade").selectOption("OTHER");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Addenbrooke's Hospital, Cambridge" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // Nothing is granted before accepting.
  await page.goto(SITE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.goto("/dashboard");
  const invitations = page.getByRole("region", { name: "Invitations" });
  const card = invitations.getByRole("article", { name: `Observer (supervising consultant) at Addenbrooke's Hospital in “${FLAGSHIP}”` });
  await expect(card).toContainText("Catriona MacLeod invited you on");
  await card.getByRole("button", { name: /^Accept/ }).click();
  const answer = invitations.getByRole("status");
  await expect(answer).toContainText(`You are now an observer at Addenbrooke's Hospital in “${FLAGSHIP}”.`);
  await expect(page.getByRole("region", { name: "Sites you observe" }).getByRole("link", { name: "Addenbrooke's Hospital" })).toBeVisible();
  await answer.getByRole("link", { name: "Open the site" }).click();

  // The site's page, read-only: the consultant and who observes, no form, no button but their own.
  await expect(page.getByRole("heading", { level: 1, name: "Addenbrooke's Hospital" })).toBeVisible();
  const observed = page.getByRole("region", { name: "Supervising consultant" });
  await expect(observed.getByRole("definition").filter({ hasText: "Consultant radiologist" })).toBeVisible();
  await expect(observed).toContainText(`${consultant.name} (you), observing since`);
  await expect(observed).not.toContainText(consultant.email);
  await expect(page.getByRole("button", { name: "Save the consultant" })).toHaveCount(0);
  // The governance checklist is shown, with nothing to record, check or send back.
  await expect(page.getByRole("region", { name: "Governance checklist" })).toContainText("Local audit registration");
  await expect(page.getByRole("region", { name: "Governance checklist" }).getByRole("link")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /as checked$/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Move the site on" })).toHaveCount(0);
  await expect(observed.getByRole("button", { name: "Stop observing" })).toBeVisible();
  await expectAccessible(page);

  // The team without its addresses and without the site lead's forms; the progress without its form.
  await page.goto(`${SITE}/team`);
  await expect(page.getByRole("table", { name: /Confirmed members of the team/ })).toContainText("Catriona MacLeod");
  await expect(page.getByText("sitelead@example.org")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Invite someone to the team" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Invitations waiting for an answer" })).toHaveCount(0);
  await page.goto(`${SITE}/progress`);
  await expect(page.getByRole("heading", { name: "Record cases submitted" })).toHaveCount(0);
  await page.setViewportSize(NARROW);
  await page.goto(SITE);
  await expectAccessible(page);
});
