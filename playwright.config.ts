import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** The test mailbox (tests/support/mail-catcher.ts): SMTP for the portal, HTTP for the tests. */
export const MAIL_SMTP_PORT = PORT + 1;
export const MAIL_HTTP_PORT = PORT + 2;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot be reached from here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
  {
    command: `node --import tsx tests/support/mail-catcher.ts ${MAIL_SMTP_PORT} ${MAIL_HTTP_PORT}`,
    url: `http://127.0.0.1:${MAIL_HTTP_PORT}/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
  {
    // The production build on a fresh embedded database with the demo data (which a production
    // start never loads by itself).
    command: `rm -rf .data/e2e && npm run build && npm run db:seed && npm run start -- -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: "",
      RADIANT_DATA_DIR: ".data/e2e",
      AUTH_SECRET: "e2e-only-secret-not-used-anywhere-else-0123456789",
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
      MAIL_FROM: "RADIANT <noreply@radiant.example>",
      // The privacy notice's data controller, without which a production start stops.
      DATA_CONTROLLER_NAME: "Radiology Trainee Research Collaborative CIC",
      DATA_CONTROLLER_ADDRESS: "1 Test Street, Leeds, LS1 1AA",
      PRIVACY_CONTACT_EMAIL: "privacy@radiant.example",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every test signs up from 127.0.0.1; the limit itself is tested in tests/integration/rate-limit.test.ts.
      RATE_LIMIT_SIGNUPS_PER_HOUR: "1000",
      // Exposes the statement counter that tests/e2e/query-budget.spec.ts reads.
      RADIANT_BENCH: "1",
    },
  },
  ],
});
