/**
 * "Explain this update": the arithmetic of one REINFORCE update, kept for display. The trainer records the
 * first step of the batch's last episode (for a bandit: the last pull) — its return G, baseline b, advantage
 * G − b, the score ∇log π(A|S) — and the whole update Δθ = θ_after − θ_before.
 * Buffers are allocated once and overwritten by every update.
 */
import type { Batch } from './Batch';
import type { BaselineKind } from './baselines';
import type { ScorePolicy } from './policies/types';

/** Numbers of the latest update (valid until the next one). */
export class UpdateExplanation {
  /** Batch row described (−1 before the first update). */
  row = -1;
  /** Discrete observation of that step (0 for vector observations). */
  obs = 0;
  /** Discrete action of that step (−1 for vector actions). */
  action = -1;
  /** Reward-to-go G_t of that step. */
  ret = 0;
  /** Baseline b_t used for that step (for `optimal`: the mean of the per-parameter baselines). */
  baseline = 0;
  /** γ^t of that step. */
  discount = 1;
  /** Baseline kind in force for the update. */
  kind: BaselineKind = 'none';
  /** Episodes in the batch. */
  batchSize = 0;
  /** ∇_θ log π(A_t|S_t) of that step. */
  readonly score: Float64Array;
  /** The batch gradient estimate g. */
  readonly grad: Float64Array;
  /** θ before the update. */
  readonly thetaBefore: Float64Array;
  /** Δθ = θ_after − θ_before. */
  readonly delta: Float64Array;

  /** @param nParams number of policy parameters */
  constructor(nParams: number) {
    this.score = new Float64Array(nParams);
    this.grad = new Float64Array(nParams);
    this.thetaBefore = new Float64Array(nParams);
    this.delta = new Float64Array(nParams);
  }

  /** Advantage G_t − b_t of the described step. */
  get advantage(): number {
    return this.ret - this.baseline;
  }

  /** Picks the step to describe and records its score (θ must not have changed since it was sampled). */
  beginBatch<O, A>(batch: Batch, policy: ScorePolicy<O, A>, discreteActions: boolean): void {
    const t = batch.starts[batch.episodes - 1];
    this.row = t;
    this.obs = batch.obs[t];
    this.action = discreteActions ? batch.action[t] : -1;
    this.ret = batch.ret[t];
    this.discount = batch.discount[t];
    this.batchSize = batch.episodes;
    this.score.fill(0);
    policy.addScore(batch, t, 1, this.score);
  }

  /** Records θ before and after the optimizer step, Δθ and g. */
  recordUpdate(before: Float64Array, after: Float64Array, grad: Float64Array, kind: BaselineKind): void {
    this.thetaBefore.set(before);
    for (let i = 0; i < after.length; i++) this.delta[i] = after[i] - before[i];
    this.grad.set(grad);
    this.kind = kind;
  }

  /** Forgets the last update. */
  clear(): void {
    this.row = -1;
    this.score.fill(0);
    this.grad.fill(0);
    this.delta.fill(0);
  }
}
