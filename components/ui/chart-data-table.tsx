import type { ReactNode } from "react";

// The figures behind a chart, under its "Show the data as a table". It is not a DataTable: it has
// two short columns that fit a 320 px phone as they are, and a card per point of a long series
// would make the page many screens long for no gain.

/** The chart's data as a two-column table: one row per bar or point, named by its first cell. */
export function ChartDataTable({
  caption,
  headings: [first, second],
  rows,
}: {
  caption: string;
  headings: [ReactNode, ReactNode];
  rows: { key: string; label: ReactNode; value: ReactNode }[];
}) {
  return (
    <table className="mt-2 border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="border-b-2 border-ink py-1 pr-6">{first}</th>
          <th scope="col" className="border-b-2 border-ink py-1">{second}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="border-b border-line py-1 pr-6 font-normal">{row.label}</th>
            <td className="border-b border-line py-1">{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
