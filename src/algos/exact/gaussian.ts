/**
 * Exact gradients of E_{z~N(μ,σ²)}[f(z)] w.r.t. μ and σ and the exact per-sample variance of each
 * single-sample gradient estimator, by one vector-valued quadrature over ε (z = μ + σε, ε ~ N(0, 1)).
 *
 * Estimators (Mohamed, Rosca, Figurnov & Mnih 2020; named in gaussianTypes.ts): score function (§4) with no
 * baseline, with b = E[f] and with the per-component variance-optimal constant baseline (§7); MuProp (Gu,
 * Levine, Sutskever & Mnih 2016); leave-one-out (Kool, van Hoof & Welling 2019; looVariance.ts); pathwise (§5).
 * Scores: s_μ = ∂_μ log N(z; μ, σ²) = ε/σ, s_σ = ∂_σ log N = (ε² − 1)/σ, with E[s_μ²] = 1/σ², E[s_σ²] = 2/σ².
 */

import { gaussianExpectationsInto, type QuadratureOptions, type QuadratureStats } from './gaussKronrod';
import type { GaussianGradientReport } from './gaussianTypes';
import { looVarianceAt } from './looVariance';

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
