/**
 * Expectations under the standard normal, E_ε[g(ε)] = ∫ g(ε) φ(ε) dε: the "exact" side of every Gaussian
 * gradient comparison in the lab (Mohamed, Rosca, Figurnov & Mnih 2020, §3, Figs. 2–3).
 *
 * - `gaussianExpectationsInto`: globally adaptive Gauss–Kronrod G7–K15 on ε ∈ [−L, L] (L = 13, φ < 1e−37)
 *   with φ folded in; vector-valued, so a family of moments shares one partition and one call of the user's
 *   function per node. QUADPACK's QAG strategy (Piessens, de Doncker-Kapenga, Überhuber & Kahaner 1983):
 *   bisect where the error estimate |K15 − G7| is largest; breakpoints make jumps and kinks exact.
 * - `gaussHermiteRule`: n-point Gauss–Hermite rule for φ (Golub & Welsch 1969: nodes are the eigenvalues of
 *   the Jacobi matrix, here by Sturm bisection); exact for degree < 2n, blind to steps.
 */

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Non-negative abscissae of the 15-point Kronrod rule on [−1, 1], descending; entries 1, 3, 5, 7 are the
 * 7-point Gauss–Legendre nodes. Published constants (Piessens et al. 1983, QUADPACK `qk15`), rounded to double.
 */
export const KRONROD15_NODES: readonly number[] = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0,
];

/** Kronrod weights matching {@link KRONROD15_NODES} (Piessens et al. 1983, QUADPACK `qk15`). */
export const KRONROD15_WEIGHTS: readonly number[] = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];

/** 7-point Gauss–Legendre weights for KRONROD15_NODES[1], [3], [5], [7] (Piessens et al. 1983). */
export const GAUSS7_WEIGHTS: readonly number[] = [
  0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694,
];

/** Writes m values of a vector integrand at ε into out[0 .. m). */
export type VectorIntegrand = (eps: number, out: Float64Array) => void;

/** Options of the adaptive Gaussian quadrature. */
export interface QuadratureOptions {
  /** Relative tolerance per component, relative to E[|g_j|] (so cancellation is measured honestly). */
  relTol?: number;
  /** Absolute tolerance per component. */
  absTol?: number;
  /**
   * Per component j, another component whose scale ∫|g| also counts for j's relative tolerance
   * (tol_j = relTol·max(∫|g_j|, ∫|g_{scaleOf[j]}|)). For a component that is a small residual of another (a
   * control-variate remainder that is exactly 0 up to rounding), its own scale is rounding noise and could
   * never be met.
   */
  scaleOf?: ArrayLike<number>;
  /** Points in ε where the integrand may jump or kink; the partition starts with them as edges. */
  breakpoints?: ArrayLike<number>;
  /** Half-width L of the integration range [−L, L] in ε. */
  limit?: number;
  /** Cap on the number of subintervals. */
  maxIntervals?: number;
  /** Cap on bisections of one initial panel (recursion depth). */
  maxDepth?: number;
}

/** What the adaptive quadrature did, filled in when a stats object is passed. */
export interface QuadratureStats {
  /** Integrand evaluations. */
  evaluations: number;
  /** Subintervals in the final partition. */
  intervals: number;
  /** True when every component met its tolerance (false, and stopped early, if any value is not finite). */
  converged: boolean;
  /** max over components of (error estimate) / E[|g_j|]. */
  relativeError: number;
}

/** Initial panel edges in ε (besides ±L and the breakpoints): finer where φ carries its mass. */
const DEFAULT_EDGES = [-8, -5, -3, -1.5, 0, 1.5, 3, 5, 8];

/** Intervals whose normalised error is at least this fraction of the worst one are bisected together. */
const SPLIT_FRACTION = 0.5;

/** Growable per-interval storage; one shared instance is reused, a nested (re-entrant) call gets its own. */
class Workspace {
  cap = 0;
  m = 0;
  lo = new Float64Array(0);
  hi = new Float64Array(0);
  depth = new Int32Array(0);
  score = new Float64Array(0);
  /** Per (interval, component), row-major: Kronrod estimate and |K − G|. */
  val = new Float64Array(0);
  err = new Float64Array(0);
  /** Per component: ∫|g_j| by the K-rules of the initial partition (the scale of the relative tolerance). */
  scale = new Float64Array(0);
  g = new Float64Array(0);
  tol = new Float64Array(0);
  buf = new Float64Array(0);
  busy = false;

