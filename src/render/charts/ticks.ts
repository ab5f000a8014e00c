/**
 * Every axis tick and number label drawn under src/render/ (the charts, the lab panels and the environment
 * views), as pure functions: "nice" steps on 1-2-5 × 10ⁿ (Heckbert 1990, "Nice numbers for graph labels",
 * the scheme of d3-scale and matplotlib's MaxNLocator), decade ticks for log axes, values rounded without
 * floating-point noise ("0.3", not "0.30000000000000004"), and labels in fixed notation or with a compact
 * exponent ("2.5e6", "1e-6"). Two tick rules live side by side: {@link niceTicks} caps the number of ticks
 * (charts, lab), {@link niceStep} / {@link niceTickValues} / {@link niceRange} cap the number of intervals
 * (environment views). The sign and exponent helpers are shared with the DOM controls (../../core/format.ts).
 */
import { MINUS, exponential, trimZeros, withSign } from '../../core/format';

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

/** Decimals (0 to `max`) that print multiples of `step` exactly: 0.25 → 2, 2.5 → 1, 5 → 0, 500 → 0. */
export function decimalsFor(step: number, max = 10): number {
  return Math.min(max, Math.max(0, stepDecimals(step)));
}

/** `v` rounded to `decimals` decimals (to tens, hundreds… when negative) without float noise; never −0. */
export function roundTo(v: number, decimals: number): number {
  if (decimals >= 0) return Number(v.toFixed(Math.min(decimals, 100))) + 0;
  const p = Math.pow(10, -decimals);
  return Math.round(v / p) * p + 0;
}

/** k · step for k = first … last, each rounded to `decimals`. */
function multiples(first: number, last: number, step: number, decimals: number): number[] {
  const values: number[] = [];
  for (let k = first; k <= last; k++) values.push(roundTo(k * step, decimals));
  return values;
}

/** The multiples of `step` within [lo, hi] (with 1e-9 steps of slack), each rounded to `decimals`. */
function multiplesWithin(lo: number, hi: number, step: number, decimals: number): number[] {
  return multiples(Math.ceil(lo / step - 1e-9), Math.floor(hi / step + 1e-9), step, decimals);
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
      return last > first || Number.isNaN(prev)
        ? ticksOf(multiples(first, last, step, stepDecimals(step)), step)
        : ticksOf(multiplesWithin(a, b, prev, stepDecimals(prev)), prev);
    }
  }
  return EMPTY;
}

/** {@link Ticks} of ascending `values` that are `step` apart (NaN for log ticks). */
function ticksOf(values: number[], step: number): Ticks {
  if (values.length === 0) return EMPTY;
  return { values, step, lo: values[0], hi: values[values.length - 1] };
}

/**
 * The nice step (1, 2 or 5 × 10ⁿ) of the environment views: the smallest one that cuts [lo, hi] into at most
 * `maxIntervals` intervals (so at most about `maxIntervals` + 1 ticks); 1 for an empty or infinite range.
 */
export function niceStep(lo: number, hi: number, maxIntervals: number): number {
  const span = Math.abs(hi - lo);
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxIntervals);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const m = raw / mag;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * mag;
}

/**
 * The multiples of {@link niceStep}`(lo, hi, maxIntervals)` within [lo, hi], as a plain array (at least 2
 * when lo < hi); `[lo]` when lo == hi, none for NaN. Unlike {@link niceTicks}, this caps intervals, not ticks.
 */
export function niceTickValues(lo: number, hi: number, maxIntervals: number): number[] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const step = niceStep(lo, hi, maxIntervals);
  return multiplesWithin(lo, hi, step, decimalsFor(step));
}

/**
 * [lo, hi] extended outwards to multiples of {@link niceStep}`(lo, hi, maxIntervals)`; a flat range gets ±1,
 * a non-finite one is [0, 1].
 */
export function niceRange(lo: number, hi: number, maxIntervals: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi - lo < 1e-12) return [lo - 1, hi + 1];
  const step = niceStep(lo, hi, maxIntervals);
  const d = decimalsFor(step);
  return [roundTo(Math.floor(lo / step + 1e-9) * step, d), roundTo(Math.ceil(hi / step - 1e-9) * step, d)];
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
  return ticksOf(values, NaN);
}

/** `x` with `digits` decimals and `minus` for negatives (never "−0.00"); "–" for NaN, "∞"/"−∞" for ±∞. */
export function formatFixed(x: number, digits: number, minus: string = MINUS): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  return withSign(x < 0, Math.abs(x).toFixed(digits), minus);
}

/** "–" for NaN, "∞" / "−∞" for the infinities. */
function nonFinite(x: number): string {
  return x !== x ? '–' : x > 0 ? '∞' : `${MINUS}∞`;
}

/** How {@link formatTick} writes a label. */
export interface TickStyle {
  /** The minus sign. */
  readonly minus: string;
  /** Whether a step ≥ 10⁵ or < 10⁻³ switches to a compact exponent ("2.5e6"); else fixed notation always. */
  readonly exponent: boolean;
  /** Most decimals in fixed notation. */
  readonly maxDecimals: number;
}

/** Tick labels of the charts and the lab: "-2.5", "2.5e6". */
export const CHART_TICKS: TickStyle = Object.freeze({ minus: '-', exponent: true, maxDecimals: 20 });

/** Tick labels of the environment views: a true minus and fixed notation only ("−2.5", "2500000"). */
export const VIEW_TICKS: TickStyle = Object.freeze({ minus: MINUS, exponent: false, maxDecimals: 10 });

/**
 * Label for tick value `v` on an axis with tick distance `step` (NaN or ≤ 0: label `v` at its own
 * precision, as on log axes): fixed notation with the decimals the step needs ("0.0", "0.5", "1.0"), or in
 * the `exponent` style a compact exponent ("2.5e6", "1e-6") when the step is ≥ 10⁵ or < 10⁻³. Values that
 * round to zero are "0…" (never "-0"); non-finite values get no label.
 */
export function formatTick(v: number, step: number, style: TickStyle = CHART_TICKS): string {
  if (!Number.isFinite(v)) return '';
  const s = step > 0 && Number.isFinite(step) ? step : v === 0 ? 1 : Math.abs(v);
  const fixed = !style.exponent || (s >= 1e-3 && s < 1e5);
  if (fixed) return formatFixed(v, decimalsFor(s, style.maxDecimals), style.minus);
  if (Math.abs(v) < s * 1e-9) return '0';
  const e = Math.floor(Math.log10(Math.abs(v)) + 1e-12);
  const digits = Math.min(Math.max(0, stepDecimals(s) + e), 6);
  return withSign(v < 0, exponential(Math.abs(v), digits), style.minus);
}

/**
 * A short readout of an arbitrary value (charts' and lab tooltips, lab statistics): 4 significant digits
 * (whole numbers from 1000 on), trailing zeros dropped, compact exponent outside [10⁻³, 10⁵), "-" for
 * negatives; "–" for NaN, "∞" / "−∞".
 */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e3 && a < 1e5) return v.toFixed(0);
  if (a >= 1e5 || a < 1e-3) return exponential(v, 3);
  return trimZeros(v.toPrecision(4));
}

/**
 * A live readout of the environment views: fixed decimals by magnitude, about 3 significant digits with
 * trailing zeros kept so the text does not jitter (−11.7, 0.586, 0.500, 123), true minus; "–", "∞", "−∞".
 */
export function formatReadout(x: number): string {
  const a = Math.abs(x);
  return formatFixed(x, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}
