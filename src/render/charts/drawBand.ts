/**
 * Draws a confidence band into a Pixi Graphics: the interval [lo, hi] as a translucent fill (one polygon per
 * run of finite points), then the mean as a line (solid, or dashed for imported runs). Used by LineChart for
 * multi-seed and imported runs (src/app/multiSeed/overlay.ts).
 */
import type { Graphics } from 'pixi.js';
import type { Band } from '../../app/multiSeed/overlay';
import type { Scale } from './drawSeries';
import type { LegendEntry } from './Legend';
import { extendExtent, tracePolyline, type Extent } from './plotMath';

/** Opacity of a band's fill. */
export const BAND_ALPHA = 0.2;

/** The legend entry of a band: its label and a swatch of its mean's style over a translucent box. */
export function bandLegendEntry(b: { label: string; color: number; dashed: boolean }): LegendEntry {
  return { label: b.label, color: b.color, style: b.dashed ? 'dashed' : 'normal', band: true };
}

/** Widens `x` and `y` by a band's episodes and interval (finite values only). */
export function extendBandExtent(band: Band, x: Extent, y: Extent): void {
  const n = band.x.length;
  if (n === 0) return;
  x.min = Math.min(x.min, band.x[0]);
  x.max = Math.max(x.max, band.x[n - 1]);
  extendExtent(y, band.lo, n, false);
  extendExtent(y, band.hi, n, false);
}

/**
 * Clears `g` and draws `band` mapped by `scale`; `px`/`py` are caller-owned scratch buffers of at least
 * `band.x.length` entries.
 */
export function drawBand(
  g: Graphics,
  band: Band,
  scale: Scale,
  px: Float64Array,
  py: Float64Array,
  color: number,
  dashed: boolean,
): void {
  g.clear();
  const n = band.x.length;
  for (let i = 0; i < n; i++) px[i] = scale.px(band.x[i]);
  // the fill: hi left to right, then lo right to left, for each stretch where both are finite
  let start = 0;
  while (start < n) {
    while (start < n && !(Number.isFinite(band.lo[start]) && Number.isFinite(band.hi[start]))) start++;
    let end = start;
    while (end < n && Number.isFinite(band.lo[end]) && Number.isFinite(band.hi[end])) end++;
    if (end - start >= 2) {
      g.moveTo(px[start], scale.py(band.hi[start]));
      for (let i = start + 1; i < end; i++) g.lineTo(px[i], scale.py(band.hi[i]));
      for (let i = end - 1; i >= start; i--) g.lineTo(px[i], scale.py(band.lo[i]));
      g.closePath();
      g.fill({ color, alpha: BAND_ALPHA });
    }
    start = end;
  }
  for (let i = 0; i < n; i++) {
    const v = band.mean[i];
    py[i] = Number.isFinite(v) ? scale.py(v) : NaN;
  }
  tracePolyline(g, px, py, n, dashed ? 6 : 0, dashed ? 4 : 0);
  g.stroke({ width: 2, color, cap: dashed ? 'butt' : 'round', join: 'round' });
}
