/**
 * The confidence bands of a line chart (multi-seed and imported runs, src/app/multiSeed/overlay.ts): one
 * Graphics per band, created in `build`; their legend entries, their share of the axes' extents, drawing,
 * and their rows in the hover readout ("mean [lo, hi]").
 */
import { Container, Graphics } from 'pixi.js';
import type { Band } from '../../app/multiSeed/overlay';
import type { Axes } from './Axes';
import { bandLegendEntry, drawBand, extendBandExtent } from './drawBand';
import type { LegendEntry } from './Legend';
import { nearestIndex, type Extent } from './plotMath';
import type { TooltipRow } from './Tooltip';

/** A mean ± 95% CI band drawn over a chart's lines. */
export interface BandSpec {
  label: string;
  color: number;
  /** Dashed mean (imported runs). */
  dashed: boolean;
  band: Band;
}

/** The bands of one chart. */
export class BandLayer {
  /** Placed by the chart above its lines. */
  readonly root = new Container();
  private bands: { spec: BandSpec; g: Graphics; px: Float64Array; py: Float64Array }[] = [];

  /** (Re)creates the bands; returns their legend entries. */
  build(specs: readonly BandSpec[]): LegendEntry[] {
    for (const b of this.bands) b.g.destroy();
    this.bands = specs.map((spec) => {
      const g = new Graphics();
      this.root.addChild(g);
      const n = spec.band.x.length;
      return { spec, g, px: new Float64Array(n), py: new Float64Array(n) };
    });
    return specs.map(bandLegendEntry);
  }

  /** Number of bands. */
  get count(): number {
    return this.bands.length;
  }

  /** The first band's episodes (for the hover's x when no line has points), or null. */
  firstX(): Float64Array | null {
    return this.bands[0]?.spec.band.x ?? null;
  }

  /** Widens the chart's extents by every band. */
  extend(x: Extent, y: Extent): void {
    for (const b of this.bands) extendBandExtent(b.spec.band, x, y);
  }

  /** Redraws every band with the chart's axes. */
  draw(axes: Axes): void {
    for (const b of this.bands) drawBand(b.g, b.spec.band, axes, b.px, b.py, b.spec.color, b.spec.dashed);
  }

  /** Fills `rows[offset + j]` for band j at episode `x` (inactive where the band has no point near x). */
  hover(rows: TooltipRow[], offset: number, x: number, axes: Axes, fmt: (v: number) => string): void {
    this.bands.forEach(({ spec: { band } }, j) => {
      const row = rows[offset + j];
      const k = nearestIndex(band.x, band.x.length, x);
      row.active = k >= 0 && Math.abs(band.x[k] - x) <= Math.max(1, 0.01 * Math.abs(x));
      if (!row.active) return;
      row.value = `${fmt(band.mean[k])} [${fmt(band.lo[k])}, ${fmt(band.hi[k])}]`;
      row.dotX = axes.px(band.x[k]);
      row.dotY = axes.py(band.mean[k]);
    });
  }
}
