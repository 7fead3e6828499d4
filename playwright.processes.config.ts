import { defineConfig } from "@playwright/test";

// Several portal processes of one build on one PostgreSQL (tests/processes): run by `npm test`
// after the end-to-end tests when RADIANT_TEST_POSTGRES_URL is set. Each test starts its own
// processes, so there is no webServer here.
export default defineConfig({
  testDir: "tests/processes",
  globalSetup: "./tests/processes/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/processes",
  reporter: [["list"], ["json", { outputFile: "test-results/playwright-processes.json" }]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
