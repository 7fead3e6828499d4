// What a member sees when the server fails, and that support can find it in the logs. A genuine
// failure, with no debug route in the portal: a second process of the same production build is
// started on an empty embedded database that was never migrated (as after a forgotten
// `npm run db:migrate`), so every query for the portal's tables fails. A visitor's page fails
// inside the root layout (app/error.tsx); a signed-in member's fails in the layout itself, whose
// header reads the session (app/global-error.tsx).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { test, expect } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { expectAccessible } from "./fixtures";

const AUTH_SECRET = "e2e-broken-database-secret-not-used-anywhere-else-0123";

interface LogLine {
  event?: string;
  digest?: string;
  requestId?: string;
  path?: string;
  route?: string;
  status?: number;
}

let server: ChildProcess | undefined;
let origin = "";
let output = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function logLines(): LogLine[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The server's `request.error` line carrying `digest`, once it has been written. */
async function errorLineFor(digest: string): Promise<LogLine> {
  await expect.poll(() => logLines().some((line) => line.event === "request.error" && line.digest === digest), { message: output }).toBe(true);
  return logLines().find((line) => line.event === "request.error" && line.digest === digest)!;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // `next start` itself, not `npm run start`, which would migrate the database first.
  server = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      RADIANT_DATA_DIR: "memory://",
      AUTH_SECRET,
      PUBLIC_URL: origin,
      // Never reached: this process delivers no mail.
      SMTP_URL: "smtp://127.0.0.1:9",
      RADIANT_JOB_WORKER: "0",
      DATA_CONTROLLER_NAME: "Radiology Trainee Research Collaborative CIC",
      DATA_CONTROLLER_ADDRESS: "1 Test Street, Leeds, LS1 1AA",
      PRIVACY_CONTACT_EMAIL: "privacy@radiant.example",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that nothing is left behind when the test ends.
    detached: true,
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The second portal stopped (${server.exitCode}):\n${output}`);
    // Any answer will do: the health check itself says 503 when the database is not right.
    if (await fetch(`${origin}/api/health`).then(() => true, () => false)) break;
    if (Date.now() > deadline) throw new Error(`The second portal did not answer in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = once(server, "exit");
  process.kill(-server.pid!, "SIGKILL");
  await exited;
});

test("a page that fails on the server says sorry, gives the reference in the server's log, and a way back", async ({ page }) => {
  const response = await page.goto(`${origin}/projects`);
  expect(response?.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1, name: "Sorry, something went wrong" })).toBeVisible();
  // The portal's header still stands around the error.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" })).toBeVisible();
  await expect(page.getByText("give them this reference")).toBeVisible();
  const reference = (await page.getByTestId("error-reference").textContent())!.trim();
  expect(reference).toMatch(/^\S{6,}$/);
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page).toHaveTitle(/RADIANT Portal/);
  // Nothing of the database's own message reaches the member.
  await expect(page.locator("body")).not.toContainText(/relation|does not exist|prisma/i);
  await expectAccessible(page);

  // Support searches the logs for the reference and finds the failed request.
  const line = await errorLineFor(reference);
  expect(line).toMatchObject({ path: "/projects", route: "/projects" });
  expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
  await expect
    .poll(() => logLines().find((entry) => entry.event === "request" && entry.requestId === line.requestId)?.status, { message: output })
    .toBe(500);
});

test("when the page's frame itself fails, the portal still answers in its own style with the reference and a way back", async ({ page }) => {
  // A signed-in member's header reads their session from the database: the root layout fails.
  const cookie = await encode({
    token: { sub: "00000000-0000-4000-8000-000000000001", sessionVersion: 0, sessionSecret: "not-a-session-of-this-database" },
    secret: AUTH_SECRET,
    salt: "authjs.session-token",
  });
  await page.context().addCookies([{ name: "authjs.session-token", value: cookie, url: origin }]);
  const response = await page.goto(`${origin}/projects`);
  expect(response?.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1, name: "Sorry, something went wrong" })).toBeVisible();
  // Not the portal's own header, which could not be drawn, but the error page's plain one.
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: "RADIANT Portal" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  const reference = (await page.getByTestId("error-reference").textContent())!.trim();
  expect(reference).toMatch(/^\S{6,}$/);
  await expect(page).toHaveTitle(/RADIANT Portal/);
  await expectAccessible(page);
  expect(await errorLineFor(reference)).toMatchObject({ path: "/projects" });
});
