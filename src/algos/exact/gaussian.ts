/**
 * Exact gradients of E_{z~N(μ,σ²)}[f(z)] w.r.t. μ and σ and the exact per-sample variance of each
 * single-sample gradient estimator, by one vector-valued quadrature over ε (z = μ + σε, ε ~ N(0, 1)).
 *
 * Estimators (Mohamed, Rosca, Figurnov & Mnih 2020): score function (§4) with no baseline, with b = E[f] and
 * with the per-component variance-optimal constant baseline (§7, control variates); MuProp's first-order
 * Taylor control variate (Gu, Levine, Sutskever & Mnih 2016); leave-one-out baselines over a batch of N
 * (Kool, van Hoof & Welling 2019); and the pathwise (reparameterisation) estimator (§5).
 * Scores: s_μ = ∂_μ log N(z; μ, σ²) = ε/σ, s_σ = ∂_σ log N = (ε² − 1)/σ, with E[s_μ²] = 1/σ², E[s_σ²] = 2/σ².
 */

import { gaussianExpectationsInto, type QuadratureOptions, type QuadratureStats } from './gaussKronrod';

/** A pair of numbers, one per parameter of N(μ, σ²). */
export interface MuSigma {
  /** Component for the mean μ. */
  mu: number;
  /** Component for the standard deviation σ (not log σ). */
  sigma: number;
}

/** The single-sample estimators compared in the lab. */
export type GaussianEstimatorName = 'score' | 'score-mean' | 'score-optimal' | 'muprop' | 'pathwise' | 'loo';

/** All estimator names, in display order. */
export const GAUSSIAN_ESTIMATORS: readonly GaussianEstimatorName[] = [
  'score',
  'score-mean',
  'score-optimal',
  'muprop',
  'pathwise',
  'loo',
];

/** The constant baselines of the score-function estimators. */
export interface GaussianBaselines {
  /** b = E[f] (the usual "average reward" baseline). */
  mean: number;
  /** Variance-optimal constant b*_i = E[f s_i²] / E[s_i²], per parameter. */
  optimal: MuSigma;
}

/** Exact mean and per-sample variance of one single-sample estimator. */
export interface EstimatorMoments {
  /** E[ĝ] (equals the exact gradient for every estimator here when f is regular enough). */
  mean: MuSigma;
  /** Var[ĝ] of one sample; an average of n independent samples has Var/n. */
  variance: MuSigma;
}

/** Leave-one-out estimator moments: per-sample, and for the mean over one batch of N. */
export interface LooMoments extends EstimatorMoments {
  /** Batch size N (each sample's baseline is the mean of the other N − 1 values of f). */
  batch: number;
  /** Variance of the batch-mean estimator (1/N) Σ_j ĝ_j (its samples are correlated). */
  batchVariance: MuSigma;
}

/** Everything known exactly about the Gaussian gradient problem at (μ, σ); plain data (JSON-safe). */
export interface GaussianGradientReport {
  /** Mean of the sampling distribution. */
  mu: number;
  /** Standard deviation of the sampling distribution. */
  sigma: number;
  /** E[f(z)]. */
  value: number;
  /** Var[f(z)] (enters the leave-one-out variances; see {@link looVarianceAt}). */
  valueVariance: number;
  /** ∇E[f] by the score identity E[f·s] (valid for any integrable f, steps included). */
  grad: MuSigma;
  /** ∇E[f] by the pathwise identity (E[f′], E[f′ε]); equals `grad` only if f is absolutely continuous. */
  gradPathwise: MuSigma;
  /** Baselines used by the score-function variants. */
  baselines: GaussianBaselines;
  /** Exact moments of each single-sample estimator. */
  estimators: {
    score: EstimatorMoments;
    'score-mean': EstimatorMoments;
    'score-optimal': EstimatorMoments;
    muprop: EstimatorMoments;
    pathwise: EstimatorMoments;
    loo: LooMoments;
  };
  /** What the quadrature did (a failed `converged` means the numbers above may be inaccurate). */
  quadrature: QuadratureStats;
}

/** Options of {@link gaussianGradientReport}. */
export interface GaussianReportOptions {
  /** Points z where f jumps or kinks (converted to ε = (z − μ)/σ for the quadrature). */
  breakpoints?: readonly number[];
  /** Leave-one-out batch size N ≥ 2 (default 8). */
  batch?: number;
  /** Quadrature tolerances (relTol default 1e-11). */
  quadrature?: Omit<QuadratureOptions, 'breakpoints'>;
}

