/**
 * The `estimate` report: the exact value, gradient and estimator variances from quadrature beside a Monte Carlo
 * summary of every single-sample estimator on common random numbers (Mohamed, Rosca, Figurnov & Mnih 2020,
 * §§4, 5, 7; the estimators in gaussianEstimators.ts, the exact side in exact/gaussian.ts). The draws are
 * streamed through one sampler in chunks, so memory does not grow with the sample count.
 */

import { Rng, Stream } from '../core/random';
import { gaussianGradientReport } from './exact/gaussian';
import { GAUSSIAN_ESTIMATORS, type GaussianEstimatorName, type MuSigma } from './exact/gaussianTypes';
import { GaussianEstimatorSampler } from './gaussianEstimators';
import { MomentAccumulator } from './sampleMoments';

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
