import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parseCsv } from "../support/csv";
import { fillDate } from "../support/date-fields";
import { confirmEmail, errorSummary, expect, expectAccessible, finishSignUp, signIn, test, waitForEmail } from "./fixtures";

const SLUG = "ctpa-yield-emergency-department";
const FLAGSHIP = "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function signUp(page: Page, person: { name: string; email: string; password: string; region?: string; hospital: string }) {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill(person.name);
  await page.getByLabel("E-mail address").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByLabel("Grade").selectOption("ST4");
  // Without a region, the hospital is chosen from them all, and choosing it fills in its region.
  if (person.region) await page.getByLabel("Training region").selectOption({ label: person.region });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: person.hospital });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, person.email, person.password);
  // Registering a hospital and joining a team need a confirmed address.
  await confirmEmail(page, person.email);
}

test("a member registers their hospital and runs it through to the national view and the authorship list", async ({ page }) => {
  // Two new members confirm their addresses on the way: more steps than the other journeys.
  test.setTimeout(300_000);
  const run = Date.now();
  const password = "a strong pass phrase";
  const siteLead = { name: "Dafydd ap Gwilym", email: `site.lead.${run}@example.net`, password };
  const trainee = { name: "Siân Ó Briain", email: `sian.${run}@example.net`, password };

  // A new member signs up, opens the flagship project and registers a hospital not yet taking part.
  await signUp(page, { ...siteLead, region: "East of England", hospital: "Ipswich Hospital, Ipswich" });
  await expectAccessible(page);
  await page.goto(`/projects/${SLUG}`);
  await expect(page).toHaveTitle(/CT pulmonary angiography/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Register your hospital and become its site lead" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register your hospital" })).toBeVisible();
  await expectAccessible(page);
  // Submitting without a choice is refused at the field.
  const picker = page.getByLabel("Your hospital");
  await picker.selectOption("");
  await page.getByRole("button", { name: "Register this hospital" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Select your hospital" })).toBeVisible();
  await expectAccessible(page);
  // A hospital new to the project (one that withdrew would come back with its earlier count).
  const option = page.locator("#field-siteId option:not([value=''])").filter({ hasNotText: "withdrew" }).first();
  const label = (await option.textContent())!;
  const region = await option.evaluate((element) => (element.parentElement as HTMLOptGroupElement).label);
  const hospital = label.slice(0, label.lastIndexOf(", "));
  await picker.selectOption({ label });
  await page.getByRole("button", { name: "Register this hospital" }).click();
  await expect(page.getByRole("heading", { level: 1, name: hospital })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "you are its site lead" })).toBeVisible();
  await expectAccessible(page);
  const sitePath = new URL(page.url()).pathname;

  // The governance checklist of a clinical audit: two items, references only.
  await page.getByRole("link", { name: "Record the local audit registration" }).click();
  await page.getByLabel("Local audit registration: reference").fill("AUD-2026-0077");
  await fillDate(page, "Date of registration", "1 9 2026");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save the local audit registration" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The item has been recorded." })).toBeVisible();
  await expect(page.getByText("Approvals in progress").first()).toBeVisible();
  await page.getByRole("link", { name: "Record the Caldicott approval" }).click();
  await page.getByLabel("Caldicott approval: reference").fill("CG-2026-14");
  await fillDate(page, "Date of approval", "2 9 2026");
  await page.getByRole("button", { name: "Save the Caldicott approval" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The item has been recorded." })).toBeVisible();
  const checklist = page.getByRole("region", { name: "Governance checklist" });
  await expect(checklist).toContainText("AUD-2026-0077");
  await expect(checklist).toContainText("The site's Caldicott approval is waiting for the project lead to check it.");
  await expect(page.getByText("Data collection can start here once")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The project lead approves the site from the national view: every item it recorded is checked.
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}`);
  const awaiting = page.getByRole("region", { name: "Sites waiting for your check" });
  await expect(awaiting).toContainText(hospital);
  await expectAccessible(page);
  await awaiting.getByRole("button", { name: `Approve ${hospital}` }).click();
  await expect(awaiting.getByRole("status")).toHaveText(`Every item of ${hospital} is checked: the site is approved.`);
  await expect(awaiting.getByRole("button", { name: `Approve ${hospital}` })).toHaveCount(0);
  await signOut(page);

  // The site lead starts data collection at the site.
  await signIn(page, siteLead.email, password);
  await expect(page).toHaveURL(/\/dashboard/);
  const sitesYouLead = page.getByRole("region", { name: "Sites you lead" });
  await expect(sitesYouLead).toContainText("Approvals in progress");
  await expectAccessible(page);
  await sitesYouLead.getByRole("link", { name: `${hospital}: ${FLAGSHIP}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: hospital })).toBeVisible();
  await page.getByRole("button", { name: "Start data collection at this site" }).click();
  const dialog = page.getByRole("dialog", { name: "Start data collection at this site?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Start data collection at this site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The site is now active" })).toBeVisible();
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  await signOut(page);

  // A trainee at that hospital asks to join.
  await signUp(page, { ...trainee, region, hospital: label });
  await page.goto(`/projects/${SLUG}`);
  await expect(page).toHaveTitle(/CT pulmonary angiography/);
  await expectAccessible(page);
  const takePart = page.getByRole("region", { name: "Take part" });
  await expect(takePart.getByLabel("Hospital where you will take part").locator("option:checked")).toHaveText(new RegExp(`^${hospital.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(new RegExp(`waiting for the site lead`));
  await signOut(page);

  // The site lead confirms them from the site's team page, records their contribution, and records progress twice.
  await signIn(page, siteLead.email, password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`${sitePath}/team`);
  await expect(page.getByRole("heading", { level: 1, name: hospital })).toBeVisible();
  const request = page.getByRole("article").filter({ has: page.getByRole("heading", { name: trainee.name }) });
  await expectAccessible(page);
  await request.getByRole("button", { name: `Confirm ${trainee.name}` }).click();
  const team = page.getByRole("table", { name: /Confirmed members of the team/ });
  await expect(team.getByRole("rowheader", { name: new RegExp(trainee.name) })).toBeVisible();
  await expect(team.getByRole("row", { name: new RegExp(trainee.name) })).toContainText("Ó Briain S");
  await team.getByRole("textbox", { name: `Contribution of ${trainee.name}` }).fill("Data collection");
  await team.getByRole("button", { name: `Save the contribution of ${trainee.name}` }).click();
  await expect(team.getByRole("status")).toHaveText("Saved");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Site pages" }).getByRole("link", { name: "Progress" }).click();
  await expect(page.getByRole("heading", { name: "Record cases submitted" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Cases submitted so far").fill("12");
  await page.getByLabel("Note (optional)").fill("First week's cases");
  await page.getByRole("button", { name: "Record cases" }).click();
  await expect(page.getByText("Recorded: 12 cases so far.")).toBeVisible();
  // A lower count is refused until a reason is given, and the form keeps what was typed.
  await page.getByLabel("Cases submitted so far").fill("9");
  await page.getByRole("button", { name: "Record cases" }).click();
  await expect(errorSummary(page).getByRole("link", { name: /9 is lower than the last count of 12/ })).toBeVisible();
  await expect(errorSummary(page)).toBeFocused();
  await expect(page.getByLabel("Cases submitted so far")).toHaveValue("9");
  await expectAccessible(page);
  await page.getByLabel("Cases submitted so far").fill("20");
  await page.getByRole("button", { name: "Record cases" }).click();
  await expect(page.getByText("Recorded: 20 cases so far.")).toBeVisible();
  const history = page.getByRole("table", { name: /Counts of cases submitted/ });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row").nth(1)).toContainText("20");
  await expect(history.getByRole("row").nth(2)).toContainText("First week's cases");
  await expect(page.getByRole("img", { name: new RegExp(`Cumulative cases at ${hospital}`) })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The project lead sees the site in the national table and the chart, and downloads the authorship list.
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}`);
  await page.getByLabel("Region", { exact: true }).selectOption({ label: region });
  await page.getByRole("button", { name: "Show sites" }).click();
  await expect(page).toHaveURL(/region=/);
  const table = page.getByRole("table", { name: /Sites of the project/ });
  const row = table.getByRole("row", { name: new RegExp(hospital) });
  await expect(row).toContainText("20 of 100");
  await expect(row).toContainText("Dafydd ap Gwilym");
  await expect(row).toContainText("Active");
  await expect(page.getByRole("img", { name: /Cases submitted nationally over time/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Cases by region/ })).toContainText(region.length > 34 ? region.slice(0, 33) : region);
  await page.getByText("Show the data as a table").first().click();
  await expectAccessible(page);
  // Sorting by cases puts the fullest site first.
  await table.getByRole("link", { name: /Cases against target/ }).click();
  await expect(page).toHaveURL(/sort=progress/);
  await expect(page.getByRole("columnheader", { name: /Cases against target/ })).toHaveAttribute("aria-sort", "ascending");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download collaborators (CSV)" }).click()]);
  expect(csv.suggestedFilename()).toBe(`${SLUG}-collaborators.csv`);
  const csvText = await readFile((await csv.path())!, "utf8");
  expect(csvText.startsWith("\uFEFF")).toBe(true);
  const traineeRow = parseCsv(csvText.slice(1)).find((cells) => cells[3] === trainee.name);
  expect(traineeRow?.slice(0, 7)).toEqual([hospital, label.slice(hospital.length + 2), region, trainee.name, "Ó Briain S", "Collaborator", "Data collection"]);

  await page.getByRole("link", { name: "Authorship list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Authorship list" })).toBeVisible();
  const list = page.getByLabel("Authorship list", { exact: true });
  await expect(list).toContainText(`${hospital}: `);
  await expect(list).toContainText("Ó Briain S");
  await expect(list).toContainText("Steering committee: ");
  await expectAccessible(page);
  await page.getByRole("link", { name: "By role" }).click();
  await expect(list).toContainText(`ap Gwilym D (${hospital})`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the list (text file)" }).click()]);
  expect(download.suggestedFilename()).toBe(`${SLUG}-authorship-by-role.txt`);
  const text = await readFile((await download.path())!, "utf8");
  expect(text).toContain(`Ó Briain S (${hospital})`);
  expect(text).toMatch(/^Steering committee: .*Okafor T/);
  await expectAccessible(page);
});

