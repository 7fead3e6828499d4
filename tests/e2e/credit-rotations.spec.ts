// Credit that follows the trainee (docs/decisions/025): the demo trainee, who moved hospital in
// the completed project, sees both places on My research; and a trainee in a project collecting
// data says they are moving hospital, keeps their first place, and asks to join at another.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signUpIpswichTrainee, test } from "./fixtures";

const FLAGSHIP = "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit";
const FLAGSHIP_SLUG = "ctpa-yield-emergency-department";
const COMPLETED = "Complication rates following ultrasound-guided percutaneous liver and renal biopsy: a prospective multicentre cohort";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Whether the page scrolls sideways at its current width. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

test("the demo trainee sees both hospitals of the completed project on My research, each with its dates, cases and credit", async ({ page }) => {
  await signIn(page, "trainee@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/research");
  const project = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 2, name: COMPLETED }) });
  await expect(project).toContainText("You took part at 2 hospitals in this project, one after the other.");
  const places = project.getByRole("region");
  await expect(places).toHaveCount(2);

  // The first hospital: moved on from, ended, still counting.
  const first = places.first();
  await expect(first.getByRole("heading", { level: 3 })).not.toContainText("Addenbrooke's Hospital");
  await expect(first.getByTestId("collaboration-status")).toHaveText("Moved to another hospital");
  await expect(first.getByTestId("team-dates")).toHaveText(/^\d{1,2} \w+ \d{4} to \d{1,2} \w+ \d{4}$/);
  await expect(first).toContainText("Moved to another hospital, keeping the credit for this time");
  await expect(first.getByTestId("team-cases")).toHaveText(/^[1-9]\d* cases? recorded by /);
  await expect(first.getByTestId("counts-for-credit")).toHaveText(/^Yes/);
  await expect(first).toContainText("Moved to another hospital, keeping the credit for the time here on");

  // Then her home hospital, where she was on the team when collection ended.
  const home = project.getByRole("region", { name: "Addenbrooke's Hospital" });
  await expect(home.getByTestId("collaboration-status")).toHaveText("Confirmed");
  await expect(home.getByTestId("team-cases")).toHaveText(/^[1-9]\d* cases? recorded by Addenbrooke's Hospital$/);
  await expect(home.getByTestId("counts-for-credit")).toHaveText(/^Yes/);
  // One certificate covers both places: the project offers it once, on the certificates page.
  await expect(project.getByRole("link", { name: /Your certificate/ })).toHaveAttribute("href", "/dashboard/certificates");
  await expectAccessible(page);

  await page.setViewportSize({ width: 320, height: 640 });
  await expect(home.getByTestId("team-cases")).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page);
});

test("a trainee moving hospital mid-collection keeps their place on the record and asks to join at another hospital", async ({ page }) => {
  test.setTimeout(150_000);
  const email = `rotating.trainee.${Date.now()}@example.net`;
  const password = "a strong pass phrase";
  const name = "Rhiannon Pryce-Evans";
  await signUpIpswichTrainee(page, { name, email, password });

  // Asks to join the flagship at Addenbrooke's; its site lead confirms.
  await page.goto(`/projects/${FLAGSHIP_SLUG}`);
  await expect(page).toHaveTitle(/CT pulmonary angiography/);
  const takePart = page.getByRole("region", { name: "Take part" });
  const hospitals = takePart.getByLabel("Hospital where you will take part");
  const addenbrookes = (await hospitals.locator("option").allTextContents()).find((label) => label.startsWith("Addenbrooke's Hospital"))!;
  await hospitals.selectOption({ label: addenbrookes });
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(/waiting for the site lead/);
  await signOut(page);
  await signIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/site-requests");
  await page.getByRole("article").filter({ has: page.getByRole("heading", { name }) }).getByRole("button", { name: `Confirm ${name}` }).click();
  await expect(page.getByRole("heading", { name })).toHaveCount(0);
  await signOut(page);

  // On My research, the two ways to leave; moving hospital asks first, and cancelling changes nothing.
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/dashboard/research");
  const place = page.getByRole("article").filter({ has: page.getByRole("heading", { name: FLAGSHIP }) }).getByRole("region", { name: "Addenbrooke's Hospital" });
  await expect(place.getByTestId("collaboration-status")).toHaveText("Confirmed");
  await expect(place.getByTestId("team-dates")).toHaveText(/to now \(still on the team\)$/);
  await expect(place.getByRole("button", { name: "I am withdrawing from the project (my name comes off the author list)" })).toBeVisible();
  await place.getByRole("button", { name: "I am moving to another hospital (keep my credit for my time here)" }).click();
  const dialog = page.getByRole("dialog", { name: "Moving to another hospital?" });
  await expect(dialog).toContainText("counts for the author list and certificates");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(place.getByTestId("collaboration-status")).toHaveText("Confirmed");
  await place.getByRole("button", { name: "I am moving to another hospital (keep my credit for my time here)" }).click();
  await dialog.getByRole("button", { name: "Yes, I am moving hospital" }).click();
  await expect(place.getByTestId("collaboration-status")).toHaveText("Moved to another hospital");
  await expect(place.getByTestId("team-dates")).toHaveText(/^\d{1,2} \w+ \d{4} to \d{1,2} \w+ \d{4}$/);
  await expect(place.getByTestId("counts-for-credit")).toHaveText(/^Yes/);
  await expect(place.getByRole("button")).toHaveCount(0);
  await expectAccessible(page);

  // Back on the project: the first hospital is refused with the reason; another takes the request.
  await page.goto(`/projects/${FLAGSHIP_SLUG}`);
  await expect(page).toHaveTitle(/CT pulmonary angiography/);
  await expect(takePart).toContainText("You moved on from Addenbrooke's Hospital: your place there stays on the record");
  const labels = await hospitals.locator("option").allTextContents();
  await hospitals.selectOption({ label: labels.find((label) => label.startsWith("Addenbrooke's Hospital"))! });
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("alert")).toContainText("You moved on from Addenbrooke's Hospital in this project");
  const another = labels.find((label) => label && !label.startsWith("Addenbrooke's Hospital") && label !== "Select a hospital")!;
  await hospitals.selectOption({ label: another });
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(new RegExp(`Your request to join at ${another.split(",")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is waiting for the site lead`));
  await expectAccessible(page);

  // My research: both places under the project.
  await page.goto("/dashboard/research");
  const project = page.getByRole("article").filter({ has: page.getByRole("heading", { name: FLAGSHIP }) });
  await expect(project.getByRole("region")).toHaveCount(2);
  await expect(project.getByRole("region", { name: "Addenbrooke's Hospital" }).getByTestId("collaboration-status")).toHaveText("Moved to another hospital");
  await expect(project.getByRole("region", { name: another.split(",")[0]! }).getByTestId("collaboration-status")).toHaveText("Waiting for the site lead");
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await scrollsSideways(page)).toBe(false);
  await expectAccessible(page);
});
