/**
 * Fills the parts of the {@link LabFrame} that follow the sliders directly: histograms and moments of the
 * single-sample estimates, the f / f′ / density curve, and the variance-vs-N curves with their empirical
 * points; and turns the frame into the plain summary the DOM table shows. No allocation proportional to the
 * sample count (the histogram range uses a scratch buffer that only grows).
 */
import type { GaussianGradientReport } from '../../algos/exact/gaussianTypes';
import { summarizeSamples } from '../../algos/sampleMoments';
import type { GaussianEstimatorSampler } from '../../algos/gaussianEstimators';
import { LAB_ESTIMATORS, type LabEstimator } from '../../algos/lab/estimators';
import { histogramInto, sharedRange } from '../../algos/lab/histogram';
import {
  groupMeanVariance,
  logSpacedInto,
  looGroupMeanVariance,
  meanVarianceAt,
  samplesForPrecision,
} from '../../algos/lab/versusN';
import type { LabSummary, StatRow } from '../../state/labStore';
import { LAB_CAPACITY, LAB_PARAMS, type LabFrame } from './frame';

/** Largest N on the variance-vs-N axis. */
export const MAX_N = 1e6;
/** Fewest groups behind an empirical variance-vs-N point. */
export const MIN_GROUPS = 16;

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** 0 for a gradient component that is 0 up to quadrature rounding (shown as 0, not 2.8e-17). */
export function snapZero(g: number, report: GaussianGradientReport): number {
  const scale = Math.sqrt(report.estimators.score.variance.mu + report.estimators.score.variance.sigma);
  return Math.abs(g) < 1e-13 * (1 + scale) ? 0 : g;
}

/** An estimator whose central range is this many times wider than the median one is left to the edges. */
export const WIDE = 25;

/**
 * The x range shared by one component's histograms: the union of each shown estimator's own central 99%
 * range (and the exact gradient), leaving out any estimator far wider than the median one — its draws then
 * show as edge counts, instead of squashing every other histogram into a single bin.
 */
function commonRange(
  names: readonly LabEstimator[],
  sampler: GaussianEstimatorSampler,
  param: 'mu' | 'sigma',
  exact: number,
  scratch: Float64Array,
): { lo: number; hi: number } {
  const own = names.map((name) => {
    const count = name === 'loo' ? sampler.looCount : sampler.count;
    return sharedRange([sampler.estimates[name][param]], [count], [exact], 0.005, 0.995, scratch);
  });
  const widths = own.map((r) => r.hi - r.lo).sort((a, b) => a - b);
  const median = widths[widths.length >> 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of own) {
    if (r.hi - r.lo > WIDE * median) continue;
    lo = Math.min(lo, r.lo);
    hi = Math.max(hi, r.hi);
  }
  return lo < hi ? { lo, hi } : own[0];
}

/** Histograms (shared range per component over the visible estimators) and moments of every estimator. */
export function fillHistograms(
  frame: LabFrame,
  sampler: GaussianEstimatorSampler,
  report: GaussianGradientReport,
  scratch: { range: Float64Array },
): void {
  const n = sampler.count;
  const N = sampler.batch;
  const shown = LAB_ESTIMATORS.filter((name) => frame.visible[name]);
  const names = shown.length > 0 ? shown : LAB_ESTIMATORS;
  if (scratch.range.length < n) scratch.range = new Float64Array(n);
  for (const param of LAB_PARAMS) {
    const h = frame.hist[param];
    const exact = snapZero(report.grad[param], report);
    const { lo, hi } = commonRange(names, sampler, param, exact, scratch.range);
    h.lo = lo;
    h.hi = hi;
    h.exact = exact;
    for (const name of LAB_ESTIMATORS) {
      const x = sampler.estimates[name][param];
      const count = name === 'loo' ? sampler.looCount : n;
      const edge = histogramInto(h.counts[name], h.bins, x, count, lo, hi);
      h.under[name] = edge.under;
      h.over[name] = edge.over;
      const s = summarizeSamples(x, count);
      const st = h.stats[name];
      st.mean = s.mean;
      st.variance = s.variance;
      st.varianceStandardError = s.varianceStandardError;
      // the N estimates of one leave-one-out batch are correlated; their batch means are independent
      st.standardError =
        name === 'loo'
          ? summarizeSamples(sampler.looBatchMeans[param], count / N).standardError
          : s.standardError;
      st.exactVariance = report.estimators[name].variance[param];
      st.exactMean = report.estimators[name].mean[param];
      st.count = count;
    }
    h.version++;
  }
}

