/**
 * The statistics behind the lessons' verdicts, from what a multi-seed run reports: per-episode means and
 * standard errors across seeds. A window's average has SE ≤ the average of the per-episode SEs (Minkowski:
 * sd(Σx) ≤ Σ sd(x), whatever the correlation between episodes), and a difference of two arms has SE ≤ SE_A +
 * SE_B (again for any correlation, common random numbers included). Verdicts use these bounds, so they can
 * only be more cautious than the data allow, never bolder.
 */
import { MINUS, exponential, trimZeros } from '../../core/format';
import type { SeriesStats, VarianceEstimate } from './types';

/** How many standard errors separate a clear difference from noise. */
export const Z = 2;

/** Mean of a window of episodes [from, to) and an upper bound on its standard error. */
export interface WindowMean {
  mean: number;
  se: number;
}

/** Mean over episodes [from, to) of `s` (clamped to its length), with SE ≤ the mean of the SEs. */
export function windowMean(s: SeriesStats, from: number, to: number): WindowMean {
  const n = s.mean.length;
  const a = Math.max(0, Math.min(n, Math.floor(from)));
  const b = Math.max(a, Math.min(n, Math.floor(to)));
  if (b === a) return { mean: NaN, se: NaN };
  let m = 0;
  let se = 0;
  // m̄ = (1/W) Σ_e m_e;  SE(m̄) ≤ (1/W) Σ_e se_e
  for (let e = a; e < b; e++) {
    m += s.mean[e];
    se += s.se[e];
  }
  return { mean: m / (b - a), se: se / (b - a) };
}

/** Which of two window means is larger, if clearly so. */
export interface ArmComparison {
  a: WindowMean;
  b: WindowMean;
  /** a − b. */
  diff: number;
  /** Upper bound on the SE of the difference (SE_a + SE_b). */
  se: number;
  /**
   * 'a' or 'b' when that one is larger by more than Z·se; 'same' when the whole interval diff ± Z·se lies
   * within ±margin (a practical equivalence); null otherwise (not conclusive).
   */
  outcome: 'a' | 'b' | 'same' | null;
}

/** Compares the window [from, to) of two arms (see {@link ArmComparison}). */
export function compareArms(
  a: SeriesStats,
  b: SeriesStats,
  from: number,
  to: number,
  margin: number,
): ArmComparison {
  const wa = windowMean(a, from, to);
  const wb = windowMean(b, from, to);
  const diff = wa.mean - wb.mean;
  const se = wa.se + wb.se;
  let outcome: ArmComparison['outcome'] = null;
  if (!Number.isFinite(diff) || !Number.isFinite(se)) outcome = null;
  else if (diff > Z * se) outcome = 'a';
  else if (-diff > Z * se) outcome = 'b';
  else if (Math.abs(diff) + Z * se < margin) outcome = 'same';
  return { a: wa, b: wb, diff, se, outcome };
}

/** Mean and standard error of a list of numbers (NaN SE for fewer than two). */
export function meanAndSe(xs: readonly number[]): WindowMean {
  const n = xs.length;
  if (n === 0) return { mean: NaN, se: NaN };
  let m = 0;
  for (const x of xs) m += x;
  m /= n;
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return { mean: m, se: n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN };
}

/**
 * Ratio r = V₁/V₂ of two independent variance estimates with its delta-method SE,
 * SE(r)/r = √((se₁/V₁)² + (se₂/V₂)²).
 */
export function varianceRatio(v1: VarianceEstimate, v2: VarianceEstimate): WindowMean {
  const r = v1.variance / v2.variance;
  const rel = Math.hypot(v1.se / v1.variance, v2.se / v2.variance);
  return { mean: r, se: Math.abs(r) * rel };
}

/**
 * The one target within z·se + tol of `x` (its index), or −1 when none or several are: "which of these values
 * does the measurement pick out?" (`tol` is a practical tolerance, e.g. for a policy that approaches 1 but,
 * after finitely many updates, never reaches it.)
 */
export function uniqueMatch(x: WindowMean, targets: readonly number[], z = Z, tol = 0): number {
  let found = -1;
  for (let i = 0; i < targets.length; i++) {
    if (Math.abs(x.mean - targets[i]) <= z * x.se + tol) {
      if (found >= 0) return -1;
      found = i;
    }
  }
  return found;
}

/** A number with `digits` significant digits, a true minus and no trailing zeros ("0.586", "−11.7", "3.2e-5"). */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? `${MINUS}∞` : '—';
  const a = Math.abs(x);
  const s = a !== 0 && (a < 1e-3 || a >= 1e6) ? exponential(a, digits - 1) : trimZeros(a.toPrecision(digits));
  const t = s.includes('e') ? s : String(Number(s));
  return x < 0 && Number(t) !== 0 ? `${MINUS}${t}` : t;
}

/** "m ± se" with both formatted. */
export function pm(w: WindowMean, digits = 3): string {
  return `${fmt(w.mean, digits)} ± ${fmt(w.se, 2)}`;
}

/** A fraction as a percentage with its SE: "90.0% ± 2.7%". */
export function pct(w: WindowMean): string {
  return `${(100 * w.mean).toFixed(1)}% ± ${(100 * w.se).toFixed(1)}%`;
}
