import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/ui/pagination";
import { actionLabel, phraseParts } from "@/lib/audit-log/phrases";
import { listAuditEvents, type AuditRow, type Named } from "@/lib/audit-log/list";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { formatMoment } from "@/lib/format/dates";
import { auditSearchSchema } from "@/lib/validation/audit";
import { Button } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "Audit log" };

const RECORD_TYPES: Record<string, string> = {
  Project: "Projects and proposals",
  ProjectSite: "Hospitals in a project",
  Collaboration: "Places on site teams",
  User: "Members' accounts",
  Site: "Hospitals",
  Deanery: "Regions",
  HospitalRequest: "Hospital requests",
  Invitation: "Invitations",
  SiteInterest: "Requests to be told when a hospital opens",
  EmailMessage: "E-mails",
  Session: "Signed-in sessions",
  Database: "The database",
};

function Name({ named }: { named: Named }) {
  return named.href ? (
    <Link href={named.href} className="font-semibold text-brand underline">
      {named.label}
    </Link>
  ) : (
    <span className="font-semibold">{named.label}</span>
  );
}

/** One entry as a sentence: "Dr A Lead approved the proposal Lung nodules in CT." */
function Sentence({ row }: { row: AuditRow }) {
  const { before, after, hasEntity } = phraseParts(row.action);
  const who = row.actor ?? { label: "The portal" };
  const whoNamed = { ...who, label: who.label.charAt(0).toUpperCase() + who.label.slice(1) };
  return (
    <p>
      <Name named={whoNamed} /> {before}
      {hasEntity && row.entity ? (
        <>
          {" "}
          <Name named={row.entity} />
        </>
      ) : null}
      {after}.
    </p>
  );
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, "audit.read")) notFound();
  const search = auditSearchSchema.parse(await searchParams);
  const log = await listAuditEvents(actor, search);
  return (
    <div>
      <h1 className="text-3xl font-bold">Audit log</h1>
      <p className="mt-2">Every change made in the portal: who, what, before and after. It cannot be edited or deleted.</p>
      <search>
        <form method="get" className="mt-6 grid gap-4 bg-white p-4 md:grid-cols-4 md:items-end">
          <div className="min-w-0">
            <label htmlFor="action" className="block font-semibold">
              What was done
            </label>
            <select id="action" name="action" defaultValue={search.action ?? ""} className="mt-1 block w-full max-w-full border-2 border-ink bg-white px-2 py-1.5">
              <option value="">Anything</option>
              {log.actions.map((action) => (
                <option key={action} value={action}>
                  {actionLabel(action)}
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0">
            <label htmlFor="entityType" className="block font-semibold">
              Kind of record
            </label>
            <select id="entityType" name="entityType" defaultValue={search.entityType ?? ""} className="mt-1 block w-full max-w-full border-2 border-ink bg-white px-2 py-1.5">
              <option value="">Any kind</option>
              {Object.entries(RECORD_TYPES).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
              {search.entityType && !(search.entityType in RECORD_TYPES) ? <option value={search.entityType}>{search.entityType}</option> : null}
            </select>
          </div>
          <div className="min-w-0">
            <label htmlFor="actor" className="block font-semibold">
              Who (name or e-mail)
            </label>
            <input id="actor" name="actor" defaultValue={search.actor ?? ""} className="mt-1 block w-full border-2 border-ink px-2 py-1.5" />
          </div>
          <div>
            <Button type="submit">
              Filter
            </Button>
          </div>
        </form>
      </search>
      <p className="mt-6" role="status">
        {log.total === 1 ? "1 event" : `${log.total} events`}
      </p>
      <h2 id="events-title" className="sr-only">
        Events, newest first
      </h2>
      <ol aria-labelledby="events-title" className="mt-4 divide-y divide-line border-y border-line bg-white">
        {log.rows.map((row) => (
          <li key={row.id} className="p-3 break-words">
            <p className="text-sm text-muted">
              <time dateTime={row.createdAt.toISOString()}>{formatMoment(row.createdAt)}</time>
            </p>
            <Sentence row={row} />
            {row.before || row.after ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-brand underline">Show the record before and after</summary>
                <div className="mt-2 grid gap-2 md:grid-cols-2">
                  <div className="min-w-0">
                    <p className="text-sm font-semibold">Before</p>
                    <pre className="overflow-x-auto bg-paper p-2 text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">{row.before ?? "(nothing)"}</pre>
                  </div>
                  <div className="min-w-0">
                    <p className="text-sm font-semibold">After</p>
                    <pre className="overflow-x-auto bg-paper p-2 text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">{row.after ?? "(nothing)"}</pre>
                  </div>
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination
        page={log.page}
        pageCount={log.pageCount}
        basePath="/dashboard/audit"
        params={{ action: search.action, entityType: search.entityType, actor: search.actor }}
      />
    </div>
  );
}
