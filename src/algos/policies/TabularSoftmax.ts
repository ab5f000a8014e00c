/**
 * Tabular softmax policy ("soft-max in action preferences", Sutton & Barto 2nd ed. §13.1, eq. 13.2):
 *   π(a|o) = exp θ[o,a] / Σ_b exp θ[o,b],
 * one row of preferences per observation o. Score (S&B eq. 13.9 for one-hot features):
 *   ∂ log π(a|o) / ∂θ[o,b] = 1{b = a} − π(b|o),   and 0 on every other row.
 * With a single observation this is S&B §2.8's gradient bandit.
 */
import { sampleCategorical, softmaxInto } from '../../core/math';
import type { Batch } from '../Batch';
import type { NoiseSource, ScorePolicy } from './types';

/** Options of {@link TabularSoftmax}. */
export interface TabularSoftmaxOptions {
  /**
   * Initial action probabilities, the same in every row (e.g. the short corridor's [0.95, 0.05]); they are
   * normalised and turned into preferences θ = log p. Default: uniform (θ = 0).
   */
  initProbs?: readonly number[];
}

/** Softmax over a table of preferences θ[o, a], stored row-major (length nObs · nActions). */
export class TabularSoftmax implements ScorePolicy<number, number> {
  readonly nParams: number;
  readonly theta: Float64Array;
  /** Each batch row keeps π(·|s_t) as sampled, so the score needs no second softmax. */
  readonly auxDim: number;
  readonly obsDim = 0;
  /** `act` draws one uniform per step. */
  readonly draws = 'uniform';
  private readonly initial: Float64Array;

  /** @param nObs number of observations (table rows) @param nActions number of actions */
  constructor(
    readonly nObs: number,
    readonly nActions: number,
    options: TabularSoftmaxOptions = {},
  ) {
    if (!(nObs >= 1 && nActions >= 2)) throw new Error(`a softmax table needs ≥1 row and ≥2 actions`);
    this.nParams = nObs * nActions;
    this.auxDim = nActions;
    this.theta = new Float64Array(this.nParams);
    this.initial = new Float64Array(this.nParams);
    const p = options.initProbs;
    if (p) {
      if (p.length !== nActions) throw new Error(`initProbs has ${p.length} entries, expected ${nActions}`);
      let z = 0;
      for (let a = 0; a < nActions; a++) {
        if (!(p[a] > 0)) throw new Error(`initial probabilities must be positive (got ${p[a]})`);
        z += p[a];
      }
      for (let o = 0; o < nObs; o++)
        for (let a = 0; a < nActions; a++) this.initial[o * nActions + a] = Math.log(p[a] / z);
    }
    this.theta.set(this.initial);
  }

  resetParameters(): void {
    this.theta.set(this.initial);
  }

  /** Writes π(·|obs) into out[offset .. offset + nActions) and returns out. */
  probsInto(obs: number, out: Float64Array, offset = 0): Float64Array {
    return softmaxInto(out, this.theta, obs * this.nActions, this.nActions, offset);
  }

  act(obs: number, rng: NoiseSource, batch: Batch, t: number): number {
    const n = this.nActions;
    const row = t * n;
    softmaxInto(batch.aux, this.theta, obs * n, n, row);
    const a = sampleCategorical(batch.aux, row, n, rng.uniform());
    batch.obs[t] = obs;
    batch.action[t] = a;
    return a;
  }

  addScore(batch: Batch, t: number, scale: number, grad: Float64Array): void {
    const n = this.nActions;
    const aux = batch.aux;
    const o = batch.obs[t] * n;
    const row = t * n;
    // ∂ log π(a|o)/∂θ[o,b] = 1{b = a} − π(b|o)
    for (let b = 0; b < n; b++) grad[o + b] -= scale * aux[row + b];
    grad[o + batch.action[t]] += scale;
  }
}
