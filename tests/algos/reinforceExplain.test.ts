// "Explain this update": the numbers the trainer records equal the gradient-bandit arithmetic done by hand,
// H(a) ← H(a) + α (R − b)(1{a = A} − π(a)) (S&B §2.8), for a running-average and a leave-one-out baseline.
import { describe, expect, it } from 'vitest';
import { make } from '../../envs/index';
import { softmaxInto } from '../../src/core/math';
import { TabularSoftmax } from '../../src/algos/policies/TabularSoftmax';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { EPISODE_END, UPDATED, type TrainerSettings } from '../../src/algos/trainer';
import type { BaselineKind } from '../../src/algos/baselines';

function banditTrainer(kind: BaselineKind, batch: number): ReinforceTrainer<number, number> {
  const s: TrainerSettings = { lr: 0.2, baselineLr: 0.1, gamma: 1, batch, baseline: kind, optimizer: 'sgd' };
  const policy = new TabularSoftmax(1, 3);
  policy.theta.set([0.1, -0.3, 0.4]);
  return new ReinforceTrainer(make('bandit', { means: [1, 2, 3], rewardSd: 1 }), policy, s, 6, 1);
}

describe('UpdateExplanation', () => {
  it('average baseline, N = 1: G, b = R̄ before the update, score e_A − π, g = (G − b)·score, Δθ = α g', () => {
    const t = banditTrainer('average', 1);
    t.recordExplain = true;
    const ex = t.explain;
    expect(ex.row).toBe(-1);
    for (let u = 0; u < 5; u++) {
      const before = Float64Array.from(t.theta);
      const rBar = t.baselines.average;
      expect(t.step() & UPDATED).toBe(UPDATED);
      const pi = softmaxInto(new Float64Array(3), before, 0, 3, 0);
      const a = t.stats.lastAction;
      expect(ex.row).toBe(0);
      expect(ex.action).toBe(a);
      expect(ex.ret).toBe(t.stats.lastReturn);
      expect(ex.baseline).toBe(rBar);
      expect(ex.advantage).toBe(ex.ret - rBar);
      expect([ex.kind, ex.batchSize, ex.discount]).toEqual(['average', 1, 1]);
      expect(Array.from(ex.thetaBefore)).toEqual(Array.from(before));
      for (let i = 0; i < 3; i++) {
        const score = (i === a ? 1 : 0) - pi[i];
        expect(ex.score[i]).toBeCloseTo(score, 14);
        expect(ex.grad[i]).toBeCloseTo((ex.ret - rBar) * score, 13);
        expect(ex.delta[i]).toBeCloseTo(0.2 * ex.grad[i], 14);
        expect(t.theta[i]).toBeCloseTo(before[i] + ex.delta[i], 14);
      }
      // R̄ is updated after the update, from the returns of that batch.
      expect(t.baselines.average).toBeCloseTo(rBar + (ex.ret - rBar) / (u + 1), 13);
    }
    t.reset();
    expect(ex.row).toBe(-1);
    expect(Array.from(ex.delta)).toEqual([0, 0, 0]);
  });

  it('leave-one-out, N = 3: the last episode’s baseline is the mean return of the other two', () => {
    const t = banditTrainer('loo', 3);
    t.recordExplain = true;
    const returns: number[] = [];
    for (;;) {
      const flags = t.step();
      if (flags & UPDATED) break;
      if (flags & EPISODE_END) returns.push(t.stats.lastReturn);
    }
    returns.push(t.stats.lastReturn);
    expect(returns.length).toBe(3);
    const ex = t.explain;
    expect(ex.row).toBe(2);
    expect(ex.batchSize).toBe(3);
    expect(ex.ret).toBe(returns[2]);
    expect(ex.baseline).toBeCloseTo((returns[0] + returns[1]) / 2, 14);
  });

  it('records nothing unless recordExplain is on', () => {
    const t = banditTrainer('average', 1);
    for (let u = 0; u < 3; u++) t.step();
    expect(t.explain.row).toBe(-1);
    expect(Array.from(t.explain.grad)).toEqual([0, 0, 0]);
  });
});
