// Variance of the N-sample mean: exact curves (variance/N, leave-one-out from looVarianceAt) against Monte
// Carlo batch means of GaussianEstimatorSampler, with tolerances from the variance's standard error.
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_ESTIMATORS, type GaussianGradientReport } from '../../../src/algos/exact/gaussianTypes';
import { gaussianGradientReport } from '../../../src/algos/exact/gaussian';
import { looVarianceAt } from '../../../src/algos/exact/looVariance';
import { GaussianEstimatorSampler } from '../../../src/algos/gaussianEstimators';
import { summarizeSamples } from '../../../src/algos/sampleMoments';
import {
  groupMeanVariance,
  logSpacedInto,
  looGroupMeanVariance,
  meanVarianceAt,
  samplesForPrecision,
} from '../../../src/algos/lab/versusN';
import { Rng, Stream } from '../../../src/core/random';

type Fn = (z: number) => number;
const P = ['mu', 'sigma'] as const;
const cases: { name: string; f: Fn; df: Fn; mu: number; sigma: number; power: number }[] = [
  {
    name: 'cos(2z) at μ=σ=1',
    f: (z) => Math.cos(2 * z),
    df: (z) => -2 * Math.sin(2 * z),
    mu: 1,
    sigma: 1,
    power: 0.15,
  },
  {
    name: 'cos(2z) at μ=−0.5, σ=0.6',
    f: (z) => Math.cos(2 * z),
    df: (z) => -2 * Math.sin(2 * z),
    mu: -0.5,
    sigma: 0.6,
    power: 0.15,
  },
  { name: '(z − 1)² at μ=σ=1', f: (z) => (z - 1) ** 2, df: (z) => 2 * (z - 1), mu: 1, sigma: 1, power: 0.6 },
  {
    name: '(z − 1)² at μ=−0.5, σ=0.6',
    f: (z) => (z - 1) ** 2,
    df: (z) => 2 * (z - 1),
    mu: -0.5,
    sigma: 0.6,
    power: 0.6,
  },
];
const reportOf = (c: (typeof cases)[number]) => gaussianGradientReport(c.f, c.df, c.mu, c.sigma);

describe('meanVarianceAt', () => {
  const r = reportOf(cases[0]);
  it('is variance/N for the independent-sample estimators, any real N ≥ 1', () => {
    for (const name of GAUSSIAN_ESTIMATORS.filter((n) => n !== 'loo'))
      for (const N of [1, 2, 3.7, 16, 1e6]) {
        const v = meanVarianceAt(r, name, N);
        expect(v.mu).toBe(r.estimators[name].variance.mu / N);
        expect(v.sigma).toBe(r.estimators[name].variance.sigma / N);
      }
    expect(meanVarianceAt(r, 'score', 0.5).mu).toBeNaN();
  });

  it('is the leave-one-out batch variance for loo (NaN below 2, interpolated between integers)', () => {
    expect(meanVarianceAt(r, 'loo', 1).mu).toBeNaN();
    expect(meanVarianceAt(r, 'loo', 1.9).sigma).toBeNaN();
    expect(meanVarianceAt(r, 'loo', r.estimators.loo.batch)).toEqual(r.estimators.loo.batchVariance);
    for (const N of [2, 3, 16, 1000])
      expect(meanVarianceAt(r, 'loo', N)).toEqual(looVarianceAt(r, N).batchVariance);
    for (const p of P) {
      const [a, b, mid] = [
        meanVarianceAt(r, 'loo', 4)[p],
        meanVarianceAt(r, 'loo', 5)[p],
        meanVarianceAt(r, 'loo', 4.25)[p],
      ];
      expect(mid).toBeCloseTo(0.75 * a + 0.25 * b, 14);
      // Decreasing in N, and above the score-mean oracle's v/N (the price of estimating the baseline).
      expect(b).toBeLessThan(a);
      expect(a).toBeGreaterThan(r.estimators['score-mean'].variance[p] / 4);
    }
  });

  for (const c of cases)
    it(`loo matches the empirical variance of sampler batch means at N = 2, 4, 16: ${c.name}`, () => {
      const r = reportOf(c);
      for (const N of [2, 4, 16]) {
        const B = 40_000;
        const s = new GaussianEstimatorSampler(N * B, N).sample(
          c.f,
          c.df,
          c.mu,
          c.sigma,
          N * B,
          new Rng(100 + N, Stream.diagnostics),
          r.baselines,
        );
        const exact = meanVarianceAt(r, 'loo', N);
        for (const p of P) {
          const emp = summarizeSamples(s.looBatchMeans[p], B);
          expect(Math.abs(emp.variance - exact[p])).toBeLessThan(4 * emp.varianceStandardError);
          // Power: a 15% error in the exact curve would be caught (the quadratic's score terms carry ε⁵, so
          // its variance estimates are heavy-tailed: there only a 60% error).
          expect(4 * emp.varianceStandardError).toBeLessThan(c.power * exact[p]);
          // looGroupMeanVariance recomputes exactly these batch means from the stored values and ε.
          const lg = looGroupMeanVariance(s.values, s.eps, c.sigma, N * B, N);
          expect(lg[p]).toBeCloseTo(emp.variance, 10);
        }
      }
    });
});

