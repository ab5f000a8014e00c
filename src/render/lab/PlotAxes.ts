/**
 * X–Y axes of a lab plot: two {@link AxisScale}s (each linear or log10), gridlines, axis lines, tick labels
 * and axis titles. The tick-label Texts are a pool created once and only re-labelled when the tick values
 * change (HOUSE-STYLE §6); crowded labels are thinned, y labels that would touch are hidden. Tick values and
 * their text come from ../charts/ticks.ts, like the playground's line charts.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS } from '../colors';
import { FONT, SPACE, makeText, setText, type Rect } from '../charts/theme';
import { strokeGridAndAxes } from '../charts/Axes';
import { formatTick } from '../charts/ticks';
import { AxisScale, type ScaleKind } from './AxisScale';

/** Options of {@link PlotAxes}. */
export interface PlotAxesOptions {
  /** x-axis title ('' or absent: none, and no room kept for it). */
  xTitle?: string;
  /** y-axis title, drawn rotated left of the tick labels. */
  yTitle?: string;
  /** Label the y ticks (default true; false: gridlines only). */
  yLabels?: boolean;
  /** Label pool sizes (default 12 each). */
  xPool?: number;
  yPool?: number;
  /** Pixels per x tick (default 70) and per y tick (default 30). */
  xSpacing?: number;
  ySpacing?: number;
}

/** One axis' label pool and the values currently labelled. */
interface LabelSet {
  texts: Text[];
  values: number[];
  step: number;
}

/** Axes of one plot; add `back` under the data and `front` over it. */
export class PlotAxes {
  /** Gridlines (under the data). */
  readonly back = new Container();
  /** Axis lines, tick labels and titles (over the data). */
  readonly front = new Container();
  /** Data → pixel mappings (valid after {@link fit}). */
  readonly x = new AxisScale();
  readonly y = new AxisScale();
  /** The plot area (valid after {@link fit}; updated in place). */
  readonly plot: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private readonly grid = new Graphics();
  private readonly lines = new Graphics();
  private readonly xSet: LabelSet;
  private readonly ySet: LabelSet;
  private readonly xTitle: Text;
  private readonly yTitle: Text;
  private readonly options: Required<PlotAxesOptions>;
  private yLabelWidth = 0;

  constructor(options: PlotAxesOptions = {}) {
    this.options = {
      xTitle: '',
      yTitle: '',
      yLabels: true,
      xPool: 12,
      yPool: 12,
      xSpacing: 70,
      ySpacing: SPACE.yTickSpacing,
      ...options,
    };
    this.back.addChild(this.grid);
    this.front.addChild(this.lines);
    const pool = (n: number, ax: number, ay: number): LabelSet => {
      const texts = Array.from({ length: n }, () => {
        const t = makeText('', { size: FONT.tick, color: COLORS.mutedText });
        t.anchor.set(ax, ay);
        this.front.addChild(t);
        return t;
      });
      return { texts, values: [], step: NaN };
    };
    this.xSet = pool(this.options.xPool, 0.5, 0);
    this.ySet = pool(this.options.yLabels ? this.options.yPool : 0, 1, 0.5);
    this.xTitle = makeText(this.options.xTitle, { size: FONT.label, color: COLORS.mutedText });
    this.yTitle = makeText(this.options.yTitle, { size: FONT.label, color: COLORS.mutedText });
    this.xTitle.anchor.set(0.5, 1);
    this.yTitle.anchor.set(0.5, 0);
    this.yTitle.rotation = -Math.PI / 2;
    this.front.addChild(this.xTitle, this.yTitle);
  }

  /** Changes the axis titles. */
  setTitles(x: string, y: string): void {
    setText(this.xTitle, x);
    setText(this.yTitle, y);
  }

  /** Forgets the widest y label seen (call on resize; the plot may then grow back). */
  resetLabelWidth(): void {
    this.yLabelWidth = 0;
  }

  /** Shows or hides everything. */
  setVisible(visible: boolean): void {
    this.back.visible = this.front.visible = visible;
  }

  /**
   * Places the plot inside `area` (leaving room for tick labels and titles), sets both data ranges and
   * redraws grid, axes and labels. `rightPad` keeps extra room on the right. Returns the plot rectangle.
   */
  fit(
    area: Rect,
    xKind: ScaleKind,
    x0: number,
    x1: number,
    yKind: ScaleKind,
    y0: number,
    y1: number,
    rightPad = 8,
  ): Rect {
    for (let pass = 0; pass < 2; pass++) {
      const o = this.options;
      const left =
        area.x +
        (this.yTitle.text ? FONT.label + 6 : 0) +
        (o.yLabels ? Math.max(this.yLabelWidth, 12) + SPACE.tickLabel + SPACE.tick : 2);
      const bottom =
        area.y +
        area.h -
        (this.xTitle.text ? FONT.label + 5 : 0) -
        (FONT.tick + SPACE.tickLabel + SPACE.tick);
      const top = area.y + 6;
      const p = this.plot;
      p.x = Math.round(left);
      p.y = Math.round(top);
      p.w = Math.max(10, Math.round(area.x + area.w - rightPad - left));
      p.h = Math.max(10, Math.round(bottom - top));
      this.x.set(xKind, x0, x1, p.x, p.x + p.w);
      this.y.set(yKind, y0, y1, p.y + p.h, p.y);
      this.xTitle.position.set(Math.round(p.x + p.w / 2), Math.round(area.y + area.h));
      this.yTitle.position.set(Math.round(area.x), Math.round(p.y + p.h / 2));
      const widest = this.labelY();
      if (widest <= this.yLabelWidth) break;
      this.yLabelWidth = Math.ceil(widest);
    }
    this.labelX(area.x, area.x + area.w);
    this.draw();
    return this.plot;
  }

