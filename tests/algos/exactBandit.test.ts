import { describe, expect, it } from 'vitest';
import { type BanditOptions, make } from '../../envs/index';
import type { TabularModel } from '../../src/core/env';
import { RunningStat, sampleCategorical, softmaxInto } from '../../src/core/math';
import { Rng } from '../../src/core/random';
import {
  banditCovarianceInto,
  banditGradientInto,
  banditObjective,
  banditOptimalBaseline,
  banditOptimalBaselinesInto,
  banditVarianceInto,
} from '../../src/algos/exact/bandit';
import { TabularEvaluator } from '../../src/algos/exact/tabular';

const K = 4;
const rng = new Rng(2024);
const theta = Float64Array.from({ length: K }, () => rng.normal());
const qStar = Float64Array.from({ length: K }, () => 1 + rng.normal());
const sigma2 = Float64Array.from({ length: K }, () => 0.5 + rng.uniform());
const probs = softmaxInto(new Float64Array(K), theta, 0, K, 0);

/** Naive E[g_i g_j] − E[g_i] E[g_j] by enumerating the arms. */
function naiveCovariance(b: number, v: ArrayLike<number>): number[][] {
  const score = (a: number, i: number) => (a === i ? 1 : 0) - probs[i];
  const mean = (i: number) => probs.reduce((s, p, a) => s + p * (qStar[a] - b) * score(a, i), 0);
  return Array.from({ length: K }, (_, i) =>
    Array.from(
      { length: K },
      (_, j) =>
        probs.reduce((s, p, a) => s + p * ((qStar[a] - b) ** 2 + v[a]) * score(a, i) * score(a, j), 0) -
        mean(i) * mean(j),
    ),
  );
}

describe('softmax bandit closed forms (S&B §2.8)', () => {
  it('J and ∇J equal the tabular evaluator on a one-state model', () => {
    const model: TabularModel = {
      nStates: 1,
      nActions: K,
      obsOf: Int32Array.of(0),
      nObs: 1,
      start: Float64Array.of(1),
      offsets: Int32Array.from({ length: K + 1 }, (_, i) => i),
      next: new Int32Array(K),
      prob: new Float64Array(K).fill(1),
      reward: qStar,
      terminal: new Uint8Array(K).fill(1),
    };
    const grad = new Float64Array(K);
    const J = banditGradientInto(grad, probs, qStar);
    for (const [gamma, H] of [
      [1, Infinity],
      [0.9, 1],
      [0, 5],
    ]) {
      const ev = new TabularEvaluator(model).evaluate(theta, gamma, H);
      expect(ev.J).toBeCloseTo(J, 13);
      for (let i = 0; i < K; i++) expect(ev.grad[i]).toBeCloseTo(grad[i], 13);
    }
    expect(banditObjective(probs, qStar)).toBe(J);
  });

  it.each([0, 1.3, -2])('covariance (baseline %s) matches a naive enumeration over arms', (b) => {
    const cov = banditCovarianceInto(new Float64Array(K * K), probs, qStar, sigma2, b);
    const naive = naiveCovariance(b, sigma2);
    const variance = new Float64Array(K);
    const total = banditVarianceInto(variance, probs, qStar, sigma2, b);
    let trace = 0;
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) expect(cov[i * K + j]).toBeCloseTo(naive[i][j], 12);
      expect(variance[i]).toBeCloseTo(naive[i][i], 12);
      trace += naive[i][i];
    }
    expect(total).toBeCloseTo(trace, 12);
    const scalar = banditVarianceInto(variance, probs, qStar, 0.7, b);
    expect(scalar).toBeCloseTo(
      naiveCovariance(b, new Float64Array(K).fill(0.7)).reduce((s, row, i) => s + row[i], 0),
      12,
    );
  });

  it.each([0, 1.3])(
    'mean and covariance of g = (R − b)(e_A − π) agree with Monte Carlo (baseline %s)',
    (b) => {
      const N = 200_000;
      const mc = new Rng(7, 3);
      const grad = new Float64Array(K);
      banditGradientInto(grad, probs, qStar);
      const cov = banditCovarianceInto(new Float64Array(K * K), probs, qStar, sigma2, b);
      const means = Array.from({ length: K }, () => new RunningStat());
      const prods = Array.from({ length: K * K }, () => new RunningStat());
      const g = new Float64Array(K);
      for (let n = 0; n < N; n++) {
        const a = sampleCategorical(probs, 0, K, mc.uniform());
        const R = qStar[a] + Math.sqrt(sigma2[a]) * mc.normal();
        for (let i = 0; i < K; i++) g[i] = (R - b) * ((a === i ? 1 : 0) - probs[i]);
        for (let i = 0; i < K; i++) {
          means[i].push(g[i]);
          // Centred at the exact mean, so the product's expectation is exactly Cov_ij.
          for (let j = 0; j < K; j++) prods[i * K + j].push((g[i] - grad[i]) * (g[j] - grad[j]));
        }
      }
      for (let i = 0; i < K; i++) {
        expect(Math.abs(means[i].mean - grad[i])).toBeLessThan(4 * means[i].standardError);
        for (let j = 0; j < K; j++) {
          const p = prods[i * K + j];
          expect(Math.abs(p.mean - cov[i * K + j])).toBeLessThan(4 * p.standardError);
        }
      }
    },
  );

  it('b*_i minimises Var g_i, and the scalar b* minimises the total variance', () => {
    const bStar = banditOptimalBaselinesInto(new Float64Array(K), probs, qStar);
    const v0 = new Float64Array(K);
    const vUp = new Float64Array(K);
    const vDown = new Float64Array(K);
    for (let i = 0; i < K; i++) {
      banditVarianceInto(v0, probs, qStar, sigma2, bStar[i]);
      for (const d of [1e-3, 0.1, 1]) {
        banditVarianceInto(vUp, probs, qStar, sigma2, bStar[i] + d);
        banditVarianceInto(vDown, probs, qStar, sigma2, bStar[i] - d);
        expect(v0[i]).toBeLessThan(vUp[i]);
        expect(v0[i]).toBeLessThan(vDown[i]);
        // Var g_i is a parabola in b: symmetric about its minimiser.
        expect(vUp[i] - vDown[i]).toBeCloseTo(0, 12);
      }
    }
    const b = banditOptimalBaseline(probs, qStar);
    const tot = (x: number) => banditVarianceInto(v0, probs, qStar, sigma2, x);
    expect(tot(b + 0.3) - tot(b - 0.3)).toBeCloseTo(0, 12);
    expect(tot(b)).toBeLessThan(tot(b + 1e-3));
    expect(tot(b)).toBeLessThan(tot(b - 1e-3));
    // The baselines differ from the plain average reward J in general (the textbook's choice).
    expect(Math.abs(b - banditObjective(probs, qStar))).toBeGreaterThan(1e-3);
  });
});

