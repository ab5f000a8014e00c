// The counter-intuitive facts the lab is built to show, asserted on exact (quadrature) variances and, where it
// is cheap, on Monte Carlo draws too. Mohamed, Rosca, Figurnov & Mnih 2020, §3 (their Fig. 2: variance of
// the estimators of ∇_{μ,σ} E_{N(μ,σ²)}[f] at μ = σ = 1 for f = (z − k)², exp(−kz²), cos(kz)) and §7.
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_ESTIMATORS } from '../../src/algos/exact/gaussianTypes';
import { gaussianGradientReport } from '../../src/algos/exact/gaussian';
import { GaussianEstimatorSampler } from '../../src/algos/gaussianEstimators';
import { summarizeSamples } from '../../src/algos/sampleMoments';
import { Rng, Stream } from '../../src/core/random';

type Fn = (z: number) => number;
const cosK = (k: number): [Fn, Fn] => [(z) => Math.cos(k * z), (z) => -k * Math.sin(k * z)];
const gaussK = (k: number): [Fn, Fn] => [
  (z) => Math.exp(-k * z * z),
  (z) => -2 * k * z * Math.exp(-k * z * z),
];
const quadK = (k: number, shift = 0): [Fn, Fn] => [(z) => (z - k) ** 2 + shift, (z) => 2 * (z - k)];
const report = ([f, df]: [Fn, Fn], mu = 1, sigma = 1) => gaussianGradientReport(f, df, mu, sigma);
const v = (r: ReturnType<typeof report>, name: (typeof GAUSSIAN_ESTIMATORS)[number]) =>
  r.estimators[name].variance;

describe('pathwise is not always lower-variance than the score function (μ = σ = 1)', () => {
  it('cos(kz): pathwise wins for small k, loses from k ≈ 1.07 (μ) and k ≈ 1.30 (σ), by k² and k²/2', () => {
    // Crossovers found by scanning k on a 0.01 grid: μ at 1.07, σ at 1.30 (against the optimal baseline too).
    const low = report(cosK(0.5));
    expect(v(low, 'pathwise').mu).toBeLessThan(0.1 * v(low, 'score').mu);
    expect(v(low, 'pathwise').sigma).toBeLessThan(0.15 * v(low, 'score').sigma);
    for (const k of [1.5, 2, 3, 5, 10]) {
      const r = report(cosK(k));
      for (const p of ['mu', 'sigma'] as const) {
        expect(v(r, 'pathwise')[p]).toBeGreaterThan(v(r, 'score')[p]);
        expect(v(r, 'pathwise')[p]).toBeGreaterThan(v(r, 'score-optimal')[p]);
      }
    }
    const [below, above] = [report(cosK(1.05)), report(cosK(1.1))];
    expect(v(below, 'pathwise').mu).toBeLessThan(v(below, 'score').mu);
    expect(v(above, 'pathwise').mu).toBeGreaterThan(v(above, 'score').mu);
    // Large k: μ: Var[−k sin(kz)] → k²/2 against E[cos²(kz)ε²] → 1/2 (ratio k²);
    // σ: E[k² sin²(kz)ε²] → k²/2 against E[cos²(kz)(ε² − 1)²] → 1 (ratio k²/2).
    const r = report(cosK(10));
    expect(v(r, 'pathwise').mu / v(r, 'score').mu).toBeCloseTo(100, 3);
    expect(v(r, 'pathwise').sigma / v(r, 'score').sigma).toBeCloseTo(50, 3);
  });

  it('exp(−kz²): pathwise loses from k ≈ 0.87 (μ) and k ≈ 1.01 (σ), growing like √k and k²', () => {
    const low = report(gaussK(0.25));
    expect(v(low, 'pathwise').mu).toBeLessThan(v(low, 'score').mu);
    expect(v(low, 'pathwise').sigma).toBeLessThan(v(low, 'score').sigma);
    for (const k of [1.5, 3, 10, 100]) {
      const r = report(gaussK(k));
      expect(v(r, 'pathwise').mu).toBeGreaterThan(v(r, 'score').mu);
      expect(v(r, 'pathwise').sigma).toBeGreaterThan(v(r, 'score').sigma);
    }
    expect(v(report(gaussK(100)), 'pathwise').sigma / v(report(gaussK(100)), 'score').sigma).toBeGreaterThan(
      5000,
    );
  });

  it('… and the Monte Carlo draws show it (cos(5z), common random numbers)', () => {
    const [f, df] = cosK(5);
    const exact = report([f, df]);
    const s = new GaussianEstimatorSampler(50_000).sample(
      f,
      df,
      1,
      1,
      50_000,
      new Rng(2, Stream.diagnostics),
      exact.baselines,
    );
    for (const p of ['mu', 'sigma'] as const) {
      const path = summarizeSamples(s.estimates.pathwise[p]).variance;
      const score = summarizeSamples(s.estimates.score[p]).variance;
      expect(path).toBeGreaterThan(10 * score);
    }
  });

  it('(z − k)²: pathwise always wins (its variance 4σ² vs ≥ 15σ² for μ)', () => {
    for (const k of [-2, 0, 1, 4]) {
      const r = report(quadK(k));
      expect(v(r, 'pathwise').mu).toBeLessThan(v(r, 'score-optimal').mu);
      expect(v(r, 'pathwise').sigma).toBeLessThan(v(r, 'score-optimal').sigma);
    }
  });
});

