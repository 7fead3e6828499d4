import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/ui/pagination";
import { listAuditEvents } from "@/lib/audit-log/list";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { auditSearchSchema } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

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
          <div>
            <label htmlFor="action" className="block font-semibold">
              Action
            </label>
            <select id="action" name="action" defaultValue={search.action ?? ""} className="mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5">
              <option value="">Any action</option>
              {log.actions.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="entityType" className="block font-semibold">
              Record type
            </label>
            <input id="entityType" name="entityType" defaultValue={search.entityType ?? ""} className="mt-1 block w-full border-2 border-ink px-2 py-1.5" />
          </div>
          <div>
            <label htmlFor="actor" className="block font-semibold">
              Who (name or e-mail)
            </label>
            <input id="actor" name="actor" defaultValue={search.actor ?? ""} className="mt-1 block w-full border-2 border-ink px-2 py-1.5" />
          </div>
          <div>
            <button type="submit" className="cursor-pointer border-b-4 border-[#00401e] bg-ok px-4 py-2 font-semibold text-white">
              Filter
            </button>
          </div>
        </form>
      </search>
      <p className="mt-6" role="status">
        {log.total === 1 ? "1 event" : `${log.total} events`}
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="p-2">When</th>
              <th scope="col" className="p-2">Who</th>
              <th scope="col" className="p-2">Action</th>
              <th scope="col" className="p-2">Record</th>
              <th scope="col" className="p-2">Change</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((row) => (
              <tr key={row.id} className="border-b border-line align-top">
                <td className="p-2 whitespace-nowrap">{timeFormat.format(row.createdAt)}</td>
                <td className="p-2">{row.actorName ? `${row.actorName} (${row.actorEmail})` : "System"}</td>
                <td className="p-2 font-mono">{row.action}</td>
                <td className="p-2">
                  {row.entityType} <span className="font-mono text-xs break-all">{row.entityId}</span>
                </td>
                <td className="p-2">
                  {row.before || row.after ? (
                    <details>
                      <summary className="cursor-pointer text-brand underline">Show before and after</summary>
                      <div className="mt-2 grid gap-2 md:grid-cols-2">
                        <pre className="overflow-x-auto bg-paper p-2 text-xs">{row.before ?? "(nothing)"}</pre>
                        <pre className="overflow-x-auto bg-paper p-2 text-xs">{row.after ?? "(nothing)"}</pre>
                      </div>
                    </details>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={log.page}
        pageCount={log.pageCount}
        basePath="/dashboard/audit"
        params={{ action: search.action, entityType: search.entityType, actor: search.actor }}
      />
    </div>
  );
}
