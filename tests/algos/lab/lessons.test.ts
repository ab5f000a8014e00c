// The lessons the gradient lab is built to show, stated through the lab's own functions (samples needed for
// a precision, variance of the N-sample mean, shared-range histograms) at μ = σ = 1, exactly and on draws.
// Mohamed, Rosca, Figurnov & Mnih 2020, §3 (Fig. 2: f = (z − k)², exp(−kz²), cos(kz)) and §7 (baselines).
// The bare exact crossovers are in tests/algos/gaussianSurprises.test.ts; these add the lab's view of them.
import { describe, expect, it } from 'vitest';
import { gaussianGradientReport } from '../../../src/algos/exact/gaussian';
import { gaussianVarianceSweep } from '../../../src/algos/exact/gaussianSweep';
import type { GaussianEstimatorName, GaussianGradientReport } from '../../../src/algos/exact/gaussianTypes';
import { GaussianEstimatorSampler } from '../../../src/algos/gaussianEstimators';
import { summarizeSamples } from '../../../src/algos/sampleMoments';
import { histogramInto, sharedRange } from '../../../src/algos/lab/histogram';
import { groupMeanVariance, meanVarianceAt, samplesForPrecision } from '../../../src/algos/lab/versusN';
import { Rng, Stream } from '../../../src/core/random';

type Fn = (z: number) => number;
type Family = { name: string; f: (z: number, k: number) => number; df: (z: number, k: number) => number };
const P = ['mu', 'sigma'] as const;
const cosK: Family = { name: 'cos(kz)', f: (z, k) => Math.cos(k * z), df: (z, k) => -k * Math.sin(k * z) };
const gaussK: Family = {
  name: 'exp(−kz²)',
  f: (z, k) => Math.exp(-k * z * z),
  df: (z, k) => -2 * k * z * Math.exp(-k * z * z),
};
const quadK: Family = { name: '(z − k)²', f: (z, k) => (z - k) ** 2, df: (z, k) => 2 * (z - k) };
const bind = (fam: Family, k: number): [Fn, Fn] => [(z) => fam.f(z, k), (z) => fam.df(z, k)];
const at = (fam: Family, k: number) => gaussianGradientReport(...bind(fam, k), 1, 1);

/** Draws n common-random-number samples of every estimator at μ = σ = 1. */
function draw(fam: Family, k: number, n: number, seed: number) {
  const [f, df] = bind(fam, k);
  const report = at(fam, k);
  const s = new GaussianEstimatorSampler(n).sample(
    f,
    df,
    1,
    1,
    n,
    new Rng(seed, Stream.diagnostics),
    report.baselines,
  );
  return { report, s };
}

/** Asserts exact Var_A > Var_B, the same in samples needed for τ, and on draws beyond their standard errors. */
function expectNoisier(
  r: GaussianGradientReport,
  s: GaussianEstimatorSampler,
  a: GaussianEstimatorName,
  b: GaussianEstimatorName,
  p: 'mu' | 'sigma',
) {
  expect(r.estimators[a].variance[p]).toBeGreaterThan(r.estimators[b].variance[p]);
  expect(samplesForPrecision(r, a, 0.01)[p]).toBeGreaterThan(samplesForPrecision(r, b, 0.01)[p]);
  const [ea, eb] = [summarizeSamples(s.estimates[a][p]), summarizeSamples(s.estimates[b][p])];
  expect(ea.variance - eb.variance).toBeGreaterThan(
    2 * (ea.varianceStandardError + eb.varianceStandardError),
  );
}

