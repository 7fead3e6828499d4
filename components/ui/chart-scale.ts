/**
 * Where the marks and labels of the portal's charts go, as percentages of the plot, so the
 * charts can be drawn in HTML and CSS: their text is page text at its own size, never an SVG
 * scaled down to fit a phone.
 */

/** A round step that gives about `count` gridlines up to `max`. */
export function niceStep(max: number, count: number): number {
  const rough = Math.max(1, max / Math.max(1, count));
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((step) => step >= rough)!;
}

export interface Scale {
  /** The value at the top of the plot: a whole number of steps at or above the largest value. */
  top: number;
  /** The values with a gridline and a label, from 0 to `top`. */
  ticks: number[];
}

/** Gridlines for values up to `max`: about four on a wide screen, two on a narrow one. */
export function valueScale(max: number, count: number): Scale {
  const step = niceStep(Math.max(1, max), count);
  const top = Math.ceil(Math.max(1, max) / step) * step;
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

/** How far up the plot a value sits, 0 (bottom) to 100 (top), clamped. */
export function heightOf(value: number, top: number): number {
  if (top <= 0) return 0;
  return Math.min(100, Math.max(0, (value / top) * 100));
}

/** How far along a bar a value reaches, in percent of the longest bar or marker (clamped). */
export function lengthOf(value: number, max: number): number {
  return heightOf(value, Math.max(1, max));
}

/** How far across the plot each moment sits, 0 to 100; a single moment sits in the middle. */
export function positionsInTime(moments: Date[]): number[] {
  if (moments.length === 0) return [];
  const first = moments[0]!.getTime();
  const span = moments.at(-1)!.getTime() - first;
  if (moments.length === 1 || span <= 0) return moments.map(() => 50);
  return moments.map((at) => ((at.getTime() - first) / span) * 100);
}

/**
 * Which points get a date under the axis: the first and the last, and on a wide screen
 * the middle one too. Indices into the points, without repeats.
 */
export function dateLabelIndices(count: number, wide: boolean): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  const picked = wide ? [0, Math.floor((count - 1) / 2), count - 1] : [0, count - 1];
  return [...new Set(picked)];
}

/** The gridlines a narrow screen keeps: zero, the top, and the halfway line when it is one of them. */
export function fewerTicks(scale: Scale): Scale {
  const half = scale.top / 2;
  return { top: scale.top, ticks: scale.ticks.filter((tick) => tick === 0 || tick === scale.top || tick === half) };
}
