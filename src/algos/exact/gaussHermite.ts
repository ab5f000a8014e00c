/**
 * Gauss–Hermite rules for expectations under the standard normal, E_ε[g(ε)] ≈ Σ_i w_i g(x_i): n nodes, exact
 * for polynomials of degree < 2n, blind to steps (the adaptive Gauss–Kronrod quadrature in gaussKronrod.ts is
 * the engine's default). Nodes are the eigenvalues of the Jacobi matrix of the probabilists' Hermite
 * polynomials (Golub & Welsch 1969), here by Sturm bisection; weights by the Christoffel formula.
 */

/** Nodes (ascending) and weights (summing to 1) of an n-point Gauss–Hermite rule for the weight φ. */
export interface GaussHermiteRule {
  /** Abscissae x_i, ascending and symmetric about 0. */
  readonly nodes: Float64Array;
  /** Weights w_i with Σ_i w_i g(x_i) ≈ E_ε[g(ε)]. */
  readonly weights: Float64Array;
}

const hermiteCache = new Map<number, GaussHermiteRule>();

/**
 * Number of eigenvalues below x of the Jacobi matrix of the probabilists' Hermite polynomials
 * (zero diagonal, off-diagonal √k, k = 1 … n−1), by the signs of the LDLᵀ pivots of J − xI (Sturm sequence).
 */
function hermiteSturmCount(x: number, n: number): number {
  // d_1 = −x;  d_k = −x − (k−1)/d_{k−1}
  let d = -x;
  let count = d < 0 ? 1 : 0;
  for (let k = 2; k <= n; k++) {
    if (d === 0) d = 1e-300;
    d = -x - (k - 1) / d;
    if (d < 0) count++;
  }
  return count;
}

/** The n-point Gauss–Hermite rule for E_ε[·] (1 ≤ n ≤ 200), cached and shared: do not modify its arrays. */
export function gaussHermiteRule(n: number): GaussHermiteRule {
  if (!(Number.isInteger(n) && n >= 1 && n <= 200)) throw new Error(`gaussHermiteRule: n=${n} not in 1..200`);
  const cached = hermiteCache.get(n);
  if (cached) return cached;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  // Nodes = eigenvalues of J (Golub & Welsch 1969); by Gershgorin they lie in (−2√n, 2√n). Bisection on the
  // Sturm count finds the k-th one to a few ulps; symmetry gives the other half.
  const bound = 2 * Math.sqrt(n) + 1;
  for (let k = 0; k < n >> 1; k++) {
    let lo = -bound;
    let hi = 0;
    for (let it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); it++) {
      const mid = 0.5 * (lo + hi);
      if (hermiteSturmCount(mid, n) > k) hi = mid;
      else lo = mid;
    }
    nodes[k] = 0.5 * (lo + hi);
    nodes[n - 1 - k] = -nodes[k];
  }
  // Christoffel weights w_i = 1 / Σ_{k<n} p_k(x_i)² with the orthonormal recurrence
  // p_0 = 1, p_1 = x, p_{k+1} = (x p_k − √k p_{k−1}) / √(k+1).
  for (let i = 0; i < n; i++) {
    const x = nodes[i];
    let pPrev = 0;
    let p = 1;
    let s = 1;
    for (let k = 0; k + 1 < n; k++) {
      const next = (x * p - Math.sqrt(k) * pPrev) / Math.sqrt(k + 1);
      pPrev = p;
      p = next;
      s += p * p;
    }
    weights[i] = 1 / s;
  }
  const rule = { nodes, weights };
  hermiteCache.set(n, rule);
  return rule;
}

/** E_ε[g(ε)] ≈ Σ_i w_i g(x_i) with the n-point Gauss–Hermite rule (exact for polynomials of degree < 2n). */
export function gaussHermiteExpectation(g: (eps: number) => number, n = 64): number {
  const { nodes, weights } = gaussHermiteRule(n);
  // Sum from the tails inwards so the tiny tail terms are not lost against the centre.
  let s = 0;
  for (let i = 0; i < n >> 1; i++) s += weights[i] * g(nodes[i]) + weights[n - 1 - i] * g(nodes[n - 1 - i]);
  if (n & 1) s += weights[n >> 1] * g(nodes[n >> 1]);
  return s;
}
