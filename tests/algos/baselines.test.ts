// Baselines change the variance of REINFORCE as theory says (their unbiasedness is in reinforceUnbiased):
//  - a constant baseline b: the single-pull bandit estimator's per-parameter variance equals the closed form
//    banditVarianceInto(π, q*, σ², b), for b = 0 and a fixed b, whichever kind (average, ema, learned) holds it;
//  - the per-parameter optimal baseline (Greensmith et al. 2004) cuts the total variance far below `none` on
//    the arm-mean-4 testbed, and its variance is the closed form at the trainer's estimated b̂ᵢ;
//  - leave-one-out with N = 32 matches its closed-form batch variance and is far below `none`;
// plus hand-computed checks of Batch's returns, BaselineTracker.learn and looSumsInto, and switching the
// baseline kind mid-run without a reset.
import { describe, expect, it } from 'vitest';
import { make } from '../../envs/index';
import type { Env } from '../../src/core/env';
import { allFinite, softmaxInto } from '../../src/core/math';
import { Rng, Stream } from '../../src/core/random';
import { Batch } from '../../src/algos/Batch';
import { BaselineTracker, baselineKinds, looSumsInto, type BaselineKind } from '../../src/algos/baselines';
import { defaultConfig, type RunEnvId } from '../../src/algos/config';
import {
  banditGradientInto,
  banditObjective,
  banditOptimalBaselinesInto,
  banditVarianceInto,
} from '../../src/algos/exact/bandit';
import { TabularSoftmax } from '../../src/algos/policies/TabularSoftmax';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { createRun } from '../../src/algos/run';
import { EPISODE_END, UPDATED, type TrainerSettings } from '../../src/algos/trainer';

// ---------------------------------------------------------------------------------------------------------
// Statistics helpers (duplicated per file on purpose: test files import no other test files).

interface VarianceStats {
  /** Per-component unbiased sample variance. */
  variance: Float64Array;
  /** Per-component asymptotic SE of the sample variance, √((m4 − m2²)/n). */
  varSe: Float64Array;
  /** tr Cov: Σ_i variance_i. */
  total: number;
  /** SE of the total, from the spread of T_r = Σ_i (g_ri − ḡ_i)². */
  totalSe: number;
}

function varianceStats(est: Float64Array, k: number, p: number): VarianceStats {
  const mean = new Float64Array(p);
  for (let r = 0; r < k; r++) for (let i = 0; i < p; i++) mean[i] += est[r * p + i] / k;
  const m2 = new Float64Array(p);
  const m4 = new Float64Array(p);
  let tSum = 0;
  let tSq = 0;
  for (let r = 0; r < k; r++) {
    let t = 0;
    for (let i = 0; i < p; i++) {
      const d = (est[r * p + i] - mean[i]) ** 2;
      m2[i] += d / k;
      m4[i] += (d * d) / k;
      t += d;
    }
    tSum += t;
    tSq += t * t;
  }
  const variance = m2.map((v) => (v * k) / (k - 1));
  const varSe = m2.map((v, i) => Math.sqrt(Math.max(0, m4[i] - v * v) / k));
  const tMean = tSum / k;
  return {
    variance,
    varSe,
    total: (tMean * k) / (k - 1),
    totalSe: Math.sqrt(Math.max(0, tSq / k - tMean * tMean) / k),
  };
}

function drawEstimates(
  trainer: ReinforceTrainer<number, number>,
  env: Env,
  rng: Rng,
  k: number,
): Float64Array {
  const p = trainer.theta.length;
  const est = new Float64Array(k * p);
  const row = new Float64Array(p);
  for (let r = 0; r < k; r++) {
    trainer.estimateGradientInto(row, env, rng);
    est.set(row, r * p);
  }
  return est;
}

function settings(kind: BaselineKind, batch: number, lr = 1e-6, baselineLr = 0.1): TrainerSettings {
  return { lr, baselineLr, gamma: 1, batch, baseline: kind, optimizer: 'sgd' };
}

function trainEpisodes(trainer: ReinforceTrainer<number, number>, episodes: number): void {
  for (let e = 0; e < episodes; e++) while (!(trainer.step() & EPISODE_END));
}

// ---------------------------------------------------------------------------------------------------------