describe('pathwise is not always better: samples needed for a standard error of 0.01 (μ = σ = 1)', () => {
  it('cos(kz): pathwise needs ~k² times more for k = 3, 5, and far fewer for k = 0.5', () => {
    const sweep = gaussianVarianceSweep(cosK.f, cosK.df, [0.5, 3, 5], 1, 1);
    expect(sweep.converged).toBe(true);
    for (const p of P) {
      expect(sweep.variance.pathwise[p][0]).toBeLessThan(0.15 * sweep.variance.score[p][0]);
      for (const i of [1, 2])
        expect(sweep.variance.pathwise[p][i]).toBeGreaterThan(4 * sweep.variance.score[p][i]);
    }
    const r5 = at(cosK, 5);
    // Var_pathwise,μ = Var[−5 sin 5z] → 12.5, Var_score,μ → 0.5: 125 000 against 5 000 samples.
    expect(
      samplesForPrecision(r5, 'pathwise', 0.01).mu / samplesForPrecision(r5, 'score', 0.01).mu,
    ).toBeCloseTo(25, 1);
    for (const [k, seed] of [
      [0.5, 1],
      [3, 2],
      [5, 3],
    ]) {
      const { report, s } = draw(cosK, k, 100_000, seed);
      for (const p of P)
        if (k < 1) expectNoisier(report, s, 'score', 'pathwise', p);
        else expectNoisier(report, s, 'pathwise', 'score', p);
    }
  });

  it('exp(−kz²): pathwise loses for k = 5, 10 and wins for k = 0.25', () => {
    const sweep = gaussianVarianceSweep(gaussK.f, gaussK.df, [0.25, 5, 10], 1, 1);
    for (const p of P) {
      expect(sweep.variance.pathwise[p][0]).toBeLessThan(0.2 * sweep.variance.score[p][0]);
      for (const i of [1, 2])
        expect(sweep.variance.pathwise[p][i]).toBeGreaterThan(6 * sweep.variance.score[p][i]);
    }
    for (const [k, seed] of [
      [0.25, 4],
      [10, 5],
    ]) {
      const { report, s } = draw(gaussK, k, 100_000, seed);
      for (const p of P)
        if (k < 1) expectNoisier(report, s, 'score', 'pathwise', p);
        else expectNoisier(report, s, 'pathwise', 'score', p);
    }
  });

  it('(z − k)²: pathwise needs the fewest samples of all, for every k', () => {
    const sweep = gaussianVarianceSweep(quadK.f, quadK.df, [-2, 0, 1, 4], 1, 1);
    for (const p of P)
      for (let i = 0; i < 4; i++)
        for (const other of ['score', 'score-mean', 'score-optimal', 'muprop', 'loo'] as const)
          expect(sweep.variance.pathwise[p][i]).toBeLessThan(sweep.variance[other][p][i]);
    const { report, s } = draw(quadK, 1, 100_000, 6);
    for (const p of P) expectNoisier(report, s, 'score-optimal', 'pathwise', p);
  });

  it('MuProp’s Taylor control variate can be much worse than no control variate (cos(5z), exp(−0.5z²))', () => {
    for (const [fam, k, factor] of [
      [cosK, 5, 50],
      [gaussK, 0.5, 2],
    ] as const) {
      const r = at(fam, k);
      for (const p of P)
        expect(r.estimators.muprop.variance[p]).toBeGreaterThan(factor * r.estimators.score.variance[p]);
      const { s } = draw(fam, k, 100_000, 7);
      for (const p of P) expectNoisier(r, s, 'muprop', 'score', p);
    }
  });
});

