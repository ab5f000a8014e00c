/**
 * A reusable line chart on a light panel: title, legend, linear or log y axis with nice ticks and light
 * gridlines, lines read straight from {@link Series} buffers (src/app/Series.ts), a hover readout, and a
 * centred message when there is nothing to draw. The legend keys every line and band, only the line styles, or
 * nothing (ChartSpec.legend), under the title or beside it when it fits on the title row; lines may be left out
 * of the y range (drawn, clipped to the plot). HOUSE-STYLE §6: every Text and Graphics is created in
 * `rebuild`; `update` (once per frame) redraws a chart's lines only when one of its series changed (length
 * or version), and re-labels ticks only when their values change.
 */
import { Container, Graphics, Rectangle, type FederatedPointerEvent, type Text } from 'pixi.js';
import type { Series } from '../../app/Series';
import { COLORS } from '../colors';
import { Axes } from './Axes';
import { LEGEND_ROW, Legend } from './Legend';
import { BandLayer } from './BandLayer';
import type { ChartSpec, LineSpec } from './lineChartSpec';
import { PLOT_BOTTOM, plotTop } from './chartFrame';
import { bandLegendEntry } from './drawBand';
import { drawSeries } from './drawSeries';
import { fillLineRows, hoveredX } from './hover';
import { emptyExtent, extendExtent, paddedRange } from './plotMath';
import { FONT, SPACE, makeText, setText, type Rect } from './theme';
import { formatValue } from './ticks';
import { Tooltip, type TooltipRow } from './Tooltip';

export type { LineStyle, LegendMode } from './Legend';
export type { BandSpec } from './BandLayer';
export type { ChartSpec, LineSpec } from './lineChartSpec';

interface LineState {
  spec: LineSpec;
  /** The series drawn (initially `spec.series`; re-pointed by setSeries). */
  series: Series;
  g: Graphics;
  px: Float64Array;
  py: Float64Array;
  seenLength: number;
  seenVersion: number;
  hasData: boolean;
  clipped: boolean;
}

/** Between the title and a legend beside it (px). */
const TITLE_GAP = 16;
const STYLE_RANK = { faint: 0, normal: 1, dashed: 2 } as const;
const scratch = emptyExtent();

/** A line chart; place `root`, then `rebuild` on structure/size changes and `update` every frame. */
export class LineChart {
  /** The chart's panel, origin at its top-left corner. */
  readonly root = new Container();
  private readonly panel = new Graphics();
  private readonly plotBg = new Graphics();
  private readonly lineLayer = new Container();
  private readonly bands = new BandLayer();
  private readonly axes = new Axes();
  private readonly legend = new Legend();
  private readonly tooltip = new Tooltip();
  private readonly title: Text;
  private readonly message: Text;
  private spec: ChartSpec = { title: '', yLabel: '', lines: [] };
  private lines: LineState[] = [];
  private rows: TooltipRow[] = [];
  private width = 0;
  private height = 0;
  private legendHeight = 0;
  private legendInline = false;
  private yLabelWidth = 0;
  private plot: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private dirty = true;
  private showing = false;
  private hoverX = NaN;

  constructor() {
    this.title = makeText('', { size: FONT.title, weight: '600' });
    this.message = makeText('', { size: FONT.empty, color: COLORS.faintText, italic: true });
    this.message.anchor.set(0.5);
    const r = this.root;
    r.addChild(this.panel, this.plotBg, this.axes.back, this.lineLayer, this.bands.root, this.axes.front);
    r.addChild(this.legend.root, this.title, this.message, this.tooltip.root);
    // drawn into a texture, redrawn only when data or hover change: a chart full of text and long polylines
    // costs a software renderer (headless Chromium) several ms per frame otherwise
    r.cacheAsTexture(true);
    r.eventMode = 'static';
    r.on('pointermove', (e: FederatedPointerEvent) => this.hover(e.getLocalPosition(this.root).x));
    r.on('pointerleave', () => this.hover(NaN));
  }

