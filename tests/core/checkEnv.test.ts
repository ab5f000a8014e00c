import { describe, expect, it } from 'vitest';
import { checkEnv } from '../../src/core/checkEnv';
import type {
  DifferentiableModel,
  DiscreteSpace,
  StepResult,
  TabularEnv,
  TabularModel,
} from '../../src/core/env';
import { Rng, Stream } from '../../src/core/random';
import { PointMass, PointMassModel } from '../../envs/pointmass/PointMass';

/**
 * A small correct tabular env (a 3-state chain: action 1 moves right with prob 0.8, else stays; reaching the
 * end terminates with reward 1), with switches that break exactly one property each.
 */
interface Faults {
  obsOutOfRange?: boolean;
  nanReward?: boolean;
  bothFlags?: boolean;
  newResult?: boolean;
  ignoresSeed?: boolean;
  badProb?: boolean;
  modelWrongProb?: boolean;
  modelWrongReward?: boolean;
  ignoresTimeLimit?: boolean;
}

let globalCounter = 0;

class Chain implements TabularEnv {
  readonly id = 'chain';
  readonly observationSpace: DiscreteSpace = { kind: 'discrete', n: 3 };
  readonly actionSpace: DiscreteSpace = { kind: 'discrete', n: 2 };
  readonly model: TabularModel;
  readonly timeLimit: number;
  private s = 0;
  private t = 0;
  private readonly rng = new Rng(0, Stream.env);
  private result: StepResult<number> = { obs: 0, reward: 0, terminated: false, truncated: false };

  constructor(private readonly f: Faults = {}) {
    this.timeLimit = f.ignoresTimeLimit ? 3 : 50;
    const pMove = f.modelWrongProb ? 0.6 : 0.8;
    // (s, a) outcomes: a = 0 stays; a = 1 moves right w.p. 0.8 (from state 2 "right" terminates).
    const next: number[] = [];
    const prob: number[] = [];
    const reward: number[] = [];
    const terminal: number[] = [];
    const offsets = [0];
    for (let s = 0; s < 3; s++) {
      const add = (n: number, p: number, r: number, t: number): void => {
        next.push(n);
        prob.push(p);
        reward.push(r);
        terminal.push(t);
      };
      add(s, f.badProb && s === 1 ? 0.9 : 1, 0, 0);
      offsets.push(next.length);
      add(s, 1 - pMove, 0, 0);
      add(s === 2 ? 0 : s + 1, pMove, s === 2 ? (f.modelWrongReward ? 2 : 1) : 0, s === 2 ? 1 : 0);
      offsets.push(next.length);
    }
    this.model = {
      nStates: 3,
      nActions: 2,
      obsOf: Int32Array.from([0, 1, 2]),
      nObs: 3,
      start: Float64Array.from([1, 0, 0]),
      offsets: Int32Array.from(offsets),
      next: Int32Array.from(next),
      prob: Float64Array.from(prob),
      reward: Float64Array.from(reward),
      terminal: Uint8Array.from(terminal),
    };
  }

  reset(seed?: number): number {
    if (this.f.ignoresSeed) this.rng.seed(globalCounter++, Stream.env);
    else if (seed !== undefined) this.rng.seed(seed, Stream.env);
    this.s = 0;
    this.t = 0;
    return 0;
  }

  step(action: number): StepResult<number> {
    if (this.f.newResult) this.result = { obs: 0, reward: 0, terminated: false, truncated: false };
    const r = this.result;
    r.reward = 0;
    r.terminated = false;
    if (action === 1 && this.rng.uniform() < 0.8) {
      if (this.s === 2) {
        r.terminated = true;
        r.reward = 1;
      } else this.s++;
    }
    this.t++;
    r.truncated = !r.terminated && this.t >= this.timeLimit && !this.f.ignoresTimeLimit;
    if (this.f.bothFlags && r.terminated) r.truncated = true;
    if (this.f.nanReward && this.t === 5) r.reward = Number.NaN;
    r.obs = this.f.obsOutOfRange && this.s === 2 ? 3 : this.s;
    return r;
  }
}

describe('checkEnv', () => {
  it('accepts a correct env', () => {
    expect(checkEnv(() => new Chain())).toEqual([]);
  });

  it.each([
    ['obsOutOfRange', 'observation 3 is not an integer in [0, 2]'],
    ['nanReward', 'reward NaN is not finite'],
    ['bothFlags', 'terminated and truncated are both true'],
    ['newResult', 'new result object'],
    ['ignoresSeed', 'diverge'],
    ['badProb', 'state 1, action 0: probabilities sum to 0.9'],
    ['modelWrongProb', 'model disagrees with env'],
    ['modelWrongReward', 'mean reward 1'],
    ['ignoresTimeLimit', 'reached timeLimit but is not truncated'],
  ] as const)('reports %s', (fault, text) => {
    const problems = checkEnv(() => new Chain({ [fault]: true }));
    expect(problems.join('\n')).toContain(text);
  });

  it('reports an env whose step throws instead of crashing', () => {
    const env = new Chain();
    env.step = () => {
      throw new Error('boom');
    };
    expect(checkEnv(() => env)).toEqual(['threw: boom']);
  });

  it('reports malformed spaces', () => {
    const make = (): Chain => Object.assign(new Chain(), { actionSpace: { kind: 'discrete', n: 0 } });
    expect(checkEnv(make)[0]).toContain('actionSpace');
  });

  it('accepts the point mass and catches a wrong backprop and a wrong transition', () => {
    expect(checkEnv(() => new PointMass({ horizon: 40 }))).toEqual([]);
    const wrong = (patch: (m: DifferentiableModel) => void): string[] =>
      checkEnv(() => {
        const env = new PointMass({ horizon: 40 });
        patch(env.model);
        return env;
      });
    // backprop that forgets the reward term
    expect(
      wrong((m) => {
        const orig = PointMassModel.prototype.backprop;
        m.backprop = (s, a, g, _w, gS, gA) => orig.call(m, s, a, g, 0, gS, gA);
      }).join('\n'),
    ).toContain('finite differences');
    // backprop that overwrites instead of adding
    expect(
      wrong((m) => {
        const orig = PointMassModel.prototype.backprop;
        m.backprop = (s, a, g, w, gS, gA) => {
          gS.fill(0);
          orig.call(m, s, a, g, w, gS, gA);
        };
      }).join('\n'),
    ).toContain('must add into gS');
    // env whose reward differs from its model's
    const offByOne = (): PointMass => {
      const env = new PointMass({ horizon: 40 });
      const step = env.step.bind(env);
      env.step = (a) => {
        const r = step(a);
        r.reward += 1;
        return r;
      };
      return env;
    };
    expect(checkEnv(offByOne).join('\n')).toContain('env reward');
  });
});