  /** Frees everything. */
  destroy(): void {
    this.back.destroy({ children: true });
    this.front.destroy({ children: true });
  }

  private relabel(set: LabelSet, scale: AxisScale, maxCount: number): void {
    const t = scale.ticks(maxCount);
    const n = Math.min(t.values.length, set.texts.length);
    let same = n === set.values.length && Object.is(t.step, set.step);
    for (let i = 0; same && i < n; i++) same = t.values[i] === set.values[i];
    if (same) return;
    set.values = t.values.slice(0, n);
    set.step = t.step;
    for (let i = 0; i < set.texts.length; i++)
      setText(set.texts[i], i < n ? formatTick(set.values[i], t.step) : '');
  }

  /** Labels and places the y ticks; returns the widest shown label. */
  private labelY(): number {
    const set = this.ySet;
    this.relabel(set, this.y, Math.max(2, Math.floor(this.plot.h / this.options.ySpacing) + 1));
    let widest = 0;
    let last = Infinity;
    const x = Math.round(this.plot.x - SPACE.tick - SPACE.tickLabel);
    for (let i = 0; i < set.texts.length; i++) {
      const t = set.texts[i];
      const y = i < set.values.length ? Math.round(this.y.toPixel(set.values[i])) : NaN;
      t.visible = i < set.values.length && Math.abs(last - y) >= t.height + 2;
      if (!t.visible) continue;
      last = y;
      t.position.set(x, y);
      widest = Math.max(widest, t.width);
    }
    return widest;
  }

  /** Labels and places the x ticks, keeping every 1st/2nd/5th… so neighbours do not touch. */
  private labelX(minX: number, maxX: number): void {
    const set = this.xSet;
    this.relabel(set, this.x, Math.max(2, Math.floor(this.plot.w / this.options.xSpacing) + 1));
    const n = set.values.length;
    const y = Math.round(this.plot.y + this.plot.h + SPACE.tick + SPACE.tickLabel - 1);
    const linear = Number.isFinite(set.step);
    let every = 1;
    for (; every < n; every = every === 1 ? 2 : every === 2 ? 5 : every * 2) {
      let lastRight = -Infinity;
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        if (!this.keep(set, i, every, linear)) continue;
        const x = this.x.toPixel(set.values[i]);
        const half = set.texts[i].width / 2;
        ok = x - half >= lastRight + SPACE.labelGap;
        lastRight = x + half;
      }
      if (ok) break;
    }
    for (let i = 0; i < set.texts.length; i++) {
      const t = set.texts[i];
      const x = i < n ? Math.round(this.x.toPixel(set.values[i])) : 0;
      t.visible =
        i < n && this.keep(set, i, every, linear) && x - t.width / 2 >= minX && x + t.width / 2 <= maxX;
      t.position.set(x, y);
    }
  }

  private keep(set: LabelSet, i: number, every: number, linear: boolean): boolean {
    return (linear ? Math.round(set.values[i] / set.step) : i) % every === 0;
  }

  private draw(): void {
    const r = this.plot;
    const g = this.grid.clear();
    const a = this.lines.clear();
    const left = r.x + 0.5;
    const bottom = r.y + r.h + 0.5;
    for (const v of this.xSet.values) {
      const x = Math.round(this.x.toPixel(v)) + 0.5;
      g.moveTo(x, r.y).lineTo(x, r.y + r.h);
      a.moveTo(x, bottom).lineTo(x, bottom + SPACE.tick);
    }
    let zero = NaN;
    for (const v of this.ySet.values.length > 0 ? this.ySet.values : this.y.ticks(4).values) {
      const y = Math.round(this.y.toPixel(v)) + 0.5;
      if (v === 0 && this.y.kind === 'linear' && this.y.lo < 0) zero = y;
      else g.moveTo(r.x, y).lineTo(r.x + r.w, y);
      if (this.options.yLabels) a.moveTo(left - SPACE.tick, y).lineTo(left, y);
    }
    strokeGridAndAxes(g, a, r, left, bottom, zero);
  }
}