describe("closed forms against make('bandit') (envs/index.ts)", () => {
  it.each<[string, BanditOptions]>([
    ['Gaussian', { arms: 5, rewardSd: 1.5, layoutSeed: 3 }],
    ['Bernoulli', { arms: 5, bernoulli: true, layoutSeed: 4 }],
  ])('%s rewards: the estimator’s mean and variances match env pulls', (_, options) => {
    const env = make('bandit', options);
    const k = env.model.nActions;
    const q = env.model.reward;
    const th = Float64Array.from({ length: k }, (_, i) => 0.3 * i - 0.5);
    const p = softmaxInto(new Float64Array(k), th, 0, k, 0);
    const noise = env.unwrapped.bernoulli ? Array.from(q, (m) => m * (1 - m)) : env.unwrapped.rewardSd ** 2;
    const b = 0.25;
    const grad = new Float64Array(k);
    banditGradientInto(grad, p, q);
    const ev = new TabularEvaluator(env.model).evaluate(th, 1, 1);
    for (let i = 0; i < k; i++) expect(ev.grad[i]).toBeCloseTo(grad[i], 13);
    const variance = new Float64Array(k);
    banditVarianceInto(variance, p, q, noise, b);
    const mc = new Rng(11, 3);
    const means = Array.from({ length: k }, () => new RunningStat());
    const sq = Array.from({ length: k }, () => new RunningStat());
    env.reset(8);
    for (let n = 0; n < 100_000; n++) {
      const a = sampleCategorical(p, 0, k, mc.uniform());
      const R = env.step(a).reward;
      for (let i = 0; i < k; i++) {
        const g = (R - b) * ((a === i ? 1 : 0) - p[i]);
        means[i].push(g);
        sq[i].push((g - grad[i]) ** 2);
      }
    }
    for (let i = 0; i < k; i++) {
      expect(Math.abs(means[i].mean - grad[i])).toBeLessThan(4 * means[i].standardError);
      expect(Math.abs(sq[i].mean - variance[i])).toBeLessThan(4 * sq[i].standardError);
    }
  });
});
