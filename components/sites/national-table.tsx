import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import type { NationalSiteRow } from "@/lib/sites/national";
import type { NationalSearch, NationalSort } from "@/lib/validation/sites";
import { SiteStatusTag } from "./site-status-tag";

const COLUMNS: { sort: NationalSort; label: string }[] = [
  { sort: "hospital", label: "Hospital" },
  { sort: "region", label: "Region" },
  { sort: "status", label: "Status" },
  { sort: "leads", label: "Site leads" },
  { sort: "team", label: "Team" },
];

/** The query string of the table with some parameters changed; the page goes back to 1. */
export function nationalHref(basePath: string, search: NationalSearch, change: Partial<Record<keyof NationalSearch, string | undefined>>) {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...search, page: undefined, ...change };
  for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== "" && !((key === "page" || key === "awaiting") && value === 1)) params.set(key, String(value));
  const text = params.toString();
  return text ? `${basePath}?${text}` : basePath;
}

function SortHeader({ basePath, search, sort, label }: { basePath: string; search: NationalSearch; sort: NationalSort; label: string }) {
  const current = (search.sort ?? "hospital") === sort;
  const dir = search.dir ?? "asc";
  const next = current && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className="p-2 whitespace-nowrap" aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={nationalHref(basePath, search, { sort, dir: next })}>
        {label}
        <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
        {current ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

/** Every site of a project: one row each, sortable by any column. */
export function NationalTable({ rows, basePath, search, slug }: { rows: NationalSiteRow[]; basePath: string; search: NationalSearch; slug: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Sites of the project, with their status, team, approvals and cases against target</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {COLUMNS.map((column) => (
              <SortHeader key={column.sort} basePath={basePath} search={search} sort={column.sort} label={column.label} />
            ))}
            <th scope="col" className="p-2">Approvals</th>
            <SortHeader basePath={basePath} search={search} sort="progress" label="Cases against target" />
            <SortHeader basePath={basePath} search={search} sort="updated" label="Last update" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const percent = row.target > 0 ? Math.min(100, Math.round((row.cases / row.target) * 100)) : 0;
            const expected = row.target > 0 ? Math.min(100, Math.round((row.expected / row.target) * 100)) : 0;
            return (
              <tr key={row.projectSiteId} className="border-b border-line align-top">
                <th scope="row" className="p-2 font-normal">
                  <Link href={`/dashboard/projects/${slug}/sites/${encodeURIComponent(row.odsCode)}`}>{row.hospital}</Link>
                  <br />
                  <span className="text-muted">{row.city}</span>
                </th>
                <td className="p-2">{row.region}</td>
                <td className="p-2">
                  <SiteStatusTag status={row.status} />
                </td>
                <td className="p-2">{row.siteLeads.join(", ") || "None"}</td>
                <td className="p-2">{row.teamSize}</td>
                <td className="p-2">
                  {row.approvalReference ? (
                    <>
                      {row.approvalReference}
                      <br />
                      <span className="whitespace-nowrap">{formatDate(row.approvalDate)}</span>
                      {row.caldicottSignedOff ? ", Caldicott" : ""}
                    </>
                  ) : (
                    "Not recorded"
                  )}
                  {row.leadApprovedAt ? null : (
                    <>
                      <br />
                      <strong>Awaiting the lead&apos;s approval</strong>
                    </>
                  )}
                </td>
                <td className="min-w-40 p-2">
                  <span className="whitespace-nowrap">
                    {row.cases} of {row.target}
                    {row.behind ? <strong> · behind</strong> : null}
                  </span>
                  <div className="relative mt-1 h-3 w-full bg-line" aria-hidden="true">
                    <div className="h-3 bg-brand" style={{ width: `${percent}%` }} />
                    {row.status !== "WITHDRAWN" && row.status !== "COMPLETE" ? (
                      <div className="absolute top-[-3px] h-[18px] w-0.5 bg-ink" style={{ left: `${expected}%` }} />
                    ) : null}
                  </div>
                  <span className="sr-only">
                    {percent}% of target; about {row.expected} expected by now
                  </span>
                </td>
                <td className="p-2 whitespace-nowrap">
                  {row.lastUpdate ? formatDate(row.lastUpdate) : "No count yet"}
                  {row.stale ? <><br /><strong>No update in 14 days</strong></> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
