/**
 * The environment registry, as data (Gymnasium's `gymnasium.make` / `registry`): ids, labels, capability flags
 * and defaults for menus, URLs and the CLI, and a typed `make(id, options)`.
 *
 * `make('gridworld')` and `make('short-corridor')` return the env wrapped in {@link TimeLimit} (option
 * `timeLimit`); the others return the env class itself. Every result has `unwrapped`, typed, for env-specific
 * extras (e.g. `make('gridworld').unwrapped.cells`, `make('bandit').unwrapped.newProblem(7)`).
 * Bad ids and options throw an {@link EnvError} with a one-line message naming the problem.
 */
import { Bandit, type BanditOptions, banditDefaults } from './bandit/Bandit';
import {
  ContinuousBandit,
  type ContinuousBanditOptions,
  continuousBanditDefaults,
} from './continuous/ContinuousBandit';
import { ShortCorridor } from './corridor/ShortCorridor';
import { EnvError, describeValue } from './EnvError';
import { Gridworld, type GridworldOptions, gridworldDefaults } from './gridworld/Gridworld';
import { PointMass, type PointMassOptions, pointMassDefaults } from './pointmass/PointMass';
import { TimeLimit, type TimeLimitOptions } from './wrappers/TimeLimit';

export { EnvError } from './EnvError';
export { Bandit, type BanditOptions } from './bandit/Bandit';
export { Gridworld, type GridworldOptions } from './gridworld/Gridworld';
export { ShortCorridor } from './corridor/ShortCorridor';
export {
  ContinuousBandit,
  type ContinuousBanditOptions,
  quadraticReward,
} from './continuous/ContinuousBandit';
export { PointMass, PointMassModel, type PointMassOptions } from './pointmass/PointMass';
export { TimeLimit, type TimeLimitOptions } from './wrappers/TimeLimit';
export {
  Cell,
  type CellKind,
  type GridMap,
  type ParseMapResult,
  formatMap,
  parseMap,
} from './gridworld/parseMap';
export { type GridPreset, gridPresets, findGridPreset } from './gridworld/presets';
export { type RewardPreset, rewardPresets, findRewardPreset } from './continuous/presets';

/** Registered environment ids, in menu order. */
export const envIds = ['bandit', 'gridworld', 'short-corridor', 'continuous-bandit', 'point-mass'] as const;

/** A registered environment id. */
export type EnvId = (typeof envIds)[number];

/** Options of `make('short-corridor')`. */
export type ShortCorridorOptions = TimeLimitOptions;
/** Options of `make('gridworld')`: the env's options plus the time limit. */
export type GridworldMakeOptions = GridworldOptions & TimeLimitOptions;

/** Options accepted by `make(id, options)`, per id. */
export interface EnvOptionsById {
  /** k-armed bandit. */
  bandit: BanditOptions;
  /** Gridworld (with time limit). */
  gridworld: GridworldMakeOptions;
  /** Short corridor (with time limit). */
  'short-corridor': ShortCorridorOptions;
  /** Continuous-action bandit. */
  'continuous-bandit': ContinuousBanditOptions;
  /** 2-D point mass. */
  'point-mass': PointMassOptions;
}

/** What `make(id)` returns, per id. */
export interface EnvById {
  /** Tabular; `unwrapped` is the bandit itself. */
  bandit: Bandit;
  /** Tabular; `unwrapped` is the Gridworld. */
  gridworld: TimeLimit<Gridworld>;
  /** Tabular; `unwrapped` is the ShortCorridor. */
  'short-corridor': TimeLimit<ShortCorridor>;
  /** One-step, real action. */
  'continuous-bandit': ContinuousBandit;
  /** Differentiable dynamics. */
  'point-mass': PointMass;
}

/** Any env `make()` can return. */
export type AnyEnv = EnvById[EnvId];

/** A registry entry: plain data describing one environment. */
export interface EnvInfo {
  /** Registry id. */
  readonly id: EnvId;
  /** Human-readable name. */
  readonly label: string;
  /** One-sentence description. */
  readonly description: string;
  /** True when actions are integers (Discrete), false for real vectors (Box). */
  readonly discreteActions: boolean;
  /** True when reward (and dynamics) are differentiable in the action, so the pathwise estimator applies. */
  readonly supportsPathwise: boolean;
  /** True when `make()` returns a `TabularEnv` (exact model available). */
  readonly tabular: boolean;
  /** Default option values (plain data; options without a default are omitted). */
  readonly defaults: Readonly<Record<string, number | boolean | string | readonly number[]>>;
  /** Every accepted option name with a one-line description (for help texts and unknown-option errors). */
  readonly options: Readonly<Record<string, string>>;
}

const timeLimitDoc = 'maximum steps per episode; the step reaching it is truncated';

