import { describe, expect, it } from 'vitest';
import { Bandit } from '../../envs/bandit/Bandit';
import { EnvError } from '../../envs/EnvError';
import { Gridworld } from '../../envs/gridworld/Gridworld';
import { PointMass } from '../../envs/pointmass/PointMass';
import { TimeLimit } from '../../envs/wrappers/TimeLimit';
import type { TabularEnv } from '../../src/core/env';

describe('TimeLimit', () => {
  it('truncates the step that reaches the limit, counts from reset, and leaves the inner result untouched', () => {
    const inner = new Gridworld({ map: 'S...G' });
    const env = new TimeLimit(inner, 3);
    for (let episode = 0; episode < 2; episode++) {
      env.reset(episode);
      const flags = [0, 1, 2].map(() => env.step(3).truncated);
      expect(flags).toEqual([false, false, true]);
      expect(env.elapsedSteps).toBe(3);
      expect(inner.step(3).truncated).toBe(false);
    }
  });

  it('forwards id, spaces, model and unwrapped, and nests (the smaller limit wins)', () => {
    const inner = new Gridworld();
    const env = new TimeLimit(inner, 10);
    const tabular: TabularEnv = env;
    expect(tabular.model).toBe(inner.model);
    expect([env.id, env.observationSpace, env.actionSpace]).toEqual([
      inner.id,
      inner.observationSpace,
      inner.actionSpace,
    ]);
    expect(env.unwrapped).toBe(inner);
    const nested = new TimeLimit(env, 20);
    expect(nested.timeLimit).toBe(10);
    expect(nested.unwrapped).toBe(inner);
    expect(nested.inner).toBe(env);
    expect(new TimeLimit(env, 4).timeLimit).toBe(4);
    expect(new TimeLimit(new Bandit(), Infinity).timeLimit).toBe(Infinity);
  });

  it('keeps an inner truncation (point mass horizon) and wraps vector envs', () => {
    const env = new TimeLimit(new PointMass({ horizon: 2 }), 5);
    env.reset(0);
    const a = new Float64Array(2);
    expect(env.step(a).truncated).toBe(false);
    expect(env.step(a).truncated).toBe(true);
    expect(env.timeLimit).toBe(2);
  });

  it('rejects bad limits with an EnvError naming the env', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => new TimeLimit(new Gridworld(), bad)).toThrow(EnvError);
    }
    expect(() => new TimeLimit(new Gridworld(), 0)).toThrow(/^gridworld: timeLimit/);
  });
});
