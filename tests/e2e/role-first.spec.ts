import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, signUpIpswichTrainee, test } from "./fixtures";

const FLAGSHIP_SLUG = "ctpa-yield-emergency-department";
const FLAGSHIP = "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit";
/** The demo site lead's site: the flagship at Addenbrooke's Hospital. */
const TEAM_PAGE = `/dashboard/projects/${FLAGSHIP_SLUG}/sites/RGT01/team`;

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** The sign-in form as it stands (the fixture's signIn opens /signin afresh, losing the return path). */
async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Whether the page's address is `expected` (path, query and fragment) on the portal under test. */
const at = (expected: string) => (url: URL) => url.hostname === "127.0.0.1" && `${url.pathname}${url.search}${url.hash}` === expected;

/** The first section of the dashboard, under its heading. */
function firstSection(page: Page) {
  return page.getByRole("main").getByRole("heading", { level: 2 }).first();
}

test("a site lead follows a link while signed out, returns to it, and sees where the requester works", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `visiting.trainee.${Date.now()}@example.net`;
  const password = "a strong pass phrase";
  const name = "Ifeoma Visiting";

  // A trainee from Ipswich asks to join the flagship at Addenbrooke's.
  await signUpIpswichTrainee(page, { name, email, password });
  // Nothing waits on a new trainee: the dashboard says so before the project search.
  await page.goto("/dashboard");
  await expect(firstSection(page)).toHaveText("Needs you now");
  await expect(page.getByRole("region", { name: "Needs you now" })).toContainText("Nothing needs you now.");
  await page.goto(`/projects/${FLAGSHIP_SLUG}`);
  const takePart = page.getByRole("region", { name: "Take part" });
  const hospitals = takePart.getByLabel("Hospital where you will take part");
  await hospitals.selectOption((await hospitals.locator("option", { hasText: "Addenbrooke's Hospital" }).getAttribute("value"))!);
  await takePart.getByRole("button", { name: "Ask to join" }).click();
  await expect(takePart.getByRole("status")).toHaveText(/Your request to join at Addenbrooke's Hospital is waiting for the site lead/);
  await signOut(page);

  // The site lead opens the team page from a link while signed out: sign in, then straight back to it.
  await page.goto(TEAM_PAGE);
  await expect(page).toHaveURL(at(`/signin?callbackUrl=${encodeURIComponent(TEAM_PAGE)}`));
  await fillSignIn(page, "sitelead@example.org");
  await expect(page).toHaveURL(at(TEAM_PAGE));
  const request = page.getByRole("article").filter({ has: page.getByRole("heading", { name }) });
  await expect(request).toContainText("Ipswich Hospital");
  await expect(request).toContainText("East of England");
  await expect(request).toContainText(`${name}'s home hospital is Ipswich Hospital, not this site.`);
  await expect(request.getByRole("button", { name: `Confirm ${name}` })).toBeVisible();
  await expectAccessible(page);

  // The dashboard leads with the site's requests; the menu marks where one is, in more than colour.
  const menu = page.getByRole("navigation", { name: "Main" });
  await menu.getByRole("link", { name: "Dashboard" }).click();
  await expect(firstSection(page)).toHaveText("Needs you now");
  const needs = page.getByRole("region", { name: "Needs you now" });
  await expect(needs.getByRole("heading", { level: 3 }).first()).toHaveText("As a site lead");
  await expect(needs.getByRole("link", { name: /requests? to join your sites? (is|are) waiting/ })).toHaveAttribute("href", "/dashboard/site-requests");
  await expect(menu.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Dashboard" })).toHaveCSS("font-weight", "700");
  await expect(menu.getByRole("link", { name: "Profile" })).not.toHaveAttribute("aria-current", /.*/);
  await expect(menu.getByRole("link", { name: "Profile" })).toHaveCSS("font-weight", "400");
  await expectAccessible(page);
  // The site's own line opens its team's requests.
  await needs.getByRole("link", { name: /requests? at Addenbrooke's Hospital/ }).click();
  await expect(page).toHaveURL(at(`${TEAM_PAGE}#requests-title`));
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await menu.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", /.*/);
});

test("each role's dashboard starts with what waits on them", async ({ page }) => {
  test.setTimeout(90_000);
  const roles = [
    { email: "lead@example.org", part: "As a project lead", link: /The committee asked for changes to / },
    { email: "committee@example.org", part: "For the committee", link: /proposals? waits? for your review/ },
    { email: "admin@example.org", part: "As an administrator", link: /asked for by (a member|members) waits? for a decision/ },
  ];
  for (const role of roles) {
    await signIn(page, role.email);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(firstSection(page)).toHaveText("Needs you now");
    const needs = page.getByRole("region", { name: "Needs you now" });
    await expect(needs.getByRole("heading", { level: 3, name: role.part })).toBeVisible();
    await expect(needs.getByRole("link", { name: role.link }).first()).toBeVisible();
    // The project search comes after the work.
    const searchTop = (await page.getByRole("heading", { level: 2, name: "Find a project to join" }).boundingBox())!.y;
    expect((await needs.boundingBox())!.y).toBeLessThan(searchTop);
    await expectAccessible(page);
    await signOut(page);
  }
});

test("signing in returns to a page of the portal and refuses any other address", async ({ page }) => {
  // The public project page's sign-in link.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/projects/${FLAGSHIP_SLUG}`)}`);
  // Carried through to creating an account, and back.
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
    "href",
    `/signup?callbackUrl=${encodeURIComponent(`/projects/${FLAGSHIP_SLUG}`)}`,
  );
  await expectAccessible(page);
  await fillSignIn(page, "trainee@example.org");
  await expect(page).toHaveURL(at(`/projects/${FLAGSHIP_SLUG}`));
  await expect(page.getByRole("heading", { level: 1, name: FLAGSHIP })).toBeVisible();
  await signOut(page);

  for (const outside of ["//evil.example", "https://evil.example/dashboard", "/\\evil.example", "javascript:alert(1)"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(outside)}`);
    await fillSignIn(page, "trainee@example.org");
    await expect(page, `after ${outside}`).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    await signOut(page);
  }
});

test("a signed-out download of a certificate or an export goes to sign-in on this portal and comes back", async ({ request }) => {
  const id = "0e975ef4-0000-4000-8000-000000000000";
  for (const path of [`/dashboard/research/certificate/${id}`, `/dashboard/projects/${FLAGSHIP_SLUG}/export/sites.csv`]) {
    // A forged Host header does not choose where the visitor is sent.
    const response = await request.get(path, { maxRedirects: 0, headers: { Host: "evil.example" } });
    expect(response.status(), path).toBe(303);
    expect(response.headers()["location"], path).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
});
