/**
 * What a line chart's hover readout (./Tooltip.ts) shows at the pointer: the hovered episode (the nearest point
 * of the first line with points, or of the first band when that is nearer) and each line's row, its value and
 * a dot at its nearest point. A line left out of the y range (clipped) gets no dot where it leaves the plot.
 */
import type { Series } from '../../app/Series';
import type { Scale } from './drawSeries';
import { nearestIndex } from './plotMath';
import type { TooltipRow } from './Tooltip';

/** A chart line as the readout sees it. */
export interface HoverLine {
  series: Series;
  hasData: boolean;
  /** Drawn clipped to the plot (left out of the y range). */
  clipped: boolean;
}

/** The x to read out for data-x `at`: nearest point of the first line with points or of `bandX`; NaN if none. */
export function hoveredX(lines: readonly HoverLine[], bandX: Float64Array | null, at: number): number {
  const first = lines.find((l) => l.series.length > 0)?.series;
  const xl = first ? first.x[nearestIndex(first.x, first.length, at)] : NaN;
  const xb = bandX && bandX.length > 0 ? bandX[nearestIndex(bandX, bandX.length, at)] : NaN;
  return Number.isNaN(xb) || Math.abs(xl - at) <= Math.abs(xb - at) ? xl : xb;
}

/** Fills `rows[i]` for line i at episode `x`; dots of clipped lines only within pixel rows top..bottom. */
export function fillLineRows(
  rows: TooltipRow[],
  lines: readonly HoverLine[],
  x: number,
  scale: Scale,
  fmt: (v: number) => string,
  top: number,
  bottom: number,
): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const s = l.series;
    const row = rows[i];
    row.active = l.hasData;
    if (!l.hasData) continue;
    const k = nearestIndex(s.x, s.length, x);
    const v = s.y[k];
    const py = Number.isFinite(v) ? scale.py(v) : NaN;
    row.value = fmt(v);
    row.dotX = scale.px(s.x[k]);
    row.dotY = l.clipped && !(py >= top && py <= bottom) ? NaN : py;
  }
}
