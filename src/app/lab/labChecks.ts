/**
 * Checks on a user's f that the exact numbers cannot make themselves: whether E[f] exists at all (the
 * quadrature integrates over μ ± 13σ and would silently truncate an f that outgrows the Gaussian tails), and
 * whether the draws hit points where f is not finite.
 */

/** Half-width of the quadrature's range in ε (see src/algos/exact/gaussKronrod.ts). */
export const QUADRATURE_REACH = 13;

/**
 * The z at the edge of the quadrature's range (μ ± 13σ) where |f|·φ is still not negligible next to E[f],
 * i.e. f grows about as fast as the Gaussian density shrinks (exp(z²) at σ ≥ 1/√2): the integral there is
 * truncated or infinite. Null when both edges are negligible.
 */
export function heavyTail(f: (z: number) => number, mu: number, sigma: number, value: number): number | null {
  const L = QUADRATURE_REACH;
  const phiL = Math.exp(-0.5 * L * L) / Math.sqrt(2 * Math.PI);
  for (const z of [mu + L * sigma, mu - L * sigma]) {
    const tail = Math.abs(f(z)) * phiL;
    if (tail > 1e-9 * (1 + Math.abs(value)) || Number.isNaN(tail)) return z;
  }
  return null;
}

/** Index of the first non-finite value among the first n (−1 if all are finite). */
export function firstNonFinite(values: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}