/** Number of moments integrated together (indices below). */
const M = 14;
// u = f(z) − f(μ) (shifted so large constant offsets do not cancel), q = ε² − 1, d = f′(z),
// dd = f′(z) − f′(μ), r = f(z) − h(z) the MuProp residual with h(z) = f(μ) + f′(μ)(z − μ).
const U = 0; // u
const UU = 1; // u²
const UE = 2; // u ε
const UQ = 3; // u q
const UE2 = 4; // u ε²
const UQ2 = 5; // u q²
const UUE2 = 6; // u² ε²
const UUQ2 = 7; // u² q²
const RRE2 = 8; // r² ε²
const RRQ2 = 9; // r² q²
const DD = 10; // dd
const DDDD = 11; // dd²
const DE = 12; // d ε
const DDE2 = 13; // d² ε²
/** Each component's tolerance scale partner (−1: its own scale only); see QuadratureOptions.scaleOf. */
const SCALE_OF = [-1, -1, -1, -1, -1, -1, -1, -1, UUE2, UUQ2, -1, -1, -1, -1];

/**
 * Exact value, gradient and per-sample estimator variances of ∇_{μ,σ} E_{N(μ,σ²)}[f] by quadrature.
 * `f` and `df` are plain functions of z; `df` may be 0 almost everywhere (steps): then the pathwise numbers
 * describe the (biased) pathwise estimator, not the gradient.
 */
export function gaussianGradientReport(
  f: (z: number) => number,
  df: (z: number) => number,
  mu: number,
  sigma: number,
  opts: GaussianReportOptions = {},
): GaussianGradientReport {
  if (!(sigma > 0 && Number.isFinite(mu)))
    throw new Error(`gaussianGradientReport: need σ > 0, got μ=${mu}, σ=${sigma}`);
  const N = opts.batch ?? 8;
  if (!(Number.isInteger(N) && N >= 2))
    throw new Error(`gaussianGradientReport: batch must be an integer ≥ 2, got ${N}`);
  const c = f(mu);
  const b = df(mu);
  const bs = b * sigma;
  const E = new Float64Array(M);
  const bp = opts.breakpoints;
  // The MuProp residual r = f − h is 0 up to rounding for a linear f: measure its tolerance on u² instead.
  const qopts: QuadratureOptions = { scaleOf: SCALE_OF, ...opts.quadrature };
  if (bp && bp.length > 0) qopts.breakpoints = bp.map((z) => (z - mu) / sigma);
  const stats: QuadratureStats = { evaluations: 0, intervals: 0, converged: false, relativeError: 0 };
  gaussianExpectationsInto(
    E,
    M,
    (e, o) => {
      const z = mu + sigma * e;
      const u = f(z) - c;
      const d = df(z);
      const dd = d - b;
      const e2 = e * e;
      const q = e2 - 1;
      const q2 = q * q;
      const r = u - bs * e;
      o[U] = u;
      o[UU] = u * u;
      o[UE] = u * e;
      o[UQ] = u * q;
      o[UE2] = u * e2;
      o[UQ2] = u * q2;
      o[UUE2] = u * u * e2;
      o[UUQ2] = u * u * q2;
      o[RRE2] = r * r * e2;
      o[RRQ2] = r * r * q2;
      o[DD] = dd;
      o[DDDD] = dd * dd;
      o[DE] = d * e;
      o[DDE2] = d * d * e2;
    },
    qopts,
    stats,
  );
  return reportFromMoments(E, c, b, mu, sigma, N, stats);
}

