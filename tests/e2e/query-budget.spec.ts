import { BENCH_PAGES, STATEMENT_BUDGET } from "@/bench/pages";
import { expect, signIn, test } from "./fixtures";

// The benchmark checks that these counts do not grow with the data; here the
// suite holds every page to the budget on the demo data, so a regression
// turns CI red. Requests run one at a time, so the counter's change is theirs.
for (const benchPage of BENCH_PAGES) {
  test(`${benchPage.name} (${benchPage.path}) sends at most ${STATEMENT_BUDGET} SQL statements`, async ({ page }) => {
    if (benchPage.as) {
      await signIn(page, benchPage.as);
      await page.waitForURL(/\/dashboard/);
      // The page the browser landed on keeps asking the server for things (link prefetches):
      // let it finish and leave it, so that only the requests below are counted.
      await page.waitForLoadState("networkidle");
      await page.goto("about:blank");
    }
    const counter = async () => ((await (await page.request.get("/api/debug/statements")).json()) as { statements: number }).statements;
    await page.request.get(benchPage.path); // the first request of a route may warm caches
    const before = await counter();
    const response = await page.request.get(benchPage.path);
    const statements = (await counter()) - before;
    test.info().annotations.push({ type: "statements", description: String(statements) });
    console.log(`${benchPage.path}: ${statements} statements`);
    expect(response.status()).toBe(200);
    expect(statements).toBeLessThanOrEqual(STATEMENT_BUDGET);
    if (!benchPage.ceiling) expect(statements).toBeGreaterThan(0);
  });
}
