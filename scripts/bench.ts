// The benchmark: the portal on the large seed (PostgreSQL) and on the small
// seed (PostgreSQL and the embedded database), measured from a second process
// on loopback. Prints the tables, writes bench/results/<stamp>.json and
// appends the run to docs/benchmarks.md. Timings are reported, never asserted;
// the query budget (statements per request constant in data size) is.
//   npm run bench [-- --duration 10] [-- --skip-lighthouse]
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { BENCH_PAGES, STATEMENT_BUDGET, type BenchPage } from "@/bench/pages";
import { startSmtpSink, type SmtpSink } from "../tests/support/smtp";

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    "skip-lighthouse": { type: "boolean", default: false },
  },
});
const DURATION = Number(options.duration);
const AUTH_SECRET = "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
/** A production start needs the privacy notice\'s data controller (lib/env.ts). */
const EXAMPLE_CONTROLLER = {
  DATA_CONTROLLER_NAME: "RADIANT Trainee Research Collaborative (example)",
  DATA_CONTROLLER_ADDRESS: "1 Example Street, Exampletown, EX1 1AA",
  PRIVACY_CONTACT_EMAIL: "privacy@radiant.example",
};
const PASSWORD = "radiant-demo";
const results: Record<string, unknown> = {};
const log = (line = "") => console.log(line);

