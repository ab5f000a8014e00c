/**
 * A lesson's point chart (src/app/lessons/chartData.ts {@link LessonPointChart}): measured values as dots with
 * ±2 SE whiskers beside the exact values, over a few labelled x positions (N = 1, 4, 16, 64; k = 0.5, 5), on a
 * log y axis. Built from the lab's plot parts so it looks like the other charts: {@link Card} (panel, title,
 * backdrop, messages), {@link PlotAxes} (log y ticks, grid, axis lines, titles; its own x labels switched off,
 * the chart's named ticks drawn here), {@link KeyRow} (the key) and the lab's dot glyph. Every Text and
 * Graphics is created once; {@link PointChart.show} relabels and redraws (HOUSE-STYLE §6).
 */
import { Container, Graphics, type Text } from 'pixi.js';
import {
  pointChartRange,
  xTickGap,
  type LessonPointChart,
  type LineRole,
  type PointSeries,
} from '../../app/lessons/chartData';
import { tracePolyline } from '../charts/plotMath';
import { FONT, SPACE, makeText, setText, type Rect } from '../charts/theme';
import { COLORS } from '../colors';
import { Card } from '../lab/Card';
import { KeyRow, type KeyItem } from '../lab/KeyRow';
import { drawDot } from '../lab/marks';
import { PlotAxes } from '../lab/PlotAxes';
import { fitText } from '../views/draw';

/** Most named x ticks. */
const X_POOL = 8;
/** Dot radius, whisker cap half-width and exact-bar half-width (px). */
const DOT = 4;
const CAP = 4;
const BAR = 11;
/** Neutral colour of the key's "measured" and "exact" entries. */
const NEUTRAL = COLORS.mutedText;

/** Draws a {@link LessonPointChart}; `root` is cached as a texture and redrawn only by `show`/`resize`. */
export class PointChart {
  /** The panel (origin at its top-left corner). */
  readonly root: Container;
  private readonly card = new Card();
  private readonly axes = new PlotAxes({ xPool: 0 });
  private readonly key = new KeyRow();
  private readonly back = new Graphics();
  private readonly lines = new Graphics();
  private readonly marks = new Graphics();
  private readonly xTexts: Text[] = [];
  private data: LessonPointChart | null = null;
  private colors: Record<LineRole, number>;

  /** `colors` maps the chart's roles to palette colours (the same map as the line charts'). */
  constructor(colors: Record<LineRole, number>) {
    this.colors = colors;
    this.root = this.card.root;
    const plot = new Container();
    plot.addChild(this.back, this.axes.back, this.lines, this.marks, this.axes.front);
    for (let i = 0; i < X_POOL; i++) {
      const t = makeText('', { size: FONT.tick, color: COLORS.mutedText });
      t.anchor.set(0.5, 0);
      this.xTexts.push(t);
      plot.addChild(t);
    }
    this.card.addLayer(plot);
    this.card.addLayer(this.key.root);
  }

  /** Shows `data` at `width` × `height` px. */
  show(data: LessonPointChart, width: number, height: number): void {
    this.data = data;
    this.axes.setTitles(data.xLabel, data.yLabel);
    const measured: KeyItem = { kind: 'tick', color: NEUTRAL, label: 'dot: measured, whisker ± 2 SE' };
    const exact: KeyItem =
      data.style === 'curve'
        ? { kind: 'dashed', color: NEUTRAL, label: 'exact' }
        : { kind: 'line', color: COLORS.reference, label: 'exact' };
    this.key.build([
      ...data.series.map((s) => ({ kind: 'dot' as const, color: this.colors[s.role], label: s.label })),
      measured,
      exact,
    ]);
    this.resize(width, height);
  }

  /** Resizes and redraws. */
  resize(width: number, height: number): void {
    this.card.resize(width, height);
    // a long title is shortened with an ellipsis to the card's inner width
    if (this.data) {
      setText(this.card.title, this.data.title);
      fitText(this.card.title, width - 2 * SPACE.pad);
    }
    this.axes.resetLabelWidth();
    if (this.data) this.draw(this.data);
    this.card.commit();
  }

  /** Frees everything. */
  destroy(): void {
    this.card.destroy();
  }