describe('b = E[f] is not the variance-optimal baseline', () => {
  // For a constant baseline β: Var_β − Var_0 = E[s²]β(β − 2b*), b* = E[f s²]/E[s²]. So β = E[f] = m hurts iff
  // m(m − 2b*) > 0, e.g. when b* and m have opposite signs or |m| > 2|b*| with the same sign.
  it('satisfies Var_mean − Var_score = E[s²]·m(m − 2b*) (E[s_μ²] = 1/σ², E[s_σ²] = 2/σ²)', () => {
    for (const [fd, mu, s] of [
      [cosK(1), 1, 1],
      [gaussK(3), 0.2, 0.8],
      [quadK(1), -0.5, 1.4],
    ] as const) {
      const r = report(fd, mu, s);
      const m = r.baselines.mean;
      const { mu: bm, sigma: bs } = r.baselines.optimal;
      const dMu = v(r, 'score-mean').mu - v(r, 'score').mu;
      const dSig = v(r, 'score-mean').sigma - v(r, 'score').sigma;
      expect(Math.abs(dMu - (m * (m - 2 * bm)) / (s * s))).toBeLessThan(1e-9 * (1 + v(r, 'score').mu));
      expect(Math.abs(dSig - (2 * m * (m - 2 * bs)) / (s * s))).toBeLessThan(
        1e-9 * (1 + v(r, 'score').sigma),
      );
    }
  });

  it('for f = (z − k)² it always helps (b* = m + 2σ² (μ), m + 4σ² (σ), so m(m − 2b*) < 0) …', () => {
    for (const k of [-3, 0, 1, 5]) {
      for (const [mu, s] of [
        [1, 1],
        [0, 0.3],
        [2, 2],
      ]) {
        const r = report(quadK(k), mu, s);
        expect(v(r, 'score-mean').mu).toBeLessThan(v(r, 'score').mu);
        expect(v(r, 'score-mean').sigma).toBeLessThan(v(r, 'score').sigma);
      }
    }
  });

  it('… but a constant offset flips it: f = (z − k)² − 3 at μ = k, σ = 1 has b*_μ = 0, so E[f] = −2 adds 4', () => {
    const r = report(quadK(2, -3), 2, 1);
    expect(r.baselines.optimal.mu).toBeCloseTo(0, 12);
    expect(v(r, 'score-mean').mu - v(r, 'score').mu).toBeCloseTo(4, 9);
  });

  it('cos(z) at μ = σ = 1 (both components) and exp(−kz²), k ≥ 1 (σ component) are hurt by b = E[f]', () => {
    const c = report(cosK(1));
    expect(v(c, 'score-mean').mu).toBeGreaterThan(1.3 * v(c, 'score').mu);
    expect(v(c, 'score-mean').sigma).toBeGreaterThan(1.5 * v(c, 'score').sigma);
    for (const k of [1, 3, 10, 100]) {
      const r = report(gaussK(k));
      expect(v(r, 'score-mean').sigma).toBeGreaterThan(v(r, 'score').sigma);
    }
    // Closed form at μ = 0, σ = 1 with a = 1/(1 + 2k): m = √a, b*_σ = √a(3a² − 2a + 1)/2, so
    // Var_mean − Var_score = 2m(m − 2b*_σ) = 2a²(2 − 3a) > 0 iff k > 1/4.
    for (const k of [0.1, 0.5, 2, 20]) {
      const a = 1 / (1 + 2 * k);
      const r = report(gaussK(k), 0, 1);
      expect(v(r, 'score-mean').sigma - v(r, 'score').sigma).toBeCloseTo(2 * a * a * (2 - 3 * a), 10);
    }
  });

  it('… and the Monte Carlo draws show it (cos(z), μ = σ = 1, same ε for both)', () => {
    const [f, df] = cosK(1);
    const exact = report([f, df]);
    const s = new GaussianEstimatorSampler(100_000).sample(
      f,
      df,
      1,
      1,
      100_000,
      new Rng(4, Stream.diagnostics),
      exact.baselines,
    );
    for (const p of ['mu', 'sigma'] as const)
      expect(summarizeSamples(s.estimates['score-mean'][p]).variance).toBeGreaterThan(
        1.2 * summarizeSamples(s.estimates.score[p]).variance,
      );
  });
});

