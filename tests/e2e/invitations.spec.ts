import type { Page } from "@playwright/test";
import { fillDate } from "../support/date-fields";
import { errorSummary, expect, expectAccessible, linkIn, signIn, test, waitForEmail } from "./fixtures";

const SLUG = "ctpa-yield-emergency-department";
const TEAM = `/dashboard/projects/${SLUG}/sites/RGT01/team`;
const FLAGSHIP = "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit";
const NARROW = { width: 320, height: 900 };

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("a site lead invites a colleague with no account, who signs up from the e-mail, and joins the team by accepting", async ({ page }) => {
  test.setTimeout(180_000);
  const colleague = { name: "Niamh Ní Bhriain", email: `niamh.${Date.now()}@example.net`, password: "a strong pass phrase" };

  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(TEAM);
  await expect(page.getByRole("heading", { level: 1, name: "Addenbrooke's Hospital" })).toBeVisible();
  const invite = page.getByRole("region", { name: "Invite someone to the team" });
  // A bad address is refused at the field, and nothing is sent.
  await invite.getByLabel("E-mail address").fill("niamh@");
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter an e-mail address in the correct format, like name@example.org" })).toBeVisible();
  await expect(errorSummary(page)).toBeFocused();
  await expectAccessible(page);

  // A stranger and a member get the same answer: the page does not tell who has an account, or where they take part.
  await invite.getByLabel("E-mail address").fill(colleague.email);
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(invite.getByRole("status")).toHaveText(`An invitation was sent to ${colleague.email}.`);
  await invite.getByLabel("E-mail address").fill("admin@example.org");
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(invite.getByRole("status")).toHaveText("An invitation was sent to admin@example.org.");
  // Invited people are listed apart from the team, and hold no place in it.
  const waiting = page.getByRole("region", { name: "Invitations waiting for an answer" });
  await expect(waiting).toContainText(colleague.email);
  await expect(waiting).toContainText("admin@example.org");
  const team = page.getByRole("table", { name: /Confirmed members of the team/ });
  await expect(team).not.toContainText("Sam Whitfield");
  await page.setViewportSize(NARROW);
  await expectAccessible(page);
  // The inviter takes one back.
  await waiting.getByRole("button", { name: "Withdraw the invitation to admin@example.org" }).click();
  await expect(waiting).not.toContainText("admin@example.org");
  await expect(waiting).toContainText(colleague.email);
  await signOut(page);

  // The colleague follows the e-mail's link: the sign-up form has the address filled in.
  const email = await waitForEmail(colleague.email, "Invitation to join the team at Addenbrooke's Hospital");
  expect(email.text).toContain("Catriona MacLeod invited you to be a collaborator at Addenbrooke's Hospital");
  expect(email.text).toContain("You are getting this e-mail because Catriona MacLeod");
  await page.goto(linkIn(email, "/signup"));
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expect(page.getByLabel("E-mail address")).toHaveValue(colleague.email);
  await page.getByLabel("Full name").fill(colleague.name);
  await page.getByLabel("Password").fill(colleague.password);
  await page.getByLabel("Grade").selectOption("ST2");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Addenbrooke's Hospital, Cambridge" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create account" }).click();

  // Signed up through the link sent to the address, which confirms it; the invitation is waiting.
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("status").filter({ hasText: "your e-mail address is confirmed" })).toBeVisible();
  const invitations = page.getByRole("region", { name: "Invitations" });
  const card = invitations.getByRole("article", { name: `Collaborator at Addenbrooke's Hospital in “${FLAGSHIP}”` });
  await expect(card).toContainText("Catriona MacLeod invited you on");
  await expect(card).toContainText("The invitation is open until");
  await expectAccessible(page);
  await card.getByRole("button", { name: /^Accept/ }).click();
  const answer = invitations.getByRole("status");
  await expect(answer).toContainText(`You are now a collaborator at Addenbrooke's Hospital in “${FLAGSHIP}”.`);
  await expect(answer).toBeFocused();
  await expect(invitations.getByRole("article")).toHaveCount(0);
  await expectAccessible(page);
  await answer.getByRole("link", { name: "See your research" }).click();
  await expect(page.getByText(FLAGSHIP).first()).toBeVisible();
  await signOut(page);

  // The site lead is told, and finds them in the team.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/notifications");
  await expect(page.getByText(`${colleague.name} accepted your invitation to be a collaborator at Addenbrooke's Hospital`)).toBeVisible();
  await page.goto(TEAM);
  await expect(page.getByRole("table", { name: /Confirmed members of the team/ }).getByRole("rowheader", { name: new RegExp(colleague.name) })).toBeVisible();
  // Their invitation no longer waits (others' specs may leave invitations of their own at this site).
  await expect(page.getByRole("region", { name: "Invitations waiting for an answer" }).filter({ hasText: colleague.email })).toHaveCount(0);
});

