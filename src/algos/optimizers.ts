/**
 * Gradient-ascent optimizers for policy parameters (we maximise J(θ)). Both update θ in place and allocate
 * only in their constructors.
 *  - SGD:  θ ← θ + α g.
 *  - Adam (Kingma & Ba 2015, Algorithm 1, with the sign flipped for ascent):
 *      m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,  θ ← θ + α m̂ / (√v̂ + ε),
 *      m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ).
 */

/** Optimizer names accepted by the CLI and the app. */
export const optimizerKinds = ['sgd', 'adam'] as const;
/** One of {@link optimizerKinds}. */
export type OptimizerKind = (typeof optimizerKinds)[number];

/** An in-place gradient-ascent rule. */
export interface Optimizer {
  /** Which rule this is. */
  readonly kind: OptimizerKind;
  /**
   * θ ← θ + step(g) with learning rate α; `g` is read, not modified. With `prev`, the old θ is saved there in
   * the same pass. Returns false when some θᵢ came out NaN or infinite (the caller restores `prev`).
   */
  ascend(theta: Float64Array, grad: Float64Array, lr: number, prev?: Float64Array): boolean;
  /** Forgets its moment estimates (for a reset run). */
  reset(): void;
}

/** Plain stochastic gradient ascent. */
export class Sgd implements Optimizer {
  readonly kind = 'sgd';

  ascend(theta: Float64Array, grad: Float64Array, lr: number, prev?: Float64Array): boolean {
    let finite = true;
    // θ ← θ + α g
    for (let i = 0; i < theta.length; i++) {
      const old = theta[i];
      if (prev) prev[i] = old;
      const v = (theta[i] = old + lr * grad[i]);
      if (v - v !== 0) finite = false;
    }
    return finite;
  }

  reset(): void {}
}

/** Adam with bias correction. */
export class Adam implements Optimizer {
  readonly kind = 'adam';
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  /** @param n number of parameters */
  constructor(
    n: number,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-8,
  ) {
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }

  ascend(theta: Float64Array, grad: Float64Array, lr: number, prev?: Float64Array): boolean {
    let finite = true;
    this.t++;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const c1 = 1 / (1 - Math.pow(b1, this.t));
    const c2 = 1 / (1 - Math.pow(b2, this.t));
    // m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ + α m̂/(√v̂ + ε)
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i];
      const m = (this.m[i] = b1 * this.m[i] + (1 - b1) * g);
      const v = (this.v[i] = b2 * this.v[i] + (1 - b2) * g * g);
      const old = theta[i];
      if (prev) prev[i] = old;
      const x = (theta[i] = old + (lr * (m * c1)) / (Math.sqrt(v * c2) + this.epsilon));
      if (x - x !== 0) finite = false;
    }
    return finite;
  }

  reset(): void {
    this.m.fill(0);
    this.v.fill(0);
    this.t = 0;
  }
}

/** Creates the optimizer `kind` for n parameters. */
export function createOptimizer(kind: OptimizerKind, n: number): Optimizer {
  return kind === 'adam' ? new Adam(n) : new Sgd();
}
