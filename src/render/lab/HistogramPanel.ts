/**
 * One small histogram of single-sample estimates (one estimator, one gradient component) inside the
 * histogram card (./HistogramGrid.ts): the bins as a filled step outline in the estimator's colour, scaled to
 * the panel's own tallest bin on the row's shared x range; the exact gradient as a dashed near-black line;
 * the sample mean as a coloured triangle on the axis (and the estimator's own exact mean, dotted, when it is
 * biased — pathwise on a step); under/overflow counts at the edges; and the mean ± standard error, the
 * empirical and the exact variance in text (Mohamed et al. 2020, §§4–7).
 */
import { CanvasTextMetrics, Container, Graphics, type Text } from 'pixi.js';
import { ESTIMATOR_LABELS, type LabEstimator } from '../../algos/lab/estimators';
import type { HistogramSet } from '../../app/lab/frame';
import { COLORS, ESTIMATOR_COLORS, mix } from '../colors';
import { FONT, SPACE, makeText, setText, type Rect } from '../charts/theme';
import { formatTick } from '../charts/ticks';
import { AxisScale } from './AxisScale';
import { ESTIMATOR_SHORT_LABELS, overLabel, pickFitting, statsAlternatives, underLabel } from './labFormat';
import { drawTriangle } from './marks';

/** Lines of statistics text reserved under each plot. */
const STAT_LINES = 3;
const LINE_H = 14;
/** Title row and the axis band (ticks, mean marker, tick labels) (px). */
const TITLE_H = 18;
const AXIS_H = 22;
const TICKS = 5;

/** One estimator's histogram. */
export class HistogramPanel {
  /** Placed by the card at the cell's top-left corner. */
  readonly root = new Container();
  private readonly backdrop = new Graphics();
  private readonly bars = new Graphics();
  private readonly lines = new Graphics();
  private readonly swatch = new Graphics();
  private readonly title: Text;
  private readonly under: Text;
  private readonly over: Text;
  private readonly stats: Text;
  private readonly note: Text;
  private readonly ticks: Text[] = [];
  private readonly x = new AxisScale();
  private readonly plot: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private estimator: LabEstimator = 'score';
  private width = 0;

  constructor() {
    this.title = makeText('', { size: FONT.label, weight: '600' });
    this.under = makeText('', { size: FONT.label, color: COLORS.mutedText });
    this.over = makeText('', { size: FONT.label, color: COLORS.mutedText });
    this.over.anchor.set(1, 0);
    this.stats = makeText('', { size: FONT.label, color: COLORS.text });
    this.stats.style.lineHeight = LINE_H;
    this.note = makeText('', { size: FONT.label, color: COLORS.faintText, italic: true });
    this.note.anchor.set(0.5, 0);
    this.root.addChild(this.backdrop, this.bars, this.lines, this.swatch, this.title);
    this.root.addChild(this.under, this.over, this.stats, this.note);
    for (let i = 0; i < TICKS; i++) {
      const t = makeText('', { size: FONT.tick, color: COLORS.mutedText });
      t.anchor.set(0.5, 0);
      this.ticks.push(t);
      this.root.addChild(t);
    }
  }

  /** Sets the estimator and cell size (picks a title that fits). */
  setup(estimator: LabEstimator, width: number, height: number): void {
    this.estimator = estimator;
    this.width = width;
    const color = ESTIMATOR_COLORS[estimator];
    this.swatch.clear().roundRect(0, 3, 10, 10, 2).fill(color);
    const room = width - 14;
    const measure = (s: string): number => CanvasTextMetrics.measureText(s, this.title.style).width;
    setText(
      this.title,
      pickFitting([ESTIMATOR_LABELS[estimator], ESTIMATOR_SHORT_LABELS[estimator]], room, measure),
    );
    this.title.position.set(14, 0);
    const p = this.plot;
    p.x = 0;
    p.y = TITLE_H;
    p.w = width;
    p.h = Math.max(20, height - TITLE_H - AXIS_H - STAT_LINES * LINE_H - 4);
    this.backdrop.clear().rect(p.x, p.y, p.w, p.h).fill(COLORS.background);
    this.under.position.set(p.x + 3, p.y + 1);
    this.over.position.set(p.x + p.w - 3, p.y + 1);
    this.stats.position.set(0, p.y + p.h + AXIS_H);
    for (const t of this.ticks) t.position.y = p.y + p.h + SPACE.tick + 5;
  }