describe('looGroupMeanVariance', () => {
  it('reproduces the sampler at another batch size from one run of draws, and the exact curve', () => {
    const c = cases[2];
    const r = reportOf(c);
    const n = 1 << 18;
    const run = new GaussianEstimatorSampler(n, 8).sample(
      c.f,
      c.df,
      c.mu,
      c.sigma,
      n,
      new Rng(7, Stream.diagnostics),
      r.baselines,
    );
    for (const N of [2, 4, 16]) {
      // Same seed, so the same ε: the sampler with batch N forms exactly the groups looGroupMeanVariance forms.
      const atN = new GaussianEstimatorSampler(n, N).sample(
        c.f,
        c.df,
        c.mu,
        c.sigma,
        n,
        new Rng(7, Stream.diagnostics),
        r.baselines,
      );
      const lg = looGroupMeanVariance(run.values, run.eps, c.sigma, n, N);
      for (const p of P) {
        const emp = summarizeSamples(atN.looBatchMeans[p], n / N);
        expect(lg[p]).toBeCloseTo(emp.variance, 10);
        expect(Math.abs(lg[p] - meanVarianceAt(r, 'loo', N)[p])).toBeLessThan(4 * emp.varianceStandardError);
      }
    }
  });

  it('needs minGroups batches and validates N', () => {
    const v = new Float64Array(40).fill(1);
    expect(looGroupMeanVariance(v, v, 1, 40, 6).mu).toBeNaN();
    expect(looGroupMeanVariance(v, v, 1, 40, 5, 8).mu).toBe(0);
    expect(looGroupMeanVariance(v, v, 1, 40, 4, 10).sigma).toBe(0);
    expect(() => looGroupMeanVariance(v, v, 1, 40, 1)).toThrow(/N=1/);
    expect(() => looGroupMeanVariance(v, v, 1, 41, 2)).toThrow(/n=41/);
  });
});