/** Points of the uniform grid of the f / f′ curve. */
export const CURVE_GRID = 241;

/**
 * f, f′ and the density on μ ± 4σ, and the first draws' positions for a rug. At each breakpoint b (a jump or
 * kink found for the quadrature) the points b − δ, b, b + δ are added, with NaN values at b itself, so the
 * plotted lines stop at a jump instead of drawing a vertical connector through it.
 */
export function fillCurve(
  frame: LabFrame,
  f: (z: number) => number,
  df: (z: number) => number,
  sampler: GaussianEstimatorSampler,
  breakpoints: readonly number[] = [],
): void {
  const c = frame.curve;
  const { mu, sigma } = frame;
  const lo = mu - 4 * sigma;
  const hi = mu + 4 * sigma;
  const delta = 1e-9 * (hi - lo);
  let n = 0;
  const put = (z: number, gap: boolean) => {
    const e = (z - mu) / sigma;
    const fz = gap ? NaN : f(z);
    const d = gap ? NaN : df(z);
    c.z[n] = z;
    c.f[n] = Number.isFinite(fz) ? fz : NaN;
    c.df[n] = Number.isFinite(d) ? d : NaN;
    c.density[n] = (INV_SQRT_2PI / sigma) * Math.exp(-0.5 * e * e);
    n++;
  };
  let b = 0;
  let room = (LAB_CAPACITY.curve - CURVE_GRID) / 3;
  for (let i = 0; i < CURVE_GRID; i++) {
    const z = lo + ((hi - lo) * i) / (CURVE_GRID - 1);
    // breakpoints (ascending) that fall before this grid point
    let last = NaN;
    for (; b < breakpoints.length && breakpoints[b] <= z + delta; b++) {
      const zb = breakpoints[b];
      if (zb <= lo || room === 0) continue;
      room--;
      put(zb - delta, false);
      put(zb, true);
      put(zb + delta, false);
      last = zb;
    }
    // a grid point on the breakpoint itself would put f′'s value at the kink (sign(0) = 0) back in the line
    if (!(Math.abs(z - last) <= 2 * delta)) put(z, false);
  }
  c.n = n;
  const m = Math.min(LAB_CAPACITY.rug, sampler.count);
  for (let i = 0; i < m; i++) c.samples[i] = mu + sigma * sampler.eps[i];
  c.sampleCount = m;
  c.version++;
}

/** The estimator's exact mean differs from the gradient (beyond quadrature accuracy). */
export function isBiased(report: GaussianGradientReport, name: LabEstimator, param: 'mu' | 'sigma'): boolean {
  const g = report.grad[param];
  return Math.abs(report.estimators[name].mean[param] - g) > 1e-7 * (1 + Math.abs(g));
}