/** Assembles the report from the ε-moments (all formulas in ε units, divided by σ² at the end). */
function reportFromMoments(
  E: Float64Array,
  c: number,
  b: number,
  mu: number,
  sigma: number,
  N: number,
  stats: QuadratureStats,
): GaussianGradientReport {
  const s2 = sigma * sigma;
  const value = c + E[U];
  // Score identity (§4): ∇_μ E[f] = E[f ε]/σ, ∇_σ E[f] = E[f (ε² − 1)]/σ; the shift c drops out (E[ε] = E[q] = 0).
  const gmu = E[UE] / sigma;
  const gsig = E[UQ] / sigma;
  // Pathwise identity (§5): ∇_μ E[f] = E[f′(z)], ∇_σ E[f] = E[f′(z) ε].
  const pmu = b + E[DD];
  const psig = E[DE];
  // Baselines in shifted units: δ = E[f] − c; b*_μ − c = E[u ε²]/E[ε²]; b*_σ − c = E[u q²]/E[q²] (E[q²] = 2).
  const delta = E[U];
  const optMu = E[UE2];
  const optSig = E[UQ2] / 2;
  // Second moments of (f − β)·s for a constant β, with v = β − c:
  //   E[(u − v)² ε²] = E[u²ε²] − 2v E[uε²] + v²,   E[(u − v)² q²] = E[u²q²] − 2v E[uq²] + 2v²,
  // divided by σ²; the variance subtracts the squared mean (the gradient). (§7: a constant baseline keeps
  // the mean; the optimal one minimises E[(f − β)² s²], i.e. β = E[f s²]/E[s²].)
  const secMu = (v: number) => (E[UUE2] - 2 * v * E[UE2] + v * v) / s2;
  const secSig = (v: number) => (E[UUQ2] - 2 * v * E[UQ2] + 2 * v * v) / s2;
  const varOf = (second: number, mean: number) => Math.max(0, second - mean * mean);
  const grad = { mu: gmu, sigma: gsig };
  const scoreVar = { mu: varOf(secMu(-c), gmu), sigma: varOf(secSig(-c), gsig) };
  const meanVar = { mu: varOf(secMu(delta), gmu), sigma: varOf(secSig(delta), gsig) };
  const optVar = { mu: varOf(secMu(optMu), gmu), sigma: varOf(secSig(optSig), gsig) };
  // MuProp (Gu et al. 2016): ĝ = (f(z) − h(z))·s + ∇E[h], h(z) = f(μ̄) + f′(μ̄)(z − μ̄) with μ̄ = μ held fixed.
  // E[h] = f(μ̄) + f′(μ̄)(μ − μ̄), so ∇_μ E[h] = f′(μ), ∇_σ E[h] = 0; and E[h s_μ] = f′(μ̄)σE[ε²]/σ = f′(μ),
  // E[h s_σ] = E[(f(μ̄) + f′(μ̄)σε)(ε² − 1)]/σ = 0, so E[ĝ] = E[f s] exactly. Its variance is that of the
  // residual term: Var = E[r² s²] − (E[f s] − E[h s])², with r = f − h = u − f′(μ)σε.
  const mpMu = gmu - b;
  const mpSig = gsig;
  const mupropVar = { mu: varOf(E[RRE2] / s2, mpMu), sigma: varOf(E[RRQ2] / s2, mpSig) };
  // Pathwise: Var_μ = Var[f′] (computed on f′ − f′(μ)), Var_σ = E[f′² ε²] − E[f′ ε]².
  const pathVar = { mu: varOf(E[DDDD], E[DD]), sigma: varOf(E[DDE2], psig) };
  const vf = Math.max(0, E[UU] - delta * delta);
  const report: GaussianGradientReport = {
    mu,
    sigma,
    value,
    valueVariance: vf,
    grad,
    gradPathwise: { mu: pmu, sigma: psig },
    baselines: { mean: value, optimal: { mu: c + optMu, sigma: c + optSig } },
    estimators: {
      score: { mean: { ...grad }, variance: scoreVar },
      'score-mean': { mean: { ...grad }, variance: meanVar },
      'score-optimal': { mean: { ...grad }, variance: optVar },
      muprop: { mean: { mu: mpMu + b, sigma: mpSig }, variance: mupropVar },
      pathwise: { mean: { mu: pmu, sigma: psig }, variance: pathVar },
      loo: { mean: { ...grad }, variance: { ...meanVar }, batch: N, batchVariance: { ...meanVar } },
    },
    quadrature: stats,
  };
  const loo = looVarianceAt(report, N);
  report.estimators.loo.variance = loo.variance;
  report.estimators.loo.batchVariance = loo.batchVariance;
  return report;
}

/**
 * Leave-one-out moments for any batch size N ≥ 2 (the report's own `loo` entry uses its N).
 *
 * ĝ_j = (f_j − f̄_{−j}) s_j over a batch of N i.i.d. samples, f̄_{−j} = mean_{k≠j} f_k.
 * Single sample: f̄_{−j} is independent of (f_j, s_j) with mean m = E[f] and variance v/(N − 1), v = Var[f],
 * so E[ĝ_j] = ∇E[f] (E[s] = 0) and
 *   E[ĝ_j²] = E[(f − m)² s²] + (v/(N − 1))·E[s²]   ⇒   Var[ĝ_j] = Var_score-mean + v·E[s²]/(N − 1),
 * with E[s_μ²] = 1/σ², E[s_σ²] = 2/σ².
 * Two samples j ≠ k: write f̄_{−1} = (f_2 + R)/(N−1), f̄_{−2} = (f_1 + R)/(N−1), R = Σ_{l>2} f_l. Expanding
 *   E[(f_1 − f̄_{−1}) s_1 (f_2 − f̄_{−2}) s_2], every term holding a lone factor s_1 or s_2 vanishes
 *   (E[s] = 0, independence), leaving E[f_1 s_1]E[f_2 s_2] + E[f_2 s_2]E[f_1 s_1]/(N−1)²,
 *   so Cov[ĝ_1, ĝ_2] = g²/(N − 1)² with g the exact gradient component. Hence the batch mean has
 *   Var[(1/N) Σ_j ĝ_j] = Var[ĝ_j]/N + (N − 1)/N · g²/(N − 1)² = Var[ĝ_j]/N + g²/(N(N − 1)).
 */
