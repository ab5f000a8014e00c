/**
 * Monte Carlo single-sample estimators of ∇_{μ,σ} E_{z~N(μ,σ²)}[f(z)], drawn with common random numbers: one
 * ε ~ N(0, 1) per sample, z = μ + σε, shared by every estimator, so their histograms and variances are
 * compared on the same draws (Mohamed, Rosca, Figurnov & Mnih 2020, §7.2 on coupling / common random
 * numbers; §4 score function, §5 pathwise, §7 control variates and baselines).
 *
 * Baselines: `score-mean` and `score-optimal` use the *exact* E[f] and b*_i from quadrature (an oracle, so
 * their sample variances estimate exactly the variances in the exact report); `loo` is the practical
 * alternative that needs no oracle: the mean of the other N − 1 values of f in its batch.
 *
 * Summaries of the draws: sampleMoments.ts; the CLI's streamed report beside the exact one: estimateReport.ts.
 */

import type { Rng } from '../core/random';
import {
  GAUSSIAN_ESTIMATORS,
  type GaussianBaselines,
  type GaussianEstimatorName,
} from './exact/gaussianTypes';

/** Per-sample estimates of one estimator: one array per parameter. */
export interface EstimateArrays {
  /** Estimates of ∂E[f]/∂μ. */
  mu: Float64Array;
  /** Estimates of ∂E[f]/∂σ. */
  sigma: Float64Array;
}

/** Fills preallocated arrays with single-sample estimates of every estimator from shared draws. */
export class GaussianEstimatorSampler {
  /** Maximum samples per {@link sample} call. */
  readonly capacity: number;
  /** Leave-one-out batch size N (samples 0..N−1, N..2N−1, … form the batches). */
  readonly batch: number;
  /** ε of each sample of the last call (owned by the sampler, valid until the next call). */
  readonly eps: Float64Array;
  /** f(z) of each sample of the last call (owned by the sampler). */
  readonly values: Float64Array;
  /** Estimates of each estimator from the last call (owned by the sampler, valid until the next call). */
  readonly estimates: Record<GaussianEstimatorName, EstimateArrays>;
  /** Leave-one-out batch means, one per complete batch of the last call. */
  readonly looBatchMeans: EstimateArrays;
  /** Samples written by the last call. */
  count = 0;
  /** Samples in complete batches (the loo entries from looCount to count are NaN). */
  looCount = 0;

  /** Allocates all buffers for up to `capacity` samples per call. */
  constructor(capacity: number, batch = 8) {
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new Error(`capacity must be ≥ 1, got ${capacity}`);
    if (!(Number.isInteger(batch) && batch >= 2))
      throw new Error(`batch must be an integer ≥ 2, got ${batch}`);
    this.capacity = capacity;
    this.batch = batch;
    this.eps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    const pair = (n: number) => ({ mu: new Float64Array(n), sigma: new Float64Array(n) });
    const est = {} as Record<GaussianEstimatorName, EstimateArrays>;
    for (const name of GAUSSIAN_ESTIMATORS) est[name] = pair(capacity);
    this.estimates = est;
    this.looBatchMeans = pair(Math.floor(capacity / batch));
  }

  /**
   * Draws n samples ε_i from `rng` (one normal each, in order) and writes every estimator's estimate of
   * sample i at index offset + i. `baselines` are the exact ones ({@link gaussianGradientReport}'s
   * `baselines`). With `offset` > 0 (a multiple of the batch size) the draws are appended to those already
   * held: samples drawn in several calls from one `rng` equal those of one call for all of them.
   */
  sample(
    f: (z: number) => number,
    df: (z: number) => number,
    mu: number,
    sigma: number,
    n: number,
    rng: Rng,
    baselines: GaussianBaselines,
    offset = 0,
  ): this {
    if (!(n >= 0 && offset >= 0 && offset + n <= this.capacity))
      throw new Error(`sample: offset ${offset} + n ${n} exceeds capacity ${this.capacity}`);
    if (offset % this.batch !== 0 || offset > this.count)
      throw new Error(`sample: offset ${offset} must be a multiple of the batch and at most ${this.count}`);
    const end = offset + n;
    const { eps, values } = this;
    const { score, muprop, pathwise } = this.estimates;
    const sMean = this.estimates['score-mean'];
    const sOpt = this.estimates['score-optimal'];
    const m = baselines.mean;
    const bmu = baselines.optimal.mu;
    const bsig = baselines.optimal.sigma;
    const c = f(mu);
    const b = df(mu);
    // With s_μ = ε/σ, s_σ = (ε² − 1)/σ and h(z) = f(μ) + f′(μ)(z − μ) (MuProp, μ held fixed inside h):
    //   score f·s;  score-mean (f − E[f])·s;  score-optimal (f − b*_i)·s_i;
    //   muprop (f − h)·s + (f′(μ), 0);  pathwise (f′(z), f′(z)·ε).
    for (let i = offset; i < end; i++) {
      const e = rng.normal();
      const z = mu + sigma * e;
      const fz = f(z);
      const d = df(z);
      const sm = e / sigma;
      const ss = (e * e - 1) / sigma;
      const r = fz - c - b * sigma * e;
      eps[i] = e;
      values[i] = fz;
      score.mu[i] = fz * sm;
      score.sigma[i] = fz * ss;
      sMean.mu[i] = (fz - m) * sm;
      sMean.sigma[i] = (fz - m) * ss;
      sOpt.mu[i] = (fz - bmu) * sm;
      sOpt.sigma[i] = (fz - bsig) * ss;
      muprop.mu[i] = r * sm + b;
      muprop.sigma[i] = r * ss;
      pathwise.mu[i] = d;
      pathwise.sigma[i] = d * e;
    }
    // Leave-one-out within each batch of N: f̄_{−j} = (S − f_j)/(N − 1) with S = Σ_batch f, so
    //   ĝ_j = (f_j − f̄_{−j})·s_j = (N f_j − S)/(N − 1)·s_j.
    const N = this.batch;
    const loo = this.estimates.loo;
    const batches = Math.floor(end / N);
    for (let g = offset / N; g < batches; g++) {
      const o = g * N;
      let S = 0;
      for (let j = 0; j < N; j++) S += values[o + j];
      let meanMu = 0;
      let meanSig = 0;
      for (let j = 0; j < N; j++) {
        const e = eps[o + j];
        const a = (N * values[o + j] - S) / (N - 1);
        loo.mu[o + j] = (a * e) / sigma;
        loo.sigma[o + j] = (a * (e * e - 1)) / sigma;
        meanMu += loo.mu[o + j];
        meanSig += loo.sigma[o + j];
      }
      this.looBatchMeans.mu[g] = meanMu / N;
      this.looBatchMeans.sigma[g] = meanSig / N;
    }
    for (let i = batches * N; i < end; i++) loo.mu[i] = loo.sigma[i] = NaN;
    this.count = end;
    this.looCount = batches * N;
    return this;
  }
}
