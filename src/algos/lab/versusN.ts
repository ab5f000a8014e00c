/**
 * Variance of the N-sample mean gradient estimate against N, exact and empirical, and the N at which it
 * reaches a target precision: "how many samples does each estimator need?" (Mohamed, Rosca, Figurnov &
 * Mnih 2020, §3.3 and §7). Independent samples give Var/N; leave-one-out baselines (Kool, van Hoof &
 * Welling 2019) couple the N samples of a batch, so their curve comes from {@link looVarianceAt}.
 */

import { looVarianceAt } from '../exact/looVariance';
import type { GaussianEstimatorName, GaussianGradientReport, MuSigma } from '../exact/gaussianTypes';

/** Largest N the searches consider before answering Infinity. */
const MAX_N = Number.MAX_SAFE_INTEGER;

/** Exact leave-one-out batch-mean variance of one component at an integer batch size N ≥ 2. */
function looBatch(report: GaussianGradientReport, N: number, p: 'mu' | 'sigma'): number {
  return looVarianceAt(report, N).batchVariance[p];
}

/** One component of {@link meanVarianceAt}. */
function meanVarianceOf(
  report: GaussianGradientReport,
  name: GaussianEstimatorName,
  N: number,
  p: 'mu' | 'sigma',
): number {
  if (!(N >= 1)) return NaN;
  if (name !== 'loo') return report.estimators[name].variance[p] / N;
  if (N < 2) return NaN;
  const a = Math.floor(N);
  if (a === N || a >= MAX_N) return looBatch(report, a, p);
  // Batches come in integer sizes; between them the curve is drawn by linear interpolation in N.
  const t = N - a;
  return (1 - t) * looBatch(report, a, p) + t * looBatch(report, a + 1, p);
}

/**
 * Exact variance of the mean of N single-sample estimates of `name`, per component: Var/N for independent
 * samples; for 'loo' the variance of the mean over one leave-one-out batch of N
 * ({@link looVarianceAt}`(report, N).batchVariance`), NaN for N < 2. N may be any real ≥ 1 (for plotting):
 * loo interpolates linearly between the neighbouring integer batch sizes. NaN for N < 1.
 */
export function meanVarianceAt(
  report: GaussianGradientReport,
  name: GaussianEstimatorName,
  N: number,
): MuSigma {
  return { mu: meanVarianceOf(report, name, N, 'mu'), sigma: meanVarianceOf(report, name, N, 'sigma') };
}

/** One component of {@link samplesForPrecision}. */
function samplesFor(
  report: GaussianGradientReport,
  name: GaussianEstimatorName,
  t2: number,
  p: 'mu' | 'sigma',
) {
  if (name !== 'loo') {
    const v = report.estimators[name].variance[p];
    if (Number.isNaN(v)) return NaN;
    if (v <= 0) return 1;
    // Smallest integer N with v/N ≤ τ²: ⌈v/τ²⌉, corrected by ±1 for rounding of the division.
    let N = Math.max(1, Math.ceil(v / t2));
    if (!(N <= MAX_N)) return Infinity;
    while (N > 1 && v / (N - 1) <= t2) N--;
    while (v / N > t2 && N < MAX_N) N++;
    return N;
  }
  // Leave-one-out: Var(N) = Var_j(N)/N + g²/(N(N − 1)) decreases in N; double until it is below τ², then
  // bisect the last doubling (invariant: fails at lo, passes at hi).
  const first = looBatch(report, 2, p);
  if (Number.isNaN(first)) return NaN;
  if (first <= t2) return 2;
  let lo = 2;
  let hi = 4;
  while (!(looBatch(report, hi, p) <= t2)) {
    if (hi >= MAX_N) return Infinity;
    lo = hi;
    hi = Math.min(MAX_N, 2 * hi);
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (looBatch(report, mid, p) <= t2) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Smallest integer N with {@link meanVarianceAt}(report, name, N) ≤ target², per component: the samples
 * needed for a standard error of `target`. 1 when the variance is 0 (2 for 'loo', its smallest batch);
 * Infinity when target ≤ 0 or no N ≤ 2^53 suffices; NaN when the variance is NaN.
 */
export function samplesForPrecision(
  report: GaussianGradientReport,
  name: GaussianEstimatorName,
  target: number,
): MuSigma {
  if (!(target > 0)) return { mu: Infinity, sigma: Infinity };
  const t2 = target * target;
  return { mu: samplesFor(report, name, t2, 'mu'), sigma: samplesFor(report, name, t2, 'sigma') };
}

/**
 * Writes n log-spaced values from lo to hi into out[0 .. n) and returns out: out[i] = lo·(hi/lo)^(i/(n−1)),
 * with out[0] = lo and out[n−1] = hi exactly (n = 1 gives lo). Needs 0 < lo, 0 < hi.
 */
export function logSpacedInto(out: Float64Array, n: number, lo: number, hi: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0 && n <= out.length))
    throw new Error(`logSpacedInto: n=${n} must be an integer in 0..${out.length}`);
  if (!(lo > 0 && hi > 0 && Number.isFinite(lo) && Number.isFinite(hi)))
    throw new Error(`logSpacedInto: need finite lo, hi > 0, got ${lo}, ${hi}`);
  const a = Math.log(lo);
  const step = n > 1 ? (Math.log(hi) - a) / (n - 1) : 0;
  // out_i = exp(log lo + i·(log hi − log lo)/(n − 1))
  for (let i = 0; i < n; i++) out[i] = Math.exp(a + i * step);
  if (n > 0) out[0] = lo;
  if (n > 1) out[n - 1] = hi;
  return out;
}