export function looVarianceAt(
  report: GaussianGradientReport,
  N: number,
): { variance: MuSigma; batchVariance: MuSigma } {
  if (!(Number.isInteger(N) && N >= 2)) throw new Error(`looVarianceAt: N must be an integer ≥ 2, got ${N}`);
  const s2 = report.sigma * report.sigma;
  const base = report.estimators['score-mean'].variance;
  const g = report.grad;
  const vf = report.valueVariance;
  const variance = { mu: base.mu + vf / s2 / (N - 1), sigma: base.sigma + (2 * vf) / s2 / (N - 1) };
  return {
    variance,
    batchVariance: {
      mu: variance.mu / N + (g.mu * g.mu) / (N * (N - 1)),
      sigma: variance.sigma / N + (g.sigma * g.sigma) / (N * (N - 1)),
    },
  };
}

/** Exact curves along a sweep of a cost parameter k (one entry per k), as plain arrays for plotting. */
export interface GaussianVarianceSweep {
  /** The swept parameter values. */
  k: number[];
  /** E[f(·, k)]. */
  value: number[];
  /** Exact gradient (score identity) per k. */
  grad: { mu: number[]; sigma: number[] };
  /** Exact per-sample variance of each estimator per k. */
  variance: Record<GaussianEstimatorName, { mu: number[]; sigma: number[] }>;
  /** Variance of the leave-one-out batch-mean estimator per k. */
  looBatchVariance: { mu: number[]; sigma: number[] };
  /** True when every quadrature in the sweep converged. */
  converged: boolean;
}

/** Options of {@link gaussianVarianceSweep}. */
export interface GaussianSweepOptions extends Omit<GaussianReportOptions, 'breakpoints'> {
  /** Breakpoints in z for a given k (e.g. k => [k] for a step at z = k). */
  breakpoints?: (k: number) => readonly number[];
}

/** Exact value, gradient and estimator variances of E_{N(μ,σ²)}[f(z, k)] for each k in `ks`. */
export function gaussianVarianceSweep(
  f: (z: number, k: number) => number,
  df: (z: number, k: number) => number,
  ks: ArrayLike<number>,
  mu: number,
  sigma: number,
  opts: GaussianSweepOptions = {},
): GaussianVarianceSweep {
  const n = ks.length;
  const pair = () => ({ mu: new Array<number>(n), sigma: new Array<number>(n) });
  const variance = {} as Record<GaussianEstimatorName, { mu: number[]; sigma: number[] }>;
  for (const name of GAUSSIAN_ESTIMATORS) variance[name] = pair();
  const out: GaussianVarianceSweep = {
    k: Array.from(ks),
    value: new Array<number>(n),
    grad: pair(),
    variance,
    looBatchVariance: pair(),
    converged: true,
  };
  for (let i = 0; i < n; i++) {
    const k = ks[i];
    const r = gaussianGradientReport(
      (z) => f(z, k),
      (z) => df(z, k),
      mu,
      sigma,
      { batch: opts.batch, quadrature: opts.quadrature, breakpoints: opts.breakpoints?.(k) },
    );
    out.value[i] = r.value;
    out.grad.mu[i] = r.grad.mu;
    out.grad.sigma[i] = r.grad.sigma;
    for (const name of GAUSSIAN_ESTIMATORS) {
      variance[name].mu[i] = r.estimators[name].variance.mu;
      variance[name].sigma[i] = r.estimators[name].variance.sigma;
    }
    out.looBatchVariance.mu[i] = r.estimators.loo.batchVariance.mu;
    out.looBatchVariance.sigma[i] = r.estimators.loo.batchVariance.sigma;
    if (!r.quadrature.converged) out.converged = false;
  }
  return out;
}
