// Load and kill: N signed-in members browse and ask to join projects against a
// running portal on loopback for a bounded time; midway the portal process is
// killed (SIGKILL) and started again. Afterwards every write the portal had
// acknowledged must be in the database, and nothing may be half-written.
// Runs on PostgreSQL and on the embedded database. Timings are reported, never asserted.
//   npm run reliability [-- --users 20 --seconds 40]
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, type DatabaseConfig } from "@/lib/db";
import { startSmtpSink, type SmtpSink } from "../tests/support/smtp";

const { values: options } = parseArgs({
  options: { users: { type: "string", default: "20" }, seconds: { type: "string", default: "40" } },
});
const USERS = Number(options.users);
const SECONDS = Number(options.seconds);
const AUTH_SECRET = "reliability-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
/** A production start needs the privacy notice\'s data controller (lib/env.ts). */
const EXAMPLE_CONTROLLER = {
  DATA_CONTROLLER_NAME: "RADIANT Trainee Research Collaborative (example)",
  DATA_CONTROLLER_ADDRESS: "1 Example Street, Exampletown, EX1 1AA",
  PRIVACY_CONTACT_EMAIL: "privacy@radiant.example",
};
const PORT = 4201;
const BASE = `http://127.0.0.1:${PORT}`;

function sh(command: string, args: string[], env: Record<string, string> = {}) {
  return execFileSync(command, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

// A production server needs somewhere to send mail: an SMTP server in this process that keeps it.
let sink: Promise<SmtpSink> | undefined;
const mailSink = () => (sink ??= startSmtpSink());

const SERVER_LOG = path.join("bench", "tmp", "reliability-server.log");

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const mail = await mailSink();
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  const log = openSync(SERVER_LOG, "a");
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET, RATE_LIMIT_SIGNUPS_PER_HOUR: "100000", SMTP_URL: mail.url, PUBLIC_URL: BASE, ...EXAMPLE_CONTROLLER, ...env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The portal did not start within a minute; see ${SERVER_LOG}.`);
}

function kill(server: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (server.pid) process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
}

function cookiesOf(response: Response) {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "radiant-demo", callbackUrl: `${BASE}/dashboard` }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`could not sign in as ${email}`);
  return session;
}

/** The fields a browser without JavaScript would send for the form holding `marker`. */
function formFields(html: string, marker: string): FormData | null {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => candidate.includes(marker));
  if (!form) return null;
  const data = new FormData();
  for (const input of form.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) data.append(name.replace(/&amp;/g, "&"), (/value="([^"]*)"/.exec(input)?.[1] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
  }
  const select = /<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/.exec(form);
  if (select) {
    const chosen = /<option[^>]*selected[^>]*value="([^"]+)"/.exec(select[2]!) ?? /<option[^>]*value="([^"]+)"[^>]*selected/.exec(select[2]!) ?? /<option[^>]*value="([^"]+)"/.exec(select[2]!);
    if (chosen) data.append(select[1]!, chosen[1]!);
  }
  return data;
}

interface Stats {
  requests: number;
  errors: number;
  errorsWhileDown: number;
  latencies: number[];
  acknowledgedJoins: { email: string; slug: string; projectSiteId: string }[];
}

async function timed(stats: Stats, down: () => boolean, work: () => Promise<Response>): Promise<Response | null> {
  const started = performance.now();
  stats.requests++;
  try {
    const response = await work();
    stats.latencies.push(performance.now() - started);
    if (response.status >= 500) {
      if (down()) stats.errorsWhileDown++;
      else stats.errors++;
      return null;
    }
    return response;
  } catch {
    if (down()) stats.errorsWhileDown++;
    else stats.errors++;
    return null;
  }
}

async function virtualUser(email: string, slugs: string[], until: number, stats: Stats, down: () => boolean) {
  let cookie = "";
  while (Date.now() < until) {
    if (!cookie) {
      try {
        cookie = await signIn(email);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 300));
        continue;
      }
    }
    const headers = { cookie };
    await timed(stats, down, () => fetch(`${BASE}/`, { headers }));
    await timed(stats, down, () => fetch(`${BASE}/projects`, { headers }));
    const slug = slugs[Math.floor(Math.random() * slugs.length)]!;
    const page = await timed(stats, down, () => fetch(`${BASE}/projects/${slug}`, { headers }));
    if (!page) continue;
    const html = await page.text().catch(() => null);
    if (html === null) {
      if (down()) stats.errorsWhileDown++;
      else stats.errors++;
      continue;
    }
    const form = formFields(html, 'name="projectSiteId"');
    if (form) {
      const projectSiteId = String(form.get("projectSiteId") ?? "");
      const response = await timed(stats, down, () => fetch(`${BASE}/projects/${slug}`, { method: "POST", headers: { ...headers, origin: BASE }, body: form, redirect: "manual" }));
      // The portal answered: it says the write is done (or refused it with a reason).
      if (response && response.status < 400 && projectSiteId) stats.acknowledgedJoins.push({ email, slug, projectSiteId });
    }
    await timed(stats, down, () => fetch(`${BASE}/dashboard`, { headers }));
  }
}

function percentile(values: number[], p: number) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
}

async function run(label: string, config: DatabaseConfig, serverEnv: Record<string, string>) {
  console.log(`\n== ${label}`);
  sh("npx", ["tsx", "scripts/seed.ts", "--reset"], serverEnv);
  const database = openDatabase(config);
  const people = await database.prisma.user.findMany({
    where: { role: "MEMBER", profile: { isNot: null }, email: { endsWith: "@nhs.example.net" } },
    select: { email: true },
    orderBy: { email: "asc" },
    take: USERS,
  });
  const slugs = (await database.prisma.project.findMany({ where: { status: { in: ["SITE_SETUP", "DATA_COLLECTION"] } }, select: { slug: true } })).map((p) => p.slug);
  const existingIds = new Set((await database.prisma.collaboration.findMany({ select: { id: true } })).map((row) => row.id));
  await database.close(); // the embedded database admits one process at a time

  const runStarted = new Date();
  let server = await startServer(serverEnv);
  let isDown = false;
  const stats: Stats = { requests: 0, errors: 0, errorsWhileDown: 0, latencies: [], acknowledgedJoins: [] };
  const until = Date.now() + SECONDS * 1000;
  const killer = (async () => {
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 400));
    isDown = true;
    kill(server, "SIGKILL");
    const killedAt = performance.now();
    server = await startServer(serverEnv);
    isDown = false;
    return Math.round(performance.now() - killedAt);
  })();
  await Promise.all(people.map((person) => virtualUser(person.email, slugs, until, stats, () => isDown)));
  const restartMs = await killer;
  kill(server, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  kill(server, "SIGKILL");

  // Afterwards: every acknowledged write is there; nothing is half-written.
  const check = openDatabase(config);
  const rows = (await check.prisma.collaboration.findMany({ select: { id: true } })).filter((row) => !existingIds.has(row.id));
  const allRows = await check.prisma.collaboration.findMany({ select: { projectSiteId: true, user: { select: { email: true } } } });
  const everHeld = new Set(allRows.map((row) => `${row.user.email}|${row.projectSiteId}`));
  const lost = stats.acknowledgedJoins.filter((join) => !everHeld.has(`${join.email}|${join.projectSiteId}`));
  const audited = new Set(
    (await check.prisma.auditEvent.findMany({ where: { action: "collaboration.requested", createdAt: { gte: runStarted } }, select: { entityId: true } })).map((event) => event.entityId),
  );
  const halfWritten = rows.filter((row) => !audited.has(row.id));
  await check.close();

  const result = {
    label,
    users: people.length,
    seconds: SECONDS,
    requests: stats.requests,
    requestsPerSecond: Math.round(stats.requests / SECONDS),
    errors: stats.errors,
    errorsWhilePortalWasDown: stats.errorsWhileDown,
    p50: percentile(stats.latencies, 50),
    p95: percentile(stats.latencies, 95),
    p99: percentile(stats.latencies, 99),
    restartMs,
    joinsAcknowledged: stats.acknowledgedJoins.length,
    newCollaborations: rows.length,
    lostWrites: lost.length,
    halfWritten: halfWritten.length,
  };
  console.log(result);
  return result;
}

async function main() {
  const started = new Date();
  const commit = sh("git", ["rev-parse", "--short", "HEAD"]).trim();
  if (!existsSync(".next/BUILD_ID")) sh("npx", ["next", "build"], { AUTH_SECRET });
  const [url, dir] = process.env.DATABASE_URL ? [process.env.DATABASE_URL, null] : sh("bash", [".ci/postgres.sh", "start"]).trim().split("|");
  const results = [];
  try {
    const pgUrl = new URL(url!);
    pgUrl.pathname = "/postgres";
    results.push(await run("PostgreSQL", { kind: "postgres", url: pgUrl.toString() }, { DATABASE_URL: pgUrl.toString() }));
    const dataDir = path.join("bench", "tmp", "reliability-pglite");
    rmSync(dataDir, { recursive: true, force: true });
    results.push(await run("Embedded database (PGlite)", { kind: "pglite", dataDir }, { DATABASE_URL: "", RADIANT_DATA_DIR: dataDir }));
  } finally {
    if (dir) sh("bash", [".ci/postgres.sh", "stop", dir]);
  }
  const lines = [
    `## Run of ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}`,
    "",
    "```sh\nnpm run reliability -- --users " + USERS + " --seconds " + SECONDS + "\n```",
    "",
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB. ${USERS} signed-in members, each looping: home, projects, a project page, ask to join there (the form posted as a browser without JavaScript would), dashboard. At 40% of the run the portal is killed with SIGKILL and started again.`,
    "",
    "| database | requests | req/s | errors | failed while down | p50 ms | p95 ms | p99 ms | restart ms | joins acknowledged | new collaborations | lost writes | half-written |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.map((r) => `| ${r.label} | ${r.requests} | ${r.requestsPerSecond} | ${r.errors} | ${r.errorsWhilePortalWasDown} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.restartMs} | ${r.joinsAcknowledged} | ${r.newCollaborations} | ${r.lostWrites} | ${r.halfWritten} |`),
    "",
  ];
  if (!existsSync("docs/reliability.md")) {
    writeFileSync(
      "docs/reliability.md",
      "# Reliability under load and faults\n\nEach run of `npm run reliability` appends a section. \"Failed while down\" are requests refused while the portal was being restarted; \"errors\" are failures while it was up. A lost write is a join the portal acknowledged that is not in the database afterwards; half-written is a collaboration without its audit record.\n\n",
    );
  }
  appendFileSync("docs/reliability.md", lines.join("\n") + "\n");
  console.log("\n" + lines.join("\n"));
  if (results.some((r) => r.lostWrites > 0 || r.halfWritten > 0)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
