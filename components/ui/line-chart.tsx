import { useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import { ChartLegend, type LegendEntry } from "./chart-legend";
import { dateLabelIndices, fewerTicks, heightOf, positionsInTime, valueScale, type Scale } from "./chart-scale";

export interface LinePoint {
  at: Date;
  value: number;
}

const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const fullDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const count = new Intl.NumberFormat("en-GB");

/** Gridlines and their labels, for narrow screens (`sm:hidden`) or wide ones (`hidden sm:block`). */
function Gridlines({ scale, show }: { scale: Scale; show: string }) {
  return scale.ticks.map((tick) => (
    <span key={tick} className={`absolute inset-x-0 border-t border-line ${show}`} style={{ bottom: `${heightOf(tick, scale.top)}%` }} />
  ));
}

function TickLabels({ scale, show }: { scale: Scale; show: string }) {
  return scale.ticks.map((tick) => (
    <span
      key={tick}
      className={`absolute right-2 translate-y-1/2 text-sm leading-none tabular-nums ${show}`}
      style={{ bottom: `${heightOf(tick, scale.top)}%` }}
    >
      {count.format(tick)}
    </span>
  ));
}

/**
 * A cumulative count over time, with an optional target line, drawn on the server. The line
 * itself is an SVG stretched over the plot; every word and number is page text positioned in
 * CSS, so nothing shrinks below its own size on a phone. A narrow screen gets fewer gridlines
 * and dates (CSS media queries, no script). The same numbers are in a table below it, so the
 * chart never depends on seeing it.
 */
export function LineChart({
  title,
  summary,
  points,
  target,
  valueLabel,
}: {
  title: string;
  /** One sentence that says what the chart shows, read in place of the picture. */
  summary: string;
  points: LinePoint[];
  target?: number | null;
  valueLabel: string;
}) {
  const id = useId();
  if (points.length === 0) {
    return (
      <figure className="bg-white p-4">
        <figcaption className="font-semibold">{title}</figcaption>
        <p className="mt-2">Nothing has been recorded yet.</p>
      </figure>
    );
  }
  const max = Math.max(1, target ?? 0, ...points.map((point) => point.value));
  const wide = valueScale(max, 4);
  const narrow = fewerTicks(wide);
  const xs = positionsInTime(points.map((point) => point.at));
  const ys = points.map((point) => heightOf(point.value, wide.top));
  const path = points.map((_, i) => `${i === 0 ? "M" : "L"}${xs[i]!.toFixed(2)},${(100 - ys[i]!).toFixed(2)}`).join(" ");
  const wideDates = dateLabelIndices(points.length, true);
  const narrowDates = dateLabelIndices(points.length, false);
  const entries: LegendEntry[] = [{ mark: "line", text: valueLabel }];
  if (target) entries.push({ mark: "dashed", text: `Target: ${count.format(target)}` });
  return (
    <figure className="bg-white p-4">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <p id={`${id}-desc`} hidden>
        {summary}
      </p>
      <ChartLegend entries={entries} />
      <div role="img" aria-labelledby={`${id}-title ${id}-desc`} className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] pt-2 pr-2">
        <div className="relative h-48 min-w-14 sm:h-64">
          <TickLabels scale={narrow} show="sm:hidden" />
          <TickLabels scale={wide} show="hidden sm:block" />
        </div>
        <div className="relative h-48 border-b border-l border-ink sm:h-64">
          <Gridlines scale={narrow} show="sm:hidden" />
          <Gridlines scale={wide} show="hidden sm:block" />
          {target ? (
            <span data-mark="dashed" className="absolute inset-x-0 border-t-2 border-dashed border-ink" style={{ bottom: `${heightOf(target, wide.top)}%` }} />
          ) : null}
          <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" className="absolute inset-0 h-full w-full overflow-visible">
            <path data-mark="line" d={path} fill="none" className="stroke-brand" strokeWidth="3" vectorEffect="non-scaling-stroke" />
          </svg>
          {points.map((point, i) => (
            <span
              key={i}
              data-mark="line"
              className="absolute h-2 w-2 -translate-x-1/2 translate-y-1/2 rounded-full bg-brand"
              style={{ left: `${xs[i]}%`, bottom: `${ys[i]}%` }}
            />
          ))}
        </div>
        <div />
        <div className="relative h-7">
          {wideDates.map((index) => (
            <DateLabel key={`w${index}`} at={points[index]!.at} x={xs[index]!} show={narrowDates.includes(index) ? "" : "hidden sm:block"} />
          ))}
        </div>
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-brand underline">Show the data as a table</summary>
        <ChartDataTable
          caption={title}
          headings={["Date", valueLabel]}
          rows={points.map((point, i) => ({ key: String(i), label: fullDate.format(point.at), value: point.value }))}
        />
      </details>
    </figure>
  );
}

/** A date under the axis: the first starts at its point, the last ends at it, others centre on it. */
function DateLabel({ at, x, show }: { at: Date; x: number; show: string }) {
  const align = x <= 0 ? "" : x >= 100 ? "-translate-x-full" : "-translate-x-1/2";
  return (
    <span className={`absolute top-1 text-sm whitespace-nowrap ${align} ${show}`} style={{ left: `${x}%` }}>
      {dayMonth.format(at)}
    </span>
  );
}
