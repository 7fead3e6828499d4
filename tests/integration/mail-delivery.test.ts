import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fromPglite, PgBoss } from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appDatabase, db } from "@/lib/db";
import { JOB_SCHEMA, QUEUES } from "@/lib/jobs/queue";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/workers";
import { deliverEmail } from "@/lib/mail/deliver";
import { queueEmail, type OutgoingEmail } from "@/lib/mail/outbox";
import { SECRET_PLACEHOLDER } from "@/lib/mail/secret";
import { startSmtpSink, type SmtpSink } from "../support/smtp";

const run = promisify(execFile);
let sink: SmtpSink;

const email = (to: string, extra: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  to,
  kind: "test",
  subject: `Hello ${to}`,
  greeting: "Dear Aisha Rahman,",
  paragraphs: ["A trainee asked to join your team."],
  action: { label: "Open the request", url: "http://localhost:3000/dashboard/site-requests" },
  reason: "You are getting this e-mail because you lead a site.",
  ...extra,
});

async function queued(message: OutgoingEmail): Promise<string> {
  return db.$transaction((tx) => queueEmail(tx, message));
}

async function jobsFor(messageId: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'messageId' = $2`,
    QUEUES.deliverEmail.name,
    messageId,
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  sink = await startSmtpSink({ refuse: (to) => to.startsWith("nobody@"), deferred: (to) => to.startsWith("later@") });
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "RADIANT <noreply@radiant.example>";
});
afterEach(async () => stopJobWorkers());
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe("outbound e-mail", () => {
  it("is queued with the event and delivered by the worker, with a plain-text and an HTML part", async () => {
    const id = await queued(email("first@example.net"));
    expect(await jobsFor(id)).toBe(1);
    await startJobWorkers();
    const received = await sink.waitFor((message) => message.to.includes("first@example.net"));
    expect(received.subject).toBe("Hello first@example.net");
    expect(received.from).toContain("noreply@radiant.example");
    expect(received.text).toContain("A trainee asked to join your team.");
    expect(received.text).toContain("http://localhost:3000/dashboard/site-requests");
    expect(received.text).toContain("because you lead a site");
    expect(received.html).toContain('href="http://localhost:3000/dashboard/site-requests"');
    expect(received.messageId).toBe(`<${id}@localhost>`);
    await expect.poll(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
  });

  it("does not exist when the event's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, email("rolled-back@example.net"));
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await db.emailMessage.count({ where: { to: "rolled-back@example.net" } })).toBe(0);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1`, QUEUES.deliverEmail.name);
    expect(jobs[0]?.n).toBe(await db.emailMessage.count());
  });

  it("puts the link's secret in the e-mail but keeps it out of the database", async () => {
    const id = await queued(email("secret@example.net", { action: { label: "Choose a new password", url: `http://localhost:3000/reset/${SECRET_PLACEHOLDER}` }, secret: "tok-123" }));
    const stored = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored)).not.toContain("tok-123");
    expect(await deliverEmail(id, { finalAttempt: false })).toBe("sent");
    const received = await sink.waitFor((message) => message.to.includes("secret@example.net"));
    expect(received.text).toContain("http://localhost:3000/reset/tok-123");
    expect(received.html).toContain('href="http://localhost:3000/reset/tok-123"');
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id } })).secret).toBeNull();
  });

  it("is sent once, however often its job runs", async () => {
    const id = await queued(email("once@example.net"));
    expect(await deliverEmail(id, { finalAttempt: false })).toBe("sent");
    expect(await deliverEmail(id, { finalAttempt: false })).toBe("already-done");
    await sink.waitFor((message) => message.to.includes("once@example.net"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.filter((message) => message.to.includes("once@example.net"))).toHaveLength(1);
  });

  it("is marked failed, with the server's reason, when the server refuses it for good", async () => {
    const id = await queued(email("nobody@example.net"));
    expect(await deliverEmail(id, { finalAttempt: false })).toBe("failed");
    const stored = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(stored.lastError).toContain("No such mailbox");
  });

  it("is tried again when the refusal is temporary, and marked failed after the last try", async () => {
    const id = await queued(email("later@example.net"));
    await expect(deliverEmail(id, { finalAttempt: false })).rejects.toThrow(/Try again later/);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(await deliverEmail(id, { finalAttempt: true })).toBe("failed");
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: 2 });
  });

  it("written by a portal killed before delivery is sent once after the restart", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "radiant-mail-"));
    const env = process.env.DATABASE_URL
      ? { ...process.env, SMTP_URL: sink.url }
      : { ...process.env, SMTP_URL: sink.url, RADIANT_DATA_DIR: path.join(folder, "pglite") };
    const node = [process.execPath, "--conditions=react-server", "--import", "tsx"] as const;
    try {
      if (!process.env.DATABASE_URL) {
        // A portal on the embedded database migrates it on start.
        await run(node[0], [...node.slice(1), "scripts/migrate.ts"], { env });
      }
      await expect(run(node[0], [...node.slice(1), "tests/support/queue-then-die.ts", "crash@example.net"], { env })).rejects.toMatchObject({ signal: "SIGKILL" });
      expect(sink.received.some((message) => message.to.includes("crash@example.net"))).toBe(false);

      const worker = spawn(node[0], [...node.slice(1), "tests/support/mail-worker-process.ts"], { env, stdio: "pipe" });
      try {
        await sink.waitFor((message) => message.to.includes("crash@example.net"), 30_000);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(sink.received.filter((message) => message.to.includes("crash@example.net"))).toHaveLength(1);
      } finally {
        worker.kill("SIGKILL");
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);

  // On PostgreSQL the second worker has its own pool, as a second portal process would; the
  // embedded database has one connection, so there the two workers share it.
  it("is delivered once when two workers share the database", async () => {
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) ids.push(await queued(email(`shared${n}@example.net`)));
    const connection = appDatabase().jobQueueConnection;
    const second =
      connection.kind === "postgres"
        ? new PgBoss({ connectionString: connection.url, schema: JOB_SCHEMA })
        : new PgBoss({ db: fromPglite(connection.lite), backend: "pglite", schema: JOB_SCHEMA });
    second.on("error", () => undefined);
    await second.start();
    try {
      await second.work<{ messageId: string }>(QUEUES.deliverEmail.name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await deliverEmail(job.data.messageId, { finalAttempt: false });
      });
      await startJobWorkers();
      await expect.poll(() => sink.received.filter((message) => message.to[0]?.startsWith("shared")).length, { timeout: 30_000 }).toBe(20);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const counts = new Map<string, number>();
      for (const message of sink.received) counts.set(message.to[0]!, (counts.get(message.to[0]!) ?? 0) + 1);
      expect([...counts.entries()].filter(([to, count]) => to.startsWith("shared") && count !== 1)).toEqual([]);
    } finally {
      await second.stop({ graceful: true, timeout: 3000, close: true });
    }
  });
});
