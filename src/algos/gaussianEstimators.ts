/**
 * Monte Carlo single-sample estimators of ∇_{μ,σ} E_{z~N(μ,σ²)}[f(z)], drawn with common random numbers: one
 * ε ~ N(0, 1) per sample, z = μ + σε, shared by every estimator, so their histograms and variances are
 * compared on the same draws (Mohamed, Rosca, Figurnov & Mnih 2020, §7.2 on coupling / common random
 * numbers; §4 score function, §5 pathwise, §7 control variates and baselines).
 *
 * Baselines: `score-mean` and `score-optimal` use the *exact* E[f] and b*_i from quadrature (an oracle, so
 * their sample variances estimate exactly the variances in the exact report); `loo` is the practical
 * alternative that needs no oracle: the mean of the other N − 1 values of f in its batch.
 */

import { Rng, Stream } from '../core/random';
import {
  GAUSSIAN_ESTIMATORS,
  gaussianGradientReport,
  type GaussianBaselines,
  type GaussianEstimatorName,
  type MuSigma,
} from './exact/gaussian';

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

/** Sample moments of a stream of numbers. */
export interface SampleSummary {
  /** Number of values. */
  count: number;
  /** Sample mean. */
  mean: number;
  /** Unbiased sample variance. */
  variance: number;
  /** Standard error of the mean, √(variance/count). */
  standardError: number;
  /** Asymptotic standard error of the sample variance, √((m4 − m2²)/count). */
  varianceStandardError: number;
}

/**
 * Accumulates Σ(x − K)^p, p = 1…4, around a shift K (the mean of the first chunk) so long streams keep
 * their accuracy; chunks can be added one after another without storing them.
 */
export class MomentAccumulator {
  private shift = 0;
  private n = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;

  /** Adds x[offset .. offset+n); returns this. */
  add(x: ArrayLike<number>, n = x.length, offset = 0): this {
    if (this.n === 0 && n > 0) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[offset + i];
      this.shift = s / n;
    }
    for (let i = 0; i < n; i++) {
      const d = x[offset + i] - this.shift;
      const d2 = d * d;
      this.s1 += d;
      this.s2 += d2;
      this.s3 += d2 * d;
      this.s4 += d2 * d2;
    }
    this.n += n;
    return this;
  }

  /** Mean, unbiased variance and standard errors of everything added so far. */
  summary(): SampleSummary {
    const n = this.n;
    const d = n > 0 ? this.s1 / n : 0;
    // Central moments from shifted power sums: m2 = S2/n − d², m4 = S4/n − 4d S3/n + 6d² S2/n − 3d⁴.
    const m2 = n > 0 ? Math.max(0, this.s2 / n - d * d) : 0;
    const m4 = n > 0 ? this.s4 / n - (4 * d * this.s3) / n + (6 * d * d * this.s2) / n - 3 * d ** 4 : 0;
    const variance = n > 1 ? (m2 * n) / (n - 1) : 0;
    return {
      count: n,
      mean: this.shift + d,
      variance,
      standardError: n > 1 ? Math.sqrt(variance / n) : 0,
      varianceStandardError: n > 1 ? Math.sqrt(Math.max(0, m4 - m2 * m2) / n) : 0,
    };
  }
}

/** Summary of the first n values of x (mean, variance, standard errors). */
export function summarizeSamples(x: ArrayLike<number>, n = x.length): SampleSummary {
  return new MomentAccumulator().add(x, n).summary();
}

/** Monte Carlo summary of one estimator next to its exact variance. */
export interface EstimatorSummary {
  /** Sample mean of the single-sample estimates (compare with the exact gradient). */
  mean: MuSigma;
  /** Unbiased per-sample variance (does not shrink with more samples). */
  variance: MuSigma;
  /** Standard error of `mean`. */
  standardError: MuSigma;
  /** Asymptotic standard error of `variance`. */
  varianceStandardError: MuSigma;
  /** The exact per-sample variance from quadrature. */
  exactVariance: MuSigma;
  /** Samples summarised. */
  count: number;
}

/** Leave-one-out summary: per-sample moments plus those of the batch means. */
export interface LooSummary extends EstimatorSummary {
  /** Batch size N. */
  batch: number;
  /** Sample variance of the batch-mean estimator. */
  batchVariance: MuSigma;
  /** Its exact value. */
  exactBatchVariance: MuSigma;
}