function sh(command: string, args: string[], env: Record<string, string> = {}) {
  return execFileSync(command, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

// ---------------------------------------------------------------- databases
async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const [url, dir] = sh("bash", [".ci/postgres.sh", "start"]).trim().split("|");
  return { url: url!, stop: () => sh("bash", [".ci/postgres.sh", "stop", dir!]) };
}

function databaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freshDatabase(serverUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return databaseUrl(serverUrl, name);
}

function seed(env: Record<string, string>, scale: "demo" | "large") {
  const started = performance.now();
  sh("npx", ["tsx", "scripts/seed.ts", "--scale", scale], env);
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------- the server
// A production server needs somewhere to send mail: an SMTP server in this process that keeps it.
let sink: Promise<SmtpSink> | undefined;
const mailSink = () => (sink ??= startSmtpSink());

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const mail = await mailSink();
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET, RADIANT_BENCH: "1", SMTP_URL: mail.url, PUBLIC_URL: `http://127.0.0.1:${port}`, ...EXAMPLE_CONTROLLER, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not start within a minute.");
}

function stopServer(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}

/** Signs in through Auth.js's credentials callback and returns the session cookie. */
async function signInCookie(base: string, email: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${base}/dashboard` }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`Could not sign in as ${email}.`);
  return session;
}

async function cookiesFor(base: string) {
  const cookies = new Map<string, string>();
  for (const page of BENCH_PAGES) if (page.as && !cookies.has(page.as)) cookies.set(page.as, await signInCookie(base, page.as));
  return cookies;
}

async function statementsPerRequest(base: string, page: BenchPage, cookies: Map<string, string>) {
  const headers = page.as ? { cookie: cookies.get(page.as)! } : undefined;
  const counter = async () => ((await (await fetch(`${base}/api/debug/statements`)).json()) as { statements: number }).statements;
  await fetch(`${base}${page.path}`, { headers });
  const before = await counter();
  const response = await fetch(`${base}${page.path}`, { headers });
  if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
  return (await counter()) - before;
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(base: string, page: BenchPage, cookies: Map<string, string>, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: `${base}${page.path}`,
    connections,
    duration: DURATION,
    headers: page.as ? { cookie: cookies.get(page.as)! } : {},
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: percentile95(result),
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** autocannon reports p90 and p97.5; p95 lies between them (linear interpolation). */
function percentile95(result: autocannon.Result) {
  const latency = result.latency as unknown as Record<string, number>;
  return Math.round((latency.p90! + (latency.p97_5! - latency.p90!) * (5 / 7.5)) * 10) / 10;
}

// ---------------------------------------------------------------- front end
function firstLoadJs(): Record<string, number> {
  const manifestPath = ".next/app-build-manifest.json";
  const sizes: Record<string, number> = {};
  if (!existsSync(manifestPath)) return sizes;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { pages: Record<string, string[]> };
  for (const [route, files] of Object.entries(manifest.pages)) {
    if (!route.endsWith("/page")) continue;
    const bytes = files
      .filter((file) => file.endsWith(".js"))
      .reduce((sum, file) => sum + gzipSync(readFileSync(path.join(".next", file))).length, 0);
    sizes[route.replace(/\/page$/, "") || "/"] = Math.round(bytes / 102.4) / 10;
  }
  return sizes;
}

async function firstLoadJsFromPage(base: string, pagePath: string) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  // Modern browsers skip the nomodule polyfills: they are not first-load JS.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => !/nomodule/i.test(tag))
    .map((tag) => /src="([^"]+\.js[^"]*)"/.exec(tag)?.[1])
    .filter((src): src is string => Boolean(src));
  let bytes = 0;
  for (const src of new Set(scripts)) bytes += gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length;
  return Math.round(bytes / 102.4) / 10;
}

async function lighthouse(base: string, pagePath: string) {
  const out = path.join("bench", "tmp", `lighthouse-${pagePath.replace(/\W+/g, "_") || "home"}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  sh("npx", [
    "lighthouse",
    `${base}${pagePath}`,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    "--only-categories=performance,accessibility,best-practices",
    "--preset=desktop",
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run`,
  ], { CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    categories: Record<string, { score?: number | null } | undefined>;
    audits: Record<string, { numericValue?: number } | undefined>;
  };
  const score = (key: string) => Math.round((report.categories[key]?.score ?? 0) * 100);
  const audit = (key: string) => report.audits[key]?.numericValue ?? 0;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: Math.round(audit("largest-contentful-paint")),
    cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
    tbtMs: Math.round(audit("total-blocking-time")),
  };
}

// ---------------------------------------------------------------- the run
function table(headers: string[], rows: (string | number)[][]) {
  const lines = [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

async function measureServer(label: string, base: string, withLoad: boolean, connectionsList: number[]) {
  const cookies = await cookiesFor(base);
  const statements: Record<string, number> = {};
  for (const page of BENCH_PAGES) statements[page.path] = await statementsPerRequest(base, page, cookies);
  const loads: Record<string, Record<number, LoadResult>> = {};
  if (withLoad) {
    for (const page of BENCH_PAGES.filter((p) => p.load)) {
      loads[page.path] = {};
      for (const connections of connectionsList) {
        log(`  ${label}: ${page.path} at ${connections} connections…`);
        loads[page.path]![connections] = await load(base, page, cookies, connections);
      }
    }
  }
  return { statements, loads };
}

async function main() {
  const started = new Date();
  const commit = sh("git", ["rev-parse", "--short", "HEAD"]).trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  log(`Benchmark on ${machine}, commit ${commit}`);

  const postgres = await startPostgres();
  const servers: ChildProcess[] = [];
  try {
    log("Seeding the small and the large data sets…");
    const smallUrl = await freshDatabase(postgres.url, "radiant_bench_small");
    const largeUrl = await freshDatabase(postgres.url, "radiant_bench_large");
    const seedSeconds = { small: seed({ DATABASE_URL: smallUrl }, "demo"), large: seed({ DATABASE_URL: largeUrl }, "large") };
    const pgliteDir = path.join("bench", "tmp", "pglite");
    rmSync(pgliteDir, { recursive: true, force: true });
    const pgliteEnv = { DATABASE_URL: "", RADIANT_DATA_DIR: pgliteDir };
    const pgliteSeedSeconds = seed(pgliteEnv, "demo");
    log(`Seeded: small ${seedSeconds.small.toFixed(1)} s, large ${seedSeconds.large.toFixed(1)} s, embedded small ${pgliteSeedSeconds.toFixed(1)} s`);

    log("Building…");
    const buildStarted = performance.now();
    sh("npx", ["next", "build"], { AUTH_SECRET });
    const buildSeconds = (performance.now() - buildStarted) / 1000;

    const large = await startServer(4101, { DATABASE_URL: largeUrl });
    servers.push(large);
    const largeRun = await measureServer("PostgreSQL, large", "http://127.0.0.1:4101", true, [10, 50]);
    const jsByPage: Record<string, number> = {};
    for (const page of BENCH_PAGES.filter((p) => !p.path.startsWith("/api") && !p.as)) {
      jsByPage[page.path] = await firstLoadJsFromPage("http://127.0.0.1:4101", page.path);
    }
    const lighthouseRuns: Record<string, unknown> = {};
    if (!options["skip-lighthouse"]) {
      for (const pagePath of ["/", "/projects", "/projects/ctpa-yield-emergency-department"]) {
        log(`  Lighthouse ${pagePath}…`);
        lighthouseRuns[pagePath] = await lighthouse("http://127.0.0.1:4101", pagePath);
      }
    }
    stopServer(large);

    const small = await startServer(4102, { DATABASE_URL: smallUrl });
    servers.push(small);
    const smallRun = await measureServer("PostgreSQL, small", "http://127.0.0.1:4102", false, []);
    stopServer(small);

    const embedded = await startServer(4103, pgliteEnv);
    servers.push(embedded);
    const embeddedRun = await measureServer("embedded, small", "http://127.0.0.1:4103", true, [10]);
    stopServer(embedded);

    // ---- report
    const ceiling = largeRun.loads["/privacy"]![10]!.requestsPerSecond;
    const grown = BENCH_PAGES.filter((page) => largeRun.statements[page.path] !== smallRun.statements[page.path]);
    const overBudget = BENCH_PAGES.filter((page) => largeRun.statements[page.path]! > STATEMENT_BUDGET);
    const loadRows = (run: typeof largeRun, connections: number) =>
      BENCH_PAGES.filter((page) => page.load).map((page) => {
        const r = run.loads[page.path]![connections]!;
        return [page.name, page.path, r.requestsPerSecond, `${Math.round((r.requestsPerSecond / ceiling) * 100)}%`, r.p50, r.p95, r.p99, r.errors + r.non2xx];
      });
    const loadHeaders = ["page", "path", "req/s", "of ceiling", "p50 ms", "p95 ms", "p99 ms", "errors"];
    const sections = [
      `## Run of ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}`,
      "",
      "```sh\nnpm run bench -- --duration " + DURATION + "\n```",
      "",
      `Machine: ${machine}. Load from autocannon in a second process on loopback, ${DURATION} s per measurement. Build ${buildSeconds.toFixed(0)} s.`,
      "",
      `Seeds: small (demo) ${seedSeconds.small.toFixed(1)} s; large (5,000 trainees, 420 hospitals, 150 projects, 3,320 project sites, 53,465 progress reports) ${seedSeconds.large.toFixed(1)} s; embedded small ${pgliteSeedSeconds.toFixed(1)} s.`,
      "",
      "### Query budget: SQL statements per request",
      "",
      table(
        ["page", "path", "small seed", "large seed", "embedded, small"],
        BENCH_PAGES.map((page) => [page.name, page.path, smallRun.statements[page.path]!, largeRun.statements[page.path]!, embeddedRun.statements[page.path]!]),
      ),
      "",
      grown.length === 0 ? "No page's count grows with the data." : `**Grows with the data:** ${grown.map((p) => p.path).join(", ")}`,
      overBudget.length === 0 ? `Every page is within ${STATEMENT_BUDGET} statements.` : `**Over ${STATEMENT_BUDGET} statements:** ${overBudget.map((p) => p.path).join(", ")}`,
      "",
      "### PostgreSQL, large seed, 10 connections",
      "",
      table(loadHeaders, loadRows(largeRun, 10)),
      "",
      "### PostgreSQL, large seed, 50 connections",
      "",
      table(loadHeaders, loadRows(largeRun, 50)),
      "",
      "### Embedded database (PGlite), small seed, 10 connections",
      "",
      table(
        loadHeaders,
        BENCH_PAGES.filter((page) => page.load).map((page) => {
          const r = embeddedRun.loads[page.path]![10]!;
          const own = embeddedRun.loads["/privacy"]![10]!.requestsPerSecond;
          return [page.name, page.path, r.requestsPerSecond, `${Math.round((r.requestsPerSecond / own) * 100)}%`, r.p50, r.p95, r.p99, r.errors + r.non2xx];
        }),
      ),
      "",
      "### Front end",
      "",
      table(["page", "first-load JS (gzip kB)"], Object.entries(jsByPage).map(([page, kb]) => [page, kb])),
      "",
      Object.keys(lighthouseRuns).length
        ? table(
            ["page", "performance", "accessibility", "best practices", "LCP ms", "CLS", "TBT ms"],
            Object.entries(lighthouseRuns).map(([page, r]) => {
              const x = r as Record<string, number>;
              return [page, x.performance!, x.accessibility!, x.bestPractices!, x.lcpMs!, x.cls!, x.tbtMs!];
            }),
          )
        : "Lighthouse skipped.",
      "",
    ];
    const report = sections.join("\n");
    log("\n" + report);

    Object.assign(results, {
      date: started.toISOString(),
      commit,
      machine,
      durationSeconds: DURATION,
      seedSeconds: { ...seedSeconds, embeddedSmall: pgliteSeedSeconds },
      buildSeconds,
      statements: { small: smallRun.statements, large: largeRun.statements, embedded: embeddedRun.statements },
      load: { postgresLarge: largeRun.loads, embeddedSmall: embeddedRun.loads },
      firstLoadJsKb: jsByPage,
      routeJsKb: firstLoadJs(),
      lighthouse: lighthouseRuns,
    });
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/${started.toISOString().replace(/\D/g, "").slice(0, 14)}.json`;
    writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
    if (!existsSync("docs/benchmarks.md")) {
      writeFileSync("docs/benchmarks.md", "# Benchmarks\n\nEach run appends a section; the JSON of each is in bench/results/.\n\n");
    }
    appendFileSync("docs/benchmarks.md", report + "\n");
    log(`Wrote ${file} and appended docs/benchmarks.md`);
    if (grown.length > 0 || overBudget.length > 0) {
      console.error("The query budget is broken (see above).");
      process.exitCode = 1;
    }
  } finally {
    for (const server of servers) {
      try {
        stopServer(server);
      } catch {
        // already stopped
      }
    }
    postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
