/**
 * Diagonal Gaussian policy with a linear mean and a learnable, state-independent log standard deviation:
 *   a = μ(s) + σ ⊙ ε,  μ(s) = W s + b,  σ = exp(clamp(ℓ, LOG_STD_MIN, LOG_STD_MAX)),  ε ~ N(0, I).
 * With obsDim = 0 the mean is the constant b (the continuous bandit). Score function (Williams 1992 §6):
 *   ∂ log π/∂μ_i = (a_i − μ_i)/σ_i² = ε_i/σ_i,   ∂ log π/∂ℓ_i = ((a_i − μ_i)/σ_i)² − 1 = ε_i² − 1,
 * and ∂μ_i/∂W_ij = s_j, ∂μ_i/∂b_i = 1. Outside the clamp range ∂/∂ℓ is 0 (the derivative of the clamp).
 * Parameter layout: θ = [W (actDim × obsDim, row-major), b (actDim), ℓ (actDim)].
 */
import type { Obs } from '../../core/env';
import type { Batch } from '../Batch';
import type { NoiseSource, ScorePolicy } from './types';

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
  /** `act` draws standard normals only. */
  readonly draws = 'normal';
  /** Offset of b in θ. */
  readonly biasOffset: number;
  /** Offset of ℓ = log σ in θ. */
  readonly logStdOffset: number;
  /** The last sampled action (owned here, valid until the next `act`). */
  readonly action: Float64Array;
  private readonly initial: Float64Array;
  /** σ_i cached for the ℓ_i it was computed from (θ changes only between batches). */
  private readonly sigma: Float64Array;
  private readonly sigmaOf: Float64Array;

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
    this.sigma = new Float64Array(actDim).fill(1);
    this.sigmaOf = new Float64Array(actDim);
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
    return this.stds()[i];
  }

  /**
   * All σ_i, recomputed only for the ℓ_i that changed since the last call (θ changes only between batches, so
   * per step this is a comparison, not an exp). The array is owned by the policy.
   */
  stds(): Float64Array {
    const off = this.logStdOffset;
    for (let i = 0; i < this.actDim; i++) {
      const l = this.theta[off + i];
      if (l !== this.sigmaOf[i]) {
        this.sigmaOf[i] = l;
        // clamp(ℓ, LOG_STD_MIN, LOG_STD_MAX) as min/max of literals: optimised code keeps ℓ an unboxed double and
        // looks nothing up (the same number as the ?: form for every ℓ, NaN and −0 included; the tests tie the
        // literals to the exported constants)
        this.sigma[i] = Math.exp(Math.min(Math.max(l, -5), 2));
      }
    }
    return this.sigma;
  }

  /** 1 when ℓ_i is inside the clamp range (its gradient passes), else 0. */
  logStdActive(i: number): number {
    const l = this.theta[this.logStdOffset + i];
    // LOG_STD_MIN ≤ ℓ ≤ LOG_STD_MAX (literals, as in stds)
    return l >= -5 && l <= 2 ? 1 : 0;
  }

  /**
   * The reparameterised action a = μ(s) + σ ⊙ ε for noise already drawn in eps[off .. off + actDim), written
   * into `out`. `s` is ignored when obsDim = 0.
   */
  actionInto(out: Float64Array, s: Float64Array | null, eps: Float64Array, off: number): Float64Array {
    const sigma = this.stds();
    const th = this.theta;
    const d = this.obsDim;
    for (let i = 0; i < this.actDim; i++) {
      let m = th[this.biasOffset + i];
      for (let j = 0; j < d; j++) m += th[i * d + j] * s![j];
      out[i] = m + sigma[i] * eps[off + i];
    }
    return out;
  }

  act(obs: Obs, rng: NoiseSource, batch: Batch, t: number): Float64Array {
    const m = this.actDim;
    const d = this.obsDim;
    const s = d > 0 ? (obs as Float64Array) : null;
    if (s !== null) for (let j = 0; j < d; j++) batch.obsVec[t * d + j] = s[j];
    else batch.obs[t] = 0;
    // ε ~ N(0, I) kept in the batch row; a = μ(s) + σ ε
    rng.normalsInto(batch.aux, t * m, m);
    return this.actionInto(this.action, s, batch.aux, t * m);
  }

  addScore(batch: Batch, t: number, scale: number, grad: Float64Array): void {
    const m = this.actDim;
    const d = this.obsDim;
    const sigma = this.stds();
    for (let i = 0; i < m; i++) {
      const eps = batch.aux[t * m + i];
      // ∂ log π/∂μ_i = ε_i / σ_i, spread to W_i· by s and to b_i by 1
      const gMu = (scale * eps) / sigma[i];
      for (let j = 0; j < d; j++) grad[i * d + j] += gMu * batch.obsVec[t * d + j];
      grad[this.biasOffset + i] += gMu;
      // ∂ log π/∂ℓ_i = ε_i² − 1
      grad[this.logStdOffset + i] += scale * (eps * eps - 1) * this.logStdActive(i);
    }
  }
}
