import { describe, expect, it } from 'vitest';
import { ContinuousBandit, quadraticReward } from '../../envs/continuous/ContinuousBandit';
import { findRewardPreset, rewardPresets } from '../../envs/continuous/presets';
import type { ScalarFunction } from '../../src/core/env';

describe('ContinuousBandit', () => {
  it('pays −(a − 2)² by default, one step per episode, obs 0, action box [−10, 10]', () => {
    const env = new ContinuousBandit();
    expect(env.reset(0)).toBe(0);
    expect(env.actionSpace).toEqual({ kind: 'box', dim: 1, low: [-10], high: [10] });
    const a = new Float64Array(1);
    for (const x of [-3, 0, 2, 2.5, 7]) {
      a[0] = x;
      const r = env.step(a);
      expect([r.obs, r.reward, r.terminated, r.truncated]).toEqual([0, -((x - 2) ** 2), true, false]);
    }
  });

  it('does not clip actions outside the advisory box', () => {
    const env = new ContinuousBandit({ low: -1, high: 1 });
    expect(env.step(Float64Array.of(100)).reward).toBe(-(98 ** 2));
  });

  it('the default reward derivative matches finite differences', () => {
    for (const x of [-5, -0.3, 1.99, 2, 4.2]) {
      const h = 1e-6;
      const num = (quadraticReward.f(x + h) - quadraticReward.f(x - h)) / (2 * h);
      expect(quadraticReward.df(x)).toBeCloseTo(num, 6);
    }
    expect(quadraticReward.source).toBe(rewardPresets[0].expr);
  });

  it('setReward swaps the reward live', () => {
    const env = new ContinuousBandit();
    const cos: ScalarFunction = {
      f: (a) => Math.cos(3 * a),
      df: (a) => -3 * Math.sin(3 * a),
      source: 'cos(3 * a)',
    };
    env.setReward(cos);
    expect(env.reward).toBe(cos);
    expect(env.step(Float64Array.of(0.4)).reward).toBe(Math.cos(3 * 0.4));
    expect(() => env.setReward({} as ScalarFunction)).toThrow(/reward/);
    expect(() => env.step(Float64Array.of(Number.NaN))).toThrow(/finite/);
  });

  it('lists the reward presets as mathjs strings in the variable a', () => {
    expect(rewardPresets.map((p) => p.id)).toEqual(['quadratic', 'bump', 'multimodal', 'cosine', 'step']);
    expect(new Set(rewardPresets.map((p) => p.id)).size).toBe(rewardPresets.length);
    for (const p of rewardPresets) expect(p.expr).toMatch(/\ba\b/);
    expect(findRewardPreset('step')?.expr).toBe('a > 1 ? 1 : 0');
    expect(findRewardPreset('nope')).toBeUndefined();
  });
});
