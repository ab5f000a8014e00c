/**
 * The building blocks of the adaptive Gaussian quadrature in gaussKronrod.ts: the Gauss–Kronrod G7–K15 pair
 * on one panel with the normal density φ folded in, the growable storage of the partition, and the initial
 * partition. Rule and strategy follow QUADPACK's `qk15` and QAG (Piessens, de Doncker-Kapenga, Überhuber &
 * Kahaner 1983).
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

/** Initial panel edges in ε (besides ±L and the breakpoints): finer where φ carries its mass. */
export const DEFAULT_EDGES: readonly number[] = [-8, -5, -3, -1.5, 0, 1.5, 3, 5, 8];

/**
 * Growable per-interval storage of the adaptive quadrature (intervals, their K15 values and |K15 − G7| errors,
 * per-component scales and tolerances). The driver reuses one shared instance; a nested (re-entrant) call gets
 * its own, which is what `busy` is for.
 */
export class PanelWorkspace {
  /** Interval capacity of the arrays. */
  cap = 0;
  /** Component capacity of the arrays. */
  m = 0;
  /** Left end of each interval. */
  lo = new Float64Array(0);
  /** Right end of each interval (also scratch for the sorted edges while partitioning). */
  hi = new Float64Array(0);
  /** Bisections that led to each interval. */
  depth = new Int32Array(0);
  /** Normalised error of each interval, max_j err_ij / tol_j (set by the driver each pass). */
  score = new Float64Array(0);
  /** Per (interval, component), row-major with stride `m`: the Kronrod estimate. */
  val = new Float64Array(0);
  /** Per (interval, component), row-major with stride `m`: |K − G|. */
  err = new Float64Array(0);
  /** Per component: ∫|g_j| by the K-rules of the initial partition (the scale of the relative tolerance). */
  scale = new Float64Array(0);
  /** Per component: the Gauss sum of the panel being integrated (scratch). */
  g = new Float64Array(0);
  /** Per component: the absolute tolerance. */
  tol = new Float64Array(0);
  /** Per component: the integrand's values at one node (scratch). */
  buf = new Float64Array(0);
  /** True while a call uses this workspace. */
  busy = false;

  /** Grows the arrays to hold at least `cap` intervals of `m` components (contents are lost when it grows). */
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

/** Integrates interval i with G7 and K15 (φ folded in), storing K and |K − G|; adds ∫|g| to ws.scale if asked. */
export function integratePanel(
  ws: PanelWorkspace,
  i: number,
  m: number,
  f: VectorIntegrand,
  scale: boolean,
): void {
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
export function initialPartition(ws: PanelWorkspace, L: number, bp: ArrayLike<number>): number {
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