describe('Batch, BaselineTracker and leave-one-out sums against hand computation', () => {
  /** Two episodes: rewards [1, 2, 3] and [5]; γ = 0.5. */
  function twoEpisodes(): Batch {
    const b = new Batch(0, 2, 2, 1); // capacity 1: forces growth
    for (const [rewards, obs] of [
      [
        [1, 2, 3],
        [0, 1, 1],
      ],
      [[5], [1]],
    ]) {
      for (let t = 0; t < rewards.length; t++) {
        const row = b.push();
        b.reward[row] = rewards[t];
        b.obs[row] = obs[t];
      }
      b.finishEpisode(0.5);
    }
    return b;
  }

  it('Batch.finishEpisode: G_t = R_{t+1} + γ G_{t+1}, discount γ^t, time index, episode starts', () => {
    const b = twoEpisodes();
    expect(b.size).toBe(4);
    expect(b.episodes).toBe(2);
    expect(b.full).toBe(true);
    // G = [1 + 0.5(2 + 0.5·3), 2 + 0.5·3, 3], [5]
    expect(Array.from(b.ret.subarray(0, 4))).toEqual([2.75, 3.5, 3, 5]);
    expect(Array.from(b.discount.subarray(0, 4))).toEqual([1, 0.5, 0.25, 1]);
    expect(Array.from(b.time.subarray(0, 4))).toEqual([0, 1, 2, 0]);
    expect(Array.from(b.starts)).toEqual([0, 3, 4]);
    b.clear();
    expect([b.size, b.episodes, b.full, b.currentStart]).toEqual([0, 0, false, 0]);
  });

  it('BaselineTracker.learn: running mean, EMA (seeded by the first return) and tabular V, row by row', () => {
    const b = twoEpisodes();
    const tr = new BaselineTracker(2, 0, 3);
    tr.learn(b, 0.5);
    const g = [2.75, 3.5, 3, 5];
    expect(tr.count).toBe(4);
    expect(tr.average).toBeCloseTo((2.75 + 3.5 + 3 + 5) / 4, 14);
    let ema = g[0];
    for (const x of g.slice(1)) ema += 0.5 * (x - ema);
    expect(tr.ema).toBeCloseTo(ema, 14);
    // V(0) ← 0 + 0.5·(2.75 − 0); V(1): 0 → 1.75 → 1.75 + 0.5(3 − 1.75) = 2.375 → 2.375 + 0.5(5 − 2.375)
    expect(tr.value[0]).toBeCloseTo(1.375, 14);
    expect(tr.value[1]).toBeCloseTo(2.375 + 0.5 * (5 - 2.375), 14);
    tr.reset();
    expect([tr.count, tr.average, tr.ema, ...tr.value]).toEqual([0, 0, 0, 0, 0]);
  });

  it('BaselineTracker with vector observations: linear V(s) = w·[1, s] learned by SGD', () => {
    const b = new Batch(2, 1, 1);
    const row = b.push();
    b.obsVec.set([2, -1], 0);
    b.reward[row] = 4;
    b.finishEpisode(1);
    const tr = new BaselineTracker(1, 2, 1);
    tr.learn(b, 0.25);
    // err = 4 − 0; w += 0.25·4·[1, 2, −1]
    expect(Array.from(tr.value)).toEqual([1, 2, -1]);
    expect(tr.valueAt(b, 0)).toBeCloseTo(1 + 2 * 2 + -1 * -1, 14);
  });

  it('looSumsInto: Σ_k G_{k,t} per time step (0 past an episode’s end) and the longest length', () => {
    const b = twoEpisodes();
    const sums = new Float64Array(8).fill(99);
    expect(looSumsInto(b, sums)).toBe(3);
    expect(Array.from(sums.subarray(0, 3))).toEqual([2.75 + 5, 3.5, 3]);
  });
});