  private draw(data: LessonPointChart): void {
    const area = this.card.content();
    this.key.root.position.set(area.x, area.y - 4);
    const kh = this.key.layout(area.w);
    area.y += kh + SPACE.gap;
    area.h -= kh + SPACE.gap;
    const range = pointChartRange(data);
    this.back.clear();
    this.lines.clear();
    this.marks.clear();
    this.axes.setVisible(range.y !== null);
    for (const t of this.xTexts) t.visible = false;
    if (!range.y) {
      this.card.setBackdrop(area);
      this.card.showMessage('nothing positive to plot', area);
      return;
    }
    this.card.showMessage('', area);
    const p = this.axes.fit(area, 'linear', range.x0, range.x1, 'log', range.y[0], range.y[1]);
    this.card.setBackdrop(p);
    this.drawXTicks(data, p);
    const spacing = Math.abs(this.axes.x.toPixel(1) - this.axes.x.toPixel(0));
    const step = xTickGap(data);
    for (const s of data.series) this.drawSeries(data, s, ((s.shift ?? 0) * step * spacing) | 0);
  }

  /** Named x ticks: label, tick mark and a light gridline for curves. */
  private drawXTicks(data: LessonPointChart, p: Rect): void {
    const y = Math.round(p.y + p.h + SPACE.tick + SPACE.tickLabel - 1);
    const bottom = p.y + p.h + 0.5;
    data.xTicks.slice(0, X_POOL).forEach((t, i) => {
      const x = Math.round(this.axes.x.toPixel(t.at)) + 0.5;
      const text = this.xTexts[i];
      setText(text, t.label);
      text.position.set(Math.round(x), y);
      text.visible = true;
      if (data.style === 'curve') this.back.moveTo(x, p.y).lineTo(x, p.y + p.h);
      this.marks.moveTo(x, bottom).lineTo(x, bottom + SPACE.tick);
    });
    this.back.stroke({ width: 1, color: COLORS.grid });
    this.marks.stroke({ width: 1, color: COLORS.axis });
  }

  /** One series: exact (a dashed line or bars), then the measured whiskers and dots over it (not joined). */
  private drawSeries(data: LessonPointChart, s: PointSeries, dx: number): void {
    const { x, y } = this.axes;
    const color = this.colors[s.role];
    const yb = y.toPixelClamped(y.lo);
    // a whisker end ≤ 0 lies below any log axis: clamp it to the bottom
    const py = (v: number) => (v > 0 ? y.toPixelClamped(v) : v <= 0 ? yb : NaN);
    if (data.style === 'curve') {
      const ex = s.exact.map((e) => x.toPixel(e.x) + dx);
      const ey = s.exact.map((e) => (e.y > 0 ? y.toPixelClamped(e.y) : NaN));
      tracePolyline(this.lines, ex, ey, ex.length, 6, 4);
      this.lines.stroke({ width: 1.5, color, cap: 'butt' });
    } else {
      for (const e of s.exact) {
        if (!(e.y > 0)) continue;
        const cx = x.toPixel(e.x) + dx;
        const ey = Math.round(y.toPixelClamped(e.y)) + 0.5;
        this.lines.moveTo(cx - BAR, ey).lineTo(cx + BAR, ey);
      }
      this.lines.stroke({ width: 2.5, color: COLORS.reference });
    }
    for (const m of s.points) {
      if (!(m.y > 0) || !Number.isFinite(m.y)) continue;
      const cx = Math.round(x.toPixel(m.x) + dx) + 0.5;
      const lo = py(m.lo);
      const hi = py(m.hi);
      if (Number.isNaN(lo) || Number.isNaN(hi)) continue;
      this.marks.moveTo(cx, lo).lineTo(cx, hi);
      this.marks.moveTo(cx - CAP, lo).lineTo(cx + CAP, lo);
      this.marks.moveTo(cx - CAP, hi).lineTo(cx + CAP, hi);
    }
    this.marks.stroke({ width: 1.5, color });
    for (const m of s.points)
      if (m.y > 0 && Number.isFinite(m.y))
        drawDot(this.marks, x.toPixel(m.x) + dx, y.toPixelClamped(m.y), DOT, color);
  }
}
