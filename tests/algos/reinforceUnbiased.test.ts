// REINFORCE is unbiased with every baseline: the mean of many seeded batch estimates from
// `trainer.estimateGradientInto` (θ and the baseline state frozen) matches the exact gradient within a
// tolerance derived from the estimates' own standard errors, on
//   (a) a 4-armed bandit at a random θ        — closed form ∂J/∂θ_b = π_b (q*_b − J) (S&B eq. 2.12),
//   (b) a slippery 3×3 gridworld, γ = 0.9, H = 30 — exact policy evaluation (TabularEvaluator),
//   (c) the short corridor at π(right) = 0.3   — exact policy evaluation,
// each for batch sizes N = 1 and N = 4 (loo and the in-batch part of `optimal` need N ≥ 2).
// History-based baselines (average, ema, learned, optimal) are first trained for a few updates, so they are
// non-trivial numbers (asserted) when the gradient is estimated.
import { describe, expect, it } from 'vitest';
import { make, type GridworldMakeOptions } from '../../envs/index';
import type { Env, TabularEnv } from '../../src/core/env';
import { Rng, Stream } from '../../src/core/random';
import { banditGradientInto } from '../../src/algos/exact/bandit';
import { TabularEvaluator } from '../../src/algos/exact/tabular';
import { baselineKinds, type BaselineKind } from '../../src/algos/baselines';
import { TabularSoftmax } from '../../src/algos/policies/TabularSoftmax';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { EPISODE_END, UPDATED, type TrainerSettings } from '../../src/algos/trainer';
import { softmaxInto } from '../../src/core/math';

// ---------------------------------------------------------------------------------------------------------
// Statistics helpers (duplicated per file on purpose: test files import no other test files).

/** Upper-tail standard normal quantile by bisection on erfc (accurate to ~1e-7 relative). */
function normalQuantileUpper(p: number): number {
  const upper = (z: number) => 0.5 * erfc(z / Math.SQRT2);
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (upper(mid) > p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** erfc with relative error < 1.2e-7 (Numerical Recipes' Chebyshev fit, Horner form). */
function erfc(x: number): number {
  const c = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
    -0.82215223, 0.17087277,
  ];
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let i = c.length - 1; i >= 0; i--) poly = c[i] + t * poly;
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/**
 * Threshold in standard errors for m simultaneous two-sided checks: 4 SE each, raised (Bonferroni) when m is
 * large so that the family-wise false-alarm probability stays below 1e-3 under the null.
 */
function zFamily(m: number): number {
  return Math.max(4, normalQuantileUpper(1e-3 / (2 * m)));
}

/** Per-component sample mean and standard error of K estimates of length P (row-major). */
function meanAndSe(est: Float64Array, k: number, p: number): { mean: Float64Array; se: Float64Array } {
  const mean = new Float64Array(p);
  const se = new Float64Array(p);
  for (let r = 0; r < k; r++) for (let i = 0; i < p; i++) mean[i] += est[r * p + i];
  for (let i = 0; i < p; i++) mean[i] /= k;
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let r = 0; r < k; r++) s += (est[r * p + i] - mean[i]) ** 2;
    se[i] = Math.sqrt(s / (k - 1) / k);
  }
  return { mean, se };
}

/** Draws K batch estimates at the trainer's frozen θ and checks θ and the baseline state did not move. */
function drawEstimates(
  trainer: ReinforceTrainer<number, number>,
  env: Env,
  rng: Rng,
  k: number,
): Float64Array {
  const p = trainer.theta.length;
  const thetaBefore = Float64Array.from(trainer.theta);
  const b = trainer.baselines;
  const stateBefore = [b.average, b.count, b.ema, ...b.value, ...b.optNum, ...b.optDen];
  const statsBefore = { ...trainer.stats };
  const est = new Float64Array(k * p);
  const row = new Float64Array(p);
  for (let r = 0; r < k; r++) {
    trainer.estimateGradientInto(row, env, rng);
    est.set(row, r * p);
  }
  // estimateGradientInto must leave θ, the counters and every baseline statistic untouched.
  expect(Array.from(trainer.theta)).toEqual(Array.from(thetaBefore));
  expect([b.average, b.count, b.ema, ...b.value, ...b.optNum, ...b.optDen]).toEqual(stateBefore);
  expect({ ...trainer.stats }).toEqual(statsBefore);
  return est;
}

/**
 * |mean_i − exact_i| ≤ z·SE_i for every component (z from {@link zFamily}), and the test has power: the
 * largest tolerance is below 30% of the largest exact component, so a 30% error there would be caught.
 */