describe('the optimal constant baseline never loses to b = 0 or b = E[f]', () => {
  it('holds per component over a grid of f, μ, σ, k', () => {
    for (const fam of [cosK, gaussK, quadK])
      for (const k of [0.3, 1, 2.5, 6])
        for (const [mu, s] of [
          [1, 1],
          [-0.7, 0.5],
          [2, 1.8],
        ]) {
          const r = report(fam(k), mu, s);
          for (const p of ['mu', 'sigma'] as const) {
            const opt = v(r, 'score-optimal')[p];
            expect(opt).toBeLessThanOrEqual(v(r, 'score')[p] * (1 + 1e-12) + 1e-15);
            expect(opt).toBeLessThanOrEqual(v(r, 'score-mean')[p] * (1 + 1e-12) + 1e-15);
            expect(v(r, 'score-mean')[p]).toBeLessThanOrEqual(v(r, 'loo')[p] * (1 + 1e-12));
          }
        }
  });
});

describe('a step function defeats the pathwise estimator', () => {
  it('f = 1{z > 0.5}: every pathwise sample is exactly 0, the true gradient is φ(0.5) ≈ 0.352', () => {
    const step = (z: number) => (z > 0.5 ? 1 : 0);
    const exact = gaussianGradientReport(step, () => 0, 0, 1, { breakpoints: [0.5] });
    expect(exact.grad.mu).toBeCloseTo(Math.exp(-0.125) / Math.sqrt(2 * Math.PI), 12);
    expect(exact.estimators.pathwise.mean).toEqual({ mu: 0, sigma: 0 });
    const s = new GaussianEstimatorSampler(10_000).sample(
      step,
      () => 0,
      0,
      1,
      10_000,
      new Rng(5, Stream.diagnostics),
      exact.baselines,
    );
    expect(s.estimates.pathwise.mu.every((x) => x === 0)).toBe(true);
    expect(s.estimates.pathwise.sigma.every((x) => x === 0)).toBe(true);
    const score = summarizeSamples(s.estimates.score.mu);
    expect(Math.abs(score.mean - exact.grad.mu)).toBeLessThan(4 * score.standardError);
    expect(score.mean / score.standardError).toBeGreaterThan(20);
  });
});