test("the project lead sends a notice to the site leads of chosen sites, who see it in their notifications and their mailbox", async ({ page }) => {
  const notice = `Please enter your last cases by Friday (${Date.now()}).`;
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}`);
  await page.getByRole("link", { name: "Message site leads" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Message site leads" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /^All site leads \(\d+ site leads\)$/ })).toBeChecked();
  await page.getByRole("button", { name: "Send the message" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Enter a message" })).toBeVisible();
  await expectAccessible(page);

  // Choosing sites but ticking none is refused at the list, with the message kept.
  await page.getByLabel("Message").fill(notice);
  await page.getByRole("radio", { name: "Site leads of the sites I choose below" }).check();
  await page.getByRole("button", { name: "Send the message" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Choose at least one site to send the message to" })).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveValue(notice);
  await expect(page.getByRole("radio", { name: "Site leads of the sites I choose below" })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("group", { name: "Sites" }).getByRole("checkbox", { name: /^Addenbrooke's Hospital, Cambridge:/ }).check();
  await page.getByRole("button", { name: "Send the message" }).click();
  await expect(page.getByText(/^Your message has been sent to \d+ site leads? at 1 site\.$/)).toBeVisible();
  await signOut(page);

  const email = await waitForEmail("sitelead@example.org", "A message from your project lead");
  expect(email.text).toContain(notice);
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/notifications");
  await expect(page.getByText(notice)).toBeVisible();
  await expectAccessible(page);
});

test("a site lead sees their own site but not the project's national view or exports, and a collaborator not even the site", async ({ page }) => {
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  // A confirmed collaborator at Addenbrooke's, but not its site lead.
  expect((await page.goto(`/dashboard/projects/${SLUG}/sites/RGT01`))?.status()).toBe(404);
  expect((await page.request.get(`/dashboard/projects/${SLUG}/export/authorship.txt`)).status()).toBe(404);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  // Their own site is open to them.
  const own = await page.goto(`/dashboard/projects/${SLUG}/sites/RGT01`);
  expect(own?.status()).toBe(200);
  await expectAccessible(page);
  for (const path of [`/dashboard/projects/${SLUG}/sites/NOPE1/team`, `/dashboard/projects/${SLUG}`, `/dashboard/projects/${SLUG}/authorship`, `/dashboard/projects/${SLUG}/message`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const csv = await page.request.get(`/dashboard/projects/${SLUG}/export/sites.csv`);
  expect(csv.status()).toBe(404);
});

test("the project lead sets the study's team cap in its settings, and a wrong value is refused at its field", async ({ page }) => {
  await signIn(page, "lead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/dashboard/projects/${SLUG}`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Study settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Study settings" })).toBeVisible();
  await expectAccessible(page);

  const cap = page.getByLabel("Most collaborators per site");
  const minimum = page.getByLabel("Cases a site must submit for its collaborators to be citable");
  await cap.fill("25");
  await minimum.fill("ten");
  await page.getByRole("button", { name: "Save settings" }).click();
  const problem = "Enter the cases a site must submit as a whole number, like 10, or leave it empty so that everyone is citable";
  await expect(errorSummary(page).getByRole("link", { name: problem })).toBeVisible();
  await expect(errorSummary(page)).toBeFocused();
  await expect(page.getByText(`Error: ${problem}`)).toBeVisible();
  // What was typed is still there, the good value and the bad one.
  await expect(cap).toHaveValue("25");
  await expect(minimum).toHaveValue("ten");
  await expectAccessible(page);

  await minimum.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The study's settings have been saved." })).toBeVisible();
  await expect(cap).toHaveValue("25");
  await expect(minimum).toHaveValue("");
  await expectAccessible(page);

  await page.getByRole("link", { name: "National view" }).click();
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Study settings" }) })).toContainText(
    "at most 25 collaborators a site, everyone citable",
  );
  await expectAccessible(page);

  // Back to no limit, as the demo data has it, for the tests that follow.
  await page.getByRole("link", { name: "Study settings" }).click();
  await cap.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The study's settings have been saved." })).toBeVisible();
  await expect(cap).toHaveValue("");
});