  ensure(cap: number, m: number): void {
    if (cap <= this.cap && m <= this.m) return;
    this.cap = Math.max(cap, this.cap);
    this.m = Math.max(m, this.m);
    this.lo = new Float64Array(this.cap);
    this.hi = new Float64Array(this.cap);
    this.depth = new Int32Array(this.cap);
    this.score = new Float64Array(this.cap);
    this.val = new Float64Array(this.cap * this.m);
    this.err = new Float64Array(this.cap * this.m);
    this.scale = new Float64Array(this.m);
    this.g = new Float64Array(this.m);
    this.tol = new Float64Array(this.m);
    this.buf = new Float64Array(this.m);
  }
}

const sharedWorkspace = new Workspace();

/** Integrates interval i with G7 and K15 (φ folded in), storing K and |K − G|; adds ∫|g| to ws.scale if asked. */
function panel(ws: Workspace, i: number, m: number, f: VectorIntegrand, scale: boolean): void {
  const buf = ws.buf;
  const a = ws.lo[i];
  const b = ws.hi[i];
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const row = i * ws.m;
  const g = ws.g;
  for (let j = 0; j < m; j++) {
    ws.val[row + j] = 0;
    g[j] = 0;
  }
  // K15 = h Σ_i wK_i g(c ± h x_i) φ(c ± h x_i);  G7 = the same sum over the odd-indexed nodes with wG.
  for (let n = 0; n < 15; n++) {
    const idx = n < 8 ? n : 14 - n;
    const x = c + (n < 8 ? -h : h) * KRONROD15_NODES[idx];
    f(x, buf);
    const wphi = h * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    const wk = KRONROD15_WEIGHTS[idx] * wphi;
    const wg = (idx & 1) === 1 ? GAUSS7_WEIGHTS[idx >> 1] * wphi : 0;
    for (let j = 0; j < m; j++) {
      ws.val[row + j] += wk * buf[j];
      g[j] += wg * buf[j];
    }
    if (scale) for (let j = 0; j < m; j++) ws.scale[j] += wk * Math.abs(buf[j]);
  }
  for (let j = 0; j < m; j++) ws.err[row + j] = Math.abs(ws.val[row + j] - g[j]);
}

/** Initial panels from ±L, the default edges and the breakpoints in (−L, L); returns the panel count. */
function initialPartition(ws: Workspace, L: number, bp: ArrayLike<number>): number {
  const edges = ws.hi;
  let n = 0;
  edges[n++] = -L;
  edges[n++] = L;
  for (let k = 0; k < DEFAULT_EDGES.length + bp.length; k++) {
    const e = k < DEFAULT_EDGES.length ? DEFAULT_EDGES[k] : bp[k - DEFAULT_EDGES.length];
    if (e > -L && e < L) edges[n++] = e;
  }
  for (let i = 1; i < n; i++) {
    const e = edges[i];
    let p = i;
    for (; p > 0 && edges[p - 1] > e; p--) edges[p] = edges[p - 1];
    edges[p] = e;
  }
  // Panels [edges[k], edges[k+1]] without (near-)duplicate edges; hi is compacted in place, lo follows it.
  let count = 0;
  for (let k = 0; k + 1 < n; k++) if (edges[k + 1] - edges[k] > 1e-14 * L) ws.hi[count++] = edges[k + 1];
  for (let k = 0; k < count; k++) {
    ws.lo[k] = k === 0 ? -L : ws.hi[k - 1];
    ws.depth[k] = 0;
  }
  return count;
}

/**
 * Vector of expectations E_ε[g_j(ε)], j < m, into out[0 .. m) by adaptive G7–K15 quadrature; returns `out`.
 * The integrand must write all m components each call into the buffer it is given.
 */
