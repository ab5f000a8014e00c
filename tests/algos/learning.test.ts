// Learning smoke tests on tiny budgets with fixed seeds and margins wide enough to survive any change of the
// random streams that keeps the algorithms correct:
//  - S&B Fig. 2.5: on the 10-armed testbed with q* ~ N(4, 1), the gradient bandit with the average-reward
//    baseline picks the optimal arm far more often than without it (paired over 200 runs, SE-based margin);
//  - a 2-armed Bernoulli bandit reaches P(best) > 0.9;
//  - the short corridor with the learned baseline and S&B Fig. 13.2's step sizes approaches p* = 2 − √2;
//  - pathwise training solves the smooth continuous bandit and drives the point mass close to a hand-tuned
//    PD controller;
//  - on a step reward the pathwise trainer never moves while the score-function trainer learns.
import { describe, expect, it } from 'vitest';
import { ContinuousBandit, make } from '../../envs/index';
import type { ScalarFunction } from '../../src/core/env';
import { softmaxInto } from '../../src/core/math';
import { Rng } from '../../src/core/random';
import { defaultConfig } from '../../src/algos/config';
import { TabularEvaluator } from '../../src/algos/exact/tabular';
import { banditModel, PathwiseTrainer } from '../../src/algos/pathwise';
import { GaussianPolicy } from '../../src/algos/policies/Gaussian';
import { TabularSoftmax } from '../../src/algos/policies/TabularSoftmax';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { createRun, optimalArmOf } from '../../src/algos/run';
import type { TrainerSettings } from '../../src/algos/trainer';

const meanOf = (x: readonly number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const seOf = (x: readonly number[]) => {
  const m = meanOf(x);
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1) / x.length);
};

describe('gradient bandit, S&B Fig. 2.5 (10 arms, q* ~ N(4, 1), α = 0.1, 200 runs × 1000 pulls)', () => {
  it('the average-reward baseline clearly beats no baseline in % optimal action', () => {
    const runs = 200;
    const pulls = 1000;
    const overall = { average: [] as number[], none: [] as number[] };
    const final = { average: [] as number[], none: [] as number[] };
    for (const baseline of ['average', 'none'] as const)
      for (let r = 0; r < runs; r++) {
        // Run r has seed 1000 + r for both arms of the comparison: the same q* layout and reward noise stream.
        const run = createRun({ ...defaultConfig('bandit'), armMean: 4, lr: 0.1, baseline, seed: 1000 + r });
        const best = optimalArmOf(run);
        let all = 0;
        let last = 0;
        for (let e = 0; e < pulls; e++) {
          run.trainer.step();
          const hit = run.trainer.stats.lastAction === best ? 1 : 0;
          all += hit;
          if (e >= pulls - 100) last += hit;
        }
        overall[baseline].push(all / pulls);
        final[baseline].push(last / 100);
      }
    const diff = overall.average.map((v, r) => v - overall.none[r]);
    // Paired difference over the whole run: positive by more than 4 SE, and large (S&B: ~0.3).
    expect(meanOf(diff)).toBeGreaterThan(4 * seOf(diff));
    expect(meanOf(diff)).toBeGreaterThan(0.15);
    // Over the last 100 pulls the baseline version picks the optimal arm most of the time (S&B: ≈ 80%), and
    // clearly more often than the version without (S&B: ≈ 40–50%).
    expect(meanOf(final.average) - 4 * seOf(final.average)).toBeGreaterThan(0.65);
    expect(meanOf(final.none) + 4 * seOf(final.none)).toBeLessThan(meanOf(final.average));
  });
});

describe('2-armed Bernoulli bandit (q* = 0.3, 0.7)', () => {
  it('reaches P(best) > 0.9 within 1000 pulls (every one of 20 seeds)', () => {
    const s: TrainerSettings = {
      lr: 0.2,
      baselineLr: 0.1,
      gamma: 1,
      batch: 1,
      baseline: 'average',
      optimizer: 'sgd',
    };
    const probs: number[] = [];
    for (let seed = 0; seed < 20; seed++) {
      const policy = new TabularSoftmax(1, 2);
      const t = new ReinforceTrainer(
        make('bandit', { means: [0.3, 0.7], bernoulli: true }),
        policy,
        s,
        seed,
        1,
      );
      for (let e = 0; e < 1000; e++) t.step();
      probs.push(policy.probsInto(0, new Float64Array(2))[1]);
    }
    expect(Math.min(...probs)).toBeGreaterThan(0.9);
  });
});

