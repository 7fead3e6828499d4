import { useId } from "react";

export interface LinePoint {
  at: Date;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 24, bottom: 40, left: 56 };
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const fullDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A round step for about four gridlines up to `max`. */
function niceStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((step) => step >= rough)!;
}

/**
 * A cumulative count over time as an inline SVG drawn on the server, with an
 * optional target line. The same numbers are in a table below it, so the chart
 * never depends on seeing it.
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
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const first = points[0]!.at.getTime();
  const last = points.at(-1)!.at.getTime();
  const span = Math.max(1, last - first);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (at: Date) => MARGIN.left + (points.length === 1 ? plotWidth / 2 : ((at.getTime() - first) / span) * plotWidth);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const path = points.map((point, i) => `${i === 0 ? "M" : "L"}${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`).join(" ");
  const xLabels = points.length === 1 ? [points[0]!] : [points[0]!, points[Math.floor((points.length - 1) / 2)]!, points.at(-1)!];
  return (
    <figure className="bg-white p-4">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="mt-2 h-auto w-full">
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#d8dde0" />
            <text x={MARGIN.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#212b32">
              {tick}
            </text>
          </g>
        ))}
        {xLabels.map((point, i) => (
          <text
            key={`${point.at.toISOString()}-${i}`}
            x={x(point.at)}
            y={HEIGHT - MARGIN.bottom + 20}
            textAnchor={xLabels.length === 1 ? "middle" : i === 0 ? "start" : i === xLabels.length - 1 ? "end" : "middle"}
            fontSize="12"
            fill="#212b32"
          >
            {dayMonth.format(point.at)}
          </text>
        ))}
        {target ? (
          <g>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(target)} y2={y(target)} stroke="#212b32" strokeDasharray="6 4" strokeWidth="2" />
            <text x={WIDTH - MARGIN.right} y={y(target) - 6} textAnchor="end" fontSize="12" fill="#212b32">
              Target {target}
            </text>
          </g>
        ) : null}
        <path d={path} fill="none" stroke="#005eb8" strokeWidth="3" />
        {points.map((point, i) => (
          <circle key={i} cx={x(point.at)} cy={y(point.value)} r="3.5" fill="#005eb8" />
        ))}
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer text-brand underline">Show the data as a table</summary>
        <table className="mt-2 border-collapse text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-ink py-1 pr-6">Date</th>
              <th scope="col" className="border-b-2 border-ink py-1">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, i) => (
              <tr key={i}>
                <td className="border-b border-line py-1 pr-6">{fullDate.format(point.at)}</td>
                <td className="border-b border-line py-1">{point.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
