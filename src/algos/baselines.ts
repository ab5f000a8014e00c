/**
 * Baselines (control variates) for the score-function estimator. Subtracting b from the return leaves the
 * gradient unbiased whenever b does not depend on the action taken at that step (Williams 1992 §4;
 * S&B 2nd ed. §13.4, eq. 13.11), because E[∇log π(A|s)] = Σ_a ∇π(a|s) = ∇1 = 0.
 *
 * Kinds:
 *  - `none`:     b = 0.
 *  - `average`:  b = R̄, the mean of every return G_t seen in earlier updates (S&B §2.8's R̄).
 *  - `ema`:      b ← b + β (G − b) over earlier returns (exponential moving average, rate β).
 *  - `learned`:  b = V(s_t), fitted by SGD on ½(G_t − V(s_t))² (tabular per observation, or linear
 *                V(s) = w·[1, s] for vector observations) — NVIL's learned baseline, Mnih & Gregor 2014.
 *  - `optimal`:  per-parameter constant b*ᵢ = E[Aᵢ Sᵢ]/E[Sᵢ²] with Sᵢ = Σ_t γ^t ∂ᵢlog π, Aᵢ = Σ_t γ^t G_t ∂ᵢlog π
 *                (for a one-step episode b*ᵢ = E[G sᵢ²]/E[sᵢ²]; Greensmith, Bartlett & Baxter 2004),
 *                estimated from the *other* episodes of the batch plus decayed sums from earlier updates.
 *  - `loo`:      leave-one-out (RLOO, Kool et al. 2019; VIMCO, Mnih & Rezende 2016): episode j's baseline at
 *                step t is the mean of G_t over the other N − 1 episodes of its batch (0 past their end).
 *
 * Every history-based statistic here is computed *before* the batch it is used on, and the in-batch ones
 * exclude the episode they are applied to, so every kind keeps the estimator exactly unbiased. The running
 * statistics of `average`, `ema` and `learned` are updated after every batch whatever kind is active, so the
 * user can switch baselines mid-run without a reset.
 */
import type { Batch } from './Batch';

/** Baseline names accepted by the CLI and the app. */
export const baselineKinds = ['none', 'average', 'ema', 'learned', 'optimal', 'loo'] as const;
/** One of {@link baselineKinds}. */
export type BaselineKind = (typeof baselineKinds)[number];

/** Running state of the history-based baselines. */
export class BaselineTracker {
  /** R̄: mean of all returns seen so far (0 before any). */
  average = 0;
  /** Number of returns averaged into R̄. */
  count = 0;
  /** Exponential moving average of returns (0 before any). */
  ema = 0;
  /** V: one value per observation (tabular) or weights of w·[1, s] (linear). */
  readonly value: Float64Array;
  /** Decayed Σ Aᵢ Sᵢ from earlier batches (for `optimal`). */
  readonly optNum: Float64Array;
  /** Decayed Σ Sᵢ² from earlier batches (for `optimal`). */
  readonly optDen: Float64Array;

  /**
   * @param nObs observations for a tabular V (ignored when obsDim > 0)
   * @param obsDim vector-observation length (0 for discrete observations: tabular V)
   * @param nParams number of policy parameters (for `optimal`)
   */
  constructor(
    readonly nObs: number,
    readonly obsDim: number,
    nParams: number,
  ) {
    this.value = new Float64Array(obsDim > 0 ? obsDim + 1 : nObs);
    this.optNum = new Float64Array(nParams);
    this.optDen = new Float64Array(nParams);
  }

  /** V(s_t) for batch row t. */
  valueAt(batch: Batch, t: number): number {
    const d = this.obsDim;
    if (d === 0) return this.value[batch.obs[t]];
    // V(s) = w₀ + Σ_j w_{j+1} s_j
    let v = this.value[0];
    for (let j = 0; j < d; j++) v += this.value[j + 1] * batch.obsVec[t * d + j];
    return v;
  }

  /** V for a discrete observation (tabular only; 0 for a linear V). */
  valueOfObs(obs: number): number {
    return this.obsDim === 0 ? this.value[obs] : 0;
  }

  /**
   * Learns from a finished batch (after it was used for an update). `rate` is the EMA rate and the V step
   * size β; each row t in order:
   *   R̄ ← R̄ + (G_t − R̄)/n,   ema ← ema + β(G_t − ema) (ema = G_t at the first return),
   *   V(s_t) ← V(s_t) + β (G_t − V(s_t))  (linear: w ← w + β (G_t − V(s_t)) [1, s_t]).
   */
  learn(batch: Batch, rate: number): void {
    const v = this.value;
    for (let t = 0; t < batch.size; t++) {
      const g = batch.ret[t];
      this.count++;
      this.average += (g - this.average) / this.count;
      this.ema = this.count === 1 ? g : this.ema + rate * (g - this.ema);
      if (this.obsDim > 0) this.learnLinear(batch, t, g, rate);
      else {
        const o = batch.obs[t];
        v[o] += rate * (g - v[o]);
      }
    }
  }

  /** The linear V's step for batch row t: w ← w + β (G_t − V(s_t)) [1, s_t]. */
  private learnLinear(batch: Batch, t: number, g: number, rate: number): void {
    const d = this.obsDim;
    const v = this.value;
    const err = g - this.valueAt(batch, t);
    v[0] += rate * err;
    for (let j = 0; j < d; j++) v[j + 1] += rate * err * batch.obsVec[t * d + j];
  }

  /** Optimal-baseline sums after an update: Ĥᵢ ← (1 − β)Ĥᵢ + numᵢ, D̂ᵢ ← (1 − β)D̂ᵢ + denᵢ. */
  learnOptimal(num: Float64Array, den: Float64Array, rate: number): void {
    for (let i = 0; i < num.length; i++) {
      this.optNum[i] = (1 - rate) * this.optNum[i] + num[i];
      this.optDen[i] = (1 - rate) * this.optDen[i] + den[i];
    }
  }

  /** Forgets everything (a reset run). */
  reset(): void {
    this.average = 0;
    this.count = 0;
    this.ema = 0;
    this.value.fill(0);
    this.optNum.fill(0);
    this.optDen.fill(0);
  }
}

/**
 * Leave-one-out sums: sumByTime[t] = Σ_k G_{k,t} over the batch's episodes (G = 0 past an episode's end).
 * Episode j's baseline at step t is then (sumByTime[t] − G_{j,t}) / (N − 1). Returns the longest length.
 */
export function looSumsInto(batch: Batch, sumByTime: Float64Array): number {
  let maxLen = 0;
  for (let j = 0; j < batch.episodes; j++) {
    const len = batch.starts[j + 1] - batch.starts[j];
    if (len > maxLen) maxLen = len;
  }
  sumByTime.fill(0, 0, maxLen);
  for (let t = 0; t < batch.size; t++) sumByTime[batch.time[t]] += batch.ret[t];
  return maxLen;
}
