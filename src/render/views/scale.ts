/**
 * Pure plotting helpers of the environment views: a linear data ↔ pixel scale and the corridor's y range.
 * Nice steps, ticks, ranges and number labels are the renderer's shared ones (../charts/ticks.ts). No pixi,
 * no DOM, so they are unit-tested in node.
 */
import { niceRange } from '../charts/ticks';

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
