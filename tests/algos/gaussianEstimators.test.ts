import { describe, expect, it } from 'vitest';
import { GAUSSIAN_ESTIMATORS } from '../../src/algos/exact/gaussianTypes';
import { gaussianGradientReport } from '../../src/algos/exact/gaussian';
import { GaussianEstimatorSampler } from '../../src/algos/gaussianEstimators';
import { MomentAccumulator, summarizeSamples } from '../../src/algos/sampleMoments';
import { estimateReport } from '../../src/algos/estimateReport';
import { Rng, Stream } from '../../src/core/random';

type Fn = (z: number) => number;
const cases: { name: string; f: Fn; df: Fn; mu: number; sigma: number }[] = [
  { name: 'cos(3z) at μ=σ=1', f: (z) => Math.cos(3 * z), df: (z) => -3 * Math.sin(3 * z), mu: 1, sigma: 1 },
  { name: 'cos(z) at μ=0.4, σ=0.7', f: Math.cos, df: (z) => -Math.sin(z), mu: 0.4, sigma: 0.7 },
  {
    name: 'exp(−2z²) at μ=0.5, σ=1.2',
    f: (z) => Math.exp(-2 * z * z),
    df: (z) => -4 * z * Math.exp(-2 * z * z),
    mu: 0.5,
    sigma: 1.2,
  },
  { name: '(z − 2)² at μ=1, σ=1', f: (z) => (z - 2) ** 2, df: (z) => 2 * (z - 2), mu: 1, sigma: 1 },
  { name: '(z + 1)² at μ=0.3, σ=0.5', f: (z) => (z + 1) ** 2, df: (z) => 2 * (z + 1), mu: 0.3, sigma: 0.5 },
];

describe('estimateReport: Monte Carlo agrees with the exact report', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = estimateReport(c.f, c.df, c.mu, c.sigma, 200_000, 11);
      for (const name of GAUSSIAN_ESTIMATORS) {
        const e = r.estimators[name];
        const exactMean = name === 'pathwise' ? r.exact.gradPathwise : r.exact.grad;
        for (const p of ['mu', 'sigma'] as const) {
          // Unbiasedness: |mean − ∇| < 4 SE (the loo SE comes from its independent batch means).
          expect(Math.abs(e.mean[p] - exactMean[p])).toBeLessThan(4 * e.standardError[p] + 1e-12);
          // Per-sample variance: |s² − Var| < 4 SE(s²), SE from the sample fourth moment.
          expect(Math.abs(e.variance[p] - e.exactVariance[p])).toBeLessThan(
            4 * e.varianceStandardError[p] + 1e-12,
          );
          // ... and that test has power: it would catch a 25% error in the variance (heavy-tailed score
          // estimators of a quadratic f need 4 SE ≈ 15% at this n; the others are within a few %).
          if (e.exactVariance[p] > 1e-9)
            expect(4 * e.varianceStandardError[p]).toBeLessThan(0.25 * e.exactVariance[p]);
        }
      }
      // The leave-one-out batch mean: its variance has relative SE ≈ √(2/B) for B batches (nearly normal means).
      const loo = r.estimators.loo;
      const B = r.samples / loo.batch;
      for (const p of ['mu', 'sigma'] as const)
        expect(Math.abs(loo.batchVariance[p] / loo.exactBatchVariance[p] - 1)).toBeLessThan(
          5 * Math.sqrt(2 / B),
        );
    });
  }

  it('has the JSON shape the CLI prints', () => {
    const r = estimateReport(
      (z) => Math.cos(3 * z),
      (z) => -3 * Math.sin(3 * z),
      1,
      1,
      4000,
      3,
    );
    const json = JSON.parse(JSON.stringify(r));
    expect(Object.keys(json.exact)).toEqual(expect.arrayContaining(['value', 'grad']));
    expect(Object.keys(json.exact.grad)).toEqual(['mu', 'sigma']);
    for (const name of ['score', 'score-mean', 'score-optimal', 'pathwise', 'loo', 'muprop']) {
      expect(Object.keys(json.estimators[name].mean)).toEqual(['mu', 'sigma']);
      expect(Object.keys(json.estimators[name].variance)).toEqual(['mu', 'sigma']);
    }
    expect(r.exact.value).toBeCloseTo(Math.cos(3) * Math.exp(-4.5), 12);
  });
});

