/**
 * k-armed bandit: Sutton & Barto, *Reinforcement Learning: An Introduction* (2nd ed., 2018), §2.1 and the
 * 10-armed testbed of §2.3 (Figure 2.1).
 *
 * Description: one state, k arms. Each arm a has a true value q*(a); pulling it pays a noisy reward with mean
 * q*(a). In the testbed the values are themselves drawn q*(a) ~ N(armMean, armSd²) from the layout seed, so
 * a fresh problem is a fresh layout seed (`newProblem`).
 * Actions: Discrete(k), the arm to pull.
 * Observations: Discrete(1), always 0 (there is nothing to observe).
 * Start: the single state 0.
 * Rewards: Gaussian N(q*(a), rewardSd²), or with `bernoulli` 1 with probability q*(a) and 0 otherwise (then the
 * q*(a) are drawn U(0, 1) unless given).
 * Episode end: every pull terminates (an episode is one pull); step() may be called again without reset(), each
 * pull being an independent episode. No time limit (`timeLimit = Infinity`).
 * Options: see {@link BanditOptions}.
 *
 * Randomness: layout draws use `new Rng(layoutSeed, Stream.envLayout)`, reward noise uses the env stream
 * (`Stream.env`, re-seeded by `reset(seed)`), so changing the reward noise never changes the problem.
 */
import type { DiscreteSpace, StepResult, TabularEnv, TabularModel } from '../../src/core/env';
import { argmax } from '../../src/core/math';
import { Rng, Stream } from '../../src/core/random';
import { EnvError, actionError, boolOption, intOption, numberOption } from '../EnvError';

/** Options of {@link Bandit}. */
export interface BanditOptions {
  /** Number of arms k (integer in [1, 1000]); defaults to `means.length` when means are given, else 10. */
  arms?: number;
  /** Mean of the Gaussian the q*(a) are drawn from (Gaussian rewards only). */
  armMean?: number;
  /** Standard deviation of the Gaussian the q*(a) are drawn from (≥ 0). */
  armSd?: number;
  /** Standard deviation of the Gaussian reward noise around q*(a) (≥ 0). */
  rewardSd?: number;
  /** Rewards are 0/1 with P(1) = q*(a); q*(a) drawn U(0, 1) unless `means` is given. */
  bernoulli?: boolean;
  /** Explicit q*(a), overriding the random draw (in [0, 1] when `bernoulli`). */
  means?: readonly number[];
  /** Seed of the q*(a) draw (stream `Stream.envLayout`). */
  layoutSeed?: number;
}

/** Default option values of {@link Bandit} (the S&B 10-armed testbed). */
export const banditDefaults = {
  arms: 10,
  armMean: 0,
  armSd: 1,
  rewardSd: 1,
  bernoulli: false,
  layoutSeed: 0,
} as const;

/** The k-armed bandit as a one-state {@link TabularEnv}. */
export class Bandit implements TabularEnv {
  /** Registry id. */
  readonly id = 'bandit';
  /** Discrete(1): the only observation is 0. */
  readonly observationSpace: DiscreteSpace = { kind: 'discrete', n: 1 };
  /** Discrete(k): the arm pulled. */
  readonly actionSpace: DiscreteSpace;
  /** Number of arms k. */
  readonly arms: number;
  /** Mean of the q*(a) draw. */
  readonly armMean: number;
  /** Standard deviation of the q*(a) draw. */
  readonly armSd: number;
  /** Reward noise standard deviation (Gaussian rewards). */
  readonly rewardSd: number;
  /** True for 0/1 rewards with P(1) = q*(a). */
  readonly bernoulli: boolean;
  /** True values q*(a), length k. Owned by the env; updated in place by {@link newProblem}. */
  readonly means: Float64Array;
  /**
   * One state, k actions, each outcome terminal with probability 1 and reward q*(a) (the mean reward: noise
   * averages out in expectation). `model.reward` is the same buffer as `means`, so it follows `newProblem`.
   */
  readonly model: TabularModel;
  /** No time limit: episodes are one pull long anyway. */
  readonly timeLimit = Infinity;
  private best = 0;
  private layout: number;
  private readonly rng = new Rng(0, Stream.env);
  private readonly layoutRng: Rng;
  private readonly result: StepResult<number> = { obs: 0, reward: 0, terminated: true, truncated: false };