async function fillProposal(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Lay summary").fill("We will find out how often follow-up imaging of incidental adrenal nodules follows guidance.");
  await page.getByLabel("Background").fill("Incidental adrenal nodules are common on CT, and guidance on follow-up is often not followed.");
  await page.getByLabel("Aims", { exact: true }).fill("To measure adherence to follow-up guidance.");
  await page.getByLabel("Primary outcome").fill("Proportion of nodules followed up as the guidance recommends.");
  await page.getByLabel("Methods").fill("Retrospective review of reports over three months.");
  await page.getByLabel("Study design").selectOption("AUDIT");
  await page.getByRole("checkbox", { name: "CT", exact: true }).check();
  await page.getByLabel("Data items to be collected").fill("Nodule size\nFollow-up recommended\nFollow-up done");
  await page.getByLabel("Governance route").selectOption("LOCAL_REGISTRATION");
  await fillDate(page, "Data collection starts", "1 4 2027");
  await fillDate(page, "Data collection ends", "30 6 2027");
  await page.getByLabel("Target number of sites").fill("15");
  await page.getByLabel("Target cases per site").fill("40");
  await page.getByLabel("Supervising consultant", { exact: true }).fill("Dr Rhys Morgan");
  await page.getByLabel("Supervising consultant's e-mail address").fill("rhys.morgan@nhs.example.net");
}

test("a committee member invited as co-lead keeps reviewing until they accept, and leads rather than reviews once they do", async ({ page }) => {
  test.setTimeout(180_000);
  const title = `Follow-up of incidental adrenal nodules ${Date.now()}`;

  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/proposals/new");
  await fillProposal(page, title);
  await page.getByLabel("Invite a co-lead (optional)").fill("committee@example.org");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your proposal has been submitted.");
  const proposalId = /\/dashboard\/proposals\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  // Invited, not yet a co-lead.
  const invited = page.getByRole("region", { name: "Invited as co-leads, waiting for an answer" });
  // Shown by the address the lead typed, never by the name of whoever holds it.
  await expect(invited).toContainText("committee@example.org");
  await expect(invited).not.toContainText("Helen Price");
  await expectAccessible(page);
  await signOut(page);

  const email = await waitForEmail("committee@example.org", `Invitation to be a co-lead of “${title}”`);
  expect(linkIn(email, "/dashboard")).toContain("/dashboard#invitations");

  await signIn(page, "committee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  const card = page.getByRole("region", { name: "Invitations" }).getByRole("article", { name: `Co-lead of “${title}”` });
  await expect(card).toContainText("Tom Okafor invited you on");
  // Until they accept, they are a reviewer like any other, and not a lead.
  await page.goto(`/dashboard/review/${proposalId}`);
  await expect(page.getByRole("button", { name: "Send review" })).toBeVisible();
  await page.goto(`/dashboard/proposals/${proposalId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

  await page.goto("/dashboard");
  await page.setViewportSize(NARROW);
  await expectAccessible(page);
  await card.getByRole("button", { name: /^Accept/ }).click();
  await expect(page.getByRole("region", { name: "Invitations" }).getByRole("status")).toContainText(`You are now a co-lead of “${title}”.`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Open the proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  // Now a lead: the review page no longer lets them review.
  await page.goto(`/dashboard/review/${proposalId}`);
  await expect(page.getByText("You lead this proposal, so you cannot review it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send review" })).toHaveCount(0);
});