describe('samplesForPrecision', () => {
  it('is the smallest N meeting the target: N passes, N − 1 fails (every estimator, both components)', () => {
    for (const c of cases) {
      const r = reportOf(c);
      for (const name of GAUSSIAN_ESTIMATORS)
        for (const target of [0.3, 0.05, 0.0123, 1e-3]) {
          const N = samplesForPrecision(r, name, target);
          const minN = name === 'loo' ? 2 : 1;
          for (const p of P) {
            expect(Number.isInteger(N[p])).toBe(true);
            expect(N[p]).toBeGreaterThanOrEqual(minN);
            expect(meanVarianceAt(r, name, N[p])[p]).toBeLessThanOrEqual(target * target);
            if (N[p] > minN) expect(meanVarianceAt(r, name, N[p] - 1)[p]).toBeGreaterThan(target * target);
          }
        }
    }
  });

  it('handles exact multiples, zero variance, bad targets, NaN and unreachable precision', () => {
    const r = reportOf(cases[0]);
    const fake: GaussianGradientReport = structuredClone(r);
    fake.estimators.score.variance = { mu: 4, sigma: 0 };
    fake.estimators.pathwise.variance = { mu: NaN, sigma: 1e30 };
    expect(samplesForPrecision(fake, 'score', 1)).toEqual({ mu: 4, sigma: 1 });
    expect(samplesForPrecision(fake, 'score', 0.5)).toEqual({ mu: 16, sigma: 1 });
    expect(samplesForPrecision(fake, 'score', 0)).toEqual({ mu: Infinity, sigma: Infinity });
    expect(samplesForPrecision(fake, 'score', -1)).toEqual({ mu: Infinity, sigma: Infinity });
    expect(samplesForPrecision(fake, 'score', NaN)).toEqual({ mu: Infinity, sigma: Infinity });
    const pw = samplesForPrecision(fake, 'pathwise', 1e-10);
    expect(pw.mu).toBeNaN();
    expect(pw.sigma).toBe(Infinity);
    // A constant f: score-mean, pathwise, loo have zero variance (loo's smallest batch is 2).
    const constant = gaussianGradientReport(
      () => 5,
      () => 0,
      0.3,
      0.7,
    );
    expect(samplesForPrecision(constant, 'score-mean', 1e-6)).toEqual({ mu: 1, sigma: 1 });
    expect(samplesForPrecision(constant, 'pathwise', 1e-6)).toEqual({ mu: 1, sigma: 1 });
    expect(samplesForPrecision(constant, 'loo', 1e-6)).toEqual({ mu: 2, sigma: 2 });
    // The score function without baseline does not: f·s has variance 25/σ² (μ) and 50/σ² (σ).
    const sc = samplesForPrecision(constant, 'score', 0.1);
    expect(sc.mu).toBe(Math.ceil(25 / 0.49 / 0.01 - 1e-9));
  });
});

describe('logSpacedInto', () => {
  it('spans lo..hi exactly with a constant ratio', () => {
    const out = new Float64Array(70).fill(-1);
    logSpacedInto(out, 64, 1, 1e6);
    expect(out[0]).toBe(1);
    expect(out[63]).toBe(1e6);
    expect(out[64]).toBe(-1);
    const ratio = 1e6 ** (1 / 63);
    for (let i = 1; i < 64; i++) expect(out[i] / out[i - 1]).toBeCloseTo(ratio, 12);
    expect(Array.from(logSpacedInto(new Float64Array(1), 1, 3, 9))).toEqual([3]);
    const down = logSpacedInto(new Float64Array(3), 3, 100, 1);
    expect([down[0], down[2]]).toEqual([100, 1]);
    expect(down[1]).toBeCloseTo(10, 12);
    expect(() => logSpacedInto(out, 71, 1, 2)).toThrow(/n=71/);
    expect(() => logSpacedInto(out, 4, 0, 2)).toThrow(/lo, hi > 0/);
  });
});

describe('groupMeanVariance', () => {
  const n = 1 << 18;
  const x = new Float64Array(n);
  new Rng(3, Stream.diagnostics).normalsInto(x);
  for (let i = 0; i < n; i++) x[i] = 1.5 + 2 * x[i];

  it('≈ Var/N on i.i.d. normals (within 4 SE; group means are exactly normal: SE = v√(2/(G−1)))', () => {
    for (const N of [1, 2, 4, 16, 64, 256]) {
      const G = Math.floor(n / N);
      const v = groupMeanVariance(x, n, N);
      expect(Math.abs(v - 4 / N)).toBeLessThan(4 * (4 / N) * Math.sqrt(2 / (G - 1)));
    }
  });

  it('equals a naive reference over the first n values and honours minGroups', () => {
    for (const [m, N] of [
      [1000, 7],
      [999, 1],
      [64, 8],
    ]) {
      const means = Array.from({ length: Math.floor(m / N) }, (_, g) => {
        let s = 0;
        for (let j = 0; j < N; j++) s += x[g * N + j];
        return s / N;
      });
      expect(groupMeanVariance(x, m, N)).toBeCloseTo(summarizeSamples(means).variance, 12);
    }
    expect(groupMeanVariance(x, 63, 8)).toBeNaN();
    expect(groupMeanVariance(x, 63, 8, 7)).not.toBeNaN();
    expect(groupMeanVariance(x, 63, 32, 1)).toBeNaN();
    expect(() => groupMeanVariance(x, 100, 2.5)).toThrow(/N=2.5/);
  });
});
