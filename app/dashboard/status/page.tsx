import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import type { QueueName } from "@/lib/jobs/queue";
import { portalStatus } from "@/lib/operations/status";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Status of the portal" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

const QUEUE_LABELS: Record<QueueName, string> = {
  "mail-deliver": "E-mail delivery",
  "account-password-reset": "Password reset requests",
  scheduled: "Scheduled tasks (digests, reminders, clean-up)",
};

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export default async function StatusPage() {
  const actor = await requireActor();
  if (!can(actor, "operations.view")) notFound();
  const status = await portalStatus(actor);
  const { migrations, lastBackup } = status;
  return (
    <div>
      <h1 className="text-3xl font-bold">Status of the portal</h1>
      <p className="mt-2 max-w-3xl">
        How this installation is now. The same database and job queue answer <code>/api/health</code> for monitoring; each request and job is
        logged as one line on the server.
      </p>
      <dl className="mt-6 grid max-w-3xl grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-3 bg-white p-4 sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="font-semibold">Version</dt>
        <dd>RADIANT Portal {status.version}</dd>
        <dt className="font-semibold">Failed e-mails</dt>
        <dd>
          {status.failedEmails === 0 ? "None" : status.failedEmails === 1 ? "1 message has failed" : `${status.failedEmails} messages have failed`}
          {status.failedEmails > 0 ? (
            <>
              {" "}
              · <Link href="/dashboard/mail?status=FAILED">Show the failed messages</Link>
            </>
          ) : null}
        </dd>
        <dt className="font-semibold">Database migrations</dt>
        <dd>
          {migrations.applied} of {migrations.shipped} applied
          {migrations.pending.length === 0 ? ": up to date" : <span className="break-code">{`: ${migrations.pending.length} waiting (${migrations.pending.join(", ")}). Restart the portal to apply them.`}</span>}
          {migrations.latestApplied ? <span className="block text-sm text-muted">Latest: <span className="break-code">{migrations.latestApplied}</span></span> : null}
        </dd>
        <dt className="font-semibold">Last backup</dt>
        <dd>
          {lastBackup
            ? `${timeFormat.format(new Date(lastBackup.finishedAt))}, ${lastBackup.file} (${size(lastBackup.bytes)})`
            : "Never: no backup of this database has been recorded. Run npm run db:backup on the server."}
        </dd>
      </dl>
      <h2 className="mt-8 text-2xl font-bold">Job queue</h2>
      <DataTable
        small
        className="mt-4 max-w-3xl"
        caption="Jobs in each queue"
        head={
          <>
            <ColumnHeader>Queue</ColumnHeader>
            <ColumnHeader className="text-right">Waiting</ColumnHeader>
            <ColumnHeader className="text-right">Running</ColumnHeader>
            <ColumnHeader className="text-right">Failed</ColumnHeader>
          </>
        }
      >
        {status.queues.map((queue) => (
          <Row key={queue.queue}>
            <RowHeader>{QUEUE_LABELS[queue.queue]}</RowHeader>
            <Cell label="Waiting" className="md:text-right">
              {queue.waiting}
            </Cell>
            <Cell label="Running" className="md:text-right">
              {queue.active}
            </Cell>
            <Cell label="Failed" className="md:text-right">
              {queue.failed}
            </Cell>
          </Row>
        ))}
      </DataTable>
      <p className="mt-2 max-w-3xl text-sm">A job that fails is retried with growing delays; failed jobs are kept for about a week.</p>
    </div>
  );
}