/** All environments, in the order of {@link envIds}. */
export const registry: readonly EnvInfo[] = [
  {
    id: 'bandit',
    label: 'k-armed bandit',
    description:
      'The 10-armed testbed of Sutton & Barto §2.3: one state, k arms with Gaussian or 0/1 rewards.',
    discreteActions: true,
    supportsPathwise: false,
    tabular: true,
    defaults: banditDefaults,
    options: {
      arms: 'number of arms k',
      armMean: 'mean of the q*(a) draw',
      armSd: 'standard deviation of the q*(a) draw',
      rewardSd: 'standard deviation of the reward noise',
      bernoulli: '0/1 rewards with P(1) = q*(a), q*(a) ~ U(0, 1)',
      means: 'explicit q*(a), one per arm',
      layoutSeed: 'seed of the q*(a) draw',
    },
  },
  {
    id: 'gridworld',
    label: 'Gridworld',
    description: 'Navigate a text-map grid to a goal, avoiding pits; optional slippery moves.',
    discreteActions: true,
    supportsPathwise: false,
    tabular: true,
    defaults: { ...gridworldDefaults, timeLimit: 100 },
    options: {
      map: 'preset id (open5x5, cliff, fourRooms, bridge) or map text with rows separated by /',
      stepReward: 'reward of an ordinary step',
      goalReward: 'reward of entering a goal',
      pitReward: 'reward of entering a pit',
      slip: 'probability that the move is replaced by a random one',
      timeLimit: timeLimitDoc,
    },
  },
  {
    id: 'short-corridor',
    label: 'Short corridor',
    description:
      'Sutton & Barto Example 13.1: aliased states and a switched middle cell need a stochastic policy.',
    discreteActions: true,
    supportsPathwise: false,
    tabular: true,
    defaults: { timeLimit: 1000 },
    options: { timeLimit: timeLimitDoc },
  },
  {
    id: 'continuous-bandit',
    label: 'Continuous bandit',
    description:
      'One real action, one reward r(a): score-function versus pathwise gradients in their simplest form.',
    discreteActions: false,
    supportsPathwise: true,
    tabular: false,
    defaults: continuousBanditDefaults,
    options: {
      reward: 'reward function { f, df, source } (default -(a - 2)^2)',
      low: 'advisory lower action bound (not enforced)',
      high: 'advisory upper action bound (not enforced)',
    },
  },
  {
    id: 'point-mass',
    label: 'Point mass',
    description:
      'Push a 2-D particle to a goal over a fixed horizon; smooth dynamics for backprop through time.',
    discreteActions: false,
    supportsPathwise: true,
    tabular: false,
    defaults: pointMassDefaults,
    options: {
      horizon: 'steps per episode',
      dt: 'time step',
      drag: 'linear drag coefficient',
      maxForce: 'largest acceleration per coordinate',
      actionCost: 'weight of the action penalty',
      goal: 'goal position [x, y]',
      startSpread: 'half-width of the random start square (0 = origin)',
    },
  },
];

/** True when `id` is a registered environment id. */
export function isEnvId(id: unknown): id is EnvId {
  return typeof id === 'string' && (envIds as readonly string[]).includes(id);
}

/** The registry entry of `id`; throws an {@link EnvError} for unknown ids. */
export function envInfo(id: string): EnvInfo {
  const info = registry.find((e) => e.id === id);
  if (!info)
    throw new EnvError(`unknown environment ${describeValue(id)} (choose one of: ${envIds.join(', ')})`);
  return info;
}

/** Creates a registered environment with typed options and result; throws {@link EnvError} on bad input. */
export function make<K extends EnvId>(id: K, options?: EnvOptionsById[K]): EnvById[K];
/** Creates an environment from untyped input (CLI, URL); throws {@link EnvError} on bad input. */
export function make(id: string, options?: Readonly<Record<string, unknown>>): AnyEnv;
export function make(id: string, options: Readonly<Record<string, unknown>> = {}): AnyEnv {
  const info = envInfo(id);
  if (options === null || typeof options !== 'object') throw new EnvError(`${id}: options must be an object`);
  for (const key of Object.keys(options)) {
    if (options[key] !== undefined && !Object.hasOwn(info.options, key)) {
      const known = Object.keys(info.options).join(', ');
      throw new EnvError(`${id}: unknown option ${describeValue(key)} (known: ${known})`);
    }
  }
  const timeLimit = options.timeLimit ?? info.defaults.timeLimit;
  switch (info.id) {
    case 'bandit':
      return new Bandit(options as BanditOptions);
    case 'gridworld':
      return new TimeLimit(new Gridworld(options as GridworldOptions), timeLimit as number);
    case 'short-corridor':
      return new TimeLimit(new ShortCorridor(), timeLimit as number);
    case 'continuous-bandit':
      return new ContinuousBandit(options as ContinuousBanditOptions);
    case 'point-mass':
      return new PointMass(options as PointMassOptions);
  }
}
