/**
 * The vocabulary of the exact Gaussian gradient problem ∇_{μ,σ} E_{z~N(μ,σ²)}[f(z)]: the estimators compared in
 * the lab and the plain-data report of their exact means and variances (filled in by gaussian.ts).
 *
 * Estimators (Mohamed, Rosca, Figurnov & Mnih 2020): score function (§4) with no baseline, with b = E[f] and
 * with the per-component variance-optimal constant baseline (§7, control variates); MuProp's first-order
 * Taylor control variate (Gu, Levine, Sutskever & Mnih 2016); leave-one-out baselines over a batch of N
 * (Kool, van Hoof & Welling 2019); and the pathwise (reparameterisation) estimator (§5).
 */

import type { QuadratureStats } from './gaussKronrod';

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
  /** Var[f(z)] (enters the leave-one-out variances; see looVariance.ts). */
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
