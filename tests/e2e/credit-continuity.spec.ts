import type { Page } from "@playwright/test";
import { confirmEmail, expect, expectAccessible, finishSignUp, signIn, test } from "./fixtures";

// A site never freezes (docs/decisions/026): the project lead acts for the site lead of a site
// they do not lead, and the site lead hands the site over to a member of the team, who accepts.
const SLUG = "ctpa-yield-emergency-department";
const SITE = `/dashboard/projects/${SLUG}/sites/RGT01`;
const FLAGSHIP = "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit";
const NARROW = { width: 320, height: 900 };

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** The signed-in person accepts the invitation to lead Addenbrooke's. */
async function acceptLeadInvitation(page: Page) {
  await page.goto("/dashboard");
  const invitations = page.getByRole("region", { name: "Invitations" });
  const card = invitations.getByRole("article", { name: `Site lead at Addenbrooke's Hospital in “${FLAGSHIP}”` });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: /^Accept/ }).click();
  await expect(invitations.getByRole("status")).toContainText(`You are now a site lead at Addenbrooke's Hospital in “${FLAGSHIP}”.`);
}

/** The signed-in site lead offers the site to `name`, from the site's page. */
async function handOverTo(page: Page, name: string) {
  await page.goto(SITE);
  const panel = page.getByRole("region", { name: "Who leads the site" });
  await panel.getByLabel("Who takes the site over").selectOption({ label: name });
  await panel.getByRole("button", { name: "Offer the site" }).click();
  await expect(panel.getByRole("status")).toContainText(`${name} is invited to take the site over.`);
  await expect(panel).toContainText(`${name} is invited to be a site lead in place of`);
}

test("a project lead acts for the site lead, and the site lead hands the site over to a member who accepts", async ({ page }) => {
  test.setTimeout(240_000);
  const member = { name: "Rowan Achterberg", email: `rowan.${Date.now()}@example.net`, password: "a strong pass phrase" };

  // A trainee at Addenbrooke's asks to join the flagship there.
  await page.goto("/signup");
  await page.getByLabel("Full name").fill(member.name);
  await page.getByLabel("E-mail address").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByLabel("Grade").selectOption("ST3");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Addenbrooke's Hospital, Cambridge" });
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, member.email, member.password);
  await confirmEmail(page, member.email);
  await page.goto(`/projects/${SLUG}`);
  const takePart = page.getByRole("region", { name: "Take part" });
  await expect(takePart.getByLabel("Hospital where you will take part").locator("option:checked")).toHaveText(/^Addenbrooke's Hospital/);
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(/waiting for the site lead/);
  await signOut(page);

  // The project lead, who does not lead Addenbrooke's, confirms the request for its site lead, told that it is recorded.
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`${SITE}/team`);
  await expect(page.getByText("You are acting for the site lead of Addenbrooke's Hospital.")).toBeVisible();
  await expect(page.getByText(/recorded as done for the site lead, and they are told/)).toBeVisible();
  await expectAccessible(page);
  const request = page.getByRole("article").filter({ has: page.getByRole("heading", { name: member.name }) });
  await request.getByRole("button", { name: `Confirm ${member.name}` }).click();
  const team = page.getByRole("table", { name: /Confirmed members of the team/ });
  await expect(team.getByRole("rowheader", { name: new RegExp(member.name) })).toBeVisible();

  // …and records the cases so far, with the same notice.
  await page.goto(`${SITE}/progress`);
  await expect(page.getByText("You are acting for the site lead of Addenbrooke's Hospital.")).toBeVisible();
  const record = page.getByRole("region", { name: "Record cases submitted" });
  const last = await record.getByText(/The last count was \d+\./).textContent();
  const current = Number(/The last count was (\d+)\./.exec(last ?? "")![1]);
  await record.getByLabel("Cases submitted so far").fill(String(current + 1));
  await record.getByRole("button", { name: "Record cases" }).click();
  await expect(record.getByRole("status")).toContainText(`Recorded: ${current + 1} cases so far.`);
  await expect(page.getByRole("table", { name: /Counts of cases submitted/ }).getByRole("row").nth(1)).toContainText("Tom Okafor");
  await page.setViewportSize(NARROW);
  await expectAccessible(page);
  await page.goto(SITE);
  // The project lead may appoint a site lead from the site's page.
  await expect(page.getByRole("heading", { name: "Appoint a site lead at Addenbrooke's Hospital" })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut(page);

  // The site lead is told, and hands the site over to the new member.
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/notifications");
  await expect(page.getByText(/Tom Okafor, a lead of .*, confirmed Rowan Achterberg's request to join at Addenbrooke's Hospital, acting for you/)).toBeVisible();
  await handOverTo(page, member.name);
  await page.setViewportSize(NARROW);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut(page);

  // The member accepts: now the site lead, and the former one a collaborator on the team.
  await signIn(page, member.email, member.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await acceptLeadInvitation(page);
  await page.goto(`${SITE}/team`);
  const now = page.getByRole("table", { name: /Confirmed members of the team/ });
  await expect(now.getByRole("row", { name: new RegExp(member.name) })).toContainText("Site lead");
  await expect(now.getByRole("row", { name: /Catriona MacLeod/ })).toContainText("Collaborator");
  await expectAccessible(page);

  // Handed back, so that the demo's site lead leads the site again.
  await handOverTo(page, "Catriona MacLeod");
  await signOut(page);
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await acceptLeadInvitation(page);
  await page.goto(`${SITE}/team`);
  await expect(page.getByRole("table", { name: /Confirmed members of the team/ }).getByRole("row", { name: /Catriona MacLeod/ })).toContainText("Site lead");
});
