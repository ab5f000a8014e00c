/**
 * Axis ticks as pure functions: "nice" linear ticks on 1-2-5 steps (Heckbert 1990, "Nice numbers for graph
 * labels", the scheme of d3-scale and matplotlib's MaxNLocator), decade ticks for log axes, and tick labels
 * without floating-point noise ("0.3", not "0.30000000000000004") and with a compact exponent for very large
 * or small numbers ("2.5e6", "1e-6").
 */

/** A set of tick values. */
export interface Ticks {
  /** Tick values, ascending (empty when the input was not finite). */
  readonly values: number[];
  /** Distance between linear ticks; NaN for log ticks (each is labelled at its own precision). */
  readonly step: number;
  /** First and last tick: a "nice" range that covers the input range. */
  readonly lo: number;
  readonly hi: number;
}

const EMPTY: Ticks = Object.freeze({ values: [], step: NaN, lo: NaN, hi: NaN }) as Ticks;

/** Smallest d (possibly negative) such that `step · 10^d` is an integer, i.e. the decimals `step` needs. */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  let d = -Math.floor(Math.log10(step)) - 1;
  for (let k = 0; k < 20; k++, d++) {
    const x = step * Math.pow(10, d);
    if (Math.abs(x - Math.round(x)) < 1e-6 * Math.max(1, Math.abs(x))) return d;
  }
  return d;
}

/** Rounds `v` to `decimals` decimals (or to tens, hundreds… when negative) without float noise. */
function roundTo(v: number, decimals: number): number {
  if (decimals >= 0) return Number(v.toFixed(Math.min(decimals, 100)));
  const p = Math.pow(10, -decimals);
  return Math.round(v / p) * p;
}

/**
 * At most `maxCount` ticks (≥ 2) on a 1-2-5 step whose first tick is ≤ `min` and last ≥ `max` (covering), or
 * with `inside`, the ticks within [min, max] only (what an axis showing exactly that range labels). A
 * degenerate range (min == max) is widened by 10% of |min| (or ±1 around 0); NaN or ±∞ input gives no ticks.
 */
export function niceTicks(min: number, max: number, maxCount: number, inside = false): Ticks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return EMPTY;
  let a = Math.min(min, max);
  let b = Math.max(min, max);
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (b - a <= scale * 1e-12) {
    const c = (a + b) / 2;
    const half = c === 0 ? 1 : Math.abs(c) * 0.1;
    a = c - half;
    b = c + half;
  }
  const span = b - a;
  if (!Number.isFinite(span)) return EMPTY;
  const count = Math.max(2, Math.floor(Number.isFinite(maxCount) ? maxCount : 2));
  let exp = Math.floor(Math.log10(span / count));
  let prev = NaN;
  for (let guard = 0; guard < 40; guard++, exp++) {
    const mag = Math.pow(10, exp);
    for (const m of [1, 2, 5]) {
      const step = Number((m * mag).toPrecision(1));
      const first = inside ? Math.ceil(a / step - 1e-9) : Math.floor(a / step + 1e-9);
      const last = inside ? Math.floor(b / step + 1e-9) : Math.ceil(b / step - 1e-9);
      if (last - first + 1 > count) {
        prev = step;
        continue;
      }
      // Inside a range, a step that leaves fewer than 2 ticks is too coarse: take the finer one before it.
      return last > first || Number.isNaN(prev) ? ticksOf(first, last, step) : ticksOf(a, b, prev, true);
    }
  }
  return EMPTY;
}

/** Ticks k·step for k in [first, last], or with `fromRange` for the multiples of `step` within [first, last]. */
function ticksOf(first: number, last: number, step: number, fromRange = false): Ticks {
  const k0 = fromRange ? Math.ceil(first / step - 1e-9) : first;
  const k1 = fromRange ? Math.floor(last / step + 1e-9) : last;
  const d = stepDecimals(step);
  const values: number[] = [];
  for (let k = k0; k <= k1; k++) values.push(roundTo(k * step, d) + 0);
  return { values, step, lo: values[0], hi: values[values.length - 1] };
}

