/**
 * A finished or imported multi-seed run as the charts draw it: per metric, the mean and its 95% confidence
 * interval mean ± t₀.₉₇₅(R − 1)·se per episode (Student's t over R runs; src/algos/studentT.ts), thinned to
 * at most {@link MAX_BAND_POINTS} points. Typed arrays owned by the overlay; plain numbers otherwise.
 */
import { ci95Multiplier } from '../../algos/studentT';
import type { SeriesStats, TrainReport } from '../../algos/trainReport';

/** Most points of a drawn band (a longer run is sampled at a uniform stride, always keeping the last). */
export const MAX_BAND_POINTS = 1000;

/** One metric's band: x = episode (1-based), the mean and the 95% interval. */
export interface Band {
  x: Float64Array;
  mean: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

/** A run drawn over the live charts. */
export interface RunOverlay {
  /** Distinguishes overlays (removal). */
  id: number;
  /** Legend text, e.g. "A · 30 seeds (95% CI)". */
  label: string;
  /** Palette index (src/render/colors.ts AGENT_COLORS): 0 = A blue, 1 = B vermillion. */
  color: number;
  /** Draw the mean dashed (imported runs). */
  dashed: boolean;
  /** Bands per metric (null when the run did not report it). */
  return: Band | null;
  optimalAction: Band | null;
  length: Band | null;
}

/** The band of one metric of a report over `runs` runs. */
export function bandOf(stats: SeriesStats, runs: number, maxPoints = MAX_BAND_POINTS): Band {
  const n = stats.mean.length;
  const stride = Math.max(1, Math.ceil(n / maxPoints));
  const count = n === 0 ? 0 : Math.ceil(n / stride) + ((n - 1) % stride === 0 ? 0 : 1);
  const band: Band = {
    x: new Float64Array(count),
    mean: new Float64Array(count),
    lo: new Float64Array(count),
    hi: new Float64Array(count),
  };
  const t = runs > 1 ? ci95Multiplier(runs) : 0;
  let k = 0;
  // episodes 0, stride, 2·stride, …, and the last; half-width t·se
  for (let i = 0; i < n; i += stride) k = put(band, k, i, stats, t);
  if (k < count) put(band, k, n - 1, stats, t);
  return band;
}

function put(band: Band, k: number, i: number, stats: SeriesStats, t: number): number {
  const m = stats.mean[i];
  const h = t * stats.se[i];
  band.x[k] = i + 1;
  band.mean[k] = m;
  band.lo[k] = m - h;
  band.hi[k] = m + h;
  return k + 1;
}

/** An overlay of every metric of `report`. */
export function overlayOf(
  report: TrainReport,
  o: { id: number; label: string; color: number; dashed: boolean },
): RunOverlay {
  const m = report.metrics;
  const band = (s: SeriesStats | undefined) => (s ? bandOf(s, report.runs) : null);
  return { ...o, return: band(m.return), optimalAction: band(m.optimalAction), length: band(m.length) };
}