  /** Builds the bandit; throws an {@link EnvError} naming a bad option. */
  constructor(options: BanditOptions = {}) {
    const means = options.means;
    if (means !== undefined && !Array.isArray(means)) {
      throw new EnvError(`bandit: means must be an array of numbers`);
    }
    const k = intOption('bandit', 'arms', options.arms, means ? means.length : banditDefaults.arms, 1, 1000);
    if (means && means.length !== k) {
      throw new EnvError(`bandit: means has ${means.length} entries but arms is ${k}`);
    }
    this.arms = k;
    this.armMean = numberOption('bandit', 'armMean', options.armMean, banditDefaults.armMean);
    this.armSd = numberOption('bandit', 'armSd', options.armSd, banditDefaults.armSd, 0);
    this.rewardSd = numberOption('bandit', 'rewardSd', options.rewardSd, banditDefaults.rewardSd, 0);
    this.bernoulli = boolOption('bandit', 'bernoulli', options.bernoulli, banditDefaults.bernoulli);
    this.layout = intOption(
      'bandit',
      'layoutSeed',
      options.layoutSeed,
      banditDefaults.layoutSeed,
      -(2 ** 31),
      2 ** 32 - 1,
    );
    this.actionSpace = { kind: 'discrete', n: k };
    this.means = new Float64Array(k);
    this.layoutRng = new Rng(this.layout, Stream.envLayout);

    if (means) {
      for (let a = 0; a < k; a++) {
        const q = means[a];
        const ok = typeof q === 'number' && Number.isFinite(q) && (!this.bernoulli || (q >= 0 && q <= 1));
        if (!ok) {
          const want = this.bernoulli ? 'a probability in [0, 1] (bernoulli)' : 'a finite number';
          throw new EnvError(`bandit: means[${a}] must be ${want}, got ${String(q)}`);
        }
        this.means[a] = q;
      }
      this.best = argmax(this.means);
    } else {
      this.newProblem(this.layout);
    }

    const offsets = new Int32Array(k + 1);
    for (let a = 0; a <= k; a++) offsets[a] = a;
    this.model = {
      nStates: 1,
      nActions: k,
      obsOf: new Int32Array(1),
      nObs: 1,
      start: new Float64Array([1]),
      offsets,
      next: new Int32Array(k),
      prob: new Float64Array(k).fill(1),
      reward: this.means,
      terminal: new Uint8Array(k).fill(1),
    };
  }

  /** Arm with the largest q*(a) (the first one on ties); updated by {@link newProblem}. */
  get optimalArm(): number {
    return this.best;
  }

  /** Layout seed of the current problem (ignored when explicit `means` were given). */
  get layoutSeed(): number {
    return this.layout;
  }

  /** The env itself (uniform with wrapped envs' `unwrapped`). */
  get unwrapped(): this {
    return this;
  }

  /**
   * Draws a fresh problem in place (no allocation): q*(a) ~ N(armMean, armSd²), or U(0, 1) when `bernoulli`,
   * from `new Rng(layoutSeed, Stream.envLayout)`. Replaces explicit `means` too. Updates `means`, the model's
   * rewards (same buffer) and `optimalArm`.
   */
  newProblem(layoutSeed: number): void {
    this.layout = layoutSeed;
    const rng = this.layoutRng;
    rng.seed(layoutSeed, Stream.envLayout);
    const k = this.arms;
    if (this.bernoulli) {
      for (let a = 0; a < k; a++) this.means[a] = rng.uniform();
    } else {
      for (let a = 0; a < k; a++) this.means[a] = this.armMean + this.armSd * rng.normal();
    }
    this.best = argmax(this.means);
  }

  /** Re-seeds the reward noise when a seed is given; returns the observation 0. */
  reset(seed?: number): number {
    if (seed !== undefined) this.rng.seed(seed, Stream.env);
    return 0;
  }

  /** Pulls arm `action`; the result (owned by the env, reused) always has `terminated = true`. */
  step(action: number): StepResult<number> {
    if (!(action >= 0 && action < this.arms && (action | 0) === action)) {
      throw actionError('bandit', `an integer in [0, ${this.arms - 1}]`, action);
    }
    const q = this.means[action];
    const r = this.result;
    r.reward = this.bernoulli ? (this.rng.uniform() < q ? 1 : 0) : q + this.rewardSd * this.rng.normal();
    return r;
  }
}