/** `m · 10^e` without the rounding error of `m * Math.pow(10, e)` (e.g. 1e-7 stays 1e-7). */
function decade(m: number, e: number): number {
  return Number(`${m}e${e}`);
}

/**
 * Ticks for a log axis over [min, max] (both > 0): the decades 10^k, plus 2·10^k and 5·10^k when the range
 * spans at most two decades; with more decades than `maxCount` only every 2nd, 3rd… decade is kept. By
 * default the ticks cover the range (first ≤ min, last ≥ max); with `inside` only those within it are given.
 * Non-positive, NaN or infinite input gives no ticks.
 */
export function logTicks(min: number, max: number, maxCount = 8, inside = false): Ticks {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return EMPTY;
  const a = Math.min(min, max);
  const b = Math.max(min, max);
  const count = Math.max(2, Math.floor(Number.isFinite(maxCount) ? maxCount : 2));
  const la = Math.log10(a);
  const lb = Math.log10(b);
  let lo = Math.floor(la + 1e-9);
  let hi = Math.ceil(lb - 1e-9);
  if (hi <= lo) hi = lo + 1;
  const keep = (v: number): boolean => !inside || (v >= a * (1 - 1e-9) && v <= b * (1 + 1e-9));
  let values: number[] = [];
  if (lb - la <= 2 + 1e-9) {
    for (let e = lo; e < hi; e++) values.push(decade(1, e), decade(2, e), decade(5, e));
    values.push(decade(1, hi));
    values = values.filter(keep);
  }
  if (values.length < 2 || values.length > count) {
    const first = inside ? Math.ceil(la - 1e-9) : lo;
    const last = inside ? Math.floor(lb + 1e-9) : hi;
    const every = Math.max(1, Math.ceil((last - first + 1) / count));
    lo = inside ? Math.ceil(first / every) * every : Math.floor(first / every) * every;
    hi = inside ? Math.floor(last / every) * every : Math.ceil(last / every) * every;
    values = [];
    for (let e = lo; e <= hi; e += every) values.push(decade(1, e));
  }
  if (values.length === 0) return EMPTY;
  return { values, step: NaN, lo: values[0], hi: values[values.length - 1] };
}

/**
 * Label for tick value `v` on an axis with tick distance `step` (NaN or ≤ 0: label `v` at its own
 * precision, as on log axes). Fixed notation with the decimals the step needs ("0.0", "0.5", "1.0"); a
 * compact exponent ("2.5e6", "1e-6") when the step is ≥ 10⁵ or < 10⁻³. Values within 10⁻⁹ steps of zero
 * are zero (never "-0").
 */
export function formatTick(v: number, step: number): string {
  if (!Number.isFinite(v)) return '';
  const s = step > 0 && Number.isFinite(step) ? step : v === 0 ? 1 : Math.abs(v);
  const d = stepDecimals(s);
  if (Math.abs(v) < s * 1e-9) return d > 0 && s >= 1e-3 && s < 1e5 ? (0).toFixed(d) : '0';
  if (s >= 1e5 || s < 1e-3) {
    const e = Math.floor(Math.log10(Math.abs(v)) + 1e-12);
    const text = v.toExponential(Math.min(Math.max(0, d + e), 6));
    const [mant, ex] = text.split('e');
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    return `${m}e${Number(ex)}`;
  }
  return v.toFixed(Math.max(0, Math.min(d, 20)));
}

/**
 * A short readout of an arbitrary value (tooltips): 4 significant digits (whole numbers from 1000 on),
 * trailing zeros dropped, compact exponent outside [10⁻³, 10⁵); NaN → "–".
 */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e3 && a < 1e5) return v.toFixed(0);
  if (a >= 1e5 || a < 1e-3) {
    const [mant, ex] = v.toExponential(3).split('e');
    return `${mant.replace(/0+$/, '').replace(/\.$/, '')}e${Number(ex)}`;
  }
  const text = v.toPrecision(4);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
