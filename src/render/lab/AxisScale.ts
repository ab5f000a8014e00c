/**
 * One axis of a lab plot as a pure data ↔ pixel mapping, linear or log10, and the ticks it shows (from the
 * playground's ../charts/ticks.ts: 1-2-5 steps for linear axes, decades for log axes). No Pixi: the x and y
 * mappings of every lab panel go through this class, and it is unit-tested in node.
 */
import { logTicks, niceTicks, type Ticks } from '../charts/ticks';

/** Linear or base-10 logarithmic. */
export type ScaleKind = 'linear' | 'log';

/** Maps data [lo, hi] onto pixels [p0, p1] (p1 < p0 for an upward y axis). */
export class AxisScale {
  /** Scale kind. */
  kind: ScaleKind = 'linear';
  /** Data range (both > 0 on a log axis). */
  lo = 0;
  hi = 1;
  /** Pixel positions of lo and hi. */
  p0 = 0;
  p1 = 1;
  private t0 = 0;
  private t1 = 1;

  /** Sets kind, data range and pixel range; returns this. A log range with lo ≤ 0 becomes [hi/10, hi]. */
  set(kind: ScaleKind, lo: number, hi: number, p0: number, p1: number): this {
    this.kind = kind;
    if (kind === 'log' && !(lo > 0)) lo = hi > 0 ? hi / 10 : 0.1;
    if (kind === 'log' && !(hi > lo)) hi = lo * 10;
    if (kind === 'linear' && !(hi > lo)) hi = lo + 1;
    this.lo = lo;
    this.hi = hi;
    this.p0 = p0;
    this.p1 = p1;
    this.t0 = this.transform(lo);
    this.t1 = this.transform(hi);
    return this;
  }

  /** Moves the pixel range only (same data range). */
  setPixels(p0: number, p1: number): this {
    this.p0 = p0;
    this.p1 = p1;
    return this;
  }

  /** Data → pixel, not clamped; NaN for v ≤ 0 on a log axis and for NaN. */
  toPixel(v: number): number {
    const t = this.transform(v);
    return this.p0 + ((t - this.t0) / (this.t1 - this.t0)) * (this.p1 - this.p0);
  }

  /** Data → pixel clamped to the pixel range (±∞ land on the ends; NaN and log v ≤ 0 stay NaN). */
  toPixelClamped(v: number): number {
    if (v === Infinity) return this.p1;
    if (v === -Infinity) return this.p0;
    const p = this.toPixel(v);
    const a = Math.min(this.p0, this.p1);
    const b = Math.max(this.p0, this.p1);
    return p < a ? a : p > b ? b : p;
  }

  /** Pixel → data (inverse of {@link toPixel}). */
  toData(p: number): number {
    const t = this.t0 + ((p - this.p0) / (this.p1 - this.p0)) * (this.t1 - this.t0);
    return this.kind === 'log' ? Math.pow(10, t) : t;
  }

  /** Whether pixel `p` lies within the pixel range. */
  containsPixel(p: number): boolean {
    return p >= Math.min(this.p0, this.p1) && p <= Math.max(this.p0, this.p1);
  }

  /**
   * The ticks inside the data range: at most `maxCount` nice linear ticks, or decades (with 2s and 5s on a
   * short range) on a log axis; a log range spanning less than one tick falls back to nice linear values.
   */
  ticks(maxCount: number): Ticks {
    if (this.kind === 'linear') return niceTicks(this.lo, this.hi, maxCount, true);
    const t = logTicks(this.lo, this.hi, maxCount, true);
    if (t.values.length >= 2) return t;
    const lin = niceTicks(this.lo, this.hi, Math.min(maxCount, 4), true);
    const values = lin.values.filter((v) => v > 0);
    return { values, step: lin.step, lo: values[0] ?? NaN, hi: values[values.length - 1] ?? NaN };
  }

  private transform(v: number): number {
    return this.kind === 'log' ? (v > 0 ? Math.log10(v) : NaN) : v;
  }
}