test("a hospital that withdrew is offered again, and whoever registers it leads it without its former team until the project lead approves", async ({ page }) => {
  // Two members sign up and confirm their addresses, then the new lead checks the team page: as long as the first journey.
  test.setTimeout(300_000);
  const run = Date.now();
  const password = "a strong pass phrase";
  const first = { name: "Gwen Morgan", email: `first.lead.${run}@example.net`, password, region: "East of England", hospital: "Ipswich Hospital, Ipswich" };

  // A member registers a hospital new to the project, then withdraws it.
  await signUp(page, first);
  await page.goto(`/dashboard/projects/${SLUG}/register`);
  const option = page.locator("#field-siteId option:not([value=''])").filter({ hasNotText: "withdrew" }).first();
  const label = (await option.textContent())!;
  const hospital = label.slice(0, label.lastIndexOf(", "));
  await page.getByLabel("Your hospital").selectOption({ label });
  await page.getByRole("button", { name: "Register this hospital" }).click();
  await expect(page.getByRole("heading", { level: 1, name: hospital })).toBeVisible();
  await page.getByRole("button", { name: "Withdraw the site" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw the site from the project?" });
  await expect(dialog).toContainText("can register it again later");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Withdraw the site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The site has withdrawn from the project." })).toBeVisible();
  await signOut(page);

  // A member who works there finds it among the hospitals to register, marked as one that withdrew, and registers it.
  const second = { name: "Rhodri Evans", email: `second.lead.${run}@example.net`, password, hospital: label };
  await signUp(page, second);
  await page.goto(`/dashboard/projects/${SLUG}/register`);
  await expect(page.getByRole("heading", { level: 1, name: "Register your hospital" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Hospitals already taking part" })).not.toContainText(hospital);
  await page.getByLabel("Your hospital").selectOption({ label: `${label} (withdrew: register it again)` });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Register this hospital" }).click();
  await expect(page.getByRole("heading", { level: 1, name: hospital })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "you are its site lead" })).toBeVisible();
  await expect(page.getByText("Registered", { exact: true }).first()).toBeVisible();
  // It starts again at the governance checklist: nothing recorded, nothing checked by the project lead.
  await expect(page.getByRole("region", { name: "Where the site stands" })).toContainText("0 of 2 checked");
  await expect(page.getByRole("region", { name: "Governance checklist" })).toContainText("Data collection cannot start at this site yet");
  await expectAccessible(page);

  // Its former site lead is not back on the team, and neither their name nor their address shows yet.
  await page.getByRole("link", { name: "See the team" }).click();
  const members = page.getByRole("table", { name: `Confirmed members of the team at ${hospital}` });
  await expect(members.getByRole("row")).toHaveCount(2);
  await expect(members).toContainText(`${second.name} (you)`);
  await expect(page.getByRole("main")).not.toContainText(first.name);
  await expect(page.getByRole("main")).not.toContainText(first.email);
  await expect(page.getByRole("region", { name: "Declined and former members" })).toContainText(
    "had a team before it registered again. Its former members are not on this team",
  );
  await expectAccessible(page);
});