describe('bandit single-pull variance with a constant baseline equals the closed form', () => {
  const means = [1.0, 2.5, -0.5, 0.3];
  const init = new Rng(78, Stream.init);
  const theta = Float64Array.from({ length: 4 }, () => init.normal());
  const probs = softmaxInto(new Float64Array(4), theta, 0, 4, 0);
  const cases: [string, BaselineKind, number][] = [
    ['none (b = 0)', 'none', 0],
    ['average held at b = 2', 'average', 2],
    ['ema held at b = −1', 'ema', -1],
    ['learned V held at b = 1.3', 'learned', 1.3],
  ];
  for (const [name, kind, b] of cases)
    it(name, () => {
      const bandit = make('bandit', { means, rewardSd: 1 });
      const policy = new TabularSoftmax(1, 4);
      policy.theta.set(theta);
      const trainer = new ReinforceTrainer(bandit, policy, settings(kind, 1), 2, 1);
      trainer.baselines.average = b;
      trainer.baselines.ema = b;
      trainer.baselines.value[0] = b;
      expect(trainer.baselineValue()).toBe(b);
      const k = 60000;
      const est = drawEstimates(trainer, make('bandit', { means, rewardSd: 1 }), new Rng(40 + b), k);
      const s = varianceStats(est, k, 4);
      const exact = new Float64Array(4);
      const total = banditVarianceInto(exact, probs, means, 1, b);
      for (let i = 0; i < 4; i++) {
        expect(
          Math.abs(s.variance[i] - exact[i]),
          `Var g_${i}: ${s.variance[i]} vs ${exact[i]}`,
        ).toBeLessThan(4 * s.varSe[i]);
        expect(4 * s.varSe[i]).toBeLessThan(0.1 * exact[i]); // power: 10% errors would be caught
      }
      expect(Math.abs(s.total - total)).toBeLessThan(4 * s.totalSe);
    });
});

describe('arm-mean-4 testbed (10 arms, q* ~ N(4, 1)): baselines cut the variance as theory says', () => {
  const bandit = () => make('bandit', { arms: 10, armMean: 4, armSd: 1, rewardSd: 1, layoutSeed: 2 });
  const q = bandit().means;
  const init = new Rng(5, Stream.init);
  const theta = Float64Array.from({ length: 10 }, () => 0.5 * init.normal());
  const probs = softmaxInto(new Float64Array(10), theta, 0, 10, 0);
  const J = banditObjective(probs, q);
  const grad = new Float64Array(10);
  banditGradientInto(grad, probs, q);
  const scratch = new Float64Array(10);
  const noneTotal = banditVarianceInto(scratch, probs, q, 1, 0);
  /** Closed-form Var g_i of the single-pull estimator with the constant baseline b. */
  const varOf = (i: number, b: number) => {
    banditVarianceInto(scratch, probs, q, 1, b);
    return scratch[i];
  };

  function trainer(kind: BaselineKind, batch: number, baselineLr = 0.1): ReinforceTrainer<number, number> {
    const policy = new TabularSoftmax(1, 10);
    policy.theta.set(theta);
    return new ReinforceTrainer(bandit(), policy, settings(kind, batch, 1e-6, baselineLr), 3, 1);
  }

  it('per-parameter optimal baseline: variance = closed form at the trainer’s b̂ᵢ, near the oracle b*ᵢ, ≪ none', () => {
    const t = trainer('optimal', 1, 0.01);
    trainEpisodes(t, 3000); // lr = 1e-6: θ stays put while the decayed sums Σ A S, Σ S² accumulate
    const bl = t.baselines;
    const bHat = Array.from(bl.optNum, (n, i) => n / bl.optDen[i]);
    const bStar = banditOptimalBaselinesInto(new Float64Array(10), probs, q);
    // The estimated b̂ᵢ are near the oracle b*ᵢ (the decayed sums average ~100 pulls) ...
    for (let i = 0; i < 10; i++) expect(Math.abs(bHat[i] - bStar[i])).toBeLessThan(1);
    // ... and the single-pull variance at θ is, per parameter, Var g_i with the constant b̂ᵢ.
    let atHat = 0;
    let oracle = 0;
    for (let i = 0; i < 10; i++) {
      atHat += varOf(i, bHat[i]);
      oracle += varOf(i, bStar[i]);
    }
    const k = 40000;
    const s = varianceStats(drawEstimates(t, bandit(), new Rng(50), k), k, 10);
    expect(Math.abs(s.total - atHat), `tr Cov ${s.total} vs closed form ${atHat}`).toBeLessThan(
      4 * s.totalSe,
    );
    // Theory: b*ᵢ minimises each Var g_i, so the oracle is the floor; b̂ is within 20% of it; none is ≥ 4× worse.
    for (let i = 0; i < 10; i++) {
      expect(varOf(i, bStar[i])).toBeLessThanOrEqual(varOf(i, bStar[i] + 0.1));
      expect(varOf(i, bStar[i])).toBeLessThanOrEqual(varOf(i, bStar[i] - 0.1));
    }
    expect(atHat).toBeLessThan(1.2 * oracle);
    expect(oracle).toBeLessThan(noneTotal / 4);
    const sn = varianceStats(drawEstimates(trainer('none', 1), bandit(), new Rng(51), k), k, 10);
    expect(Math.abs(sn.total - noneTotal)).toBeLessThan(4 * sn.totalSe);
    expect(s.total + 4 * Math.hypot(s.totalSe, sn.totalSe)).toBeLessThan(sn.total / 4);
  });

  it('leave-one-out, N = 32: batch variance = closed form, far below none (which is Var/N)', () => {
    const n = 32;
    const k = 3000;
    // Closed form (derivation as for Gaussians in exact/gaussian.ts): with v = Var R and E[s_i²] = π_i(1 − π_i),
    //   Var ĝ_j,i = Var_{b=J} g_i + v π_i (1 − π_i)/(N − 1),   Cov(ĝ_j,i, ĝ_k,i) = g_i²/(N − 1)²,
    //   Var of the batch mean = Var ĝ_j,i / N + g_i² / (N (N − 1)).
    let v = 0;
    for (let a = 0; a < 10; a++) v += probs[a] * ((q[a] - J) ** 2 + 1);
    const varJ = new Float64Array(10);
    banditVarianceInto(varJ, probs, q, 1, J);
    let looTotal = 0;
    for (let i = 0; i < 10; i++)
      looTotal += (varJ[i] + (v * probs[i] * (1 - probs[i])) / (n - 1)) / n + grad[i] ** 2 / (n * (n - 1));
    const sl = varianceStats(drawEstimates(trainer('loo', n), bandit(), new Rng(60), k), k, 10);
    const sn = varianceStats(drawEstimates(trainer('none', n), bandit(), new Rng(61), k), k, 10);
    expect(Math.abs(sl.total - looTotal), `loo tr Cov ${sl.total} vs ${looTotal}`).toBeLessThan(
      4 * sl.totalSe,
    );
    expect(Math.abs(sn.total - noneTotal / n), `none tr Cov ${sn.total} vs ${noneTotal / n}`).toBeLessThan(
      4 * sn.totalSe,
    );
    expect(looTotal).toBeLessThan(noneTotal / n / 4);
    expect(sl.total + 4 * Math.hypot(sl.totalSe, sn.totalSe)).toBeLessThan(sn.total / 4);
  });
});