/** What `estimate --json` prints: exact values and a Monte Carlo summary of every estimator. */
export interface EstimateReport {
  /** Mean of the sampling distribution. */
  mu: number;
  /** Standard deviation of the sampling distribution. */
  sigma: number;
  /** Samples drawn (one ε each, shared by all estimators). */
  samples: number;
  /** Root seed; draws come from `new Rng(seed, Stream.diagnostics)`. */
  seed: number;
  /** Exact value and gradient from quadrature. */
  exact: { value: number; grad: MuSigma; gradPathwise: MuSigma };
  /** Monte Carlo summaries; `loo`'s standard error comes from its (independent) batch means. */
  estimators: Record<Exclude<GaussianEstimatorName, 'loo'>, EstimatorSummary> & { loo: LooSummary };
}

/** Options of {@link estimateReport}. */
export interface EstimateOptions {
  /** Leave-one-out batch size N (default 8). */
  batch?: number;
  /** Points z where f jumps or kinks, for the exact quadrature. */
  breakpoints?: readonly number[];
}

/**
 * Exact report plus `samples` common-random-number draws of every estimator, streamed in chunks (memory
 * does not grow with `samples`; the draws equal those of one big {@link GaussianEstimatorSampler.sample}).
 */
export function estimateReport(
  f: (z: number) => number,
  df: (z: number) => number,
  mu: number,
  sigma: number,
  samples: number,
  seed: number,
  opts: EstimateOptions = {},
): EstimateReport {
  if (!(Number.isInteger(samples) && samples >= 2))
    throw new Error(`samples must be an integer ≥ 2, got ${samples}`);
  const exact = gaussianGradientReport(f, df, mu, sigma, opts);
  const N = exact.estimators.loo.batch;
  const sampler = new GaussianEstimatorSampler(N * Math.ceil(8192 / N), N);
  const rng = new Rng(seed, Stream.diagnostics);
  const acc = {} as Record<GaussianEstimatorName, { mu: MomentAccumulator; sigma: MomentAccumulator }>;
  for (const name of GAUSSIAN_ESTIMATORS)
    acc[name] = { mu: new MomentAccumulator(), sigma: new MomentAccumulator() };
  const batchAcc = { mu: new MomentAccumulator(), sigma: new MomentAccumulator() };
  for (let done = 0; done < samples;) {
    const n = Math.min(sampler.capacity, samples - done);
    sampler.sample(f, df, mu, sigma, n, rng, exact.baselines);
    for (const name of GAUSSIAN_ESTIMATORS) {
      const cnt = name === 'loo' ? sampler.looCount : n;
      acc[name].mu.add(sampler.estimates[name].mu, cnt);
      acc[name].sigma.add(sampler.estimates[name].sigma, cnt);
    }
    batchAcc.mu.add(sampler.looBatchMeans.mu, sampler.looCount / N);
    batchAcc.sigma.add(sampler.looBatchMeans.sigma, sampler.looCount / N);
    done += n;
  }
  const summarize = (name: GaussianEstimatorName): EstimatorSummary => {
    const a = acc[name].mu.summary();
    const b = acc[name].sigma.summary();
    return {
      mean: { mu: a.mean, sigma: b.mean },
      variance: { mu: a.variance, sigma: b.variance },
      standardError: { mu: a.standardError, sigma: b.standardError },
      varianceStandardError: { mu: a.varianceStandardError, sigma: b.varianceStandardError },
      exactVariance: { ...exact.estimators[name].variance },
      count: a.count,
    };
  };
  const bm = batchAcc.mu.summary();
  const bs = batchAcc.sigma.summary();
  return {
    mu,
    sigma,
    samples,
    seed,
    exact: { value: exact.value, grad: { ...exact.grad }, gradPathwise: { ...exact.gradPathwise } },
    estimators: {
      score: summarize('score'),
      'score-mean': summarize('score-mean'),
      'score-optimal': summarize('score-optimal'),
      muprop: summarize('muprop'),
      pathwise: summarize('pathwise'),
      loo: {
        ...summarize('loo'),
        // The N estimates of one batch are correlated; the batch means are independent, so they give the SE.
        standardError: { mu: bm.standardError, sigma: bs.standardError },
        batch: N,
        batchVariance: { mu: bm.variance, sigma: bs.variance },
        exactBatchVariance: { ...exact.estimators.loo.batchVariance },
      },
    },
  };
}