/**
 * Empirical unbiased variance of the means of the non-overlapping groups x[gN .. gN+N), g < G = ⌊n/N⌋
 * (the estimate of Var of an N-sample mean from one long run of independent samples); NaN when
 * G < max(2, minGroups). Two passes, no allocation.
 */
export function groupMeanVariance(x: ArrayLike<number>, n: number, N: number, minGroups = 8): number {
  if (!(Number.isInteger(N) && N >= 1)) throw new Error(`groupMeanVariance: N=${N} must be an integer ≥ 1`);
  if (!(n >= 0 && n <= x.length)) throw new Error(`groupMeanVariance: n=${n} exceeds ${x.length} values`);
  const G = Math.floor(n / N);
  if (G < Math.max(2, minGroups)) return NaN;
  // m̄ = (1/G) Σ_g m_g with m_g = (1/N) Σ_{j<N} x_{gN+j};  s² = Σ_g (m_g − m̄)² / (G − 1).
  let total = 0;
  for (let i = 0; i < G * N; i++) total += x[i];
  const grand = total / (G * N);
  let ss = 0;
  for (let g = 0; g < G; g++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += x[g * N + j];
    const d = s / N - grand;
    ss += d * d;
  }
  return ss / (G - 1);
}

/**
 * Empirical variance of leave-one-out batch means for batch size N, recomputed from stored draws: f-values
 * `values` and standard normals `eps` (as left by GaussianEstimatorSampler), sampled at standard deviation
 * `sigma`. Groups g < ⌊n/N⌋ of consecutive samples are the batches; NaN components when there are fewer than
 * max(2, minGroups). Uses the sampler's formula; Welford's update over batches, no allocation.
 */
export function looGroupMeanVariance(
  values: ArrayLike<number>,
  eps: ArrayLike<number>,
  sigma: number,
  n: number,
  N: number,
  minGroups = 8,
): MuSigma {
  if (!(Number.isInteger(N) && N >= 2))
    throw new Error(`looGroupMeanVariance: N=${N} must be an integer ≥ 2`);
  if (!(n >= 0 && n <= values.length && n <= eps.length))
    throw new Error(`looGroupMeanVariance: n=${n} exceeds the stored draws`);
  const G = Math.floor(n / N);
  if (G < Math.max(2, minGroups)) return { mu: NaN, sigma: NaN };
  let meanMu = 0;
  let meanSig = 0;
  let ssMu = 0;
  let ssSig = 0;
  for (let g = 0; g < G; g++) {
    const o = g * N;
    let S = 0;
    for (let j = 0; j < N; j++) S += values[o + j];
    // ĝ_j = (N f_j − S)/(N − 1)·s_j, s_μ = ε/σ, s_σ = (ε² − 1)/σ; batch mean m_g = (1/N) Σ_j ĝ_j.
    let bMu = 0;
    let bSig = 0;
    for (let j = 0; j < N; j++) {
      const e = eps[o + j];
      const a = (N * values[o + j] - S) / (N - 1);
      bMu += (a * e) / sigma;
      bSig += (a * (e * e - 1)) / sigma;
    }
    bMu /= N;
    bSig /= N;
    // Welford: δ = m_g − m̄_{g−1}; m̄_g = m̄_{g−1} + δ/(g + 1); SS += δ (m_g − m̄_g).
    const dMu = bMu - meanMu;
    const dSig = bSig - meanSig;
    meanMu += dMu / (g + 1);
    meanSig += dSig / (g + 1);
    ssMu += dMu * (bMu - meanMu);
    ssSig += dSig * (bSig - meanSig);
  }
  return { mu: ssMu / (G - 1), sigma: ssSig / (G - 1) };
}
