// The benchmark: the portal on the large and the huge seed (PostgreSQL) and on the demo
// seed (PostgreSQL and the embedded database), measured from a second process on loopback,
// against two references of the same server: a prerendered page (the ceiling) and /privacy
// (rendered per request, no data). Prints the tables, writes bench/results/<stamp>.json and
// appends the run to docs/benchmarks.md. Timings are reported, never asserted; the query
// budget (statements per request constant in data size) is.
//   npm run bench [-- --only large,huge,embedded] [-- --duration 10] [-- --port 4101]
//                 [-- --skip-build] [-- --skip-lighthouse]
// The demo seed on PostgreSQL always runs, for the statement counts; it is put under load only
// with the embedded phase, whose pages it is the measure of.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { BENCH_PAGES, DYNAMIC_REFERENCE_PATH, PRERENDERED_PATH, STATEMENT_BUDGET, type BenchPage } from "@/bench/pages";
import { startSmtpSink, type SmtpSink } from "../tests/support/smtp";

const PHASES = ["large", "huge", "embedded"] as const;
type Phase = (typeof PHASES)[number];

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    only: { type: "string", default: PHASES.join(",") },
    port: { type: "string", default: "4101" },
    "skip-build": { type: "boolean", default: false },
    "skip-lighthouse": { type: "boolean", default: false },
  },
});
const DURATION = Number(options.duration);
const PORT = Number(options.port);
const ONLY = new Set(options.only.split(",").map((phase) => phase.trim()));
for (const phase of ONLY) {
  if (!(PHASES as readonly string[]).includes(phase)) {
    console.error(`--only takes a list of ${PHASES.join(", ")}; not "${phase}"`);
    process.exit(2);
  }
}
if (!Number.isInteger(DURATION) || DURATION < 1 || !Number.isInteger(PORT) || PORT < 1024) {
  console.error("--duration must be a whole number of seconds and --port a port number from 1024");
  process.exit(2);
}
const runs = (phase: Phase) => ONLY.has(phase);
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

function seed(env: Record<string, string>, scale: "demo" | "large" | "huge") {
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
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * Seconds of load, unrecorded, before each measurement: the first requests to a page find its
 * code not yet compiled and its chunks not yet loaded (half a second each, ten at once), which
 * otherwise made the p99 of the first page measured at a connection count.
 */
const WARM_UP_SECONDS = 2;

async function load(base: string, page: BenchPage, cookies: Map<string, string>, connections: number): Promise<LoadResult> {
  const target = { url: `${base}${page.path}`, connections, headers: page.as ? { cookie: cookies.get(page.as)! } : {} };
  await autocannon({ ...target, duration: WARM_UP_SECONDS });
  const result = await autocannon({ ...target, duration: DURATION });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
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

type Loads = Record<string, Record<number, LoadResult>>;
interface ServerRun {
  statements: Record<string, number>;
  loads: Loads;
}

async function measureServer(label: string, base: string, connectionsList: number[]): Promise<ServerRun> {
  const cookies = await cookiesFor(base);
  const statements: Record<string, number> = {};
  for (const page of BENCH_PAGES) statements[page.path] = await statementsPerRequest(base, page, cookies);
  const loads: Loads = {};
  for (const page of connectionsList.length ? BENCH_PAGES.filter((p) => p.load) : []) {
    loads[page.path] = {};
    for (const connections of connectionsList) {
      log(`  ${label}: ${page.path} at ${connections} connections…`);
      loads[page.path]![connections] = await load(base, page, cookies, connections);
    }
  }
  return { statements, loads };
}

/** What a seed holds, counted in its database. */
async function seedShape(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ trainees: number; hospitals: number; projects: number; projectSites: number; reports: number }>(`
      SELECT (SELECT count(*) FROM "TraineeProfile")::int AS trainees,
             (SELECT count(*) FROM "Site" WHERE listing <> 'REQUESTED')::int AS hospitals,
             (SELECT count(*) FROM "Project")::int AS projects,
             (SELECT count(*) FROM "ProjectSite")::int AS "projectSites",
             (SELECT count(*) FROM "ProgressReport")::int AS reports`);
    const shape = rows[0]!;
    const n = (value: number) => value.toLocaleString("en-GB");
    return `${n(shape.trainees)} trainees, ${n(shape.hospitals)} hospitals, ${n(shape.projects)} projects, ${n(shape.projectSites)} project sites, ${n(shape.reports)} progress reports`;
  } finally {
    await client.end();
  }
}

const percent = (part: number, whole: number | undefined) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : "–");