  /**
   * Redraws from the set's bins and statistics for this panel's estimator; returns whether the estimator's
   * own exact mean is visibly off the gradient (biased), so the card can key the dotted line.
   */
  draw(set: HistogramSet): boolean {
    const e = this.estimator;
    const color = ESTIMATOR_COLORS[e];
    const p = this.plot;
    const base = p.y + p.h;
    const b = this.bars.clear();
    const l = this.lines.clear();
    const counts = set.counts[e];
    const st = set.stats[e];
    const ok =
      set.hi > set.lo && Number.isFinite(set.lo) && Number.isFinite(set.hi) && set.bins > 0 && st.count > 0;
    let max = 0;
    let argMax = 0;
    let filled = 0;
    let inRange = 0;
    for (let i = 0; ok && i < set.bins; i++) {
      const c = counts[i];
      inRange += c;
      if (c > 0) filled++;
      if (c > max) {
        max = c;
        argMax = i;
      }
    }
    const measure = (s: string): number => CanvasTextMetrics.measureText(s, this.stats.style).width;
    setText(this.stats, pickFitting(statsAlternatives(st), this.width, measure));
    setText(this.under, ok ? underLabel(set.under[e]) : '');
    setText(this.over, ok ? overLabel(set.over[e]) : '');
    this.note.visible = false;
    if (!ok) {
      for (const t of this.ticks) t.visible = false;
      return false;
    }
    const x = this.x.set('linear', set.lo, set.hi, p.x + 1, p.x + p.w - 1);
    this.drawTicks();
    if (max > 0) {
      const h = (p.h - 16) / max;
      const dx = (set.hi - set.lo) / set.bins;
      b.moveTo(x.toPixel(set.lo), base);
      for (let i = 0; i < set.bins; i++) {
        const top = base - counts[i] * h;
        b.lineTo(x.toPixel(set.lo + i * dx), top).lineTo(x.toPixel(set.lo + (i + 1) * dx), top);
      }
      b.lineTo(x.toPixel(set.hi), base).closePath();
      b.fill({ color, alpha: 0.45 }).stroke({ width: 1.25, color, join: 'miter' });
    }
    // the estimator's own mean when it differs from the gradient (biased), dotted in its colour
    const biased = Math.abs(x.toPixel(st.exactMean) - x.toPixel(set.exact)) > 2;
    if (biased) this.vertical(st.exactMean, 2, 3, mix(color, 0x000000, 0.3), 1.5);
    // all in one or two bins: say so, on the side away from the spike
    this.note.visible = filled <= 2 && inRange >= 10;
    if (this.note.visible) {
      setText(
        this.note,
        st.variance === 0 ? 'all equal' : filled === 1 ? 'all in one bin' : 'all in two bins',
      );
      const half = this.note.width / 2 + 3;
      const cx = p.x + p.w * (argMax >= set.bins / 2 ? 0.28 : 0.72);
      this.note.position.set(Math.round(Math.max(p.x + half, Math.min(p.x + p.w - half, cx))), p.y + 20);
    }
    this.vertical(set.exact, 5, 3, COLORS.reference, 1.5);
    l.moveTo(p.x + 0.5, base + 0.5)
      .lineTo(p.x + p.w, base + 0.5)
      .stroke({ width: 1, color: COLORS.axis });
    if (Number.isFinite(st.mean)) drawTriangle(l, x.toPixelClamped(st.mean), base + 1, 8, color);
    return biased;
  }

  /** Frees everything. */
  destroy(): void {
    this.root.destroy({ children: true });
  }

  /** A dashed vertical line at data x `v` through the plot. */
  private vertical(v: number, dash: number, gap: number, color: number, width: number): void {
    const px = this.x.toPixel(v);
    const p = this.plot;
    if (!(px >= p.x && px <= p.x + p.w)) return;
    const gx = Math.round(px) + 0.5;
    for (let y = p.y + 2; y < p.y + p.h; y += dash + gap)
      this.lines.moveTo(gx, y).lineTo(gx, Math.min(p.y + p.h, y + dash));
    this.lines.stroke({ width, color });
  }

  /** Tick labels (thinned so they never touch), tick marks and faint gridlines. */
  private drawTicks(): void {
    const p = this.plot;
    const count = Math.max(2, Math.floor(p.w / 48));
    const t = this.x.ticks(Math.min(TICKS, count));
    let lastRight = -Infinity;
    for (let i = 0; i < TICKS; i++) {
      const label = this.ticks[i];
      if (i >= t.values.length) {
        label.visible = false;
        continue;
      }
      const v = t.values[i];
      setText(label, formatTick(v, t.step));
      const px = Math.round(this.x.toPixel(v));
      const half = label.width / 2;
      label.visible = px - half >= lastRight + 6 && px - half >= -2 && px + half <= p.w + 2;
      if (label.visible) lastRight = px + half;
      label.x = px;
      this.lines.moveTo(px + 0.5, p.y + p.h).lineTo(px + 0.5, p.y + p.h + SPACE.tick);
      this.bars.moveTo(px + 0.5, p.y).lineTo(px + 0.5, p.y + p.h);
    }
    this.lines.stroke({ width: 1, color: COLORS.axis });
    this.bars.stroke({ width: 1, color: COLORS.grid });
  }
}
