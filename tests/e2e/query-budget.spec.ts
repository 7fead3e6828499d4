import { request as playwrightRequest } from "@playwright/test";
import { BENCH_PAGES, STATEMENT_BUDGET } from "@/bench/pages";
import { expect, signIn, test } from "./fixtures";

// The benchmark checks that these counts do not grow with the data; here the
// suite holds every page to the budget on the demo data, so a regression
// turns CI red. Requests are made one at a time from a client that does not
// prefetch, so the counter's change is the page's own.
for (const benchPage of BENCH_PAGES) {
  test(`${benchPage.name} (${benchPage.path}) sends at most ${STATEMENT_BUDGET} SQL statements`, async ({ page, baseURL }) => {
    if (benchPage.as) {
      await signIn(page, benchPage.as);
      await expect(page).toHaveURL(/\/dashboard/);
    }
    const storageState = await page.context().storageState();
    await page.close(); // a browser page prefetches links, which would add to the count
    const client = await playwrightRequest.newContext({ baseURL, storageState });
    const counter = async () => ((await (await client.get("/api/debug/statements")).json()) as { statements: number }).statements;
    await client.get(benchPage.path); // the first request of a route may warm caches
    const before = await counter();
    const response = await client.get(benchPage.path, { maxRedirects: 0 });
    const statements = (await counter()) - before;
    await client.dispose();
    console.log(`${benchPage.path}: ${statements} statements`);
    expect(response.status()).toBe(200);
    expect(statements).toBeLessThanOrEqual(STATEMENT_BUDGET);
    // A visitor's page is drawn from the public pages' cache (lib/cache) once the first request
    // filled it; a signed-in page reads its member's data every time.
    if (!benchPage.ceiling) {
      if (benchPage.as) expect(statements).toBeGreaterThan(0);
      else expect(statements).toBe(0);
    }
  });
}
