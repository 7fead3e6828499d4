import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { expect, expectAccessible, signIn, signUpIpswichTrainee, test } from "./fixtures";

const FLAGSHIP = "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit";
const COMPLETED = "Complication rates following ultrasound-guided percutaneous liver and renal biopsy: a prospective multicentre cohort";

/** A valid ORCID iD no other run has used (ISO 7064 MOD 11-2 check character). */
function freshOrcid(): string {
  const base = `0000000${String(Date.now()).slice(-8)}`;
  let total = 0;
  for (const digit of base) total = (total + Number(digit)) * 2;
  const check = (12 - (total % 11)) % 11;
  return `${base}${check === 10 ? "X" : check}`.replace(/(.{4})(?=.)/g, "$1-");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("a new trainee completes their profile, asks to join a project at their hospital, and the site lead confirms", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `joining.trainee.${Date.now()}@example.net`;
  const password = "a strong pass phrase";
  const name = "Siobhán O'Connor-Reilly";

  // Sign up at another hospital of the region.
  await signUpIpswichTrainee(page, { name, email, password });

  // Complete the profile: move to Addenbrooke's by searching, add an ORCID iD.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expectAccessible(page);
  // With the keyboard only: type in the search box, then Tab to the narrowed list.
  await page.getByLabel("Find your home hospital").focus();
  await page.keyboard.type("Addenb");
  await expect(page.getByText("1 hospital matches")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Home hospital", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Home hospital", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("Home hospital", { exact: true }).locator("option:checked")).toHaveText("Addenbrooke's Hospital, Cambridge");
  await page.getByLabel("Grade").selectOption("ST3");
  await page.getByLabel("ORCID iD (optional)").fill("0000-0002-1825-0098");
  await page.getByRole("checkbox", { name: "CT", exact: true }).check();
  await page.getByRole("checkbox", { name: "Chest" }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: /This ORCID iD is not valid/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "CT", exact: true })).toBeChecked();
  await expectAccessible(page);
  const orcid = freshOrcid();
  await page.getByLabel("ORCID iD (optional)").fill(`https://orcid.org/${orcid}`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile has been saved.")).toBeVisible();
  await expect(page.getByTestId("authorship-line")).toHaveText("O'Connor-Reilly S (Addenbrooke's Hospital)");
  await expect(page.getByRole("link", { name: `https://orcid.org/${orcid}` })).toHaveAttribute("href", `https://orcid.org/${orcid}`);
  await expectAccessible(page);

  // Find the project open at their hospital on the dashboard.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  const atHospital = page.getByRole("region", { name: /Open at your hospital/ });
  await expect(atHospital).toBeVisible();
  await expect(atHospital.getByRole("link", { name: FLAGSHIP })).toBeVisible();
  await expectAccessible(page);
  await atHospital.getByRole("link", { name: FLAGSHIP }).click();

  // Ask to join, at the home hospital, preselected.
  // The title arrives with the streamed metadata: wait for it before checking the page.
  await expect(page).toHaveTitle(/CT pulmonary angiography/);
  const takePart = page.getByRole("region", { name: "Take part" });
  await expect(takePart.getByLabel("Hospital where you will take part").locator("option:checked")).toHaveText(/^Addenbrooke's Hospital, Cambridge/);
  await expectAccessible(page);
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(/Your request to join at Addenbrooke's Hospital is waiting for the site lead/);
  await expectAccessible(page);
  await signOut(page);

  // The site lead confirms.
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: /requests? to join your sites? (is|are) waiting/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Requests to join your sites" })).toBeVisible();
  const request = page.getByRole("article").filter({ has: page.getByRole("heading", { name }) });
  await expect(request).toContainText(FLAGSHIP);
  await expectAccessible(page);
  await request.getByRole("button", { name: `Confirm ${name}` }).click();
  await expect(page.getByRole("heading", { name })).toHaveCount(0);
  await signOut(page);

  // The trainee sees it confirmed.
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My research" }).click();
  const collaboration = page.getByRole("article").filter({ has: page.getByRole("heading", { name: FLAGSHIP }) });
  await expect(collaboration.getByTestId("collaboration-status")).toHaveText("Confirmed");
  await expect(collaboration).toContainText("Asked to join on");
  await expect(collaboration).toContainText("Confirmed by the site lead on");
  await expectAccessible(page);

  // Withdrawing asks first; cancelling changes nothing.
  const withdraw = collaboration.getByRole("button", { name: "I am withdrawing from the project (my name comes off the author list)" });
  await withdraw.click();
  const dialog = page.getByRole("dialog", { name: "Withdraw from the project?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(collaboration.getByTestId("collaboration-status")).toHaveText("Confirmed");
  await withdraw.click();
  await dialog.getByRole("button", { name: "Withdraw from the project" }).click();
  await expect(collaboration.getByTestId("collaboration-status")).toHaveText("Left");
  await expect(collaboration).toContainText("Left the project on");
});

test("the demo trainee downloads a certificate for a completed project, and anyone can verify it", async ({ page }) => {
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/research");
  await expectAccessible(page);
  const completed = page.getByRole("article").filter({ has: page.getByRole("heading", { name: COMPLETED }) });
  // She moved there from another hospital of the project (tests/e2e/credit-rotations.spec.ts): her place at home is the one confirmed.
  await expect(completed.getByRole("region", { name: "Addenbrooke's Hospital" }).getByTestId("collaboration-status")).toHaveText("Confirmed");
  // My research leads to the certificates page, where each certificate is a download.
  await completed.getByRole("link", { name: /Your certificate/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificates" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: COMPLETED }) }).filter({ hasText: "Participation" });
  const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: /Download certificate/ }).click()]);
  // A name that says what it is, the title cut at a word if at all.
  expect(download.suggestedFilename()).toMatch(/^RADIANT certificate – \S.*\S – Aisha Rahman\.pdf$/);
  const text = pdfText(await readFile((await download.path())!));
  expect(text).toContain("Aisha Rahman");
  expect(text).toContain("Certificate of participation");
  // What she did there, whether she is cited, and who signs it.
  expect(text).toContain("Addenbrooke's Hospital");
  expect(text).toMatch(/Site team member\s+\d{1,2} \w+ \d{4} to \d{1,2} \w+ \d{4} \(still a member\)/);
  expect(text).toMatch(/\d+ cases? recorded while on the team, of the site's \d+ cases?/);
  expect(text).toMatch(/(Cited|Acknowledged, not cited,) (as a collaborator )?in the project's group authorship/);
  expect(text).toContain("Project lead, on behalf of the RADIANT collaborative");
  // The title may be wrapped over lines on the page.
  expect(text.replace(/\s+/g, " ")).toContain(COMPLETED);
  const code = /Verification code\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
  expect(code).toBeTruthy();
  // The link to check it is on the portal's public address (PUBLIC_URL, the address the tests browse).
  expect(text.replace(/\s+/g, " ")).toContain(`${new URL(page.url()).origin}/verify/${code}`);

  // A second download serves the same certificate.
  const href = (await item.getByRole("link", { name: /Download certificate/ }).getAttribute("href"))!;
  const again = await page.request.get(href);
  expect(pdfText(await again.body())).toContain(code!);

  await signOut(page);

  // Another member asking for that address finds nothing of hers.
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  // The address names a project, not a person: another member gets their own certificate of it or none, never hers.
  const theirs = await page.request.get(href);
  expect(theirs.status() === 200 ? pdfText(await theirs.body()) : await theirs.text()).not.toContain("Aisha Rahman");
  await signOut(page);

  // The code as someone would type it from the paper copy.
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1, name: "Verify a certificate" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Verification code").fill(code!.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificate verified" })).toBeVisible();
  await expect(page.getByText(code!)).toBeVisible();
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("heading", { level: 1, name: "Certificate verified" })).toBeVisible();
  await expect(page.getByText("Aisha Rahman")).toBeVisible();
  // The title itself, not the outputs under it that begin with it.
  await expect(page.getByText(COMPLETED, { exact: true })).toBeVisible();
  await expect(page.getByText("trainee@example.org")).toHaveCount(0);
  await expectAccessible(page);

  const response = await page.goto("/verify/0000-0000-0000-0000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Certificate not found" })).toBeVisible();
  await expectAccessible(page);
});
