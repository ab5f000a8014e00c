/**
 * Draws one series as a polyline into a Pixi Graphics, in one of the chart line styles: normal (2px),
 * faint (1px at 30% opacity, for raw data) or dashed (exact/reference curves). NaN values leave gaps; a point
 * with no drawable neighbour gets a small dot so it does not vanish. A solid line left out of its chart's y
 * range (raw returns under confidence bands) is clipped to the plot's rows, and a faint one drawn fainter still
 * (15% opacity) so the bands over it stay readable.
 */
import type { Graphics } from 'pixi.js';
import type { Series } from '../../app/Series';
import type { LineStyle } from './Legend';
import { traceClippedY, tracePolyline } from './plotMath';

/** Data → pixel mapping (the chart's axes). */
export interface Scale {
  px(x: number): number;
  /** NaN where the value cannot be drawn (y ≤ 0 on a log axis). */
  py(y: number): number;
}

/**
 * Clears `g` and draws `s` mapped by `scale`; `px`/`py` are caller-owned scratch buffers of at least
 * `s.length` entries (no allocation per call). With `clip` (pixel rows top..bottom) solid lines and dots are
 * clipped to it.
 */
export function drawSeries(
  g: Graphics,
  s: Series,
  scale: Scale,
  px: Float64Array,
  py: Float64Array,
  color: number,
  style: LineStyle,
  clip?: { top: number; bottom: number },
): void {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    px[i] = scale.px(s.x[i]);
    const v = s.y[i];
    py[i] = Number.isFinite(v) ? scale.py(v) : NaN;
  }
  g.clear();
  if (style === 'dashed') {
    tracePolyline(g, px, py, n, 6, 4);
    g.stroke({ width: 2, color, cap: 'butt', join: 'round' });
  } else if (clip) {
    traceClippedY(g, px, py, n, clip.top, clip.bottom);
    g.stroke(
      style === 'faint'
        ? { width: 1, color, alpha: 0.15, join: 'round' }
        : { width: 2, color, cap: 'round', join: 'round' },
    );
  } else if (style === 'faint') {
    tracePolyline(g, px, py, n);
    g.stroke({ width: 1, color, alpha: 0.3, join: 'round' });
  } else {
    tracePolyline(g, px, py, n);
    g.stroke({ width: 2, color, cap: 'round', join: 'round' });
  }
  let dots = false;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(py[i]) || (clip && (py[i] < clip.top || py[i] > clip.bottom))) continue;
    if ((i > 0 && !Number.isNaN(py[i - 1])) || (i < n - 1 && !Number.isNaN(py[i + 1]))) continue;
    g.circle(px[i], py[i], style === 'faint' ? 1 : 1.75);
    dots = true;
  }
  if (dots) g.fill({ color, alpha: style === 'faint' ? 0.3 : 1 });
}
