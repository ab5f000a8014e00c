/**
 * What a policy-gradient trainer needs from a stochastic policy π_θ(a|s): sample an action (recording in the
 * batch row whatever is needed later) and add a multiple of the score ∇_θ log π_θ(a|s) for a stored row.
 */
import type { Batch } from '../Batch';

/**
 * The random draws a policy takes while acting: an `Rng` (core/random.ts), or a trainer's `NormalBlock` for a
 * policy that draws standard normals only.
 */
export interface NoiseSource {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Fills out[offset .. offset + n) with standard normals and returns out. */
  normalsInto(out: Float64Array, offset: number, n: number): Float64Array;
}

/** A differentiable stochastic policy over discrete or vector actions. */
export interface ScorePolicy<O, A> {
  /** Number of parameters. */
  readonly nParams: number;
  /** Parameters θ, owned by the policy; optimizers update them in place. */
  readonly theta: Float64Array;
  /** Numbers kept per batch row (see {@link Batch.aux}). */
  readonly auxDim: number;
  /** Numbers per vector observation stored in the batch (0 for discrete observations). */
  readonly obsDim: number;
  /** What `act` draws from its noise source: standard normals only, or uniforms. */
  readonly draws: 'normal' | 'uniform';
  /**
   * Samples a ~ π(·|obs) with `rng`, stores obs, action and aux in batch row `t`, and returns the action
   * (a vector action is owned by the policy and valid until the next call).
   */
  act(obs: O, rng: NoiseSource, batch: Batch, t: number): A;
  /** grad += scale · ∇_θ log π(a_t|s_t) for batch row t. */
  addScore(batch: Batch, t: number, scale: number, grad: Float64Array): void;
  /** Restores the initial parameters. */
  resetParameters(): void;
}
