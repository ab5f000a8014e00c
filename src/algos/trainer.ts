/**
 * The common face of the policy-gradient trainers (REINFORCE in reinforce.ts, pathwise in pathwise.ts), so the
 * CLI, the benchmark and the browser runner drive them the same way: one env step per `step()` call, an
 * update whenever a batch of N episodes is complete.
 */
import type { Env } from '../core/env';
import { allFinite } from '../core/math';
import type { Rng } from '../core/random';
import type { BaselineKind } from './baselines';
import { createOptimizer, type Optimizer, type OptimizerKind } from './optimizers';

/** `step()` result bit: an episode ended on this step. */
export const EPISODE_END = 1;
/** `step()` result bit: the policy was updated on this step. */
export const UPDATED = 2;
/** `step()` result bit: the update produced non-finite parameters; they were restored and `error` is set. */
export const DIVERGED = 4;

/** Hyperparameters a trainer reads at every update; edit the object to apply them live. */
export interface TrainerSettings {
  /** Policy learning rate α. */
  lr: number;
  /** Baseline rate β: step size of the learned V, rate of the EMA, decay of the optimal-baseline sums. */
  baselineLr: number;
  /** Discount γ ∈ [0, 1]. */
  gamma: number;
  /** Episodes per update N (N = 1: update after every episode); applies from the next batch. */
  batch: number;
  /** Active baseline (score estimator only; ignored by the pathwise estimator). */
  baseline: BaselineKind;
  /** Optimizer; changing it restarts its moment estimates. */
  optimizer: OptimizerKind;
}

/** Counters and the latest episode, updated in place. */
export interface TrainerStats {
  /** Environment steps taken. */
  steps: number;
  /** Episodes finished. */
  episodes: number;
  /** Parameter updates applied. */
  updates: number;
  /** Undiscounted return of the last finished episode. */
  lastReturn: number;
  /** Length of the last finished episode. */
  lastLength: number;
  /** First action of the last finished episode (discrete actions; −1 otherwise). */
  lastAction: number;
}

/** A policy-gradient trainer bound to one environment. */
export interface Trainer {
  /** Which estimator drives the updates. */
  readonly estimator: 'score' | 'pathwise';
  /** Policy parameters θ (owned by the policy). */
  readonly theta: Float64Array;
  /** Live hyperparameters. */
  readonly settings: TrainerSettings;
  /** Counters. */
  readonly stats: TrainerStats;
  /** Why training stopped (divergence), or null. */
  error: string | null;
  /** One environment step; returns a bit set of {@link EPISODE_END}, {@link UPDATED}, {@link DIVERGED}. */
  step(): number;
  /** Runs until the current episode ends; returns the OR of the step results. */
  runEpisode(): number;
  /** Back to the initial parameters, baselines, counters and random streams of this seed. */
  reset(): void;
  /**
   * One batch-of-N gradient estimate at the current θ, written into `out`, using `env` and `rng` (so the
   * run's own streams are untouched) and the current baseline state (frozen). θ is not changed.
   */
  estimateGradientInto(out: Float64Array, env: Env, rng: Rng): void;
  /** The baseline's current value for display (R̄, the EMA, V(start), …; NaN when it has none). */
  baselineValue(): number;
}

/** Why an update left θ non-finite: the gradient itself, or the size of the step (one line). */
export function divergenceReason(grad: Float64Array, lr: number): string {
  return allFinite(grad)
    ? `produced non-finite parameters (learning rate ${lr} is too large?); the last finite parameters were restored`
    : 'produced a non-finite gradient (a reward was NaN or infinite?); the parameters were left unchanged';
}

/**
 * Optimizer steps on θ that are undone when they leave θ non-finite (a NaN reward, too large a learning
 * rate): θ goes back to its last finite value and the optimizer restarts, so one bad batch cannot poison the
 * run. Shared by both trainers; follows `settings.optimizer` live.
 */
export class GuardedStep {
  /** θ before the last step (valid after {@link apply}). */
  readonly prev: Float64Array;
  private optimizer: Optimizer;

  /** @param theta the parameters stepped in place @param settings live hyperparameters */
  constructor(
    readonly theta: Float64Array,
    readonly settings: TrainerSettings,
  ) {
    this.prev = Float64Array.from(theta);
    this.optimizer = createOptimizer(settings.optimizer, theta.length);
  }

  /** θ ← θ + step(g); returns null, or the reason (one line) why the step was undone. */
  apply(grad: Float64Array): string | null {
    if (this.optimizer.kind !== this.settings.optimizer) this.reset();
    return this.optimizer.ascend(this.theta, grad, this.settings.lr, this.prev) ? null : this.undo(grad);
  }

  /** Restores the last finite θ and restarts the optimizer; returns why. */
  private undo(grad: Float64Array): string {
    this.theta.set(this.prev);
    this.reset();
    return divergenceReason(grad, this.settings.lr);
  }

  /** A fresh optimizer (no moment estimates). */
  reset(): void {
    this.optimizer = createOptimizer(this.settings.optimizer, this.theta.length);
  }
}

/** Fresh zeroed stats. */
export function emptyStats(): TrainerStats {
  return { steps: 0, episodes: 0, updates: 0, lastReturn: 0, lastLength: 0, lastAction: -1 };
}

/** Checks hyperparameters; returns a one-line message naming the first bad one, or null. */
export function validateSettings(s: TrainerSettings): string | null {
  if (!(Number.isFinite(s.lr) && s.lr > 0)) return `learning rate must be a positive number (got ${s.lr})`;
  if (!(Number.isFinite(s.baselineLr) && s.baselineLr >= 0 && s.baselineLr <= 1))
    return `baseline rate must be in [0, 1] (got ${s.baselineLr})`;
  if (!(s.gamma >= 0 && s.gamma <= 1)) return `discount γ must be in [0, 1] (got ${s.gamma})`;
  if (!(Number.isInteger(s.batch) && s.batch >= 1 && s.batch <= 4096))
    return `batch size must be an integer from 1 to 4096 (got ${s.batch})`;
  return null;
}
