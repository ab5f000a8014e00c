/**
 * Pure plotting helpers of the environment views: a linear scale, "nice" axis ticks (Heckbert 1990,
 * "Nice numbers for graph labels", Graphics Gems I) and number formatting with a true minus sign. No pixi,
 * no DOM, so they are unit-tested in node.
 */

/** Maps a data interval [d0, d1] linearly onto a pixel interval [r0, r1] (either may be reversed). */
export class LinearScale {
  /** @param d0 @param d1 data interval @param r0 @param r1 pixel interval */
  constructor(
    public d0 = 0,
    public d1 = 1,
    public r0 = 0,
    public r1 = 1,
  ) {}

  /** Resets both intervals; returns this. */
  set(d0: number, d1: number, r0: number, r1: number): this {
    this.d0 = d0;
    this.d1 = d1;
    this.r0 = r0;
    this.r1 = r1;
    return this;
  }

  /** Pixel of data value `v` (not clamped). */
  map(v: number): number {
    const span = this.d1 - this.d0;
    return span === 0 ? (this.r0 + this.r1) / 2 : this.r0 + ((v - this.d0) / span) * (this.r1 - this.r0);
  }

  /** Pixel of `v`, clamped to the pixel interval. */
  mapClamped(v: number): number {
    const p = this.map(v);
    const lo = Math.min(this.r0, this.r1);
    const hi = Math.max(this.r0, this.r1);
    return p < lo ? lo : p > hi ? hi : p;
  }

  /** Data value at pixel `p`. */
  invert(p: number): number {
    const span = this.r1 - this.r0;
    return span === 0 ? this.d0 : this.d0 + ((p - this.r0) / span) * (this.d1 - this.d0);
  }
}

/** A nice step (1, 2 or 5 × 10ⁿ) giving at most about `maxTicks` ticks over [lo, hi]. */
export function niceStep(lo: number, hi: number, maxTicks: number): number {
  const span = Math.abs(hi - lo);
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const m = raw / mag;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * mag;
}

/** Ticks at multiples of a nice step inside [lo, hi] (at most about `maxTicks`, at least 2 when lo < hi). */
export function niceTicks(lo: number, hi: number, maxTicks: number): number[] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const step = niceStep(lo, hi, maxTicks);
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let i = first; i * step <= hi + step * 1e-9; i++) out.push(roundTo(i * step, step));
  return out;
}

/** Extends [lo, hi] outwards to multiples of a nice step; returns [lo, hi] (a flat range gets ±1). */
export function niceRange(lo: number, hi: number, maxTicks: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi - lo < 1e-12) return [lo - 1, hi + 1];
  const step = niceStep(lo, hi, maxTicks);
  return [
    roundTo(Math.floor(lo / step + 1e-9) * step, step),
    roundTo(Math.ceil(hi / step - 1e-9) * step, step),
  ];
}

/** Rounds `v` to the decimals a step of `step` needs (removes float noise such as 0.30000000000000004). */
function roundTo(v: number, step: number): number {
  const d = decimalsFor(step);
  const r = Number(v.toFixed(d));
  return r === 0 ? 0 : r;
}

/** Number of decimals needed to print multiples of `step` exactly (0.25 → 2, 2.5 → 1, 5 → 0). */
export function decimalsFor(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d < 10; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * scaled) return d;
  }
  return 10;
}

/** `x` with `digits` decimals and a true minus sign "−"; "–" for NaN, "∞"/"−∞" for infinities. */
export function formatNumber(x: number, digits: number): string {
  if (x !== x) return '–';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  const s = x.toFixed(digits);
  if (Number(s) === 0) return s.replace('-', '');
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Tick label for `v` on an axis whose ticks are `step` apart. */
export function formatTick(v: number, step: number): string {
  return formatNumber(v, decimalsFor(step));
}

/** Compact value for readouts: 3 significant digits, at least 0 decimals (e.g. −11.7, 0.586, 123). */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x, 0);
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return formatNumber(x, digits);
}

/**
 * y range for a value curve with poles (the short corridor's J(p) → −∞ at p → 0, 1): from 8× the maximum's
 * magnitude below zero up to the maximum, made nice (Sutton & Barto's Figure 13.1 plots down to −100).
 */
export function curveRange(curve: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < curve.length; i++) {
    if (!Number.isFinite(curve[i])) continue;
    lo = Math.min(lo, curve[i]);
    hi = Math.max(hi, curve[i]);
  }
  if (!(lo <= hi)) return [-100, 0];
  const floor = hi < 0 ? hi * 8 : hi - 8 * Math.max(1, Math.abs(hi));
  return niceRange(Math.max(lo, floor), hi, 5);
}
