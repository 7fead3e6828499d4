import { errorSummary, expect, expectAccessible, linkIn, readMailbox, signIn, test, waitForEmail } from "./fixtures";



test("a new trainee signs up, is asked to check their inbox, signs in, signs out and signs in again", async ({ page }) => {
  const email = `new.trainee.${Date.now()}@example.net`;
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Full name").fill("Oluwaseun Adeyemi");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill("a strong pass phrase");
  await page.getByLabel("Grade").selectOption("ST2");
  // Typing part of the name finds the one hospital, and choosing it fills in the region.
  await page.getByLabel("Find your home hospital").fill("addenb");
  await expect(page.getByText("1 hospital matches")).toBeVisible();
  await expect(page.getByLabel("Home hospital", { exact: true }).locator("option:checked")).toHaveText("Addenbrooke's Hospital, Cambridge");
  await expect(page.getByLabel("Training region").locator("option:checked")).toHaveText("East of England");
  await page.getByLabel("GMC number (optional)").fill("7012345");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/signup\/check-your-inbox$/);
  await expect(page.getByRole("status")).toHaveText("We have sent an e-mail to the address you gave. Open it to carry on.");
  await expectAccessible(page);
  await signIn(page, email, "a strong pass phrase");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Oluwaseun Adeyemi");
  await expect(page.getByText("You are signed in as")).toContainText("Member, Trainee");
  await expect(page.getByText("Addenbrooke's Hospital")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, email.toUpperCase(), "a strong pass phrase");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Oluwaseun Adeyemi");
});

test("bad sign-up input gets a message at each field, keeps what was typed and creates nothing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  for (const message of [
    "Enter your full name",
    "Enter your e-mail address",
    "Enter a password",
    "Select your grade",
    "Select your training region",
    "Select your home hospital",
  ]) {
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
  }
  await expect(page.getByLabel("Full name")).toHaveAccessibleDescription(/Enter your full name/);
  await expectAccessible(page);

  const longName = "N".repeat(10_000);
  await page.getByLabel("Full name").fill(longName);
  await page.getByLabel("E-mail address").fill("not-an-email");
  await page.getByLabel("Password").fill("a strong pass phrase");
  await page.getByLabel("Grade").selectOption("ST4");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Addenbrooke's Hospital, Cambridge" });
  await page.getByLabel("GMC number (optional)").fill("12AB567");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(summary.getByRole("link", { name: "Your full name must be 120 characters or fewer" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Enter an e-mail address in the correct format/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter a GMC number of 7 digits, like 7123456" })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(longName);
  await expect(page.getByLabel("E-mail address")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Grade")).toHaveValue("ST4");
  await expect(page.getByLabel("Home hospital", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("GMC number (optional)")).toHaveValue("12AB567");
  // Passwords are never sent back to the browser.
  await expect(page.getByLabel("Password")).toHaveValue("");

  // The summary links move focus to the field.
  await summary.getByRole("link", { name: "Enter a GMC number of 7 digits, like 7123456" }).click();
  await expect(page.getByLabel("GMC number (optional)")).toBeFocused();

  await expectAccessible(page);
});

test("signing up with a registered address answers as a new one does, and the address's owner is told by e-mail", async ({ page }) => {
  const owner = "trainee@example.org";
  const before = (await readMailbox()).filter((email) => email.to.includes(owner)).length;
  await page.goto("/signup");
  // In another case, with a GMC number: neither is said to be registered.
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("E-mail address").fill("TRAINEE@Example.ORG");
  await page.getByLabel("Password").fill("a strong pass phrase");
  await page.getByLabel("Grade").selectOption("ST4");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Addenbrooke's Hospital, Cambridge" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/signup\/check-your-inbox$/);
  await expect(page.getByRole("status")).toHaveText("We have sent an e-mail to the address you gave. Open it to carry on.");
  await expect(page.getByText(/already exists|already registered/)).toHaveCount(0);
  await expectAccessible(page);

  const notice = await waitForEmail(owner, "Someone tried to create a RADIANT account with your address");
  expect(notice.text).toContain("no new account was made and nothing about yours has changed");
  expect(linkIn(notice, "/signin")).toMatch(/\/signin$/);
  expect(notice.text).toContain("/forgotten-password");
  expect(notice.text).not.toMatch(/reset-password\/|verify-email\//);
  expect((await readMailbox()).filter((email) => email.to.includes(owner)).length).toBe(before + 1);
  // The owner's password still works, and the one the stranger typed does not.
  await signIn(page, owner, "a strong pass phrase");
  await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/dashboard/);
});

test("a wrong password shows an error and gives no session", async ({ page }) => {
  await signIn(page, "trainee@example.org", "not the password");
  await expect(errorSummary(page)).toContainText("The e-mail address or password is not right");
  await expect(page.getByLabel("E-mail address")).toHaveValue("trainee@example.org");
  await expectAccessible(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

const demoAccounts = [
  { email: "trainee@example.org", name: "Aisha Rahman", roles: "Member, Trainee" },
  { email: "lead@example.org", name: "Tom Okafor", roles: "Project lead" },
  { email: "sitelead@example.org", name: "Catriona MacLeod", roles: "Site lead" },
  { email: "committee@example.org", name: "Helen Price", roles: "Committee member" },
  { email: "admin@example.org", name: "Sam Whitfield", roles: "Administrator" },
];

for (const account of demoAccounts) {
  test(`the demo account ${account.email} signs in and sees its role`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${account.name}`);
    await expect(page.getByText("You are signed in as")).toContainText(account.roles);
  });
}

test("what is chosen or typed before the page's script has loaded is kept when it loads", async ({ page }) => {
  // Hold back the page's scripts, as a slow connection would, until the choices are made.
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/signup", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "Addenbrooke's Hospital, Cambridge" });
  release();
  await page.waitForLoadState("networkidle");
  // Typing in the search now answers, so the script is running.
  await page.getByLabel("Find your home hospital").fill("cambridge");
  await expect(page.getByText("1 hospital matches")).toBeVisible();
  await expect(page.getByLabel("Home hospital", { exact: true }).locator("option:checked")).toHaveText("Addenbrooke's Hospital, Cambridge");
  await expect(page.getByLabel("Training region").locator("option:checked")).toHaveText("East of England");

  const scriptsHeldAgain = new Promise<void>((resolve) => (release = resolve));
  await page.unroute("**/_next/static/chunks/*.js");
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await scriptsHeldAgain;
    await route.continue();
  });
  await page.goto("/signup", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Find your home hospital").fill("ipswich");
  release();
  await expect(page.getByText("1 hospital matches")).toBeVisible();
  await expect(page.getByLabel("Home hospital", { exact: true }).locator("option:checked")).toHaveText("Ipswich Hospital, Ipswich");
  await expect(page.getByLabel("Training region").locator("option:checked")).toHaveText("East of England");
  await expect(page.getByLabel("Find your home hospital")).toHaveValue("ipswich");
});