describe('GaussianEstimatorSampler', () => {
  const f = (z: number) => Math.cos(3 * z);
  const df = (z: number) => -3 * Math.sin(3 * z);
  const exact = gaussianGradientReport(f, df, 1, 1);

  it('appending draws in chunks (offset) gives exactly the draws of one call, loo batches included', () => {
    const one = new GaussianEstimatorSampler(1000, 8).sample(f, df, 1, 1, 1000, new Rng(3), exact.baselines);
    const parts = new GaussianEstimatorSampler(1000, 8);
    const rng = new Rng(3);
    parts.sample(f, df, 1, 1, 96, rng, exact.baselines);
    parts.sample(f, df, 1, 1, 400, rng, exact.baselines, 96);
    parts.sample(f, df, 1, 1, 504, rng, exact.baselines, 496);
    expect(parts.count).toBe(1000);
    expect(parts.looCount).toBe(one.looCount);
    for (const name of GAUSSIAN_ESTIMATORS) {
      for (const p of ['mu', 'sigma'] as const) {
        const a = one.estimates[name][p];
        const b = parts.estimates[name][p];
        expect(
          a.every((x, i) => Object.is(x, b[i])),
          `${name} ${p}`,
        ).toBe(true);
      }
    }
    expect(one.looBatchMeans.mu.every((x, i) => x === parts.looBatchMeans.mu[i])).toBe(true);
    // an offset that is not a multiple of the batch, or beyond what is held, is refused
    expect(() => parts.sample(f, df, 1, 1, 8, rng, exact.baselines, 4)).toThrow(/multiple of the batch/);
    const fresh = new GaussianEstimatorSampler(100, 4);
    expect(() => fresh.sample(f, df, 1, 1, 8, rng, exact.baselines, 8)).toThrow(/at most 0/);
  });

  it('is seed-deterministic, and the chunked estimateReport sees the same draws as one big call', () => {
    const a = new GaussianEstimatorSampler(20_000).sample(
      f,
      df,
      1,
      1,
      20_000,
      new Rng(7, Stream.diagnostics),
      exact.baselines,
    );
    const b = new GaussianEstimatorSampler(20_000).sample(
      f,
      df,
      1,
      1,
      20_000,
      new Rng(7, Stream.diagnostics),
      exact.baselines,
    );
    expect(a.estimates.score.sigma.every((x, i) => x === b.estimates.score.sigma[i])).toBe(true);
    const c = new GaussianEstimatorSampler(100).sample(
      f,
      df,
      1,
      1,
      100,
      new Rng(8, Stream.diagnostics),
      exact.baselines,
    );
    expect(c.eps[0]).not.toBe(a.eps[0]);
    const r = estimateReport(f, df, 1, 1, 20_000, 7);
    for (const name of GAUSSIAN_ESTIMATORS) {
      const s = summarizeSamples(a.estimates[name].mu, name === 'loo' ? a.looCount : a.count);
      expect(r.estimators[name].mean.mu).toBeCloseTo(s.mean, 12);
      expect(r.estimators[name].variance.mu).toBeCloseTo(s.variance, 10);
    }
  });

  it('shares one ε per sample across estimators (common random numbers) and follows the formulas', () => {
    const s = new GaussianEstimatorSampler(16, 4).sample(
      f,
      df,
      1,
      2,
      10,
      new Rng(1, Stream.diagnostics),
      exact.baselines,
    );
    const i = 5;
    const e = s.eps[i];
    const z = 1 + 2 * e;
    expect(s.values[i]).toBe(f(z));
    expect(s.estimates.score.mu[i]).toBeCloseTo((f(z) * e) / 2, 14);
    expect(s.estimates['score-optimal'].sigma[i]).toBeCloseTo(
      ((f(z) - exact.baselines.optimal.sigma) * (e * e - 1)) / 2,
      14,
    );
    expect(s.estimates.muprop.mu[i]).toBeCloseTo(((f(z) - f(1) - df(1) * 2 * e) * e) / 2 + df(1), 14);
    expect(s.estimates.pathwise.sigma[i]).toBe(df(z) * e);
    // loo batch 1 = samples 4..7: baseline is the mean of the other three values of f.
    const others = (s.values[4] + s.values[6] + s.values[7]) / 3;
    expect(s.estimates.loo.mu[i]).toBeCloseTo(((s.values[i] - others) * e) / 2, 14);
    expect(s.looCount).toBe(8);
    expect(Number.isNaN(s.estimates.loo.mu[9])).toBe(true);
    expect(() => s.sample(f, df, 1, 1, 17, new Rng(1), exact.baselines)).toThrow();
  });
});

describe('MomentAccumulator', () => {
  it('matches a two-pass computation, across chunks, even with a large offset', () => {
    const rng = new Rng(3);
    const x = new Float64Array(5000);
    for (let i = 0; i < x.length; i++) x[i] = 1e6 + rng.normal() ** 3;
    const acc = new MomentAccumulator().add(x, 1000).add(x, 4000, 1000).summary();
    let m = 0;
    for (const v of x) m += v / x.length;
    let m2 = 0;
    let m4 = 0;
    for (const v of x) {
      m2 += (v - m) ** 2 / x.length;
      m4 += (v - m) ** 4 / x.length;
    }
    expect(Math.abs(acc.mean - m)).toBeLessThan(1e-14 * m);
    expect(acc.variance).toBeCloseTo((m2 * x.length) / (x.length - 1), 9);
    expect(acc.varianceStandardError).toBeCloseTo(Math.sqrt((m4 - m2 * m2) / x.length), 9);
  });
});
