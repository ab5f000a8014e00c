/**
 * What a lesson's chart shows, as plain data (arrays of numbers and labels; the Pixi view in
 * src/render/lessons/ turns it into a line chart), and small helpers to build it from run statistics.
 */
import type { SeriesStats } from '../../state/lessons/types';

/** Colour role of a line (the view maps roles to the palette). */
export type LineRole = 'A' | 'B' | 'reference' | 'score' | 'score-optimal' | 'loo';

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

/** A lesson chart. */
export interface LessonChart {
  title: string;
  xLabel: string;
  yLabel: string;
  yScale?: 'linear' | 'log';
  yPercent?: boolean;
  /** Fixed y range (default: fit the data). */
  yRange?: readonly [number, number];
  lines: LessonLine[];
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
