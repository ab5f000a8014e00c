/**
 * Where a user's f jumps (or, with its derivative, kinks): the quadrature is exact across a jump only if the
 * jump is a panel edge (QUADPACK's "points" argument, Piessens et al. 1983); otherwise a jump that falls
 * between a panel edge and its first node is never seen, and the error can reach ~3e-3 per unit jump. The
 * expression's text does not say where its jumps are, so they are found numerically: scan g on a uniform
 * grid, flag a step whose change dwarfs both neighbouring steps, and bisect it down to the jump. A false
 * alarm (a steep but smooth stretch) only adds a harmless panel edge; two jumps closer than the grid spacing
 * are found as one.
 */

/** Options of {@link findBreakpoints}. */
export interface BreakpointOptions {
  /** Grid intervals over [lo, hi] (default 4000). */
  grid?: number;
  /** Also look for jumps of f′ (kinks of f). */
  kinks?: boolean;
  /** Most points returned (default 64). */
  limit?: number;
}

/** A step this many times larger than both neighbouring steps is taken for a jump. */
const JUMP_RATIO = 4;
/** Grid offset in units of the spacing (1 − 1/golden ratio: far from every simple fraction). */
const OFFSET = 0.3819660112501051;
/** Bisections per jump (the interval shrinks by 2⁻⁶⁰, i.e. to rounding). */
const BISECTIONS = 60;

/** Jumps of g in [lo, hi], appended to `out` (at most `limit` in all). */
function scan(
  g: (z: number) => number,
  lo: number,
  hi: number,
  n: number,
  out: number[],
  limit: number,
): void {
  // nodes z_i = lo + (i − OFFSET)h, i = 0 … n + 1, cover [lo, hi] and miss round numbers, where a jump would
  // otherwise sit exactly on a node and show as two half-size steps
  const h = (hi - lo) / n;
  const x0 = lo - OFFSET * h;
  n += 1;
  const v = new Float64Array(n + 1);
  let scale = 0;
  for (let i = 0; i <= n; i++) {
    v[i] = g(x0 + i * h);
    if (Number.isFinite(v[i])) scale = Math.max(scale, Math.abs(v[i]));
  }
  const tiny = 1e-9 * Math.max(scale, 1e-300);
  const step = (i: number) => (i < 0 || i >= n ? 0 : Math.abs(v[i + 1] - v[i]));
  for (let i = 0; i < n && out.length < limit; i++) {
    const d = step(i);
    if (!(d > tiny) || !(d > JUMP_RATIO * step(i - 1)) || !(d > JUMP_RATIO * step(i + 1))) continue;
    // Bisection: keep the half across which g changes more (the jump stays inside).
    let a = x0 + i * h;
    let b = a + h;
    let ga = v[i];
    let gb = v[i + 1];
    for (let k = 0; k < BISECTIONS && b - a > 0; k++) {
      const m = 0.5 * (a + b);
      if (m <= a || m >= b) break;
      const gm = g(m);
      if (Math.abs(gm - ga) >= Math.abs(gb - gm)) {
        b = m;
        gb = gm;
      } else {
        a = m;
        ga = gm;
      }
    }
    out.push(0.5 * (a + b));
  }
}

/**
 * Points z in [lo, hi] where f jumps (and, if `kinks`, where f′ jumps), ascending and without duplicates.
 * Costs about grid + 60 per jump evaluations of f (and as many of f′).
 */
export function findBreakpoints(
  f: (z: number) => number,
  df: (z: number) => number,
  lo: number,
  hi: number,
  opts: BreakpointOptions = {},
): number[] {
  if (!(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const n = Math.max(16, Math.floor(opts.grid ?? 4000));
  const limit = opts.limit ?? 64;
  const out: number[] = [];
  scan(f, lo, hi, n, out, limit);
  if (opts.kinks) scan(df, lo, hi, n, out, limit);
  out.sort((a, b) => a - b);
  const tol = 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi));
  return out.filter((z, i) => i === 0 || z - out[i - 1] > tol);
}

/** What the expression compiler says about f's regularity (src/expr's ExpressionInfo fields). */
export interface Regularity {
  smoothness: 'smooth' | 'kinked' | 'piecewise-constant';
  discontinuous: boolean;
}

/** How to look for f's breakpoints: null for a smooth f (nothing to find), kinks too for a kinked one. */
export function breakpointSearch(r: Regularity): BreakpointOptions | null {
  if (r.smoothness === 'smooth' && !r.discontinuous) return null;
  return { kinks: r.smoothness === 'kinked' };
}

/** Half-width, in σ, of the z range searched for breakpoints (the quadrature's reach, L = 13). */
export const BREAKPOINT_REACH = 13;

/** Breakpoints of f within μ ± 13σ (the whole range the quadrature integrates over), or none if smooth. */
export function breakpointsNear(
  f: (z: number) => number,
  df: (z: number) => number,
  mu: number,
  sigma: number,
  search: BreakpointOptions | null,
): number[] | undefined {
  if (!search) return undefined;
  return findBreakpoints(f, df, mu - BREAKPOINT_REACH * sigma, mu + BREAKPOINT_REACH * sigma, search);
}
