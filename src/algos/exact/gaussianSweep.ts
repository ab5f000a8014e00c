/**
 * Exact estimator variances along a sweep of a cost parameter k, E_{N(μ,σ²)}[f(z, k)] for each k: the curves
 * of Mohamed, Rosca, Figurnov & Mnih 2020, Fig. 2 (variance of each estimator against k), one
 * {@link gaussianGradientReport} per k.
 */

import { gaussianGradientReport, type GaussianReportOptions } from './gaussian';
import { GAUSSIAN_ESTIMATORS, type GaussianEstimatorName } from './gaussianTypes';

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
