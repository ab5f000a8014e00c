/**
 * Numeric kernels shared by environments and algorithms. Out-parameter style (gl-matrix): `fooInto(out, …)`
 * writes into `out` and returns it; `offset, n` select a slice without `subarray()` allocations.
 */

/**
 * Numerically stable softmax: out[o+i] = exp(x[o+i] − m) / Σ_j exp(x[o+j] − m), m = max_j x[o+j].
 * Reads `x[xOffset .. xOffset+n)`, writes `out[outOffset .. outOffset+n)`; `out` may alias `x`.
 */
export function softmaxInto(
  out: Float64Array,
  x: Float64Array,
  xOffset: number,
  n: number,
  outOffset = xOffset,
): Float64Array {
  let m = x[xOffset];
  for (let i = 1; i < n; i++) {
    const v = x[xOffset + i];
    if (v > m) m = v;
  }
  let z = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(x[xOffset + i] - m);
    out[outOffset + i] = e;
    z += e;
  }
  const inv = 1 / z;
  for (let i = 0; i < n; i++) out[outOffset + i] *= inv;
  return out;
}

/** log Σ_i exp(x[o+i]), computed as m + log Σ exp(x − m) so it never overflows. */
export function logSumExp(x: Float64Array, offset = 0, n = x.length - offset): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[offset + i] > m) m = x[offset + i];
  if (m === -Infinity) return -Infinity;
  let z = 0;
  for (let i = 0; i < n; i++) z += Math.exp(x[offset + i] - m);
  return m + Math.log(z);
}

/**
 * Inverse-CDF draw from a categorical distribution: the smallest i with u < Σ_{j≤i} p[o+j].
 * `u` is a uniform draw on [0, 1) supplied by the caller (pure and testable). Falls back to the last index
 * with positive probability if rounding leaves the cumulative sum just below u.
 */
export function sampleCategorical(p: Float64Array, offset: number, n: number, u: number): number {
  let c = 0;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[offset + i];
    c += pi;
    if (pi > 0) last = i;
    if (u < c) return i;
  }
  return last;
}

/** Index of the largest of x[o .. o+n) (the first one on ties). */
export function argmax(x: ArrayLike<number>, offset = 0, n = x.length - offset): number {
  let best = 0;
  let bv = x[offset];
  for (let i = 1; i < n; i++) {
    if (x[offset + i] > bv) {
      bv = x[offset + i];
      best = i;
    }
  }
  return best;
}

/** Σ_i a[i]·b[i] over the first n entries. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>, n = a.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** y ← y + α·x over the first n entries; returns y. */
export function axpyInto(y: Float64Array, alpha: number, x: ArrayLike<number>, n = y.length): Float64Array {
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
  return y;
}

/** True when every one of the first n entries is finite (no NaN, no ±Infinity). */
export function allFinite(x: ArrayLike<number>, n = x.length): boolean {
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v - v !== 0) return false;
  }
  return true;
}

/** Clamps v to [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Sample mean of the first n entries. */
export function mean(x: ArrayLike<number>, n = x.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  return s / n;
}

/** Unbiased sample variance (divides by n − 1) of the first n entries, by two passes; 0 when n < 2. */
export function sampleVariance(x: ArrayLike<number>, n = x.length): number {
  if (n < 2) return 0;
  const m = mean(x, n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    s += d * d;
  }
  return s / (n - 1);
}

/**
 * Running mean and variance (Welford 1962), one scalar stream. Numerically stable for long runs.
 */
export class RunningStat {
  /** Number of values seen. */
  n = 0;
  /** Mean of the values seen (0 before any). */
  mean = 0;
  private m2 = 0;

  /** Adds one value. */
  push(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }

  /** Unbiased sample variance (0 when fewer than two values). */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }

  /** Standard error of the mean, √(variance / n). */
  get standardError(): number {
    return this.n > 1 ? Math.sqrt(this.variance / this.n) : 0;
  }

  /** Forgets everything. */
  reset(): void {
    this.n = 0;
    this.mean = 0;
    this.m2 = 0;
  }
}