  /** Rebuilds for `spec` at `width` × `height` pixels. */
  rebuild(spec: ChartSpec, width: number, height: number): void {
    this.spec = spec;
    this.width = Math.max(120, Math.floor(width));
    this.height = Math.max(100, Math.floor(height));
    for (const l of this.lines) l.g.destroy();
    this.lines = spec.lines.map((s) => ({
      spec: s,
      series: s.series,
      g: new Graphics(),
      px: new Float64Array(s.series.capacity),
      py: new Float64Array(s.series.capacity),
      seenLength: -1,
      seenVersion: -1,
      hasData: true,
      clipped: s.fitRange === false,
    }));
    const entries = [...spec.lines, ...this.bands.build(spec.bands ?? [])];
    const order = [...this.lines].sort((a, b) => STYLE_RANK[a.spec.style] - STYLE_RANK[b.spec.style]);
    for (const l of order) this.lineLayer.addChild(l.g);
    this.tooltip.build(entries.map((s) => s.color));
    this.rows = entries.map((s) => ({
      label: (s as Partial<LineSpec>).tooltipLabel ?? (s.group ? `${s.group} ${s.label}` : s.label),
      value: '',
      dotX: NaN,
      dotY: NaN,
      active: false,
    }));
    setText(this.title, spec.title);
    const log = spec.yScale === 'log';
    this.axes.build({ xTitle: spec.xLabel ?? 'episode', yTitle: spec.yLabel, log, percent: !!spec.yPercent });
    this.legend.build(entries, this.width - 2 * SPACE.pad, spec.legend);
    this.legendHeight = this.legend.layout();
    // beside the title when asked and it fits in one row (measured with every entry shown: its widest)
    const besideTitle = this.width - 2 * SPACE.pad - this.title.width - TITLE_GAP;
    this.legendInline =
      !!spec.legendInTitleRow && this.legendHeight <= LEGEND_ROW && this.legend.width <= besideTitle;
    if (this.legendInline) this.legendHeight = 0;
    this.yLabelWidth = 28;
    this.layout();
    this.hoverX = NaN;
    this.tooltip.hide();
    this.dirty = true;
    this.update();
  }

  /**
   * Width (px) a chart needs to hold `spec`'s title and its one-row legend side by side, or 0 when `spec`
   * does not ask for that; a narrower chart puts the legend under its title. Call {@link rebuild} after.
   */
  titleRowWidth(spec: ChartSpec): number {
    if (!spec.legendInTitleRow) return 0;
    setText(this.title, spec.title);
    this.legend.build([...spec.lines, ...(spec.bands ?? []).map(bandLegendEntry)], Infinity, spec.legend);
    this.legend.layout();
    return Math.ceil(2 * SPACE.pad + this.title.width + TITLE_GAP + this.legend.width);
  }

  /** Points line `index` at another series (when the runner swapped buffers); marks it for redraw. */
  setSeries(index: number, series: Series): void {
    const l = this.lines[index];
    if (!l || l.series === series) return;
    l.series = series;
    if (l.px.length < series.capacity) {
      l.px = new Float64Array(series.capacity);
      l.py = new Float64Array(series.capacity);
    }
    this.dirty = true;
  }

  /** Per-frame refresh: redraws only if a series changed since the last call. */
  update(): void {
    if (this.draw()) this.root.updateCacheTexture();
  }

  /** Redraws what changed; returns whether anything did. */
  private draw(): boolean {
    let changed = this.dirty;
    for (const l of this.lines) {
      const s = l.series;
      if (s.length !== l.seenLength || s.version !== l.seenVersion) changed = true;
    }
    if (!changed) return false;
    this.dirty = false;
    const log = this.spec.yScale === 'log';
    let xMin = Infinity;
    let xMax = -Infinity;
    const y = emptyExtent();
    /** Extent of the lines left out of the range: used only when nothing else has a value. */
    const loose = emptyExtent();
    let legendChanged = false;
    for (let i = 0; i < this.lines.length; i++) {
      const l = this.lines[i];
      const s = l.series;
      l.seenLength = s.length;
      l.seenVersion = s.version;
      if (s.length > 0) {
        xMin = Math.min(xMin, s.x[0]);
        xMax = Math.max(xMax, s.x[s.length - 1]);
      }
      scratch.min = Infinity;
      scratch.max = -Infinity;
      extendExtent(scratch, s.y, s.length, log);
      l.hasData = scratch.min <= scratch.max;
      const into = l.spec.fitRange === false ? loose : y;
      into.min = Math.min(into.min, scratch.min);
      into.max = Math.max(into.max, scratch.max);
      legendChanged = this.legend.setVisible(i, l.hasData || !!l.spec.legendWhenEmpty) || legendChanged;
    }
    if (legendChanged) {
      this.legend.layout();
      this.placeLegend();
    }
    const xs = { min: xMin, max: xMax };
    this.bands.extend(xs, y);
    if (y.min > y.max) [y.min, y.max] = [loose.min, loose.max];
    [xMin, xMax] = [xs.min, xs.max];
    const range = this.spec.yRange ?? paddedRange(y.min, y.max, 0.05, log);
    const showing = xMin <= xMax && range !== null && y.min <= y.max;
    if (showing !== this.showing) {
      this.showing = showing;
      this.drawBackdrop();
    }
    this.axes.setVisible(this.showing);
    this.lineLayer.visible = this.showing;
    this.message.visible = !this.showing;
    if (!this.showing) {
      const none = xMin > xMax;
      setText(
        this.message,
        none ? (this.spec.emptyMessage ?? 'no data yet') : (this.spec.noValuesMessage ?? ''),
      );
      this.tooltip.hide();
      return true;
    }
    this.axes.x0 = xMin < xMax ? xMin : xMin - 1;
    this.axes.x1 = xMin < xMax ? xMax : xMax + 1;
    [this.axes.y0, this.axes.y1] = range as [number, number];
    const widest = this.axes.refresh(SPACE.pad / 2, this.width - 2);
    if (widest > this.yLabelWidth) {
      this.yLabelWidth = Math.ceil(widest);
      this.layout();
      this.axes.refresh(SPACE.pad / 2, this.width - 2);
    }
    const rows = { top: this.plot.y, bottom: this.plot.y + this.plot.h };
    for (const l of this.lines) {
      drawSeries(
        l.g,
        l.series,
        this.axes,
        l.px,
        l.py,
        l.spec.color,
        l.spec.style,
        l.clipped ? rows : undefined,
      );
    }
    this.bands.draw(this.axes);
    this.dirty = false;
    if (!Number.isNaN(this.hoverX)) this.showHover(this.hoverX);
    return true;
  }

