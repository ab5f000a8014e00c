/**
 * Gradient diagnostics at the current θ: K independent batch-of-N estimates ĝ₁…ĝ_K of ∇J(θ) (drawn from
 * their own environment copy and random stream, θ frozen), summarised as
 *   mean ḡ = (1/K) Σ ĝ_k,   per-parameter variance v_i = Σ_k (ĝ_ki − ḡ_i)² / (K − 1),
 *   total variance tr Cov = Σ_i v_i,   signal-to-noise ‖ḡ‖ / √(tr Cov)   (Rainforth et al. 2018),
 *   and, where the exact gradient g* is known, cos(ḡ, g*) and the mean of cos(ĝ_k, g*).
 * Variances are those of the batch-of-N estimator (a single-episode variance is N times larger).
 */
import type { Env } from '../core/env';
import type { Rng } from '../core/random';
import type { Trainer } from './trainer';

/** Plain summary of a diagnostics run (serialisable: safe to publish to the UI store). */
export interface GradientDiagnostics {
  /** Number of independent estimates K. */
  estimates: number;
  /** Episodes per estimate N. */
  batch: number;
  /** Mean estimate ḡ. */
  mean: number[];
  /** Per-parameter variance of one batch-of-N estimate. */
  variance: number[];
  /** tr Cov = Σ_i variance_i. */
  totalVariance: number;
  /** ‖ḡ‖ / √(tr Cov). */
  snr: number;
  /** cos(ḡ, g*), or null without an exact gradient. */
  cosine: number | null;
  /** Mean over k of cos(ĝ_k, g*), or null without an exact gradient. */
  meanCosine: number | null;
}

/** Reusable buffers for {@link gradientDiagnostics}. */
export class DiagnosticsWorkspace {
  /** K × P estimates, row-major. */
  readonly estimates: Float64Array;
  private readonly row: Float64Array;

  /** @param nParams P @param k K */
  constructor(
    readonly nParams: number,
    readonly k: number,
  ) {
    if (!(k >= 2)) throw new Error('gradient diagnostics need at least 2 estimates');
    this.estimates = new Float64Array(nParams * k);
    this.row = new Float64Array(nParams);
  }

  /** Draws the K estimates from `trainer` at its current θ and summarises them. */
  run(trainer: Trainer, env: Env, rng: Rng, exact?: ArrayLike<number> | null): GradientDiagnostics {
    const p = this.nParams;
    for (let k = 0; k < this.k; k++) {
      trainer.estimateGradientInto(this.row, env, rng);
      this.estimates.set(this.row, k * p);
    }
    return summariseEstimates(this.estimates, this.k, p, trainer.settings.batch, exact ?? null);
  }
}

/** Summarises K estimates of length P stored row-major in `est`. */
export function summariseEstimates(
  est: Float64Array,
  k: number,
  p: number,
  batch: number,
  exact: ArrayLike<number> | null,
): GradientDiagnostics {
  const mean = new Array<number>(p).fill(0);
  const variance = new Array<number>(p).fill(0);
  for (let r = 0; r < k; r++) for (let i = 0; i < p; i++) mean[i] += est[r * p + i] / k;
  for (let r = 0; r < k; r++)
    for (let i = 0; i < p; i++) {
      const d = est[r * p + i] - mean[i];
      variance[i] += (d * d) / (k - 1);
    }
  let total = 0;
  let m2 = 0;
  for (let i = 0; i < p; i++) {
    total += variance[i];
    m2 += mean[i] * mean[i];
  }
  let cosine: number | null = null;
  let meanCosine: number | null = null;
  if (exact) {
    let e2 = 0;
    let me = 0;
    for (let i = 0; i < p; i++) {
      e2 += exact[i] * exact[i];
      me += mean[i] * exact[i];
    }
    cosine = cos(me, m2, e2);
    let acc = 0;
    for (let r = 0; r < k; r++) {
      let d = 0;
      let n2 = 0;
      for (let i = 0; i < p; i++) {
        const g = est[r * p + i];
        d += g * exact[i];
        n2 += g * g;
      }
      acc += cos(d, n2, e2);
    }
    meanCosine = acc / k;
  }
  return {
    estimates: k,
    batch,
    mean,
    variance,
    totalVariance: total,
    snr: total > 0 ? Math.sqrt(m2 / total) : m2 > 0 ? Infinity : 0,
    cosine,
    meanCosine,
  };
}

function cos(dotAB: number, a2: number, b2: number): number {
  return a2 > 0 && b2 > 0 ? dotAB / Math.sqrt(a2 * b2) : 0;
}
