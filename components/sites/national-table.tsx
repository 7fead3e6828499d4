import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import type { NationalSiteRow } from "@/lib/sites/national";
import type { NationalSearch, NationalSort } from "@/lib/validation/sites";
import { Cell, ColumnHeader, DataTable, Row, RowHeader, SortHeader } from "@/components/ui/data-table";
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

/** Every site of a project: one row each, sortable by any column. */
export function NationalTable({ rows, basePath, search, slug }: { rows: NationalSiteRow[]; basePath: string; search: NationalSearch; slug: string }) {
  const sortHeader = (sort: NationalSort, label: string) => {
    const current = (search.sort ?? "hospital") === sort;
    const dir = search.dir ?? "asc";
    const next = current && dir === "asc" ? "desc" : "asc";
    return <SortHeader key={sort} href={nationalHref(basePath, search, { sort, dir: next })} label={label} current={current} dir={dir} />;
  };
  return (
    <DataTable
      small
      sortable
      caption="Sites of the project, with their status, team, approvals and cases against target"
      head={
        <>
          {COLUMNS.map((column) => sortHeader(column.sort, column.label))}
          <ColumnHeader>Governance checklist</ColumnHeader>
          {sortHeader("progress", "Cases against target")}
          {sortHeader("updated", "Last update")}
        </>
      }
    >
      {rows.map((row) => {
        const percent = row.target > 0 ? Math.min(100, Math.round((row.cases / row.target) * 100)) : 0;
        const expected = row.target > 0 ? Math.min(100, Math.round((row.expected / row.target) * 100)) : 0;
        return (
          <Row key={row.projectSiteId}>
            <RowHeader>
              <Link href={`/dashboard/projects/${slug}/sites/${encodeURIComponent(row.odsCode)}`}>{row.hospital}</Link>
              <br />
              <span className="text-base font-normal text-muted md:text-sm">{row.city}</span>
            </RowHeader>
            <Cell label="Region">{row.region}</Cell>
            <Cell label="Status">
              <SiteStatusTag status={row.status} />
            </Cell>
            <Cell label="Site leads">{row.siteLeads.join(", ") || "None"}</Cell>
            <Cell label="Team">{row.teamSize}</Cell>
            <Cell label="Governance checklist">
              <ChecklistSummary checklist={row.checklist} />
              {row.leadApprovedAt ? null : (
                <>
                  <br />
                  <strong>Awaiting the lead&apos;s approval</strong>
                </>
              )}
            </Cell>
            <Cell label="Cases against target" className="md:min-w-40">
              <span className="whitespace-nowrap">
                {row.cases} of {row.target}
                {row.behind ? <strong> · behind</strong> : null}
              </span>
              <div className="relative mt-1 h-3 w-full max-w-64 bg-line md:max-w-none" aria-hidden="true">
                <div className="h-3 bg-brand" style={{ width: `${percent}%` }} />
                {row.status !== "WITHDRAWN" && row.status !== "COMPLETE" ? (
                  <div className="absolute top-[-3px] h-[18px] w-0.5 bg-ink" style={{ left: `${expected}%` }} />
                ) : null}
              </div>
              <span className="sr-only">
                {percent}% of target; about {row.expected} expected by now
              </span>
            </Cell>
            <Cell label="Last update" className="md:whitespace-nowrap">
              {row.lastUpdate ? formatDate(row.lastUpdate) : "No count yet"}
              {row.stale ? <><br /><strong>No update in 14 days</strong></> : null}
            </Cell>
          </Row>
        );
      })}
    </DataTable>
  );
}

/** A site's checklist in a few words: "1 of 2 checked, 1 waiting for a check". */
export function ChecklistSummary({ checklist }: { checklist: { required: number; checked: number; waiting: number; sentBack: number } }) {
  const parts = [`${checklist.checked} of ${checklist.required} checked`];
  if (checklist.waiting > 0) parts.push(`${checklist.waiting} waiting for a check`);
  if (checklist.sentBack > 0) parts.push(`${checklist.sentBack} sent back`);
  return <>{parts.join(", ")}</>;
}