  /** Frees everything. */
  destroy(): void {
    this.root.destroy({ children: true });
  }

  private layout(): void {
    const { pad, tick, tickLabel } = SPACE;
    const w = this.width;
    const h = this.height;
    this.title.position.set(pad, pad - 2);
    this.placeLegend();
    const top = plotTop(this.legendHeight);
    const left = pad + FONT.label + 6 + this.yLabelWidth + tickLabel + tick;
    const bottom = h - PLOT_BOTTOM;
    this.plot = { x: left, y: top, w: Math.max(20, w - pad - 6 - left), h: Math.max(20, bottom - top) };
    const p = this.plot;
    this.axes.setRect(p, { x: pad - 1, y: top, w: w - 2 * pad, h: h - pad - top });
    this.panel.clear().roundRect(0.5, 0.5, w - 1, h - 1, SPACE.radius);
    this.panel.fill(COLORS.panel).stroke({ width: 1, color: COLORS.panelBorder });
    this.drawBackdrop();
    this.root.hitArea = new Rectangle(p.x, p.y, p.w, p.h);
    this.tooltip.setHeight(p.h);
    this.dirty = true;
  }

  /** Under the title, or right-aligned on the title row. */
  private placeLegend(): void {
    const { pad } = SPACE;
    if (this.legendInline) this.legend.root.position.set(this.width - pad - this.legend.width, pad);
    else this.legend.root.position.set(pad, pad + FONT.title + 6);
  }

  /** White plot area; with nothing to plot, a wider area under the title holding the message. */
  private drawBackdrop(): void {
    const { pad } = SPACE;
    const top = pad + FONT.title + 10;
    const r = this.showing
      ? this.plot
      : { x: pad, y: top, w: this.width - 2 * pad, h: this.height - pad - top };
    this.plotBg.clear().rect(r.x, r.y, r.w, r.h).fill(COLORS.background);
    this.message.position.set(Math.round(r.x + r.w / 2), Math.round(r.y + r.h / 2));
  }

  /** Shows the readout for chart-pixel x `gx` (NaN hides it). */
  private hover(gx: number): void {
    this.showHover(gx);
    this.root.updateCacheTexture();
  }

  private showHover(gx: number): void {
    this.hoverX = gx;
    const x = hoveredX(this.lines, this.bands.firstX(), this.axes.dataX(gx));
    if (Number.isNaN(gx) || !this.showing || Number.isNaN(x)) {
      this.tooltip.hide();
      return;
    }
    const pct = !!this.spec.yPercent;
    const fmt = (v: number) => (pct && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : formatValue(v));
    const p = this.plot;
    fillLineRows(this.rows, this.lines, x, this.axes, fmt, p.y, p.y + p.h);
    this.bands.hover(this.rows, this.lines.length, x, this.axes, fmt);
    const header = `${this.spec.xLabel ?? 'episode'} ${formatValue(x)}`;
    this.tooltip.show(this.axes.px(x), this.plot, header, this.rows);
  }
}
