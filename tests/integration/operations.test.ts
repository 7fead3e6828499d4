import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { ForbiddenError } from "@/lib/authz";
import { appDatabase, db } from "@/lib/db";
import { recordBackup } from "@/lib/database/backup-record";
import { readMigrations } from "@/lib/database/migrate";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/workers";
import { setLogWriter, type LogLine } from "@/lib/log";
import { queueEmail } from "@/lib/mail/outbox";
import { portalStatus } from "@/lib/operations/status";
import packageJson from "@/package.json";
import { createUser } from "../support/factories";
import { startSmtpSink } from "../support/smtp";

const folder = await mkdtemp(path.join(tmpdir(), "radiant-status-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

const RECIPIENT = "health-check-person@example.net";

async function health() {
  const response = await healthRoute();
  return { status: response.status, cacheControl: response.headers.get("cache-control"), text: await response.text() };
}

describe("/api/health", () => {
  it("answers 200 with the database and the queue's backlog, never cached and naming nobody", async () => {
    const before = JSON.parse((await health()).text) as { jobQueue: { waiting: number } };
    await db.$transaction((tx) =>
      queueEmail(tx, { to: RECIPIENT, kind: "test", subject: "A test", paragraphs: ["Hello."], reason: "A test asked for it." }),
    );
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toBe("no-store");
    const body = JSON.parse(answer.text) as { status: string; database: string; jobQueue: { status: string; waiting: number } };
    expect(body).toMatchObject({ status: "ok", database: "ok", jobQueue: { status: "ok" } });
    expect(body.jobQueue.waiting).toBe(before.jobQueue.waiting + 1);
    expect(answer.text).not.toContain(RECIPIENT);
  });

  it("answers 503 when the job queue cannot be read", async () => {
    await db.$executeRawUnsafe('ALTER TABLE "pgboss"."job" RENAME TO "job_away"');
    try {
      const answer = await health();
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.text)).toMatchObject({ status: "unavailable", database: "ok", jobQueue: { status: "unavailable" } });
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "pgboss"."job_away" RENAME TO "job"');
    }
    expect((await health()).status).toBe(200);
  });
});

describe("the administrators' status page", () => {
  it("shows failed e-mails, the queue, the migration level, the version, and no backup until one is recorded", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const id = await db.$transaction((tx) =>
      queueEmail(tx, { to: "bounced@example.net", kind: "test", subject: "Bounced", paragraphs: ["Hello."], reason: "A test asked for it." }),
    );
    await db.emailMessage.update({ where: { id }, data: { status: "FAILED", failedAt: new Date() } });

    const status = await portalStatus(admin);
    expect(status.version).toBe(packageJson.version);
    expect(status.failedEmails).toBe(await db.emailMessage.count({ where: { status: "FAILED" } }));
    expect(status.failedEmails).toBeGreaterThan(0);
    expect(status.queues.find((queue) => queue.queue === "mail-deliver")?.waiting).toBeGreaterThan(0);
    const shipped = await readMigrations();
    expect(status.migrations).toEqual({
      shipped: shipped.length,
      applied: shipped.length,
      latestApplied: shipped.at(-1)!.name,
      latestShipped: shipped.at(-1)!.name,
      pending: [],
    });
    expect(status.lastBackup).toBeNull();

    const file = path.join(folder, "radiant-20261129030000.dump");
    await writeFile(file, Buffer.alloc(2048));
    await recordBackup(appDatabase(), file, new Date("2026-11-29T03:00:00Z"));
    expect((await portalStatus(admin)).lastBackup).toEqual({ file: "radiant-20261129030000.dump", bytes: 2048, finishedAt: "2026-11-29T03:00:00.000Z" });
    const record = await db.auditEvent.findFirstOrThrow({ where: { action: "database.backedUp" }, select: { actorId: true } });
    expect(record.actorId).toBeNull();
  });

  it("is refused to members and the committee", async () => {
    for (const role of ["MEMBER", "COMMITTEE"] as const) {
      const person = await createUser({ role });
      await expect(portalStatus(person)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(portalStatus(null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the job log", () => {
  it("writes one line per job with its queue, id, outcome and duration, and not whom it was for", async () => {
    const lines: LogLine[] = [];
    setLogWriter((line) => lines.push(JSON.parse(line) as LogLine));
    const sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    try {
      const to = "logged-person@example.net";
      await db.$transaction((tx) => queueEmail(tx, { to, kind: "test", subject: "Logged", paragraphs: ["Hello."], reason: "A test asked for it." }));
      await startJobWorkers();
      await expect.poll(() => sink.received.filter((email) => email.to.includes(to)).length, { timeout: 20_000 }).toBe(1);
      await expect.poll(() => lines.filter((line) => line.event === "job" && line.job === "mail-deliver").length).toBeGreaterThan(0);
      const line = lines.find((entry) => entry.event === "job" && entry.job === "mail-deliver")!;
      expect(line).toMatchObject({ level: "info", outcome: "completed" });
      expect(line.jobId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(lines)).not.toContain("example.net");
    } finally {
      await stopJobWorkers();
      setLogWriter(undefined);
      delete process.env.SMTP_URL;
      await sink.close();
    }
  });
});
