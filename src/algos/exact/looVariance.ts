/**
 * Exact variance of the leave-one-out score-function estimator (Kool, van Hoof & Welling 2019, "Buy 4
 * REINFORCE samples, get a baseline for free!"), per sample and for the mean over one batch, from the moments
 * in a {@link GaussianGradientReport} (Mohamed, Rosca, Figurnov & Mnih 2020, §7 on baselines).
 */

import type { GaussianGradientReport, MuSigma } from './gaussianTypes';

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
