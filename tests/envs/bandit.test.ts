import { describe, expect, it } from 'vitest';
import { Bandit } from '../../envs/bandit/Bandit';
import { EnvError } from '../../envs/EnvError';

/** Mean and unbiased variance, computed naively in the test. */
function stats(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

describe('Bandit', () => {
  it('draws q*(a) ~ N(armMean, armSd²) across layout seeds (mean and sd within 4 standard errors)', () => {
    const armMean = 0.7;
    const armSd = 2.5;
    const qs: number[] = [];
    for (let seed = 0; seed < 2000; seed++)
      qs.push(...new Bandit({ arms: 10, armMean, armSd, layoutSeed: seed }).means);
    const n = qs.length;
    const { mean, variance } = stats(qs);
    expect(Math.abs(mean - armMean)).toBeLessThan((4 * armSd) / Math.sqrt(n));
    // Var of the sample variance of normals: 2σ⁴/(n − 1).
    expect(Math.abs(variance - armSd ** 2)).toBeLessThan(4 * armSd ** 2 * Math.sqrt(2 / (n - 1)));
  });

  it('gives different problems for different layout seeds and the same for the same seed', () => {
    expect(Array.from(new Bandit({ layoutSeed: 5 }).means)).toEqual(
      Array.from(new Bandit({ layoutSeed: 5 }).means),
    );
    expect(Array.from(new Bandit({ layoutSeed: 5 }).means)).not.toEqual(
      Array.from(new Bandit({ layoutSeed: 6 }).means),
    );
  });

  it('reports the optimal arm (checked by a naive scan)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const b = new Bandit({ layoutSeed: seed });
      let best = 0;
      for (let a = 1; a < b.arms; a++) if (b.means[a] > b.means[best]) best = a;
      expect(b.optimalArm).toBe(best);
    }
    expect(new Bandit({ means: [0, 3, -1, 3] }).optimalArm).toBe(1);
  });

  it('pays N(q*(a), rewardSd²) rewards', () => {
    const b = new Bandit({ means: [1.5, -0.5], rewardSd: 2 });
    b.reset(1);
    for (const arm of [0, 1]) {
      const rs: number[] = [];
      let flagsOk = true;
      for (let i = 0; i < 20000; i++) {
        const r = b.step(arm);
        flagsOk &&= r.terminated && !r.truncated && r.obs === 0;
        rs.push(r.reward);
      }
      expect(flagsOk).toBe(true);
      const { mean, variance } = stats(rs);
      expect(Math.abs(mean - b.means[arm])).toBeLessThan((4 * 2) / Math.sqrt(rs.length));
      expect(Math.abs(variance - 4)).toBeLessThan(4 * 4 * Math.sqrt(2 / (rs.length - 1)));
    }
  });

  it('Bernoulli: rewards are 0/1 with frequency q*(a); means drawn in [0, 1]', () => {
    const b = new Bandit({ bernoulli: true, arms: 4, layoutSeed: 9 });
    for (const q of b.means) expect(q >= 0 && q <= 1).toBe(true);
    b.reset(2);
    const n = 20000;
    for (let a = 0; a < 4; a++) {
      let ones = 0;
      let others = 0;
      for (let i = 0; i < n; i++) {
        const r = b.step(a).reward;
        if (r === 1) ones++;
        else if (r !== 0) others++;
      }
      expect(others).toBe(0);
      const p = b.means[a];
      expect(Math.abs(ones / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
    }
  });

  it('Bernoulli means drawn U(0, 1) across seeds: mean 1/2, variance 1/12', () => {
    const qs: number[] = [];
    for (let seed = 0; seed < 1000; seed++)
      qs.push(...new Bandit({ bernoulli: true, layoutSeed: seed }).means);
    const { mean, variance } = stats(qs);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / qs.length));
    // Var of the sample variance of U(0,1): (μ4 − σ⁴)/n with μ4 = 1/80.
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / qs.length));
  });

  it('newProblem redraws in place, keeps the model consistent and matches a fresh bandit', () => {
    const b = new Bandit({ layoutSeed: 1 });
    const means = b.means;
    const reward = b.model.reward;
    b.newProblem(42);
    expect(b.means).toBe(means);
    expect(b.model.reward).toBe(reward);
    const fresh = new Bandit({ layoutSeed: 42 });
    expect(Array.from(b.means)).toEqual(Array.from(fresh.means));
    expect(b.optimalArm).toBe(fresh.optimalArm);
    expect(b.layoutSeed).toBe(42);
    for (let a = 0; a < b.arms; a++) {
      const k = b.model.offsets[a];
      expect(b.model.offsets[a + 1] - k).toBe(1);
      expect(b.model.prob[k]).toBe(1);
      expect(b.model.terminal[k]).toBe(1);
      expect(b.model.reward[k]).toBe(b.means[a]);
    }
  });

  it('reward noise does not depend on the layout, and reset(seed) reproduces it', () => {
    const a = new Bandit({ layoutSeed: 1, means: [0, 0, 0] });
    const b = new Bandit({ layoutSeed: 2, means: [0, 0, 0] });
    a.reset(7);
    b.reset(7);
    for (let i = 0; i < 20; i++) expect(a.step(i % 3).reward).toBe(b.step(i % 3).reward);
  });

  it('validates options and actions', () => {
    expect(() => new Bandit({ arms: 0 })).toThrow(EnvError);
    expect(() => new Bandit({ means: [0.5, 2], bernoulli: true })).toThrow(
      /means\[1\] must be a probability/,
    );
    expect(() => new Bandit({ means: [Number.NaN] })).toThrow(/means\[0\]/);
    expect(new Bandit({ means: [1, 2, 3] }).arms).toBe(3);
    expect(() => new Bandit({ arms: 3 }).step(3)).toThrow(/action/);
    expect(() => new Bandit({ arms: 3 }).step(0.5)).toThrow(/action/);
  });
});
