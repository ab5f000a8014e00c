/**
 * Histograms of single-sample gradient estimates for the gradient lab: one robust x-range shared by every
 * estimator (so their spreads compare at a glance, as in Mohamed, Rosca, Figurnov & Mnih 2020, Fig. 3) and
 * allocation-free bin counting. Heavy-tailed estimators (the score function) would stretch a min–max range
 * until every other histogram is a single spike, so the range is set by pooled central quantiles.
 */

/** Fraction of the range added on each side so the exact-gradient line never sits on an edge. */
const MARGIN = 0.02;

/**
 * Rearranges a[from .. to) so that a[k] holds the value it would have after sorting, everything before it is
 * ≤ a[k] and everything after is ≥ a[k] (Hoare's FIND / quickselect, median-of-three pivot); expected O(n).
 */
function selectInPlace(a: Float64Array, from: number, to: number, k: number): void {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of a[lo], a[mid], a[hi] as pivot (sorted input stays O(n)).
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Hoare partition: [lo, j] ≤ pivot ≤ [i, hi]; equal keys split evenly, so ties stay O(n log n) at worst.
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** a + t(b − a), falling back to (1 − t)a + tb when b − a overflows (a and b near ∓1.8e308). */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return d - d === 0 ? a + t * d : (1 - t) * a + t * b;
}

/** Smallest value of a[from .. to). */
function minOf(a: Float64Array, from: number, to: number): number {
  let m = a[from];
  for (let i = from + 1; i < to; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * A robust common x-range [lo, hi) for histograms of several estimators.
 *
 * Pools the finite values among arrays[e][0 .. counts[e]) (NaN and ±Infinity ignored), takes the pooled
 * qLo and qHi quantiles (linear interpolation between order statistics), widens the range so every finite
 * `include` value (the exact gradient) lies inside, then pads each side by 2% of the width. A degenerate
 * range (all values equal) becomes centre ± 10% of |centre| (± 1 at 0); with no finite value at all it is
 * [−1, 1]. The result is always finite with lo < hi.
 *
 * `scratch` is used for the pooled copy when it is long enough (pass one you own to avoid allocating on
 * every call); it is overwritten. The inputs are not modified.
 */
export function sharedRange(
  arrays: readonly ArrayLike<number>[],
  counts: readonly number[],
  include: readonly number[],
  qLo = 0.005,
  qHi = 0.995,
  scratch?: Float64Array,
): { lo: number; hi: number } {
  if (arrays.length !== counts.length)
    throw new Error(`sharedRange: ${arrays.length} arrays but ${counts.length} counts`);
  if (!(qLo >= 0 && qLo <= qHi && qHi <= 1))
    throw new Error(`sharedRange: need 0 ≤ qLo ≤ qHi ≤ 1, got ${qLo}, ${qHi}`);
  let total = 0;
  for (let e = 0; e < arrays.length; e++) total += Math.min(counts[e], arrays[e].length);
  const pool = scratch && scratch.length >= total ? scratch : new Float64Array(total);
  let m = 0;
  for (let e = 0; e < arrays.length; e++) {
    const x = arrays[e];
    const n = Math.min(counts[e], x.length);
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v - v === 0) pool[m++] = v;
    }
  }
  let lo = Infinity;
  let hi = -Infinity;
  if (m > 0) {
    // Quantile q at position p = q (m − 1): x_(⌊p⌋) + (p − ⌊p⌋)(x_(⌊p⌋+1) − x_(⌊p⌋)) (Hyndman & Fan type 7).
    const pLo = qLo * (m - 1);
    const kLo = Math.floor(pLo);
    selectInPlace(pool, 0, m, kLo);
    lo = kLo + 1 < m ? lerp(pool[kLo], minOf(pool, kLo + 1, m), pLo - kLo) : pool[kLo];
    const pHi = qHi * (m - 1);
    const kHi = Math.max(kLo, Math.floor(pHi));
    selectInPlace(pool, kLo, m, kHi);
    hi = kHi + 1 < m ? lerp(pool[kHi], minOf(pool, kHi + 1, m), pHi - kHi) : pool[kHi];
  }
  for (let i = 0; i < include.length; i++) {
    const v = include[i];
    if (!(v - v === 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return { lo: -1, hi: 1 };
  // Work with centre and half-width computed from halves so that ±1e308 never overflows.
  const centre = 0.5 * lo + 0.5 * hi;
  let half = 0.5 * hi - 0.5 * lo;
  if (!(half > 1e-12 * Math.abs(centre))) half = centre !== 0 ? 0.1 * Math.abs(centre) : 1;
  else half *= 1 + 2 * MARGIN;
  const outLo = Math.max(-Number.MAX_VALUE, centre - half);
  const outHi = Math.min(Number.MAX_VALUE, centre + half);
  return { lo: outLo, hi: outHi };
}

/**
 * Counts x[0 .. n) into out[0 .. bins) on equal-width bins over [lo, hi); returns the values outside.
 *
 * Bin b holds lo + b·w ≤ x < lo + (b+1)·w with w = (hi − lo)/bins. x < lo (−Infinity included) counts as
 * `under`, x ≥ hi (x = hi exactly and +Infinity included) as `over`, matching the half-open range; NaN is
 * skipped. out[0 .. bins) is overwritten; entries past `bins` are untouched.
 */
export function histogramInto(
  out: Float64Array,
  bins: number,
  x: ArrayLike<number>,
  n: number,
  lo: number,
  hi: number,
): { under: number; over: number } {
  if (!(Number.isInteger(bins) && bins >= 1 && bins <= out.length))
    throw new Error(`histogramInto: bins=${bins} must be an integer in 1..${out.length}`);
  if (!(lo < hi && Number.isFinite(lo) && Number.isFinite(hi)))
    throw new Error(`histogramInto: need finite lo < hi, got [${lo}, ${hi})`);
  if (!(n >= 0 && n <= x.length)) throw new Error(`histogramInto: n=${n} exceeds ${x.length} values`);
  out.fill(0, 0, bins);
  // b = ⌊(x − lo)·bins/(hi − lo)⌋, clamped to bins − 1 against rounding just below hi; the differences are
  // taken of halves (exact scaling) so a range near ±1.8e308 does not overflow.
  const halfLo = 0.5 * lo;
  const scale = bins / (0.5 * hi - halfLo);
  const last = bins - 1;
  let under = 0;
  let over = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < lo) under++;
    else if (v >= hi) over++;
    else if (v === v) {
      const b = Math.floor((0.5 * v - halfLo) * scale);
      out[b < last ? b : last]++;
    }
  }
  return { under, over };
}