function expectUnbiased(est: Float64Array, k: number, exact: ArrayLike<number>, label: string): void {
  const p = exact.length;
  const { mean, se } = meanAndSe(est, k, p);
  const z = zFamily(p);
  let scale = 0;
  let worstTol = 0;
  for (let i = 0; i < p; i++) {
    scale = Math.max(scale, Math.abs(exact[i]));
    worstTol = Math.max(worstTol, z * se[i]);
    const diff = Math.abs(mean[i] - exact[i]);
    if (!(diff <= z * se[i] + 1e-12))
      expect.fail(
        `${label}: component ${i}: mean ${mean[i]} vs exact ${exact[i]} (|Δ| = ${diff}, ${z.toFixed(2)}·SE = ${z * se[i]})`,
      );
  }
  expect(worstTol, `${label}: tolerance too loose to detect a 30% bias`).toBeLessThan(0.3 * scale);
}

/** Largest |mean_i − exact_i| / SE_i over the components with SE_i > 0. */
function maxZ(est: Float64Array, k: number, exact: ArrayLike<number>): number {
  const { mean, se } = meanAndSe(est, k, exact.length);
  let z = 0;
  for (let i = 0; i < exact.length; i++) if (se[i] > 0) z = Math.max(z, Math.abs(mean[i] - exact[i]) / se[i]);
  return z;
}

/** Runs whole episodes until `updates` updates have been applied. */
function trainUpdates(trainer: ReinforceTrainer<number, number>, updates: number): void {
  const target = trainer.stats.updates + updates;
  while (trainer.stats.updates < target) while (!(trainer.step() & EPISODE_END));
}

/** After some training, the history-based statistic a kind uses is a non-trivial number. */
function expectNonTrivialState(trainer: ReinforceTrainer<number, number>, kind: BaselineKind): void {
  const b = trainer.baselines;
  expect(trainer.stats.updates).toBeGreaterThan(0);
  if (kind === 'average') expect(Math.abs(b.average)).toBeGreaterThan(1e-3);
  if (kind === 'ema') expect(Math.abs(b.ema)).toBeGreaterThan(1e-3);
  if (kind === 'learned') expect(b.value.some((v) => Math.abs(v) > 1e-3)).toBe(true);
  if (kind === 'optimal') {
    expect(b.optDen.some((v) => v > 0)).toBe(true);
    expect(b.optNum.some((v) => Math.abs(v) > 1e-6)).toBe(true);
  }
}

function settings(kind: BaselineKind, batch: number, gamma: number, lr: number): TrainerSettings {
  return { lr, baselineLr: 0.1, gamma, batch, baseline: kind, optimizer: 'sgd' };
}

const batches = [1, 4] as const;

// ---------------------------------------------------------------------------------------------------------

describe('REINFORCE on a 4-armed bandit: unbiased for every baseline (closed form π_b(q*_b − J))', () => {
  const means = [1.0, 2.5, -0.5, 0.3];
  const init = new Rng(77, Stream.init);
  const theta0 = Float64Array.from({ length: 4 }, () => init.normal());
  for (const kind of baselineKinds)
    for (const n of batches) {
      it(`baseline ${kind}, N = ${n}`, () => {
        const bandit = make('bandit', { means, rewardSd: 1 });
        const policy = new TabularSoftmax(1, 4);
        policy.theta.set(theta0);
        const trainer = new ReinforceTrainer(bandit, policy, settings(kind, n, 1, 0.05), 5, 1);
        trainUpdates(trainer, 30);
        expectNonTrivialState(trainer, kind);
        const probs = softmaxInto(new Float64Array(4), trainer.theta, 0, 4, 0);
        const exact = new Float64Array(4);
        banditGradientInto(exact, probs, means);
        const k = Math.round(24000 / n);
        const est = drawEstimates(
          trainer,
          make('bandit', { means, rewardSd: 1 }),
          new Rng(9, Stream.diagnostics),
          k,
        );
        expectUnbiased(est, k, exact, `bandit ${kind} N=${n}`);
      });
    }
});

describe('REINFORCE on a slippery 3×3 gridworld (γ = 0.9, H = 30): unbiased vs exact policy evaluation', () => {
  // Start top-left, a pit in the centre, the goal bottom-right; 10% slip, so returns are noisy.
  const opts: GridworldMakeOptions = { map: 'S../.X./..G', slip: 0.1, timeLimit: 30 };
  const gamma = 0.9;
  for (const kind of baselineKinds)
    for (const n of batches) {
      it(`baseline ${kind}, N = ${n}`, () => {
        const env = make('gridworld', opts);
        const model = env.model;
        const policy = new TabularSoftmax(model.nObs, model.nActions);
        const init = new Rng(3, Stream.init);
        for (let i = 0; i < policy.nParams; i++) policy.theta[i] = 0.7 * init.normal();
        const trainer = new ReinforceTrainer(env, policy, settings(kind, n, gamma, 0.05), 11, model.nObs);
        trainUpdates(trainer, 20);
        expectNonTrivialState(trainer, kind);
        const ev = new TabularEvaluator(model).evaluate(trainer.theta, gamma, (env as TabularEnv).timeLimit);
        const k = Math.round(12000 / n);
        const est = drawEstimates(trainer, make('gridworld', opts), new Rng(21, Stream.diagnostics), k);
        expectUnbiased(est, k, ev.grad, `gridworld ${kind} N=${n}`);
      });
    }
});

