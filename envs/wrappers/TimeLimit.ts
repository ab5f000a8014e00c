/**
 * TimeLimit: Gymnasium's `TimeLimit` wrapper (gymnasium/wrappers/common.py). Counts the steps since the last
 * `reset()` and sets `truncated` on the step that reaches the limit, unless that step terminated the episode
 * (a terminal step is never also truncated, so `terminated && truncated` never holds).
 *
 * The wrapper forwards the inner env's id, spaces and `model` (so `TimeLimit<Gridworld>` is a `TabularEnv`),
 * reports the effective limit as `timeLimit`, and gives typed access to the wrapped env as `inner` and to the
 * innermost env (with its extras: grid cells, bandit means…) as `unwrapped`.
 *
 * The wrapper owns its step result (reused, valid until the next step/reset): each step copies the inner
 * result's four fields into it, so the inner env's own result object is never modified.
 */
import type { Action, Env, Obs, StepResult } from '../../src/core/env';
import { EnvError, describeValue } from '../EnvError';

/** Observation type of an env type. */
export type ObsOf<E> = E extends Env<infer O extends Obs, Action> ? O : never;
/** Action type of an env type. */
export type ActionOf<E> = E extends { step(action: infer A extends Action): unknown } ? A : never;
/** Type of an env's `model` (undefined when it has none). */
export type ModelOf<E> = E extends { readonly model: infer M } ? M : undefined;
/** Type of an env's innermost env: its `unwrapped`, or the env itself. */
export type UnwrappedOf<E> = E extends { readonly unwrapped: infer U } ? U : E;

/** Options shared by envs that `make()` wraps in a {@link TimeLimit}. */
export interface TimeLimitOptions {
  /** Maximum steps per episode; the step reaching it is `truncated` (positive integer or Infinity). */
  timeLimit?: number;
}

/** Checks a step limit: a positive integer or Infinity; throws an {@link EnvError} naming `env`. */
export function checkTimeLimit(env: string, timeLimit: unknown): number {
  if (
    typeof timeLimit !== 'number' ||
    !(timeLimit === Infinity || (Number.isInteger(timeLimit) && timeLimit >= 1 && timeLimit <= 1e9))
  ) {
    throw new EnvError(
      `${env}: timeLimit must be a positive integer (at most 1e9) or Infinity, got ${describeValue(timeLimit)}`,
    );
  }
  return timeLimit;
}

/** Wraps an env so that episodes end with `truncated = true` after `timeLimit` steps. */
export class TimeLimit<E extends Env> implements Env<ObsOf<E>, ActionOf<E>> {
  /** The wrapped env. */
  readonly inner: E;
  /** Effective limit: the smaller of this wrapper's limit and the inner env's own `timeLimit`, if any. */
  readonly timeLimit: number;
  /** Registry id of the inner env. */
  readonly id: string;
  /** Observation space of the inner env. */
  readonly observationSpace: E['observationSpace'];
  /** Action space of the inner env. */
  readonly actionSpace: E['actionSpace'];
  /** The inner env's model, forwarded (the same object: updates made by the inner env show through). */
  readonly model: ModelOf<E>;
  /** The innermost env, typed, for env-specific extras (e.g. `Gridworld.cells`, `Bandit.newProblem`). */
  readonly unwrapped: UnwrappedOf<E>;
  private t = 0;
  private readonly result: StepResult<ObsOf<E>>;

  /** @param inner env to wrap; @param timeLimit positive integer or Infinity (throws {@link EnvError}). */
  constructor(inner: E, timeLimit: number) {
    this.inner = inner;
    const own = checkTimeLimit(inner.id, timeLimit);
    const innerLimit = (inner as { timeLimit?: unknown }).timeLimit;
    this.timeLimit = typeof innerLimit === 'number' && innerLimit < own ? innerLimit : own;
    this.id = inner.id;
    this.observationSpace = inner.observationSpace;
    this.actionSpace = inner.actionSpace;
    this.model = (inner as { model?: unknown }).model as ModelOf<E>;
    const u = (inner as { unwrapped?: unknown }).unwrapped;
    this.unwrapped = (u ?? inner) as UnwrappedOf<E>;
    this.result = { obs: undefined as unknown as ObsOf<E>, reward: 0, terminated: false, truncated: false };
  }

  /** Steps taken since the last `reset()`. */
  get elapsedSteps(): number {
    return this.t;
  }

  /** Resets the step count and the inner env. */
  reset(seed?: number): ObsOf<E> {
    this.t = 0;
    return this.inner.reset(seed) as ObsOf<E>;
  }

  /** Steps the inner env; sets `truncated` when this step reaches the limit without terminating. */
  step(action: ActionOf<E>): StepResult<ObsOf<E>> {
    const r = this.inner.step(action);
    this.t++;
    const out = this.result;
    out.obs = r.obs as ObsOf<E>;
    out.reward = r.reward;
    out.terminated = r.terminated;
    out.truncated = r.truncated || (this.t >= this.timeLimit && !r.terminated);
    return out;
  }
}