async function main() {
  const started = new Date();
  const commit = sh("git", ["rev-parse", "--short", "HEAD"]).trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  log(`Benchmark on ${machine}, commit ${commit}; phases: demo seed (statements), ${[...ONLY].join(", ")}`);

  const postgres = await startPostgres();
  const servers: ChildProcess[] = [];
  const base = (offset: number) => `http://127.0.0.1:${PORT + offset}`;
  /** Starts a server on PORT + offset, measures it, and stops it. */
  const measure = async (label: string, offset: number, env: Record<string, string>, connectionsList: number[]) => {
    const server = await startServer(PORT + offset, env);
    servers.push(server);
    try {
      return await measureServer(label, base(offset), connectionsList);
    } finally {
      stopServer(server);
    }
  };
  try {
    const seedSeconds: Record<string, number> = {};
    const shapes: Record<string, string> = {};
    const urls: Record<string, string> = {};
    const seedInto = async (name: "small" | "large" | "huge", scale: "demo" | "large" | "huge") => {
      log(`Seeding ${scale}…`);
      urls[name] = await freshDatabase(postgres.url, `radiant_bench_${name}`);
      seedSeconds[name] = seed({ DATABASE_URL: urls[name]! }, scale);
      shapes[name] = await seedShape(urls[name]!);
      log(`  ${scale}: ${shapes[name]} in ${seedSeconds[name]!.toFixed(1)} s`);
    };
    await seedInto("small", "demo");
    if (runs("large")) await seedInto("large", "large");
    if (runs("huge")) await seedInto("huge", "huge");
    const pgliteDir = path.join("bench", "tmp", "pglite");
    const pgliteEnv = { DATABASE_URL: "", RADIANT_DATA_DIR: pgliteDir };
    if (runs("embedded")) {
      rmSync(pgliteDir, { recursive: true, force: true });
      seedSeconds.embeddedSmall = seed(pgliteEnv, "demo");
    }

    let buildSeconds: number | null = null;
    if (!options["skip-build"]) {
      log("Building…");
      const buildStarted = performance.now();
      sh("npx", ["next", "build"], { AUTH_SECRET });
      buildSeconds = (performance.now() - buildStarted) / 1000;
    }

    const jsByPage: Record<string, number> = {};
    const lighthouseRuns: Record<string, unknown> = {};
    let largeRun: ServerRun | undefined;
    if (runs("large")) {
      const server = await startServer(PORT, { DATABASE_URL: urls.large! });
      servers.push(server);
      try {
        largeRun = await measureServer("PostgreSQL, large", base(0), [10, 50]);
        for (const page of BENCH_PAGES.filter((p) => !p.path.startsWith("/api") && !p.as)) {
          jsByPage[page.path] = await firstLoadJsFromPage(base(0), page.path);
        }
        if (!options["skip-lighthouse"]) {
          for (const pagePath of ["/", "/projects", "/projects/ctpa-yield-emergency-department"]) {
            log(`  Lighthouse ${pagePath}…`);
            lighthouseRuns[pagePath] = await lighthouse(base(0), pagePath);
          }
        }
      } finally {
        stopServer(server);
      }
    }
    const hugeRun = runs("huge") ? await measure("PostgreSQL, huge", 1, { DATABASE_URL: urls.huge! }, [10, 50]) : undefined;
    const smallRun = await measure("PostgreSQL, demo", 2, { DATABASE_URL: urls.small! }, runs("embedded") ? [10] : []);
    const embeddedRun = runs("embedded") ? await measure("embedded, demo", 3, pgliteEnv, [10]) : undefined;

    // ---- report
    const loaded = BENCH_PAGES.filter((page) => page.load);
    const counted: [string, ServerRun | undefined][] = [["demo", smallRun], ["large", largeRun], ["huge", hugeRun], ["embedded, demo", embeddedRun]];
    const present = counted.filter((entry): entry is [string, ServerRun] => Boolean(entry[1]));
    // The same driver at every size: the embedded database's counts are shown beside them, not compared.
    const onPostgres = present.filter(([name]) => !name.startsWith("embedded"));
    const grown = BENCH_PAGES.filter((page) => new Set(onPostgres.map(([, run]) => run.statements[page.path])).size > 1);
    const overBudget = BENCH_PAGES.filter((page) => present.some(([, run]) => run.statements[page.path]! > STATEMENT_BUDGET));
    const loadHeaders = ["page", "req/s", "of prerendered", "of /privacy", "p50 ms", "p97.5 ms", "p99 ms", "errors"];
    const loadRows = (run: ServerRun, connections: number) => {
      const prerendered = run.loads[PRERENDERED_PATH]?.[connections]?.requestsPerSecond;
      const dynamic = run.loads[DYNAMIC_REFERENCE_PATH]?.[connections]?.requestsPerSecond;
      return loaded.map((page) => {
        const r = run.loads[page.path]![connections]!;
        return [page.name, r.requestsPerSecond, percent(r.requestsPerSecond, prerendered), percent(r.requestsPerSecond, dynamic), r.p50, r.p97_5, r.p99, r.errors + r.non2xx];
      });
    };
    const errorsAt50 = (run: ServerRun) =>
      table(
        ["page", "req/s", "p50 ms", "p97.5 ms", "p99 ms", "errors"],
        loaded.map((page) => {
          const r = run.loads[page.path]![50]!;
          return [page.name, r.requestsPerSecond, r.p50, r.p97_5, r.p99, r.errors + r.non2xx];
        }),
      );
    const seedLine = Object.entries(shapes)
      .map(([name, shape]) => `${name === "small" ? "demo" : name} (${shape}) ${seedSeconds[name]!.toFixed(1)} s`)
      .join("; ");
    const command = ["npm run bench --", `--duration ${DURATION}`, ONLY.size < PHASES.length ? `--only ${[...ONLY].join(",")}` : "", options["skip-lighthouse"] ? "--skip-lighthouse" : ""]
      .filter(Boolean)
      .join(" ");
    const sections = [
      `## Run of ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}`,
      "",
      "```sh\n" + command + "\n```",
      "",
      `Machine: ${machine}. Load from autocannon in a second process on loopback, ${DURATION} s per measurement, after ${WARM_UP_SECONDS} s of load not recorded.${buildSeconds === null ? "" : ` Build ${buildSeconds.toFixed(0)} s.`}`,
      "",
      `Seeds on PostgreSQL: ${seedLine}.${seedSeconds.embeddedSmall ? ` Embedded demo ${seedSeconds.embeddedSmall.toFixed(1)} s.` : ""}`,
      "",
      "Each page is compared with two references of the same server: the prerendered page (built once, no work per request: the ceiling) and /privacy (rendered per request, no data).",
      "",
      "### Query budget: SQL statements per request",
      "",
      table(["page", "path", ...present.map(([name]) => name)], BENCH_PAGES.map((page) => [page.name, page.path, ...present.map(([, run]) => run.statements[page.path]!)])),
      "",
      grown.length === 0 ? "No page's count changes with the data." : `**Changes with the data:** ${grown.map((p) => p.path).join(", ")}`,
      overBudget.length === 0 ? `Every page is within ${STATEMENT_BUDGET} statements.` : `**Over ${STATEMENT_BUDGET} statements:** ${overBudget.map((p) => p.path).join(", ")}`,
      "",
    ];
    if (largeRun) {
      sections.push("### PostgreSQL, large seed, 10 connections", "", table(loadHeaders, loadRows(largeRun, 10)), "");
      sections.push("### PostgreSQL, large seed, 50 connections", "", errorsAt50(largeRun), "");
    }
    if (hugeRun) {
      sections.push("### PostgreSQL, huge seed, 10 connections", "", table(loadHeaders, loadRows(hugeRun, 10)), "");
      sections.push("### PostgreSQL, huge seed, 50 connections", "", errorsAt50(hugeRun), "");
    }
    if (largeRun && hugeRun) {
      sections.push(
        "### Growth from the large seed to the huge one (10 connections)",
        "",
        table(
          ["page", "p50 large ms", "p50 huge ms", "p50 growth", "req/s large", "req/s huge"],
          loaded.map((page) => {
            const [large, huge] = [largeRun.loads[page.path]![10]!, hugeRun.loads[page.path]![10]!];
            const growth = large.p50 > 0 ? `${Math.round(((huge.p50 - large.p50) / large.p50) * 100)}%` : "–";
            return [page.name, large.p50, huge.p50, growth, large.requestsPerSecond, huge.requestsPerSecond];
          }),
        ),
        "",
      );
    }
    if (embeddedRun) {
      sections.push(
        "### Embedded database (PGlite) against PostgreSQL, demo seed, 10 connections",
        "",
        table(
          ["page", "req/s embedded", "req/s PostgreSQL", "embedded of PostgreSQL", "p50 ms", "p97.5 ms", "p99 ms", "errors"],
          loaded.map((page) => {
            const r = embeddedRun.loads[page.path]![10]!;
            const onPostgres = smallRun.loads[page.path]![10]!.requestsPerSecond;
            return [page.name, r.requestsPerSecond, onPostgres, percent(r.requestsPerSecond, onPostgres), r.p50, r.p97_5, r.p99, r.errors + r.non2xx];
          }),
        ),
        "",
      );
    }
    if (largeRun) {
      sections.push(
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
      );
    }
    const report = sections.join("\n");
    log("\n" + report);

    Object.assign(results, {
      date: started.toISOString(),
      commit,
      machine,
      durationSeconds: DURATION,
      phases: [...ONLY],
      seedSeconds,
      seeds: shapes,
      buildSeconds,
      statements: Object.fromEntries(present.map(([name, run]) => [name, run.statements])),
      load: { postgresLarge: largeRun?.loads, postgresHuge: hugeRun?.loads, postgresDemo: smallRun.loads, embeddedDemo: embeddedRun?.loads },
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