export function gaussianExpectationsInto(
  out: Float64Array,
  m: number,
  integrand: VectorIntegrand,
  opts: QuadratureOptions = {},
  stats?: QuadratureStats,
): Float64Array {
  const relTol = opts.relTol ?? 1e-11;
  const absTol = opts.absTol ?? 0;
  const L = opts.limit ?? 13;
  const maxIntervals = opts.maxIntervals ?? 2000;
  const maxDepth = opts.maxDepth ?? 60;
  if (!(m >= 1 && out.length >= m))
    throw new Error(`gaussianExpectationsInto: need 1 ≤ m ≤ out.length, m=${m}`);
  const ws = sharedWorkspace.busy ? new Workspace() : sharedWorkspace;
  ws.busy = true;
  try {
    const bp = opts.breakpoints ?? [];
    ws.ensure(Math.max(maxIntervals, DEFAULT_EDGES.length + bp.length + 2), m);
    let count = initialPartition(ws, L, bp);
    let evaluations = 0;
    ws.scale.fill(0);
    for (let i = 0; i < count; i++) {
      panel(ws, i, m, integrand, true);
      evaluations += 15;
    }
    // effective scale of j: max(∫|g_j|, ∫|g_scaleOf[j]|) (partners read before any scale is raised)
    const scaleOf = opts.scaleOf;
    for (let j = 0; j < m; j++) {
      const p = scaleOf ? scaleOf[j] : -1;
      ws.tol[j] = p >= 0 && p < m ? Math.max(ws.scale[j], ws.scale[p]) : ws.scale[j];
    }
    for (let j = 0; j < m; j++) {
      ws.scale[j] = ws.tol[j];
      ws.tol[j] = Math.max(absTol, relTol * ws.scale[j]);
    }
    // Global adaptivity: while Σ_i err_ij > tol_j = max(absTol, relTol·∫|g_j|) for some j, bisect the interval
    // with the largest normalised error max_j err_ij / tol_j (Piessens et al. 1983, QAG).
    let converged = false;
    let relErr = 0;
    let finite = true;
    for (;;) {
      relErr = 0;
      let done = true;
      for (let j = 0; j < m; j++) {
        let s = 0;
        let e = 0;
        for (let i = 0; i < count; i++) {
          s += ws.val[i * ws.m + j];
          e += ws.err[i * ws.m + j];
        }
        out[j] = s;
        const a = ws.scale[j];
        if (!(e <= ws.tol[j])) done = false;
        if (!(s - s === 0 && e - e === 0)) finite = false;
        if (a > 0 && e / a > relErr) relErr = e / a;
      }
      if (done || !finite) {
        converged = done && finite;
        break;
      }
      if (count >= maxIntervals) break;
      // Normalised error of each interval, score_i = max_j err_ij / tol_j; bisect every interval within a
      // factor SPLIT_FRACTION of the worst (fewer passes than one bisection per pass, same partition shape).
      let worstScore = 0;
      for (let i = 0; i < count; i++) {
        let score = 0;
        if (ws.depth[i] < maxDepth) {
          for (let j = 0; j < m; j++) {
            const e = ws.err[i * ws.m + j];
            const r = ws.tol[j] > 0 ? e / ws.tol[j] : e > 0 ? Infinity : 0;
            if (r > score) score = r;
          }
        }
        ws.score[i] = score;
        if (score > worstScore) worstScore = score;
      }
      if (worstScore === 0) break;
      const before = count;
      for (let i = 0; i < before && count < maxIntervals; i++) {
        if (ws.score[i] < SPLIT_FRACTION * worstScore || ws.score[i] === 0) continue;
        const mid = 0.5 * (ws.lo[i] + ws.hi[i]);
        ws.lo[count] = mid;
        ws.hi[count] = ws.hi[i];
        ws.hi[i] = mid;
        ws.depth[i]++;
        ws.depth[count] = ws.depth[i];
        panel(ws, i, m, integrand, false);
        panel(ws, count, m, integrand, false);
        evaluations += 30;
        count++;
      }
    }
    if (stats) {
      stats.evaluations = evaluations;
      stats.intervals = count;
      stats.converged = converged;
      stats.relativeError = relErr;
    }
    return out;
  } finally {
    if (ws === sharedWorkspace) ws.busy = false;
  }
}

/** E_ε[g(ε)] for a scalar integrand by adaptive G7–K15 (see {@link gaussianExpectationsInto}). */
export function gaussianExpectation(
  g: (eps: number) => number,
  opts?: QuadratureOptions,
  stats?: QuadratureStats,
): number {
  const vector: VectorIntegrand = (eps, o) => void (o[0] = g(eps));
  return gaussianExpectationsInto(new Float64Array(1), 1, vector, opts, stats)[0];
}

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