describe('b = E[f] is not the optimal baseline', () => {
  it('cos(z) at μ = σ = 1: b = E[f] needs more samples than no baseline, in both components', () => {
    const { report, s } = draw(cosK, 1, 200_000, 8);
    for (const p of P) {
      expectNoisier(report, s, 'score-mean', 'score', p);
      expect(report.estimators['score-mean'].variance[p]).toBeGreaterThan(
        1.3 * report.estimators.score.variance[p],
      );
    }
  });

  it('exp(−kz²), k = 5, 10: b = E[f] triples the σ-variance', () => {
    for (const k of [5, 10]) {
      const r = at(gaussK, k);
      expect(r.estimators['score-mean'].variance.sigma).toBeGreaterThan(
        3 * r.estimators.score.variance.sigma,
      );
    }
  });

  it('the optimal constant b* is never worse than b = 0 or b = E[f], for any N', () => {
    for (const fam of [cosK, gaussK, quadK])
      for (const k of [0.25, 1, 3, 5, 10]) {
        const r = at(fam, k);
        for (const p of P)
          for (const N of [1, 16, 1000]) {
            const opt = meanVarianceAt(r, 'score-optimal', N)[p];
            expect(opt).toBeLessThanOrEqual(meanVarianceAt(r, 'score', N)[p] * (1 + 1e-12) + 1e-15);
            expect(opt).toBeLessThanOrEqual(meanVarianceAt(r, 'score-mean', N)[p] * (1 + 1e-12) + 1e-15);
            expect(samplesForPrecision(r, 'score-optimal', 0.01)[p]).toBeLessThanOrEqual(
              Math.min(
                samplesForPrecision(r, 'score', 0.01)[p],
                samplesForPrecision(r, 'score-mean', 0.01)[p],
              ),
            );
          }
      }
  });
});

describe('the lessons on draws, through the lab panels', () => {
  const cases: [Family, number][] = [
    [cosK, 0.5],
    [cosK, 1],
    [cosK, 3],
    [gaussK, 5],
    [quadK, 1],
  ];
  const names: GaussianEstimatorName[] = ['score', 'score-mean', 'score-optimal', 'muprop', 'pathwise'];

  it('per-sample and 16-sample-mean variances of the draws match the exact ones (4 SE)', () => {
    const n = 1 << 17;
    const N = 16;
    const means = new Float64Array(n / N);
    for (const [i, [fam, k]] of cases.entries()) {
      const { report, s } = draw(fam, k, n, 20 + i);
      for (const name of names)
        for (const p of P) {
          const x = s.estimates[name][p];
          const one = summarizeSamples(x);
          expect(Math.abs(one.variance - report.estimators[name].variance[p])).toBeLessThan(
            4 * one.varianceStandardError,
          );
          for (let g = 0; g < n / N; g++) {
            let t = 0;
            for (let j = 0; j < N; j++) t += x[g * N + j];
            means[g] = t / N;
          }
          const se = summarizeSamples(means).varianceStandardError;
          expect(Math.abs(groupMeanVariance(x, n, N) - meanVarianceAt(report, name, N)[p])).toBeLessThan(
            4 * se,
          );
        }
    }
  });

  it('shared-range histograms: pathwise piles up around the exact value for cos(0.5z), spreads for cos(5z)', () => {
    const bins = 41;
    const counts = { score: new Float64Array(bins), pathwise: new Float64Array(bins) };
    for (const [k, pathwiseTighter] of [
      [0.5, true],
      [5, false],
    ] as const) {
      const n = 50_000;
      const { report, s } = draw(cosK, k, n, 30);
      const arrays = [s.estimates.score.mu, s.estimates.pathwise.mu];
      const { lo, hi } = sharedRange(arrays, [n, n], [report.grad.mu]);
      expect(lo).toBeLessThan(report.grad.mu);
      expect(hi).toBeGreaterThan(report.grad.mu);
      // Mass in the bins within ±0.25·(hi − lo) of the exact gradient.
      const near = (c: Float64Array) => {
        let m = 0;
        for (let b = 0; b < bins; b++) {
          const centre = lo + ((b + 0.5) * (hi - lo)) / bins;
          if (Math.abs(centre - report.grad.mu) < 0.25 * (hi - lo)) m += c[b];
        }
        return m / n;
      };
      const us = histogramInto(counts.score, bins, arrays[0], n, lo, hi);
      const up = histogramInto(counts.pathwise, bins, arrays[1], n, lo, hi);
      // The central 99% of the pooled draws is in range, so little falls outside.
      expect((us.under + us.over + up.under + up.over) / (2 * n)).toBeLessThan(0.011);
      if (pathwiseTighter) expect(near(counts.pathwise)).toBeGreaterThan(near(counts.score) + 0.2);
      else expect(near(counts.score)).toBeGreaterThan(near(counts.pathwise) + 0.2);
    }
  });
});
