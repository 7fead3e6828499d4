#!/usr/bin/env node
// The whole test suite: unit and integration tests (Vitest) on the embedded
// database, end-to-end tests (Playwright, Debian's Chromium), and, when
// RADIANT_TEST_POSTGRES_URL is set, the integration tests again on that
// PostgreSQL and two portal processes of the end-to-end tests' build on it
// (tests/processes). Ends with the totals of every suite on one line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;

function run(command, args, extraEnv = {}) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's package…");
    run("apt-get", ["update", "-qq"]);
    if (run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0 && existsSync(CHROMIUM)) return true;
  }
  console.error(
    `The end-to-end tests need Chromium at ${CHROMIUM}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to another Chromium).`,
  );
  return false;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];

function vitest(label, args, extraEnv) {
  const report = `test-results/vitest-${label}.json`;
  rmSync(report, { force: true });
  const status = run("npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${report}`], extraEnv);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    skipped = json.numPendingTests + json.numTodoTests;
  }
  if (status !== 0 && failed === 0) failed = 1; // the run itself broke
  const names = { embedded: "unit + integration (embedded database)", postgres: "integration (PostgreSQL)" };
  suites.push({ label: names[label] ?? label, passed, failed, skipped });
}

function playwright(label = "end-to-end (Chromium)", config = "playwright.config.ts", report = "test-results/playwright.json") {
  rmSync(report, { force: true });
  const status = run("npx", ["playwright", "test", "--config", config]);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const stats = JSON.parse(readFileSync(report, "utf8")).stats;
    passed = stats.expected;
    failed = stats.unexpected + stats.flaky;
    skipped = stats.skipped;
  }
  if (status !== 0 && failed === 0) failed = 1;
  suites.push({ label, passed, failed, skipped });
}

vitest("embedded", []);
const haveChromium = ensureChromium();
if (haveChromium) playwright();
else suites.push({ label: "end-to-end (Chromium)", passed: 0, failed: 1, skipped: 0 });
if (process.env.RADIANT_TEST_POSTGRES_URL) {
  vitest("postgres", ["--project", "integration"], { DATABASE_URL: process.env.RADIANT_TEST_POSTGRES_URL });
  // After the end-to-end tests, whose build these processes run.
  if (haveChromium) playwright("two processes on PostgreSQL", "playwright.processes.config.ts", "test-results/playwright-processes.json");
}

console.log("\nSuites:");
for (const suite of suites) {
  console.log(`  ${suite.label.padEnd(40)} ${suite.passed} passed, ${suite.failed} failed${suite.skipped ? `, ${suite.skipped} skipped` : ""}`);
  totals.passed += suite.passed;
  totals.failed += suite.failed;
  totals.skipped += suite.skipped;
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
