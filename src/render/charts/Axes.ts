/**
 * Axes of a line chart: the data → pixel mapping (linear x, linear or log10 y), nice ticks (./ticks.ts),
 * gridlines, axis lines and a pool of tick-label Texts created once in `build` and re-labelled only when the
 * tick values change. Crowded x labels are thinned to every 2nd, 5th… tick.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS, mix } from '../colors';
import { FONT, SPACE, makeText, setText, type Rect } from './theme';
import { formatTick, logTicks, niceTicks, type Ticks } from './ticks';

/** Most ticks per axis (size of each label pool). */
const POOL = 16;

/** Options of {@link Axes.build}. */
export interface AxesOptions {
  xTitle: string;
  yTitle: string;
  log: boolean;
  /** Label y as a percentage (data in [0, 1]). */
  percent: boolean;
}

/** Ticks inside [lo, hi] (with a little slack for rounding). */
function inside(t: Ticks, lo: number, hi: number): number[] {
  const eps = (hi - lo) * 1e-9;
  return t.values.filter((v) => v >= lo - eps && v <= hi + eps);
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Axes, grid and tick labels of one chart. */
export class Axes {
  /** Gridlines: drawn under the data lines. */
  readonly back = new Container();
  /** Axis lines, tick labels, axis titles: drawn over the data lines. */
  readonly front = new Container();
  /** Visible data range. */
  x0 = 0;
  x1 = 1;
  y0 = 0;
  y1 = 1;
  private rect: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private options: AxesOptions = { xTitle: '', yTitle: '', log: false, percent: false };
  private readonly grid = new Graphics();
  private readonly lines = new Graphics();
  private xLabels: Text[] = [];
  private yLabels: Text[] = [];
  private xTitle: Text | null = null;
  private yTitle: Text | null = null;
  private xValues: number[] = [];
  private yValues: number[] = [];
  private xStep = NaN;
  private yStep = NaN;

  constructor() {
    this.back.addChild(this.grid);
  }

  /** Creates titles and label pools. */
  build(options: AxesOptions): void {
    this.options = options;
    for (const c of this.front.removeChildren()) if (c !== this.lines) c.destroy();
    this.front.addChild(this.lines);
    const make = (ax: number, ay: number): Text => {
      const t = makeText('', { size: FONT.tick, color: COLORS.mutedText });
      t.anchor.set(ax, ay);
      this.front.addChild(t);
      return t;
    };
    this.xLabels = Array.from({ length: POOL }, () => make(0.5, 0));
    this.yLabels = Array.from({ length: POOL }, () => make(1, 0.5));
    this.xTitle = makeText(options.xTitle, { size: FONT.label, color: COLORS.mutedText });
    this.yTitle = makeText(options.yTitle, { size: FONT.label, color: COLORS.mutedText });
    this.xTitle.anchor.set(0.5, 1);
    this.yTitle.anchor.set(0.5, 0);
    this.yTitle.rotation = -Math.PI / 2;
    this.front.addChild(this.xTitle, this.yTitle);
    this.xValues = [];
    this.yValues = [];
  }

  /** Places the plot area; `outer` is the panel area the titles sit in. */
  setRect(rect: Rect, outer: Rect): void {
    this.rect = rect;
    this.xTitle?.position.set(Math.round(rect.x + rect.w / 2), Math.round(outer.y + outer.h));
    this.yTitle?.position.set(Math.round(outer.x), Math.round(rect.y + rect.h / 2));
  }

  /** Data x → local pixel x. */
  px(x: number): number {
    return this.rect.x + ((x - this.x0) / (this.x1 - this.x0)) * this.rect.w;
  }

  /** Data y → local pixel y (clamped to the plot; NaN for y ≤ 0 on a log axis). */
  py(y: number): number {
    let f: number;
    if (this.options.log) {
      if (!(y > 0)) return NaN;
      f = (Math.log10(y) - Math.log10(this.y0)) / (Math.log10(this.y1) - Math.log10(this.y0));
    } else {
      f = (y - this.y0) / (this.y1 - this.y0);
    }
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return this.rect.y + (1 - f) * this.rect.h;
  }

  /** Local pixel x → data x. */
  dataX(px: number): number {
    return this.x0 + ((px - this.rect.x) / this.rect.w) * (this.x1 - this.x0);
  }

  /** Tick label text for y value `v`. */
  formatY(v: number, step: number): string {
    return this.options.percent ? `${formatTick(v * 100, step * 100)}%` : formatTick(v, step);
  }

  /** Shows or hides everything (empty state). */
  setVisible(visible: boolean): void {
    this.back.visible = this.front.visible = visible;
  }

  /**
   * Recomputes ticks for the current range, re-labels if they changed, moves labels and redraws the grid.
   * `minX`/`maxX` bound where x labels may extend. Returns the widest y label (px).
   */
  refresh(minX: number, maxX: number): number {
    const r = this.rect;
    const xt = niceTicks(this.x0, this.x1, Math.max(2, Math.floor(r.w / 70) + 1), true);
    const yCount = Math.max(2, Math.floor(r.h / SPACE.yTickSpacing) + 1);
    let yt = this.options.log
      ? logTicks(this.y0, this.y1, yCount, true)
      : niceTicks(this.y0, this.y1, yCount, true);
    let ys = inside(yt, this.y0, this.y1);
    if (this.options.log && ys.length < 2) {
      yt = niceTicks(this.y0, this.y1, yCount, true);
      ys = inside(yt, this.y0, this.y1).filter((v) => v > 0);
    }
    const xs = inside(xt, this.x0, this.x1);
    if (!sameValues(xs, this.xValues) || xt.step !== this.xStep) {
      this.xValues = xs.slice(0, POOL);
      this.xStep = xt.step;
      this.xLabels.forEach((t, i) =>
        setText(t, i < this.xValues.length ? formatTick(this.xValues[i], xt.step) : ''),
      );
    }
    if (!sameValues(ys, this.yValues) || !Object.is(yt.step, this.yStep)) {
      this.yValues = ys.slice(0, POOL);
      this.yStep = yt.step;
      this.yLabels.forEach((t, i) =>
        setText(t, i < this.yValues.length ? this.formatY(this.yValues[i], yt.step) : ''),
      );
    }
    this.placeX(minX, maxX);
    let widest = 0;
    let lastY = Infinity;
    this.yLabels.forEach((t, i) => {
      const y = i < this.yValues.length ? Math.round(this.py(this.yValues[i])) : NaN;
      // hide a label that would touch the previous one (log ticks are unevenly spaced)
      t.visible = i < this.yValues.length && Math.abs(lastY - y) >= t.height + 2;
      if (!t.visible) return;
      lastY = y;
      t.position.set(Math.round(r.x - SPACE.tick - SPACE.tickLabel), y);
      widest = Math.max(widest, t.width);
    });
    this.drawGrid();
    return widest;
  }

  /** Positions x labels, keeping every k-th so that neighbours do not touch. */
  private placeX(minX: number, maxX: number): void {
    const n = this.xValues.length;
    const y = Math.round(this.rect.y + this.rect.h + SPACE.tick + SPACE.tickLabel - 1);
    let maxW = 0;
    for (let i = 0; i < n; i++) maxW = Math.max(maxW, this.xLabels[i].width);
    const spacing = n > 1 ? this.px(this.xValues[1]) - this.px(this.xValues[0]) : Infinity;
    let every = 1;
    while (every < n && spacing * every < maxW + SPACE.labelGap)
      every = every === 1 ? 2 : every === 2 ? 5 : every * 2;
    for (let i = 0; i < POOL; i++) {
      const t = this.xLabels[i];
      const v = this.xValues[i];
      const keep = i < n && Math.round(v / this.xStep) % every === 0;
      const x = i < n ? Math.round(this.px(v)) : 0;
      t.visible = keep && x - t.width / 2 >= minX && x + t.width / 2 <= maxX;
      t.position.set(x, y);
    }
  }

  private drawGrid(): void {
    const r = this.rect;
    const g = this.grid.clear();
    const a = this.lines.clear();
    const left = Math.round(r.x) + 0.5;
    const bottom = Math.round(r.y + r.h) + 0.5;
    for (const v of this.xValues) {
      const x = Math.round(this.px(v)) + 0.5;
      g.moveTo(x, r.y).lineTo(x, r.y + r.h);
      a.moveTo(x, bottom).lineTo(x, bottom + SPACE.tick);
    }
    let zero = NaN;
    for (const v of this.yValues) {
      const y = Math.round(this.py(v)) + 0.5;
      if (v === 0 && !this.options.log && this.y0 < 0) zero = y;
      else g.moveTo(r.x, y).lineTo(r.x + r.w, y);
      a.moveTo(left - SPACE.tick, y).lineTo(left, y);
    }
    strokeGridAndAxes(g, a, r, left, bottom, zero);
  }

  /** Frees everything. */
  destroy(): void {
    this.back.destroy({ children: true });
    this.front.destroy({ children: true });
  }
}

/**
 * Strokes the gridlines traced into `grid` (light), the y = 0 line at pixel `zeroY` (darker; NaN for none) and
 * the L-shaped axis lines into `axis` (left edge and bottom), after the axis tick marks already traced there.
 * Shared by the playground's charts and the lab's plots so their axes look the same.
 */
export function strokeGridAndAxes(
  grid: Graphics,
  axis: Graphics,
  r: Rect,
  left: number,
  bottom: number,
  zeroY: number,
): void {
  grid.stroke({ width: 1, color: COLORS.grid });
  if (!Number.isNaN(zeroY)) {
    grid
      .moveTo(r.x, zeroY)
      .lineTo(r.x + r.w, zeroY)
      .stroke({ width: 1, color: mix(COLORS.grid, COLORS.axis, 0.6) });
  }
  axis
    .moveTo(left, r.y)
    .lineTo(left, bottom)
    .lineTo(r.x + r.w, bottom);
  axis.stroke({ width: 1, color: COLORS.axis });
}
