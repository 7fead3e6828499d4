export type LegendMark = "bar" | "highlight" | "track" | "marker" | "line" | "dashed";

export interface LegendEntry {
  mark: LegendMark;
  text: string;
}

/** The sample of a mark, drawn as the chart draws it. */
function Sample({ mark }: { mark: LegendMark }) {
  switch (mark) {
    case "bar":
      return <span className="inline-block h-4 w-6 bg-brand" />;
    case "highlight":
      return <span className="inline-block h-4 w-6 bg-brand-dark" />;
    case "track":
      return <span className="inline-block h-4 w-6 border border-muted bg-paper" />;
    case "marker":
      return (
        <span className="relative inline-block h-5 w-6">
          <span className="absolute inset-y-0 left-1/2 w-0.5 -translate-x-1/2 bg-ink" />
        </span>
      );
    case "line":
      return (
        <span className="relative inline-block h-4 w-8">
          <span className="absolute inset-x-0 top-1/2 h-[3px] -translate-y-1/2 bg-brand" />
          <span className="absolute top-1/2 left-1/2 h-2 w-2 -translate-x-1/2 -translate-y-1/2 rounded-full bg-brand" />
        </span>
      );
    case "dashed":
      return (
        <span className="relative inline-block h-4 w-8">
          <span className="absolute inset-x-0 top-1/2 -translate-y-1/2 border-t-2 border-dashed border-ink" />
        </span>
      );
  }
}

/** What each mark of a chart means, one entry a mark, above the chart. */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul aria-label="Key" className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {entries.map((entry) => (
        <li key={entry.mark} className="flex items-center gap-2" data-mark={entry.mark}>
          <span aria-hidden="true" className="flex items-center">
            <Sample mark={entry.mark} />
          </span>
          {entry.text}
        </li>
      ))}
    </ul>
  );
}
