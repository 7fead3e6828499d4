import { expect, expectAccessible, test } from "./fixtures";

test("a visitor reads what RADIANT is, browses projects, filters them and opens one", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Research by radiology trainees, across the UK");
  const figures = page.getByRole("region", { name: "The collaborative today" });
  await expect(figures).toContainText("trainees");
  await expect(figures.getByText(/^\d[\d,]*$/).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/\d+ projects found/);
  await expectAccessible(page);

  await page.getByLabel("Search").fill("pulmonary angiography");
  await page.getByRole("button", { name: "Show projects" }).click();
  await expect(page).toHaveURL(/q=pulmonary\+angiography/);
  await expect(page.getByRole("status")).toHaveText("1 project found");
  await expect(page.getByLabel("Search")).toHaveValue("pulmonary angiography");

  await page.getByRole("link", { name: /CT pulmonary angiography/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CT pulmonary angiography");
  await expect(page.getByRole("heading", { name: "National progress" })).toBeVisible();
  await expect(page.getByText(/cases of a target of \d+/)).toBeVisible();
  const table = page.getByRole("table", { name: /Cases submitted by each participating hospital/ });
  await expect(table.getByRole("rowheader", { name: /Addenbrooke's Hospital/ })).toBeVisible();
  expect(await table.getByRole("row").count()).toBeGreaterThan(10);
  await expect(page.getByRole("figure", { name: "Cases by region" })).toBeVisible();
  await expectAccessible(page);

  // Hundreds of hospitals would not fit one page: they come in pages, and a search finds one by town.
  const hospitals = page.getByRole("region", { name: "Hospitals taking part" });
  const count = Number(/^(\d+) hospitals/.exec((await hospitals.getByRole("status").textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThan(1);
  expect(await table.getByRole("row").count()).toBe(Math.min(count, 25) + 1);
  await hospitals.getByLabel("Find a hospital").fill("cambridge");
  await hospitals.getByRole("button", { name: "Find hospitals" }).click();
  await expect(hospitals.getByRole("status")).toHaveText("1 hospital matches “cambridge”.");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("rowheader")).toHaveText("Addenbrooke's Hospital, Cambridge");
  await expect(hospitals.getByLabel("Find a hospital")).toHaveValue("cambridge");
  await hospitals.getByRole("link", { name: "Show every hospital" }).click();
  await expect(hospitals.getByRole("status")).toHaveText(new RegExp(`^${count} hospitals`));
});

test("filters narrow the list and a filter nobody could pick is ignored", async ({ page }) => {
  await page.goto("/projects?status=COMPLETED");
  await expect(page.getByLabel("Status")).toHaveValue("COMPLETED");
  const completed = await page.getByRole("article").count();
  expect(completed).toBeGreaterThan(0);
  for (const tag of await page.getByRole("article").getByText("Completed").all()) await expect(tag).toBeVisible();

  await page.goto("/projects?design=NOT_A_DESIGN");
  await expect(page.getByLabel("Design")).toHaveValue("");
  await expect(page.getByRole("status")).toHaveText(/\d+ projects? found/);
  await expectAccessible(page);
});

test("a project that is not public is not found", async ({ page }) => {
  const response = await page.goto("/projects/no-such-project");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("the privacy notice names the data controller, how long data is kept and the right to complain to the ICO", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Privacy notice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
  // The controller configured for this server (playwright.config.ts), not an example.
  await expect(page.getByText("The data controller is Radiology Trainee Research Collaborative CIC.")).toBeVisible();
  await expect(page.getByText("1 Test Street, Leeds, LS1 1AA")).toBeVisible();
  await expect(page.getByRole("link", { name: "privacy@radiant.example" }).first()).toHaveAttribute("href", "mailto:privacy@radiant.example");
  await expect(page.getByText(/example details/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "How long we keep it" })).toBeVisible();
  await expect(page.getByText(/If nobody signs in to it for 3 years/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Complaints" })).toBeVisible();
  await expect(page.getByText(/right to complain to the Information Commissioner’s Office/)).toBeVisible();
  await expect(page.getByText("0303 123 1113")).toBeVisible();
  await expectAccessible(page);
  // At 320 pixels wide nothing needs scrolling sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