/** Exact Var of the N-sample mean for N = 1 … MAX_N, empirical points at N = 1, 2, 4, …, and crossings. */
export function fillVersusN(
  frame: LabFrame,
  sampler: GaussianEstimatorSampler,
  report: GaussianGradientReport,
  target: number,
): void {
  const v = frame.versusN;
  const n = LAB_CAPACITY.versusN;
  logSpacedInto(v.N, n, 1, MAX_N);
  v.n = n;
  for (const name of LAB_ESTIMATORS) {
    for (let i = 0; i < n; i++) {
      const N = name === 'loo' ? Math.max(2, Math.round(v.N[i])) : v.N[i];
      const m = name === 'loo' && v.N[i] < 1.5 ? { mu: NaN, sigma: NaN } : meanVarianceAt(report, name, N);
      v.exact[name].mu[i] = m.mu;
      v.exact[name].sigma[i] = m.sigma;
    }
    const c = samplesForPrecision(report, name, target);
    v.crossing[name].mu = c.mu;
    v.crossing[name].sigma = c.sigma;
    v.biased[name].mu = isBiased(report, name, 'mu');
    v.biased[name].sigma = isBiased(report, name, 'sigma');
  }
  // empirical: non-overlapping groups of N among the current draws (powers of two while ≥ MIN_GROUPS groups)
  const count = sampler.count;
  let p = 0;
  for (let N = 1; p < LAB_CAPACITY.points && count / N >= MIN_GROUPS; N *= 2) {
    v.pointN[p] = N;
    for (const name of LAB_ESTIMATORS) {
      if (name === 'loo') {
        const m =
          N >= 2
            ? looGroupMeanVariance(sampler.values, sampler.eps, frame.sigma, count, N, MIN_GROUPS)
            : { mu: NaN, sigma: NaN };
        v.empirical.loo.mu[p] = m.mu;
        v.empirical.loo.sigma[p] = m.sigma;
      } else {
        v.empirical[name].mu[p] = groupMeanVariance(sampler.estimates[name].mu, count, N, MIN_GROUPS);
        v.empirical[name].sigma[p] = groupMeanVariance(sampler.estimates[name].sigma, count, N, MIN_GROUPS);
      }
    }
    p++;
  }
  v.pointCount = p;
  v.target = target;
  v.version++;
}

/** Path length over straight distance of a (μ, σ) path with `steps` steps (NaN if it did not move). */
export function wander(path: Float64Array, steps: number): number {
  let length = 0;
  for (let t = 1; t <= steps; t++)
    length += Math.hypot(path[2 * t] - path[2 * t - 2], path[2 * t + 1] - path[2 * t - 1]);
  const straight = Math.hypot(path[2 * steps] - path[0], path[2 * steps + 1] - path[1]);
  return straight > 0 ? length / straight : NaN;
}

/** The plain numbers of the DOM table and status line. */
export function summaryOf(frame: LabFrame, report: GaussianGradientReport): LabSummary {
  const rows = {} as LabSummary['rows'];
  const race = {} as LabSummary['race'];
  const row = (name: LabEstimator, param: 'mu' | 'sigma'): StatRow => {
    const s = frame.hist[param].stats[name];
    return {
      mean: s.mean,
      standardError: s.standardError,
      variance: s.variance,
      exactVariance: s.exactVariance,
      needed: frame.versusN.crossing[name][param],
      biased: frame.versusN.biased[name][param],
    };
  };
  const r = frame.race;
  for (const name of LAB_ESTIMATORS) {
    rows[name] = { mu: row(name, 'mu'), sigma: row(name, 'sigma') };
    const ready = r.status === 'ready' && r.steps > 0;
    race[name] = {
      arrival: ready ? r.arrival[name] : -1,
      final: ready ? r.values[name][r.steps] : NaN,
      wander: ready ? wander(r.paths[name], r.steps) : NaN,
    };
  }
  const words = (status: string, message: string) =>
    status === 'computing' ? 'computing…' : message !== '' ? message : status === 'ready' ? 'ready' : '';
  return {
    value: report.value,
    grad: { mu: snapZero(report.grad.mu, report), sigma: snapZero(report.grad.sigma, report) },
    samples: frame.hist.mu.stats.score.count,
    rows,
    sweepStatus: words(frame.sweep.status, frame.sweep.message),
    raceStatus: words(r.status, r.message),
    race,
  };
}
