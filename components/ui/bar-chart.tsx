import { useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import { ChartLegend, type LegendEntry } from "./chart-legend";
import { lengthOf } from "./chart-scale";

export interface Bar {
  label: string;
  value: number;
  /** Drawn as a marker on the bar (a target), when given. */
  marker?: number;
  /** What the table and the bar's end say, e.g. "34 of 50". */
  text?: string;
  highlight?: boolean;
}

/**
 * Horizontal bars drawn in HTML and CSS on the server, so their words are page text at its
 * own size on a phone (an SVG scaled to fit shrank them to 6 px). On a narrow screen each
 * label sits above its bar; on a wide one, beside it. The numbers are written at the end of
 * each bar and in a table below, so colour is never the only way to read them, and a key
 * names every kind of mark.
 */
export function BarChart({
  title,
  summary,
  bars,
  labelHeading,
  valueHeading,
  legend,
  max: fullBar,
}: {
  title: string;
  summary: string;
  bars: Bar[];
  labelHeading: string;
  valueHeading: string;
  /**
   * What the key calls the bars, the highlighted bar and the markers; the bars default to the
   * value heading, the highlighted bar to its label.
   */
  legend?: { bar?: string; highlight?: string; marker?: string };
  /** The value a full bar stands for (100 for percentages); by default the largest value or marker. */
  max?: number;
}) {
  const id = useId();
  if (bars.length === 0) {
    return (
      <figure className="bg-white p-4">
        <figcaption className="font-semibold">{title}</figcaption>
        <p className="mt-2">Nothing to show yet.</p>
      </figure>
    );
  }
  const max = fullBar ?? Math.max(1, ...bars.map((bar) => Math.max(bar.value, bar.marker ?? 0)));
  const highlighted = bars.find((bar) => bar.highlight);
  const entries: LegendEntry[] = [];
  if (bars.some((bar) => !bar.highlight)) entries.push({ mark: "bar", text: legend?.bar ?? valueHeading });
  if (highlighted) entries.push({ mark: "highlight", text: legend?.highlight ?? highlighted.label });
  if (bars.some((bar) => bar.marker !== undefined)) entries.push({ mark: "marker", text: legend?.marker ?? "Target" });
  return (
    <figure className="bg-white p-4">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <p id={`${id}-desc`} hidden>
        {summary}
      </p>
      <ChartLegend entries={entries} />
      <div role="img" aria-labelledby={`${id}-title ${id}-desc`} className="mt-3">
        {bars.map((bar, i) => (
          <div
            key={`${bar.label}-${i}`}
            className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 py-1.5 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_6.5rem]"
          >
            <span className={`sm:text-right ${bar.highlight ? "font-bold" : ""}`}>{bar.label}</span>
            {/* A number stays on one line; a figure in words (bar.text) wraps rather than widen the page. */}
            <span className={`tabular-nums sm:order-last ${bar.text ? "break-words" : "whitespace-nowrap"}`}>{bar.text ?? bar.value}</span>
            <span className="relative col-span-2 block h-4 bg-paper sm:col-span-1">
              <span
                data-mark={bar.highlight ? "highlight" : "bar"}
                className={`block h-full ${bar.highlight ? "bg-brand-dark" : "bg-brand"}`} style={{ width: `${lengthOf(bar.value, max)}%` }} />
              {bar.marker !== undefined ? (
                <span
                  data-mark="marker"
                  className="absolute -top-1 -bottom-1 w-0.5 bg-ink"
                  style={{ left: `calc(${lengthOf(bar.marker, max)}% - 1px)` }}
                />
              ) : null}
            </span>
          </div>
        ))}
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-brand underline">Show the data as a table</summary>
        <ChartDataTable
          caption={title}
          headings={[labelHeading, valueHeading]}
          rows={bars.map((bar, i) => ({ key: `${bar.label}-${i}`, label: bar.label, value: bar.text ?? bar.value }))}
        />
      </details>
    </figure>
  );
}
