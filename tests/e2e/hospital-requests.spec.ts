// A new member whose hospital is missing from the list asks for it at sign-up; an administrator
// approves it, correcting it; the member is e-mailed and sees it approved on their profile.
import { confirmEmail, expect, finishSignUp, expectAccessible, linkIn, signIn, test, waitForEmail } from "./fixtures";

test("a member asks for a missing hospital at sign-up, and an administrator approves it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const person = { name: "Ifeoma Nwosu", email: `ifeoma.${stamp}@example.net`, password: "a strong pass phrase" };
  const hospital = `Fenland Community Hospital ${stamp}`;

  await page.goto("/signup");
  await page.getByLabel("Full name").fill(person.name);
  await page.getByLabel("E-mail address").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByLabel("Grade").selectOption("ST2");
  await page.getByLabel("Training region").selectOption({ label: "East of England" });
  await page.getByLabel("Home hospital", { exact: true }).selectOption({ label: "My hospital is not on the list" });
  // The name is needed: the form says so at the field and keeps everything typed.
  await page.getByLabel("Town or city").fill("Wisbech");
  await page.getByRole("button", { name: "Create account" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link", { name: "Enter the name of your hospital" })).toBeVisible();
  await expect(page.getByLabel("Town or city")).toHaveValue("Wisbech");
  await expectAccessible(page);
  await page.getByLabel("Password").fill(person.password);
  await page.getByLabel("Name of the hospital").fill(hospital);
  await page.getByLabel("Anything that helps us find it (optional)").fill("On the Lynn Road, next to the fire station.");
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, person.email, person.password);
  await confirmEmail(page, person.email);

  // Meanwhile it is their home hospital, shown to them alone as awaiting approval.
  await page.goto("/dashboard/profile");
  const notice = page.getByRole("region", { name: "Your request for a hospital" });
  await expect(notice).toContainText(`${hospital}, Wisbech to be added to the list. It is awaiting approval`);
  await expect(page.getByLabel("Home hospital", { exact: true }).locator("option:checked")).toHaveText(`${hospital}, Wisbech (awaiting approval)`);
  await expectAccessible(page);

  // An administrator finds it from the dashboard, corrects it and approves it.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin@example.org");
  await expect(adminPage).toHaveURL(/\/dashboard/);
  await expect(adminPage.getByRole("listitem").filter({ hasText: "Requests for missing hospitals" })).toContainText(/\d+ waiting/);
  await adminPage.getByRole("link", { name: "Requests for missing hospitals" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Requests for missing hospitals" })).toBeVisible();
  await adminPage.getByLabel("Hospital or town").fill(String(stamp));
  await adminPage.getByRole("button", { name: "Find requests" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "waits" })).toHaveText("1 request waits matching your search.");
  await expect(adminPage.getByRole("row", { name: new RegExp(hospital) })).toContainText(person.email);
  await expectAccessible(adminPage);
  await adminPage.getByRole("link", { name: `Decide on ${hospital}` }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: `${hospital}, Wisbech` })).toBeVisible();
  await expect(adminPage.getByText("On the Lynn Road, next to the fire station.")).toBeVisible();
  await expectAccessible(adminPage);
  const code = `E${String(stamp).slice(-5)}`;
  await adminPage.getByLabel("NHS trust or health board").fill("North West Anglia NHS Foundation Trust");
  await adminPage.getByLabel("Organisation code").fill("not a code");
  await adminPage.getByRole("button", { name: "Approve and add to the list" }).click();
  await expect(adminPage.getByRole("link", { name: "Enter the organisation code as 3 to 6 letters and digits, like RGT01" })).toBeVisible();
  await expect(adminPage.getByLabel("NHS trust or health board")).toHaveValue("North West Anglia NHS Foundation Trust");
  await adminPage.getByLabel("Organisation code").fill(code.toLowerCase());
  await adminPage.getByRole("button", { name: "Approve and add to the list" }).click();
  await expect(adminPage).toHaveURL(/\/dashboard\/hospital-requests\?decided=approved/);
  await expect(adminPage.getByRole("status").filter({ hasText: "approved" })).toHaveText(
    "The request was approved: the hospital is on the list, and the member has been told.",
  );
  await expectAccessible(adminPage);

  // The member is e-mailed, with the link to their profile, where it shows as approved.
  const email = await waitForEmail(person.email, "Your hospital was added to RADIANT");
  expect(email.text).toContain(`${hospital}, Wisbech, is now on RADIANT's list of hospitals`);
  await page.goto(linkIn(email, "/dashboard/profile"));
  await expect(page.getByRole("region", { name: "Your request for a hospital" })).toContainText(`${hospital}, Wisbech is now on the list of hospitals`);
  await expect(page.getByRole("region", { name: "Your request for a hospital" })).toContainText("Approved on");
  await expect(page.getByLabel("Home hospital", { exact: true }).locator("option:checked")).toHaveText(`${hospital}, Wisbech`);
  await expectAccessible(page);
  await adminPage.context().close();
});
