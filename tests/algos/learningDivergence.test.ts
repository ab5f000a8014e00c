// Divergence: a huge learning rate makes an update produce non-finite parameters; the trainer then returns
// the DIVERGED flag (with EPISODE_END | UPDATED), sets a one-line `error`, and restores the last finite θ
// (exactly the θ before that update). reset() clears the error. A saturating softmax does not diverge. After a
// divergence caused by a transient non-finite reward, the run must be able to go on once the reward is fixed.
import { describe, expect, it } from 'vitest';
import { ContinuousBandit, quadraticReward } from '../../envs/index';
import type { ScalarFunction } from '../../src/core/env';
import { allFinite } from '../../src/core/math';
import { baselineKinds, type BaselineKind } from '../../src/algos/baselines';
import { defaultConfig, type EstimatorKind, type RunEnvId } from '../../src/algos/config';
import type { OptimizerKind } from '../../src/algos/optimizers';
import { banditModel, PathwiseTrainer } from '../../src/algos/pathwise';
import { GaussianPolicy } from '../../src/algos/policies/Gaussian';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { createRun } from '../../src/algos/run';
import { DIVERGED, EPISODE_END, UPDATED, type TrainerSettings } from '../../src/algos/trainer';

const cases: [RunEnvId, EstimatorKind][] = [
  ['continuous-bandit', 'score'],
  ['continuous-bandit', 'pathwise'],
  ['point-mass', 'score'],
  ['point-mass', 'pathwise'],
];

describe('learning rate 1e300', () => {
  for (const [env, estimator] of cases)
    it(`${env}, ${estimator}: DIVERGED, error set, last finite θ restored`, () => {
      const run = createRun({ ...defaultConfig(env), estimator, lr: 1e300, seed: 4 });
      const t = run.trainer;
      let flags = 0;
      let before = Float64Array.from(t.theta);
      let steps = 0;
      for (; steps < 10000; steps++) {
        before = Float64Array.from(t.theta);
        flags = t.step();
        if (flags & DIVERGED) break;
        expect(t.error).toBeNull();
      }
      expect(flags).toBe(EPISODE_END | UPDATED | DIVERGED);
      expect(allFinite(t.theta)).toBe(true);
      expect(Array.from(t.theta)).toEqual(Array.from(before));
      // θ had really been blown up by the earlier update(s) (so the restore is of a huge but finite θ).
      expect(Math.max(...Array.from(t.theta, Math.abs))).toBeGreaterThan(1e100);
      expect(t.error).toMatch(/non-finite (parameters|gradient)/);
      expect(t.error).toContain(`update ${t.stats.updates}`);
      expect(t.error!.includes('\n')).toBe(false);
      t.reset();
      expect(t.error).toBeNull();
      expect(t.stats.updates).toBe(0);
    });

  it('a tabular softmax saturates instead: θ stays finite, no error (the score of a deterministic policy is 0)', () => {
    const run = createRun({ ...defaultConfig('bandit'), lr: 1e300, seed: 4 });
    for (let s = 0; s < 2000; s++) expect(run.trainer.step() & DIVERGED).toBe(0);
    expect(allFinite(run.trainer.theta)).toBe(true);
    expect(run.trainer.error).toBeNull();
  });
});

describe('after a divergence, the trainer can go on once the cause is gone', () => {
  // A user-typed reward such as sqrt(a) is NaN for a < 0 (as compiled by src/expr): the first update that
  // sees it produces non-finite θ, which is restored. Then the reward is fixed (setReward), as a user would,
  // and training continues without a reset. "The last finite parameters were restored" should mean the run is
  // usable again: θ, the optimizer's moments and the baselines' statistics must all be finite.
  const sqrtReward: ScalarFunction = {
    f: (a) => Math.sqrt(a),
    df: (a) => 0.5 / Math.sqrt(a),
    source: 'sqrt(a)',
  };

  /** Runs until the first DIVERGED, fixes the reward, runs 200 more steps; returns what went wrong, if anything. */
  function scenario(
    estimator: EstimatorKind,
    baseline: BaselineKind,
    optimizer: OptimizerKind,
    checkBaselineState = true,
  ): string | null {
    const env = new ContinuousBandit({ reward: sqrtReward });
    const s: TrainerSettings = { lr: 0.01, baselineLr: 0.1, gamma: 1, batch: 2, baseline, optimizer };
    const t =
      estimator === 'pathwise'
        ? new PathwiseTrainer(
            env,
            banditModel(() => env.reward),
            new GaussianPolicy(0, 1),
            s,
            1,
          )
        : new ReinforceTrainer(env, new GaussianPolicy(0, 1), s, 1, 1);
    let steps = 0;
    while (!(t.step() & DIVERGED)) if (++steps > 100) return 'never diverged';
    if (!allFinite(t.theta)) return 'θ not restored';
    if (checkBaselineState && t instanceof ReinforceTrainer) {
      const b = t.baselines;
      const state = [b.average, b.ema, ...b.value, ...b.optNum, ...b.optDen];
      if (!allFinite(state))
        return `baseline statistics not finite after the divergence: ${state.join(', ')}`;
    }
    env.setReward(quadraticReward);
    let diverged = 0;
    for (let i = 0; i < 200; i++) if (t.step() & DIVERGED) diverged++;
    if (diverged > 0)
      return `${diverged} of 100 later updates diverged again (θ stuck at ${Array.from(t.theta)})`;
    if (!(t.theta[0] > 0.5)) return `θ did not move toward μ = 2: ${Array.from(t.theta)}`;
    return null;
  }

  it('control: SGD with no baseline, with leave-one-out, and pathwise SGD recover (no history to poison)', () => {
    expect(scenario('score', 'none', 'sgd', false)).toBeNull();
    expect(scenario('score', 'loo', 'sgd', false)).toBeNull();
    expect(scenario('pathwise', 'none', 'sgd', false)).toBeNull();
  });

  it('the baselines’ running statistics do not learn from the non-finite batch, so every kind recovers (SGD)', () => {
    // The statistics of average, ema and learned are updated after every batch whatever kind is active (so the
    // user can switch mid-run), hence they must stay finite under `none` too.
    const failures: string[] = [];
    for (const baseline of baselineKinds) {
      const why = scenario('score', baseline, 'sgd');
      if (why) failures.push(`${baseline}: ${why}`);
    }
    expect(failures).toEqual([]);
  });

  it('Adam’s moment estimates stay finite, so Adam runs recover too (score and pathwise)', () => {
    const failures: string[] = [];
    for (const [estimator, baseline] of [
      ['score', 'none'],
      ['score', 'loo'],
      ['pathwise', 'none'],
    ] as const) {
      const why = scenario(estimator, baseline, 'adam', false); // isolate the optimizer from the baselines
      if (why) failures.push(`${estimator}/${baseline}: ${why}`);
    }
    expect(failures).toEqual([]);
  });
});
