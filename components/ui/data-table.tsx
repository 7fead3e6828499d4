import Link from "next/link";
import type { ReactNode } from "react";

// One table for every list of the portal. On a wide screen it is an ordinary table; below 48rem
// (app/globals.css, `.data-table`) each row becomes a small card: the row's header is its title,
// every other cell shows its column's name above its value, and the sortable column headers
// become a row of "Sort by" links above the cards. The markup stays a <table> with its headers,
// so a screen reader still announces each cell's column; the visible names on the phone are
// hidden from it (the header association already says them).

/** A table of rows with a caption (hidden unless `captionVisible`) and a header row. */
export function DataTable({
  caption,
  captionVisible = false,
  head,
  children,
  className = "",
  small = false,
  sortable = false,
}: {
  caption: ReactNode;
  captionVisible?: boolean;
  /** The column headers: `ColumnHeader` and `SortHeader` elements. */
  head: ReactNode;
  /** The rows: `Row` elements. */
  children: ReactNode;
  className?: string;
  /** Smaller text, for wide tables of figures. */
  small?: boolean;
  /** Some headers sort the table: a phone shows them as links above the cards. */
  sortable?: boolean;
}) {
  return (
    <div className={`data-table-wrap ${className}`}>
      {sortable ? (
        <p className="data-table-sort-hint font-semibold" aria-hidden="true">
          Sort by
        </p>
      ) : null}
      <table className={`data-table w-full border-collapse bg-white text-left ${small ? "text-sm" : ""}`}>
        <caption className={captionVisible ? "mb-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A column's header that does not sort (visually hidden on a phone, where each cell names its column). */
export function ColumnHeader({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={`data-table-plain p-2 ${className}`}>
      {children}
    </th>
  );
}

/** A column's header that sorts the table by following `href`; it says which way it sorts next. */
export function SortHeader({ href, label, current, dir }: { href: string; label: string; current: boolean; dir: "asc" | "desc" }) {
  const next = current && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className="p-2 md:whitespace-nowrap" aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href}>
        {label}
        <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
        {current ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

/** One row: a card on a phone. */
export function Row({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <tr className={`border-b border-line align-top ${className}`}>{children}</tr>;
}

/** The cell that names its row (the card's title on a phone). */
export function RowHeader({ children, className = "font-normal" }: { children: ReactNode; className?: string }) {
  return (
    <th scope="row" className={`data-table-title p-2 ${className}`}>
      {children}
    </th>
  );
}

/**
 * A cell with its column's name, shown above the value on a phone. `label={null}` for a cell
 * that needs no name there (a row's buttons).
 */
export function Cell({ label, children, className = "" }: { label: string | null; children?: ReactNode; className?: string }) {
  return (
    <td className={`p-2 ${className}`}>
      {label ? (
        <span className="data-table-label" aria-hidden="true">
          {label}
        </span>
      ) : null}
      {children}
    </td>
  );
}
