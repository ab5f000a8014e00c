import { describe, expect, it } from 'vitest';
import type { DifferentiableEnv, Env, TabularEnv } from '../../src/core/env';
import { checkEnv } from '../../src/core/checkEnv';
import { EnvError, type EnvId, envIds, envInfo, isEnvId, make, registry } from '../../envs/index';

/** The true model state of a made env, for the checker's empirical model test (only the corridor aliases). */
function stateOf(id: EnvId): ((env: Env) => number) | undefined {
  return id === 'short-corridor'
    ? (env) => (env as ReturnType<typeof make<'short-corridor'>>).unwrapped.state
    : undefined;
}

describe('registry', () => {
  it('has one entry per id, in order, with consistent flags', () => {
    expect(registry.map((e) => e.id)).toEqual([...envIds]);
    for (const info of registry) {
      const env = make(info.id);
      expect(env.id).toBe(info.id);
      expect(env.actionSpace.kind === 'discrete').toBe(info.discreteActions);
      const model = (env as { model?: { offsets?: unknown } }).model;
      expect(model !== undefined && model.offsets !== undefined).toBe(info.tabular);
      for (const key of Object.keys(info.defaults)) expect(Object.keys(info.options)).toContain(key);
    }
  });

  it.each(envIds)('checkEnv passes for %s with default options', (id) => {
    expect(checkEnv(() => make(id), { stateOf: stateOf(id) })).toEqual([]);
  });

  it.each([
    ['bandit', { bernoulli: true, arms: 3 }],
    ['bandit', { means: [0.5, -1, 2], rewardSd: 0 }],
    ['gridworld', { map: 'bridge', slip: 0.3, timeLimit: 20 }],
    ['gridworld', { map: 'cliff', slip: 0.1 }],
    ['gridworld', { map: 'fourRooms', slip: 0.5, timeLimit: 50 }],
    ['short-corridor', { timeLimit: 5 }],
    ['continuous-bandit', { low: -1, high: 3 }],
    ['point-mass', { horizon: 7, startSpread: 0, goal: [-1, 4] }],
  ] as const)('checkEnv passes for %s %j', (id, options) => {
    expect(checkEnv(() => make(id, options as never), { stateOf: stateOf(id), seed: 3 })).toEqual([]);
  });

  it.each(envIds)('%s: the same seed reproduces a trajectory; another seed may differ', (id) => {
    const run = (seed: number): number[] => {
      const env = make(id) as Env;
      const out: number[] = [];
      let o = env.reset(seed);
      const action =
        env.actionSpace.kind === 'discrete' ? 0 : new Float64Array(env.actionSpace.dim).fill(0.3);
      for (let t = 0; t < 60; t++) {
        out.push(typeof o === 'number' ? o : o[0]);
        const r = env.step((env.actionSpace.kind === 'discrete' ? t % env.actionSpace.n : action) as never);
        out.push(r.reward);
        o = r.terminated || r.truncated ? env.reset() : r.obs;
      }
      return out;
    };
    expect(run(11)).toEqual(run(11));
  });

  it('make() results are typed: tabular ids give TabularEnvs, point-mass a DifferentiableEnv', () => {
    const tabular: TabularEnv[] = [make('bandit'), make('gridworld'), make('short-corridor')];
    const diff: DifferentiableEnv = make('point-mass');
    expect(tabular.map((e) => e.timeLimit)).toEqual([Infinity, 100, 1000]);
    expect(make('gridworld', { timeLimit: 7 }).timeLimit).toBe(7);
    expect(make('gridworld', { map: 'cliff' }).unwrapped.width).toBe(12);
    expect(make('bandit').unwrapped.optimalArm).toBeGreaterThanOrEqual(0);
    expect(diff.model.horizon).toBe(50);
  });

  it('forwards the same model object through the wrapper', () => {
    const env = make('gridworld');
    expect(env.model).toBe(env.unwrapped.model);
    expect(env.inner).toBe(env.unwrapped);
  });
});

describe('make() errors', () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const msg = (e as Error).message;
      expect(msg).not.toContain('\n');
      return msg;
    }
    throw new Error('expected an EnvError');
  };

  it('names the unknown id and lists the choices', () => {
    expect(message(() => make('foo'))).toBe(
      'unknown environment "foo" (choose one of: bandit, gridworld, short-corridor, continuous-bandit, point-mass)',
    );
    expect(isEnvId('foo')).toBe(false);
    expect(isEnvId('bandit')).toBe(true);
    expect(() => envInfo('nope')).toThrow(EnvError);
  });

  it.each([
    ['bandit', { arms: -3 }, 'arms'],
    ['bandit', { arms: 2.5 }, 'arms'],
    ['bandit', { rewardSd: -1 }, 'rewardSd'],
    ['bandit', { armSd: Number.NaN }, 'armSd'],
    ['bandit', { bernoulli: true, means: [0.2, 1.5] }, 'means[1]'],
    ['bandit', { means: [1, 2], arms: 3 }, 'means'],
    ['bandit', { bernoulli: 'yes' }, 'bernoulli'],
    ['bandit', { armz: 3 }, 'armz'],
    ['gridworld', { slip: 1.5 }, 'slip'],
    ['gridworld', { slip: -0.1 }, 'slip'],
    ['gridworld', { map: 'S.#/..Q' }, "unknown character 'Q' at row 2, column 3"],
    ['gridworld', { map: 'clif' }, 'unknown map "clif"'],
    ['gridworld', { map: 42 }, 'map'],
    ['gridworld', { timeLimit: 0 }, 'timeLimit'],
    ['gridworld', { timeLimit: 2.5 }, 'timeLimit'],
    ['short-corridor', { timeLimit: -1 }, 'timeLimit'],
    ['short-corridor', { slip: 0.1 }, 'slip'],
    ['continuous-bandit', { low: 5, high: 1 }, 'low'],
    ['continuous-bandit', { reward: 'a^2' }, 'reward'],
    ['point-mass', { horizon: 2.5 }, 'horizon'],
    ['point-mass', { horizon: 0 }, 'horizon'],
    ['point-mass', { dt: 0 }, 'dt'],
    ['point-mass', { goal: [1] }, 'goal'],
    ['point-mass', { drag: 20, dt: 0.1 }, 'drag'],
  ])('%s %j -> one-line EnvError naming %s', (id, options, name) => {
    const msg = message(() => make(id, options as Record<string, unknown>));
    expect(msg).toContain(name);
    expect(msg.startsWith(`${id}: `)).toBe(true);
  });
});
