// The README's phone screenshots (docs/screenshots/), taken at 390 × 844 from a running portal
// that holds the demo data: `npx tsx scripts/screenshots.ts [http://127.0.0.1:3000]`.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const SLUG = "ctpa-yield-emergency-department";
const SHOTS = [
  { as: "lead@example.org", path: `/dashboard/projects/${SLUG}`, file: "national-view-390.png", table: /Sites of the project/ },
  { as: "sitelead@example.org", path: `/dashboard/projects/${SLUG}/sites/RGT01/team`, file: "site-team-390.png", table: /Confirmed members/ },
  { as: "committee@example.org", path: "/dashboard/review", file: "review-queue-390.png", table: /Proposals waiting for review/, fromTop: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel("E-mail address").fill(shot.as);
    await page.getByLabel("Password").fill("radiant-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.goto(`${base}${shot.path}`);
    // The table's first rows, with its heading or sort links above them (or the page's top), fill the phone's screen.
    const table = page.getByRole("table", { name: shot.table });
    if (!("fromTop" in shot)) await table.evaluate((element) => (element.closest("section") ?? element.parentElement)?.scrollIntoView());
    else await table.waitFor();
    await page.screenshot({ path: `docs/screenshots/${shot.file}` });
    console.log(`docs/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
}