describe('switching the baseline mid-run (no reset)', () => {
  const envs: RunEnvId[] = ['bandit', 'gridworld', 'short-corridor', 'continuous-bandit', 'point-mass'];
  for (const env of envs)
    it(`${env}: every kind in turn, every 2 updates; counters keep going, θ stays finite`, () => {
      const config = { ...defaultConfig(env), estimator: 'score' as const, batch: 3, horizon: 40, seed: 9 };
      if (env === 'point-mass') config.lr = 1e-3;
      const run = createRun(config);
      const t = run.trainer as ReinforceTrainer<number, number>;
      let updates = 0;
      let episodes = 0;
      const seen = new Set<BaselineKind>();
      while (updates < 36) {
        const flags = t.step();
        if (flags & EPISODE_END) expect(t.stats.episodes).toBe(++episodes);
        if (!(flags & UPDATED)) continue;
        expect(t.stats.updates).toBe(++updates);
        expect(allFinite(t.theta)).toBe(true);
        expect(t.error).toBeNull();
        seen.add(t.settings.baseline);
        if (updates % 2 === 0) t.settings.baseline = baselineKinds[(updates / 2) % baselineKinds.length];
      }
      expect(seen.size).toBe(baselineKinds.length);
      expect(episodes).toBe(36 * 3);
      // The running statistics learned from every batch whatever kind was active.
      expect(t.baselines.count).toBe(t.stats.steps);
      expect(t.baselines.optDen.some((x) => x > 0)).toBe(true);
      expect(Number.isFinite(t.baselineValue()) || t.settings.baseline === 'optimal').toBe(true);
    });
});
