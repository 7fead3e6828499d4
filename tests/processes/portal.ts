// Starts real portal processes (`npm run start` of the production build) for the tests in this
// folder, on the PostgreSQL database that global-setup.ts prepared, and the test mailbox.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/** Ports of this stage: PROCESSES_PORT (default 3220) and the next few. */
const BASE = Number(process.env.PROCESSES_PORT ?? 3220);
export const PORTS = { a: BASE, b: BASE + 1, smtp: BASE + 2, mailHttp: BASE + 3, c: BASE + 4 };

export const AUTH_SECRET = "processes-test-secret-not-used-anywhere-else-0123";

export function databaseUrl(): string {
  const url = process.env.RADIANT_PROCESSES_DATABASE_URL;
  if (!url) throw new Error("global-setup.ts did not prepare a database");
  return url;
}

export interface Running {
  child: ChildProcess;
  origin: string;
  /** Everything the process wrote to standard output so far. */
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts one portal process on `port`; resolves once /api/health answers 200. */
export async function startPortal(port: number): Promise<Running> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn("npm", ["run", "start", "--", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      AUTH_SECRET,
      PUBLIC_URL: `http://127.0.0.1:${PORTS.a}`,
      SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`,
      MAIL_FROM: "RADIANT <noreply@radiant.example>",
      DATA_CONTROLLER_NAME: "Radiology Trainee Research Collaborative CIC",
      DATA_CONTROLLER_ADDRESS: "1 Test Street, Leeds, LS1 1AA",
      PRIVACY_CONTACT_EMAIL: "privacy@radiant.example",
      NEXT_TELEMETRY_DISABLED: "1",
      RATE_LIMIT_SIGNUPS_PER_HOUR: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that a test that fails cannot leave a Next.js server behind.
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal on ${port} stopped (${child.exitCode}):\n${stdout}\n${stderr}`);
    const healthy = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`The portal on ${port} did not answer in time:\n${stdout}\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { child, origin, output: () => stdout, exited };
}

/** Stops a portal as a service manager would, and waits for it to exit. */
export async function stopPortal(running: Running | undefined): Promise<void> {
  if (!running) return;
  if (running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill("SIGTERM");
    await running.exited;
  }
  try {
    process.kill(-running.child.pid!, "SIGKILL");
  } catch {
    // Nothing was left of the group.
  }
}

/** The test mailbox (tests/support/mail-catcher.ts). */
export async function startMailCatcher(): Promise<ChildProcess> {
  const child = spawn("node", ["--import", "tsx", "tests/support/mail-catcher.ts", String(PORTS.smtp), String(PORTS.mailHttp)], { stdio: "ignore" });
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await fetch(`http://127.0.0.1:${PORTS.mailHttp}/health`).then((response) => response.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The test mailbox did not start");
}

export interface CaughtEmail {
  to: string[];
  subject: string;
  text: string;
}

export async function readMailbox(): Promise<CaughtEmail[]> {
  return (await (await fetch(`http://127.0.0.1:${PORTS.mailHttp}/messages`)).json()) as CaughtEmail[];
}
