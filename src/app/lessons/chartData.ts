/**
 * What a lesson's charts show, as plain data (arrays of numbers and labels; the Pixi views in
 * src/render/lessons/ draw them): line charts (learning curves) and point charts (measured values with ±2 SE
 * whiskers beside exact values, over a few x positions), and small helpers to build them from run statistics.
 */
import type { SeriesStats } from '../../state/lessons/types';

/** Colour role of a line (the view maps roles to the palette). */
export type LineRole = 'A' | 'B' | 'reference' | 'score' | 'score-optimal' | 'loo' | 'pathwise';

/** One line of a lesson chart. */
export interface LessonLine {
  label: string;
  /** Legend group (e.g. "measured", "exact"). */
  group?: string;
  role: LineRole;
  style: 'normal' | 'faint' | 'dashed';
  x: number[];
  y: number[];
  /** An interval drawn as a band around y (learning curves: ± 2 SE bounds). */
  band?: { lo: number[]; hi: number[] };
}

/** A lesson's line chart. */
export interface LessonChart {
  kind?: 'lines';
  title: string;
  xLabel: string;
  yLabel: string;
  yScale?: 'linear' | 'log';
  yPercent?: boolean;
  /** Fixed y range (default: fit the data). */
  yRange?: readonly [number, number];
  lines: LessonLine[];
  /** One or two sentences under the chart saying what it shows (DOM text, read by screen readers too). */
  caption?: string;
}

/** A measured value and its interval (±2 SE) at position x. */
export interface PointMark {
  x: number;
  y: number;
  lo: number;
  hi: number;
}

/** One estimator's measured points and exact values in a {@link LessonPointChart}. */
export interface PointSeries {
  label: string;
  role: LineRole;
  /** Measured values (a non-finite y is skipped). */
  points: PointMark[];
  /** Exact values at the same positions. */
  exact: { x: number; y: number }[];
  /** Horizontal offset of this series' marks, as a fraction of the distance between x ticks (side by side). */
  shift?: number;
}

/**
 * A point chart on a log y axis: x positions with their own tick labels (e.g. N = 1, 4, 16, 64 at log₂ N, or
 * categories k = 0.5, k = 5 at 0, 1). Measured values are dots with whiskers, never joined. `curve`: the exact
 * values as a dashed line in the series' colour (a quantity that varies with x); `categories`: each exact
 * value a short black bar across its measured point.
 */
export interface LessonPointChart {
  kind: 'points';
  title: string;
  xLabel: string;
  yLabel: string;
  xTicks: { at: number; label: string }[];
  style: 'curve' | 'categories';
  series: PointSeries[];
  caption?: string;
}

/** Anything a lesson run draws. */
export type LessonFigure = LessonChart | LessonPointChart;

/** A measured variance ± 2 SE at x, as a {@link PointMark}. */
export function varianceMark(x: number, v: { variance: number; se: number }): PointMark {
  return { x, y: v.variance, lo: v.variance - 2 * v.se, hi: v.variance + 2 * v.se };
}

/**
 * The trailing moving average of `s.mean` over `w` episodes, one point per episode from 1:
 * ȳ_e = (1/min(w, e)) Σ_{j=e−min(w,e)+1}^{e} m_j (episodes numbered from 1).
 */
export function smoothedCurve(s: SeriesStats, w: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  let sum = 0;
  for (let e = 0; e < s.mean.length; e++) {
    sum += s.mean[e];
    if (e >= w) sum -= s.mean[e - w];
    x.push(e + 1);
    y.push(sum / Math.min(w, e + 1));
  }
  return { x, y };
}

/**
 * A learning-curve line of one arm, smoothed over `w` episodes, with the band ȳ_e ± 2·s̄e_e where s̄e_e is the
 * same moving average of the per-episode SEs: an upper bound on the SE of ȳ_e (as in the checks' windowMean).
 */
export function armLine(label: string, role: LineRole, s: SeriesStats, w: number): LessonLine {
  const m = smoothedCurve(s, w);
  const se = smoothedCurve({ mean: s.se, se: s.se }, w).y;
  return {
    label,
    role,
    style: 'normal',
    ...m,
    band: { lo: m.y.map((y, i) => y - 2 * se[i]), hi: m.y.map((y, i) => y + 2 * se[i]) },
  };
}

/** A horizontal reference line at `y` across episodes 1..n. */
export function referenceLine(label: string, y: number, n: number): LessonLine {
  return { label, role: 'reference', style: 'dashed', x: [1, n], y: [y, y] };
}

/** The data window of a {@link LessonPointChart}: x with room around the outer ticks, y (log) over all marks. */
export interface PointChartRange {
  x0: number;
  x1: number;
  /** Positive y range padded by 6 % of its log span, or null when nothing positive is to be drawn. */
  y: [number, number] | null;
}

/** The smallest distance between the chart's x ticks (1 with fewer than two distinct ticks). */
export function xTickGap(c: LessonPointChart): number {
  const at = c.xTicks.map((t) => t.at).sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < at.length; i++) if (at[i] > at[i - 1]) gap = Math.min(gap, at[i] - at[i - 1]);
  return Number.isFinite(gap) ? gap : 1;
}

/**
 * x: the tick span widened by half the smallest tick distance for categories (a quarter for curves, whose
 * ends carry points too), so marks shifted sideways stay inside; y: every positive measured value, whisker
 * end and exact value, padded in log space (whisker ends ≤ 0 are clamped to the axis when drawn).
 */
export function pointChartRange(c: LessonPointChart): PointChartRange {
  const at = c.xTicks.map((t) => t.at).sort((a, b) => a - b);
  const gap = xTickGap(c);
  const pad = (c.style === 'categories' ? 0.5 : 0.25) * gap;
  let lo = Infinity;
  let hi = -Infinity;
  const take = (v: number) => {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  };
  for (const s of c.series) {
    for (const p of s.points) if (Number.isFinite(p.y)) [p.y, p.lo, p.hi].forEach(take);
    for (const e of s.exact) take(e.y);
  }
  let y: [number, number] | null = null;
  if (lo <= hi) {
    // log-space padding: [lo / r, hi · r], r = (hi/lo)^0.06 (at least ×1.2 so one value still has a range)
    const r = Math.max(1.2, Math.pow(hi / lo, 0.06));
    y = [lo / r, hi * r];
  }
  return { x0: (at[0] ?? 0) - pad, x1: (at[at.length - 1] ?? 1) + pad, y };
}
