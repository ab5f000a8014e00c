// Optimizers: SGD is θ ← θ + αg; Adam equals a line-by-line reference of Kingma & Ba (2015) Algorithm 1
// (ascent), its first step is α·sign(g), reset() forgets the moments; the trainer swaps optimizers live.
import { describe, expect, it } from 'vitest';
import { make } from '../../envs/index';
import { Rng } from '../../src/core/random';
import { Adam, Sgd, createOptimizer, optimizerKinds } from '../../src/algos/optimizers';
import { TabularSoftmax } from '../../src/algos/policies/TabularSoftmax';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { UPDATED } from '../../src/algos/trainer';

/** Reference Adam (ascent) on plain arrays. */
function referenceAdam(
  theta: number[],
  grads: number[][],
  lr: number,
  b1 = 0.9,
  b2 = 0.999,
  eps = 1e-8,
): number[] {
  const th = theta.slice();
  const m = th.map(() => 0);
  const v = th.map(() => 0);
  grads.forEach((g, k) => {
    const t = k + 1;
    for (let i = 0; i < th.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      const mHat = m[i] / (1 - b1 ** t);
      const vHat = v[i] / (1 - b2 ** t);
      th[i] += (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  });
  return th;
}

describe('optimizers', () => {
  it('SGD: θ ← θ + α g, g untouched', () => {
    const theta = Float64Array.of(1, -2, 0.5);
    const g = Float64Array.of(0.5, 1, -4);
    new Sgd().ascend(theta, g, 0.1);
    expect(Array.from(theta)).toEqual([1 + 0.05, -2 + 0.1, 0.5 - 0.4]);
    expect(Array.from(g)).toEqual([0.5, 1, -4]);
  });

  it('Adam equals the reference over 60 random steps; the first step is α·sign(g)', () => {
    const rng = new Rng(8);
    const theta0 = [0.3, -1, 2, 0];
    const grads = Array.from({ length: 60 }, () => theta0.map(() => 3 * rng.normal()));
    const adam = new Adam(4);
    const theta = Float64Array.from(theta0);
    for (const g of grads) adam.ascend(theta, Float64Array.from(g), 0.01);
    const ref = referenceAdam(theta0, grads, 0.01);
    for (let i = 0; i < 4; i++) expect(theta[i]).toBeCloseTo(ref[i], 12);

    const first = new Adam(3);
    const t = Float64Array.of(0, 0, 0);
    first.ascend(t, Float64Array.of(5, -0.001, 0), 0.1);
    expect(t[0]).toBeCloseTo(0.1, 6);
    expect(t[1]).toBeCloseTo(-0.1, 4);
    expect(t[2]).toBe(0);
  });

  it('Adam.reset() forgets the moments and the step count', () => {
    const adam = new Adam(2);
    const a = Float64Array.of(0, 0);
    adam.ascend(a, Float64Array.of(1, 2), 0.1);
    adam.ascend(a, Float64Array.of(-3, 0.5), 0.1);
    adam.reset();
    const b = Float64Array.of(0, 0);
    adam.ascend(b, Float64Array.of(7, -7), 0.5);
    expect(b[0]).toBeCloseTo(0.5, 6);
    expect(b[1]).toBeCloseTo(-0.5, 6);
  });

  it('createOptimizer builds each kind', () => {
    expect(optimizerKinds).toEqual(['sgd', 'adam']);
    expect(createOptimizer('sgd', 3)).toBeInstanceOf(Sgd);
    expect(createOptimizer('adam', 3)).toBeInstanceOf(Adam);
    for (const k of optimizerKinds) expect(createOptimizer(k, 2).kind).toBe(k);
  });

  it('the trainer picks up settings.optimizer at the next update: Δθ = α g (SGD), then α·sign(g) (fresh Adam)', () => {
    const bandit = make('bandit', { means: [0, 1, 2], rewardSd: 1 });
    const policy = new TabularSoftmax(1, 3);
    const trainer = new ReinforceTrainer(
      bandit,
      policy,
      { lr: 0.05, baselineLr: 0.1, gamma: 1, batch: 1, baseline: 'none', optimizer: 'sgd' },
      4,
      1,
    );
    trainer.recordExplain = true;
    const ex = trainer.explain;
    expect(trainer.step() & UPDATED).toBe(UPDATED);
    for (let i = 0; i < 3; i++) expect(ex.delta[i]).toBeCloseTo(0.05 * ex.grad[i], 15);
    trainer.settings.optimizer = 'adam';
    trainer.step();
    for (let i = 0; i < 3; i++) expect(ex.delta[i]).toBeCloseTo(0.05 * Math.sign(ex.grad[i]), 6);
    trainer.settings.optimizer = 'sgd';
    trainer.step();
    for (let i = 0; i < 3; i++) expect(ex.delta[i]).toBeCloseTo(0.05 * ex.grad[i], 15);
  });
});