describe('short corridor (S&B Example 13.1, Fig. 13.2 settings: learned baseline, α = 2⁻⁹, β = 2⁻⁶)', () => {
  it('from π(right) = 0.05 (J ≈ −82) the policy approaches p* = 2 − √2 ≈ 0.586, J* = −(6 + 4√2) ≈ −11.657', () => {
    const config = defaultConfig('short-corridor');
    expect([config.baseline, config.lr, config.baselineLr, config.initProbRight]).toEqual([
      'learned',
      2 ** -9,
      2 ** -6,
      0.05,
    ]);
    const pStar = 2 - Math.SQRT2;
    const jStar = -(6 + 4 * Math.SQRT2);
    const seeds = 10;
    const pBar: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const run = createRun({ ...config, seed });
      if (run.kind !== 'tabular') throw new Error('expected a tabular run');
      const ev = new TabularEvaluator(run.env.model);
      const H = run.env.timeLimit;
      expect(ev.evaluate(run.trainer.theta, 1, H).J).toBeCloseTo((0.1 - 4) / (0.05 * 0.95), 3);
      // Constant-step SGD keeps fluctuating around the optimum: average θ over episodes 500–1000.
      const avg = new Float64Array(2);
      let n = 0;
      for (let e = 1; e <= 1000; e++) {
        run.trainer.runEpisode();
        if (e > 500 && e % 10 === 0) {
          for (let i = 0; i < 2; i++) avg[i] += run.trainer.theta[i];
          n++;
        }
      }
      for (let i = 0; i < 2; i++) avg[i] /= n;
      const p = softmaxInto(new Float64Array(2), avg, 0, 2, 0)[1];
      pBar.push(p);
      // The exact value of the (time-averaged) learned policy is within 0.3 of the optimum for every seed.
      expect(Math.abs(ev.evaluate(avg, 1, H).J - jStar), `seed ${seed}: p = ${p}`).toBeLessThan(0.3);
    }
    // Across seeds the learned π(right) centres on p*.
    expect(Math.abs(meanOf(pBar) - pStar)).toBeLessThan(Math.max(0.03, 4 * seOf(pBar)));
  });
});

describe('pathwise learning', () => {
  it('continuous bandit r(a) = −(a − 2)² (defaults: α = 0.05): μ → 2, σ shrinks, E[r] from −5 to > −0.01', () => {
    for (const seed of [1, 2, 3]) {
      const run = createRun({ ...defaultConfig('continuous-bandit'), seed });
      expect(run.trainer.estimator).toBe('pathwise');
      for (let e = 0; e < 1000; e++) run.trainer.runEpisode();
      const [mu, l] = run.trainer.theta;
      const sigma = Math.exp(l);
      expect(Math.abs(mu - 2)).toBeLessThan(0.05);
      expect(sigma).toBeLessThan(0.2);
      // Exact expected reward of the learned policy: −((μ − 2)² + σ²)
      expect(-((mu - 2) ** 2 + sigma ** 2)).toBeGreaterThan(-0.01);
    }
  });

  it('point mass (defaults: Adam, α = 0.01, H = 50): the return improves > 3× and gets near a hand-tuned PD controller', () => {
    // Reference: the deterministic PD law a = 2(goal − p) − 1·v (gains from a coarse grid search), evaluated
    // on 200 random starts from the same start distribution. The zero action scores about −660.
    const env = make('point-mass');
    const m = env.model;
    const rng = new Rng(1);
    let pd = 0;
    for (let k = 0; k < 200; k++) {
      const s = Float64Array.of(2 * rng.uniform() - 1, 2 * rng.uniform() - 1, 0, 0);
      const a = new Float64Array(2);
      for (let t = 0; t < m.horizon; t++) {
        for (let i = 0; i < 2; i++) a[i] = 2 * (m.goal[i] - s[i]) - s[2 + i];
        pd += m.transition(s, a, s) / 200;
      }
    }
    expect(pd).toBeGreaterThan(-140);
    for (const seed of [1, 2]) {
      const run = createRun({ ...defaultConfig('point-mass'), seed });
      expect(run.trainer.estimator).toBe('pathwise');
      const returns: number[] = [];
      for (let e = 0; e < 800; e++) {
        run.trainer.runEpisode();
        returns.push(run.trainer.stats.lastReturn);
      }
      const first = meanOf(returns.slice(0, 50));
      const last = meanOf(returns.slice(-100));
      expect(last).toBeGreaterThan(first / 3);
      // Within 35% of the PD controller's cost, while still exploring with σ > 0.
      expect(last).toBeGreaterThan(1.35 * pd);
    }
  });
});

describe('step reward r(a) = 1{a > 1} (df = 0)', () => {
  const step: ScalarFunction = { f: (a) => (a > 1 ? 1 : 0), df: () => 0, source: 'a > 1 ? 1 : 0' };
  const settings = (): TrainerSettings => ({
    lr: 0.1,
    baselineLr: 0.1,
    gamma: 1,
    batch: 4,
    baseline: 'average',
    optimizer: 'sgd',
  });

  it('pathwise training never moves θ (its gradient is exactly zero); score-function training raises P(a > 1)', () => {
    const envP = new ContinuousBandit({ reward: step });
    const pw = new PathwiseTrainer(
      envP,
      banditModel(() => envP.reward),
      new GaussianPolicy(0, 1),
      settings(),
      1,
    );
    const sc = new ReinforceTrainer(
      new ContinuousBandit({ reward: step }),
      new GaussianPolicy(0, 1),
      settings(),
      1,
      1,
    );
    for (let e = 0; e < 2000; e++) {
      pw.runEpisode();
      sc.runEpisode();
    }
    expect(pw.stats.updates).toBe(500);
    expect(Array.from(pw.theta)).toEqual([0, 0]);
    // P(a > 1) = Φ((μ − 1)/σ): 0.16 at the start; the score-function trainer pushes it above 0.9
    // (Φ⁻¹(0.9) ≈ 1.2816).
    expect((sc.theta[0] - 1) / Math.exp(sc.theta[1])).toBeGreaterThan(1.2816);
  });
});
