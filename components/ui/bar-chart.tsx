import { useId } from "react";

export interface Bar {
  label: string;
  value: number;
  /** Drawn as a marker on the bar (a target), when given. */
  marker?: number;
  /** What the table and the bar's end say, e.g. "34 of 50". */
  text?: string;
  highlight?: boolean;
}

const WIDTH = 640;
const ROW = 28;
const LABEL_WIDTH = 230;
const TEXT_WIDTH = 90;

/**
 * Horizontal bars as an inline SVG drawn on the server. The numbers are also
 * written at the end of each bar and in a table below, so colour is never the
 * only way to read them.
 */
export function BarChart({
  title,
  summary,
  bars,
  labelHeading,
  valueHeading,
}: {
  title: string;
  summary: string;
  bars: Bar[];
  labelHeading: string;
  valueHeading: string;
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
  const max = Math.max(1, ...bars.map((bar) => Math.max(bar.value, bar.marker ?? 0)));
  const plot = WIDTH - LABEL_WIDTH - TEXT_WIDTH;
  const height = bars.length * ROW + 8;
  const width = (value: number) => (value / max) * plot;
  return (
    <figure className="bg-white p-4">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="mt-2 h-auto w-full">
        <desc id={`${id}-desc`}>{summary}</desc>
        {bars.map((bar, i) => {
          const top = 4 + i * ROW;
          const label = bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label;
          return (
            <g key={`${bar.label}-${i}`}>
              <text x={LABEL_WIDTH - 8} y={top + 17} textAnchor="end" fontSize="13" fill="#212b32" fontWeight={bar.highlight ? "700" : "400"}>
                {label}
              </text>
              <rect x={LABEL_WIDTH} y={top + 4} width={plot} height={ROW - 10} fill="#f0f4f5" />
              <rect x={LABEL_WIDTH} y={top + 4} width={width(bar.value)} height={ROW - 10} fill={bar.highlight ? "#003d78" : "#005eb8"} />
              {bar.marker !== undefined ? (
                <line x1={LABEL_WIDTH + width(bar.marker)} x2={LABEL_WIDTH + width(bar.marker)} y1={top + 1} y2={top + ROW - 3} stroke="#212b32" strokeWidth="2" />
              ) : null}
              <text x={LABEL_WIDTH + plot + 8} y={top + 17} fontSize="13" fill="#212b32">
                {bar.text ?? bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer text-brand underline">Show the data as a table</summary>
        <table className="mt-2 border-collapse text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-ink py-1 pr-6">{labelHeading}</th>
              <th scope="col" className="border-b-2 border-ink py-1">{valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, i) => (
              <tr key={`${bar.label}-${i}`}>
                <th scope="row" className="border-b border-line py-1 pr-6 font-normal">{bar.label}</th>
                <td className="border-b border-line py-1">{bar.text ?? bar.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
