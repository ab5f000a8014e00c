// Gradient diagnostics: summariseEstimates against a hand computation (mean, per-parameter variance, tr Cov,
// SNR, cosines), its degenerate cases, and DiagnosticsWorkspace.run on live trainers: θ frozen, reproducible
// from the rng, cosine ≈ 1 when the estimator has little noise, and the batch-of-N variance scaling as 1/N.
import { describe, expect, it } from 'vitest';
import { ContinuousBandit, make } from '../../envs/index';
import { Rng, Stream } from '../../src/core/random';
import { DiagnosticsWorkspace, summariseEstimates } from '../../src/algos/diagnostics';
import { banditGradientInto, banditVarianceInto } from '../../src/algos/exact/bandit';
import { banditModel, PathwiseTrainer } from '../../src/algos/pathwise';
import { GaussianPolicy } from '../../src/algos/policies/Gaussian';
import { TabularSoftmax } from '../../src/algos/policies/TabularSoftmax';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { softmaxInto } from '../../src/core/math';
import type { TrainerSettings } from '../../src/algos/trainer';

describe('summariseEstimates', () => {
  it('equals a hand computation on K = 3 estimates of P = 2', () => {
    const est = Float64Array.of(1, 2, 3, 4, 5, 9);
    const d = summariseEstimates(est, 3, 2, 8, [1, 1]);
    expect(d.estimates).toBe(3);
    expect(d.batch).toBe(8);
    expect(d.mean).toEqual([3, 5]);
    // ((1−3)² + 0 + (5−3)²)/2 = 4,  ((2−5)² + (4−5)² + (9−5)²)/2 = 13
    expect(d.variance[0]).toBeCloseTo(4, 14);
    expect(d.variance[1]).toBeCloseTo(13, 14);
    expect(d.totalVariance).toBeCloseTo(17, 14);
    expect(d.snr).toBeCloseTo(Math.sqrt(34 / 17), 14);
    expect(d.cosine).toBeCloseTo(8 / Math.sqrt(34 * 2), 14);
    const cosRow = (a: number, b: number) => (a + b) / Math.sqrt((a * a + b * b) * 2);
    expect(d.meanCosine).toBeCloseTo((cosRow(1, 2) + cosRow(3, 4) + cosRow(5, 9)) / 3, 14);
  });

  it('without an exact gradient the cosines are null; the result is plain JSON', () => {
    const d = summariseEstimates(Float64Array.of(1, 2, 3, 4), 2, 2, 1, null);
    expect(d.cosine).toBeNull();
    expect(d.meanCosine).toBeNull();
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('degenerate cases: zero variance (SNR ∞ or 0), a zero exact gradient (cosine 0)', () => {
    const same = summariseEstimates(Float64Array.of(1, -1, 1, -1), 2, 2, 1, [0, 0]);
    expect(same.totalVariance).toBe(0);
    expect(same.snr).toBe(Infinity);
    expect(same.cosine).toBe(0);
    expect(same.meanCosine).toBe(0);
    const zero = summariseEstimates(new Float64Array(4), 2, 2, 1, [1, 0]);
    expect(zero.snr).toBe(0);
    expect(zero.cosine).toBe(0);
  });
});

describe('DiagnosticsWorkspace.run', () => {
  const settings = (batch: number): TrainerSettings => ({
    lr: 0.1,
    baselineLr: 0.1,
    gamma: 1,
    batch,
    baseline: 'none',
    optimizer: 'sgd',
  });

  it('needs K ≥ 2', () => {
    expect(() => new DiagnosticsWorkspace(2, 1)).toThrow();
  });

  it('low-variance case (pathwise, −(a − 2)², σ = e⁻³): cosine with the exact gradient ≈ 1; θ frozen; reproducible', () => {
    const env = new ContinuousBandit();
    const policy = new GaussianPolicy(0, 1, { initMean: [0], initLogStd: -3 });
    const trainer = new PathwiseTrainer(
      env,
      banditModel(() => env.reward),
      policy,
      settings(4),
      1,
    );
    const sigma = Math.exp(-3);
    // E[−(a − 2)²] = −((μ − 2)² + σ²): ∂μ = 4 at μ = 0, ∂ℓ = σ·(−2σ)
    const exact = [4, -2 * sigma * sigma];
    const ws = new DiagnosticsWorkspace(2, 20);
    const theta = Array.from(trainer.theta);
    const d = ws.run(trainer, new ContinuousBandit(), new Rng(1, Stream.diagnostics), exact);
    expect(Array.from(trainer.theta)).toEqual(theta);
    expect(trainer.stats.updates).toBe(0);
    expect(d.estimates).toBe(20);
    expect(d.batch).toBe(4);
    expect(d.cosine!).toBeGreaterThan(0.9999);
    expect(d.meanCosine!).toBeGreaterThan(0.999);
    expect(d.snr).toBeGreaterThan(10);
    // The summary is that of the stored estimates, and the same rng seed gives the same numbers.
    expect(summariseEstimates(ws.estimates, 20, 2, 4, exact)).toEqual(d);
    const again = new DiagnosticsWorkspace(2, 20).run(
      trainer,
      new ContinuousBandit(),
      new Rng(1, Stream.diagnostics),
      exact,
    );
    expect(again).toEqual(d);
  });

  it('variance is that of a batch-of-N estimate: the single-pull closed form divided by N (bandit, N = 5)', () => {
    const means = [0.5, 1.5, -1];
    const bandit = make('bandit', { means, rewardSd: 0.5 });
    const policy = new TabularSoftmax(1, 3);
    policy.theta.set([0.2, -0.4, 0.1]);
    const trainer = new ReinforceTrainer(bandit, policy, settings(5), 2, 1);
    const k = 20000;
    const ws = new DiagnosticsWorkspace(3, k);
    const probs = softmaxInto(new Float64Array(3), policy.theta, 0, 3, 0);
    const exact = new Float64Array(3);
    banditGradientInto(exact, probs, means);
    const d = ws.run(trainer, make('bandit', { means, rewardSd: 0.5 }), new Rng(3), exact);
    const v = new Float64Array(3);
    banditVarianceInto(v, probs, means, 0.25, 0);
    for (let i = 0; i < 3; i++) {
      const se = Math.sqrt(d.variance[i] / k);
      expect(Math.abs(d.mean[i] - exact[i])).toBeLessThan(4 * se);
      // SE of the sample variance from the stored estimates' fourth central moment.
      let m2 = 0;
      let m4 = 0;
      for (let r = 0; r < k; r++) {
        const dev = (ws.estimates[r * 3 + i] - d.mean[i]) ** 2;
        m2 += dev / k;
        m4 += (dev * dev) / k;
      }
      const varSe = Math.sqrt((m4 - m2 * m2) / k);
      expect(Math.abs(d.variance[i] - v[i] / 5), `Var ĝ_${i}: ${d.variance[i]} vs ${v[i] / 5}`).toBeLessThan(
        4 * varSe,
      );
      expect(4 * varSe).toBeLessThan(0.1 * (v[i] / 5)); // power: a 10% error, e.g. a missing 1/N, is caught
    }
    expect(d.cosine!).toBeGreaterThan(0.99);
  });
});
