/**
 * Expectations under the standard normal, E_ε[g(ε)] = ∫ g(ε) φ(ε) dε: the "exact" side of every Gaussian
 * gradient comparison in the lab (Mohamed, Rosca, Figurnov & Mnih 2020, §3, Figs. 2–3).
 *
 * Globally adaptive Gauss–Kronrod G7–K15 on ε ∈ [−L, L] (L = 13, φ < 1e−37) with φ folded in; vector-valued,
 * so a family of moments shares one partition and one call of the user's function per node. QUADPACK's QAG
 * strategy (Piessens, de Doncker-Kapenga, Überhuber & Kahaner 1983): bisect where the error estimate
 * |K15 − G7| is largest; breakpoints make jumps and kinks exact. The rule on one panel and the partition
 * storage live in kronrodPanels.ts; the non-adaptive Gauss–Hermite alternative in gaussHermite.ts.
 */

import {
  DEFAULT_EDGES,
  PanelWorkspace,
  initialPartition,
  integratePanel,
  type VectorIntegrand,
} from './kronrodPanels';

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

/** Intervals whose normalised error is at least this fraction of the worst one are bisected together. */
const SPLIT_FRACTION = 0.5;

/** The workspace reused by every call that is not nested inside another. */
const sharedWorkspace = new PanelWorkspace();

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
  const ws = sharedWorkspace.busy ? new PanelWorkspace() : sharedWorkspace;
  ws.busy = true;
  try {
    const bp = opts.breakpoints ?? [];
    ws.ensure(Math.max(maxIntervals, DEFAULT_EDGES.length + bp.length + 2), m);
    let count = initialPartition(ws, L, bp);
    let evaluations = 0;
    ws.scale.fill(0);
    for (let i = 0; i < count; i++) {
      integratePanel(ws, i, m, integrand, true);
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
        integratePanel(ws, i, m, integrand, false);
        integratePanel(ws, count, m, integrand, false);
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
