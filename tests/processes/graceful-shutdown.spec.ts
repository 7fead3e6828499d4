// A deployment stops a portal process with SIGTERM: the request it is answering still gets its
// answer, and the process exits cleanly, having logged each step as a JSON line.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { databaseUrl, PORTS, startPortal, stopPortal, type Running } from "./portal";

let portal: Running | undefined;

test.afterAll(async () => {
  await stopPortal(portal);
});

interface Line {
  event: string;
  requestId?: string;
  path?: string;
  status?: number;
  outcome?: string;
}

test("SIGTERM lets a request in flight finish with 200, then the process exits 0", async () => {
  portal = await startPortal(PORTS.c);
  const blocker = new pg.Client({ connectionString: databaseUrl() });
  // Another session: inside the blocker's transaction, pg_stat_activity would not change.
  const watcher = new pg.Client({ connectionString: databaseUrl() });
  await blocker.connect();
  await watcher.connect();
  try {
    // Hold the job table so that the health check's count waits: a slow request, for real.
    await blocker.query("BEGIN");
    await blocker.query('LOCK TABLE "pgboss"."job" IN ACCESS EXCLUSIVE MODE');
    const answer = fetch(`${portal.origin}/api/health`).then(async (response) => ({
      status: response.status,
      requestId: response.headers.get("x-request-id"),
      body: (await response.json()) as { status: string },
    }));
    await expect
      .poll(async () => {
        const { rows } = await watcher.query<{ waiting: number }>(
          "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%GROUP BY name, state%'",
        );
        return rows[0]!.waiting;
      })
      .toBeGreaterThan(0);

    portal.child.kill("SIGTERM");
    // The process waits for the request rather than exiting under it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(portal.child.exitCode).toBeNull();

    await blocker.query("COMMIT");
    const response = await answer;
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("ok");
    expect(await portal.exited).toBe(0);

    const lines = portal
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Line);
    expect(lines.find((line) => line.requestId === response.requestId)).toMatchObject({ event: "request", path: "/api/health", status: 200 });
    const events = lines.map((line) => line.event);
    expect(events.indexOf("shutdown.started")).toBeLessThan(events.lastIndexOf("request"));
    expect(lines.at(-1)).toMatchObject({ event: "shutdown.finished", outcome: "completed" });
  } finally {
    await blocker.query("ROLLBACK").catch(() => undefined);
    await blocker.end();
    await watcher.end();
  }
});
