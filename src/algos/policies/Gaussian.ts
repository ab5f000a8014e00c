/**
 * Diagonal Gaussian policy with a linear mean and a learnable, state-independent log standard deviation:
 *   a = μ(s) + σ ⊙ ε,  μ(s) = W s + b,  σ = exp(clamp(ℓ, LOG_STD_MIN, LOG_STD_MAX)),  ε ~ N(0, I).
 * With obsDim = 0 the mean is the constant b (the continuous bandit). Score function (Williams 1992 §6):
 *   ∂ log π/∂μ_i = (a_i − μ_i)/σ_i² = ε_i/σ_i,   ∂ log π/∂ℓ_i = ((a_i − μ_i)/σ_i)² − 1 = ε_i² − 1,
 * and ∂μ_i/∂W_ij = s_j, ∂μ_i/∂b_i = 1. Outside the clamp range ∂/∂ℓ is 0 (the derivative of the clamp).
 * Parameter layout: θ = [W (actDim × obsDim, row-major), b (actDim), ℓ (actDim)].
 */
import type { Obs } from '../../core/env';
import type { Rng } from '../../core/random';
import type { Batch } from '../Batch';
import type { ScorePolicy } from './types';

/** Smallest log-std: σ ≥ e⁻⁵ ≈ 0.0067 keeps the score ε/σ bounded. */
export const LOG_STD_MIN = -5;
/** Largest log-std: σ ≤ e² ≈ 7.4. */
export const LOG_STD_MAX = 2;

/** Options of {@link GaussianPolicy}. */
export interface GaussianPolicyOptions {
  /** Initial mean bias b per action coordinate (default 0). */
  initMean?: readonly number[];
  /** Initial log-std ℓ for every coordinate (default 0, i.e. σ = 1). */
  initLogStd?: number;
}

/** Gaussian policy N(W s + b, diag σ²) with learnable W, b and log σ. */
export class GaussianPolicy implements ScorePolicy<Obs, Float64Array> {
  readonly nParams: number;
  readonly theta: Float64Array;
  /** Each batch row keeps ε (actDim numbers). */
  readonly auxDim: number;
  /** Offset of b in θ. */
  readonly biasOffset: number;
  /** Offset of ℓ = log σ in θ. */
  readonly logStdOffset: number;
  /** The last sampled action (owned here, valid until the next `act`). */
  readonly action: Float64Array;
  private readonly initial: Float64Array;

  /** @param obsDim length of vector observations (0: constant mean) @param actDim action dimension */
  constructor(
    readonly obsDim: number,
    readonly actDim: number,
    options: GaussianPolicyOptions = {},
  ) {
    if (!(actDim >= 1 && obsDim >= 0)) throw new Error('a Gaussian policy needs actDim ≥ 1 and obsDim ≥ 0');
    this.auxDim = actDim;
    this.biasOffset = actDim * obsDim;
    this.logStdOffset = this.biasOffset + actDim;
    this.nParams = this.logStdOffset + actDim;
    this.theta = new Float64Array(this.nParams);
    this.action = new Float64Array(actDim);
    this.initial = new Float64Array(this.nParams);
    for (let i = 0; i < actDim; i++) {
      this.initial[this.biasOffset + i] = options.initMean?.[i] ?? 0;
      this.initial[this.logStdOffset + i] = options.initLogStd ?? 0;
    }
    this.theta.set(this.initial);
  }

  resetParameters(): void {
    this.theta.set(this.initial);
  }

  /** μ_i(s) = b_i + Σ_j W_ij s_j. `obs` is ignored when obsDim = 0. */
  mean(i: number, obs: Obs): number {
    let m = this.theta[this.biasOffset + i];
    const d = this.obsDim;
    if (d > 0) {
      const s = obs as Float64Array;
      const w = i * d;
      for (let j = 0; j < d; j++) m += this.theta[w + j] * s[j];
    }
    return m;
  }

  /** σ_i = exp(clamp(ℓ_i)). */
  std(i: number): number {
    const l = this.theta[this.logStdOffset + i];
    return Math.exp(l < LOG_STD_MIN ? LOG_STD_MIN : l > LOG_STD_MAX ? LOG_STD_MAX : l);
  }

  /** 1 when ℓ_i is inside the clamp range (its gradient passes), else 0. */
  logStdActive(i: number): number {
    const l = this.theta[this.logStdOffset + i];
    return l >= LOG_STD_MIN && l <= LOG_STD_MAX ? 1 : 0;
  }

  act(obs: Obs, rng: Rng, batch: Batch, t: number): Float64Array {
    const m = this.actDim;
    const d = this.obsDim;
    if (d > 0) {
      const s = obs as Float64Array;
      for (let j = 0; j < d; j++) batch.obsVec[t * d + j] = s[j];
    } else {
      batch.obs[t] = typeof obs === 'number' ? obs : 0;
    }
    // a = μ(s) + σ ε
    for (let i = 0; i < m; i++) {
      const eps = rng.normal();
      batch.aux[t * m + i] = eps;
      this.action[i] = this.mean(i, obs) + this.std(i) * eps;
    }
    return this.action;
  }

  addScore(batch: Batch, t: number, scale: number, grad: Float64Array): void {
    const m = this.actDim;
    const d = this.obsDim;
    for (let i = 0; i < m; i++) {
      const eps = batch.aux[t * m + i];
      // ∂ log π/∂μ_i = ε_i / σ_i, spread to W_i· by s and to b_i by 1
      const gMu = (scale * eps) / this.std(i);
      for (let j = 0; j < d; j++) grad[i * d + j] += gMu * batch.obsVec[t * d + j];
      grad[this.biasOffset + i] += gMu;
      // ∂ log π/∂ℓ_i = ε_i² − 1
      grad[this.logStdOffset + i] += scale * (eps * eps - 1) * this.logStdActive(i);
    }
  }
}
