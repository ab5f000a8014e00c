/**
 * Continuous-action bandit: one state, a real action a, a deterministic reward r(a). The smallest setting in
 * which the score-function (REINFORCE) and pathwise (reparameterisation) estimators of ∇θ E_{a~πθ}[r(a)] can be
 * compared (Mohamed, Rosca, Figurnov & Mnih 2020, "Monte Carlo Gradient Estimation in Machine Learning"; the
 * bandit framing is Sutton & Barto, 2nd ed., §13.7 "Policy parameterization for continuous actions").
 *
 * Description: a one-step problem; the reward is any function with a derivative (`ScalarFunction`), usually
 * compiled from a mathjs expression by src/expr/ (see presets.ts), swappable live with `setReward`.
 * Actions: Box(1) with advisory bounds [low, high]. Actions are NOT clipped: the reward is evaluated at the
 * action as given, so that r′(a) is the true derivative the pathwise estimator needs; the bounds only tell
 * plots and random-action samplers where to look.
 * Observations: Discrete(1), always 0.
 * Start: the single state 0.
 * Rewards: r(a); by default the smooth quadratic r(a) = −(a − 2)², maximised at a = 2.
 * Episode end: every step terminates (an episode is one action); step() may be called again without reset().
 * Options: see {@link ContinuousBanditOptions}.
 */
import type { BoxSpace, DiscreteSpace, Env, ScalarFunction, StepResult } from '../../src/core/env';
import { EnvError, actionError, numberOption } from '../EnvError';

/** Options of {@link ContinuousBandit}. */
export interface ContinuousBanditOptions {
  /** Reward r(a) with its derivative; default {@link quadraticReward}. */
  reward?: ScalarFunction;
  /** Advisory lower bound of the action (not enforced). */
  low?: number;
  /** Advisory upper bound of the action (not enforced). */
  high?: number;
}

/** Default option values of {@link ContinuousBandit} (the reward default is {@link quadraticReward}). */
export const continuousBanditDefaults = { low: -10, high: 10 } as const;

/** r(a) = −(a − 2)², r′(a) = −2(a − 2): the default reward, in plain JS (no expression compiler needed). */
export const quadraticReward: ScalarFunction = {
  f: (a) => -(a - 2) * (a - 2),
  df: (a) => -2 * (a - 2),
  source: '-(a - 2)^2',
};

/** Throws an {@link EnvError} unless `fn` looks like a {@link ScalarFunction}. */
function checkReward(fn: unknown): ScalarFunction {
  const r = fn as Partial<ScalarFunction> | null;
  if (!r || typeof r.f !== 'function' || typeof r.df !== 'function' || typeof r.source !== 'string') {
    throw new EnvError('continuous-bandit: reward must be a compiled function { f, df, source }');
  }
  return r as ScalarFunction;
}

/** The continuous-action bandit. */
export class ContinuousBandit implements Env<number, Float64Array> {
  /** Registry id. */
  readonly id = 'continuous-bandit';
  /** Discrete(1): the only observation is 0. */
  readonly observationSpace: DiscreteSpace = { kind: 'discrete', n: 1 };
  /** Box(1) with advisory bounds [low, high] (not enforced). */
  readonly actionSpace: BoxSpace;
  /** No time limit: episodes are one step long. */
  readonly timeLimit = Infinity;
  /** Current reward function; replace it with {@link setReward}. */
  reward: ScalarFunction;
  private readonly result: StepResult<number> = { obs: 0, reward: 0, terminated: true, truncated: false };

  /** Builds the bandit; throws an {@link EnvError} naming a bad option. */
  constructor(options: ContinuousBanditOptions = {}) {
    const low = numberOption('continuous-bandit', 'low', options.low, continuousBanditDefaults.low);
    const high = numberOption('continuous-bandit', 'high', options.high, continuousBanditDefaults.high);
    if (!(low < high))
      throw new EnvError(`continuous-bandit: low must be below high, got low ${low}, high ${high}`);
    this.actionSpace = { kind: 'box', dim: 1, low: [low], high: [high] };
    this.reward = checkReward(options.reward ?? quadraticReward);
  }

  /** The env itself (uniform with wrapped envs' `unwrapped`). */
  get unwrapped(): this {
    return this;
  }

  /** Swaps the reward function live (takes effect on the next step). */
  setReward(fn: ScalarFunction): void {
    this.reward = checkReward(fn);
  }

  /** Returns the observation 0. The env is deterministic, so the seed changes nothing. */
  reset(_seed?: number): number {
    return 0;
  }

  /** Pays r(a[0]) (unclipped); the result is owned by the env, reused, and always terminated. */
  step(action: Float64Array): StepResult<number> {
    const a = action[0];
    if (a - a !== 0) throw actionError('continuous-bandit', 'a finite number', a);
    this.result.reward = this.reward.f(a);
    return this.result;
  }
}