describe('REINFORCE on the short corridor at π(right) = 0.3: unbiased vs exact policy evaluation', () => {
  for (const kind of baselineKinds)
    for (const n of batches) {
      it(`baseline ${kind}, N = ${n}`, () => {
        const env = make('short-corridor', { timeLimit: 200 });
        const policy = new TabularSoftmax(1, 2, { initProbs: [0.7, 0.3] });
        // Tiny learning rate: the baselines learn while θ stays at π(right) ≈ 0.3.
        const trainer = new ReinforceTrainer(env, policy, settings(kind, n, 1, 1e-6), 4, 1);
        trainUpdates(trainer, 20);
        expectNonTrivialState(trainer, kind);
        const pRight = softmaxInto(new Float64Array(2), trainer.theta, 0, 2, 0)[1];
        expect(pRight).toBeCloseTo(0.3, 3);
        const ev = new TabularEvaluator(env.model).evaluate(trainer.theta, 1, 200);
        // Sanity of the ground truth: J(p) = (2p − 4)/(p(1 − p)) (S&B Example 13.1) up to the tiny H = 200 cut.
        expect(ev.J).toBeCloseTo((2 * pRight - 4) / (pRight * (1 - pRight)), 3);
        const k = Math.round(8000 / n);
        const est = drawEstimates(
          trainer,
          make('short-corridor', { timeLimit: 200 }),
          new Rng(8, Stream.diagnostics),
          k,
        );
        expectUnbiased(est, k, ev.grad, `corridor ${kind} N=${n}`);
      });
    }
});

describe('negative control: the same check rejects a biased estimator', () => {
  it('REINFORCE run with γ = 1 (no γ^t weights, undiscounted returns) fails against the γ = 0.9 gradient', () => {
    const opts: GridworldMakeOptions = { map: 'S../.X./..G', slip: 0.1, timeLimit: 30 };
    const env = make('gridworld', opts);
    const policy = new TabularSoftmax(env.model.nObs, 4);
    const init = new Rng(3, Stream.init);
    for (let i = 0; i < policy.nParams; i++) policy.theta[i] = 0.7 * init.normal();
    const trainer = new ReinforceTrainer(env, policy, settings('average', 1, 1, 0.05), 11, env.model.nObs);
    trainUpdates(trainer, 20);
    const k = 12000;
    const est = drawEstimates(trainer, make('gridworld', opts), new Rng(21, Stream.diagnostics), k);
    const exact09 = new TabularEvaluator(env.model).evaluate(trainer.theta, 0.9, 30).grad;
    const exact1 = new TabularEvaluator(env.model).evaluate(trainer.theta, 1, 30).grad;
    expect(maxZ(est, k, exact1)).toBeLessThan(zFamily(exact1.length));
    expect(maxZ(est, k, exact09)).toBeGreaterThan(2 * zFamily(exact09.length));
  });
});

describe('the update path is unbiased too: gradients actually applied while training (explain.grad)', () => {
  // estimateGradientInto only reads the baseline state; here the gradients come from real updates, so a
  // baseline that learned from the batch it is applied to (a classic bug) would bias them. θ is frozen by a
  // negligible learning rate; β = 0.3 makes such a bias ≈ 30% for ema and learned.
  const means = [1.0, 2.5, -0.5, 0.3];
  const init = new Rng(79, Stream.init);
  const theta0 = Float64Array.from({ length: 4 }, () => init.normal());
  const exact = new Float64Array(4);
  banditGradientInto(exact, softmaxInto(new Float64Array(4), theta0, 0, 4, 0), means);
  for (const kind of baselineKinds)
    for (const n of batches)
      it(`baseline ${kind}, N = ${n}`, () => {
        const policy = new TabularSoftmax(1, 4);
        policy.theta.set(theta0);
        const s = { ...settings(kind, n, 1, 1e-12), baselineLr: 0.3 };
        const trainer = new ReinforceTrainer(make('bandit', { means, rewardSd: 1 }), policy, s, 12, 1);
        trainer.recordExplain = true;
        const k = Math.round(24000 / n);
        const est = new Float64Array(k * 4);
        for (let r = 0; r < k;) if (trainer.step() & UPDATED) est.set(trainer.explain.grad, 4 * r++);
        for (let i = 0; i < 4; i++) expect(trainer.theta[i]).toBeCloseTo(theta0[i], 6);
        expectUnbiased(est, k, exact, `update path ${kind} N=${n}`);
      });
});
