/**
 * Variance of the N-sample mean against N, log–log: each visible estimator's exact line (Var/N, or the
 * leave-one-out batch formula), empirical points from the current draws in the same colour, the target τ²
 * (a dashed line labelled with τ), where each line crosses it (a ring and a drop line to the N axis), a
 * faint 1/N slope guide, and a key listing the N each estimator needs (Mohamed et al. 2020, §3: the cost
 * of an estimator is its variance times the samples it needs).
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { LAB_ESTIMATORS } from '../../algos/lab/estimators';
import { LAB_CAPACITY, type LabFrame, type LabParam } from '../../app/lab/frame';
import { COLORS, ESTIMATOR_COLORS } from '../colors';
import { emptyExtent, extendExtent, paddedRange, tracePolyline } from '../charts/plotMath';
import { FONT, makeText, setText } from '../charts/theme';
import { Card } from './Card';
import { KeyRow } from './KeyRow';
import { ESTIMATOR_SHORT_LABELS, crossingLabel, targetLabel, versusNTitle } from './labFormat';
import { drawDot } from './marks';
import { PlotAxes } from './PlotAxes';

const DYNAMIC_RANGE = 1e12;
const GUIDE = COLORS.faintText;
const extent = emptyExtent();

/** Var of the N-sample mean vs N. */
export class VersusNPanel {
  /** The panel (origin at its top-left corner). */
  readonly root: Container;
  private readonly card = new Card();
  private readonly axes = new PlotAxes({ xTitle: 'N (samples averaged)', yTitle: 'variance of the mean' });
  private readonly key = new KeyRow();
  private readonly lines = new Graphics();
  private readonly marks = new Graphics();
  private readonly targetText: Text;
  private readonly targetBg = new Graphics();
  private readonly guideText: Text;
  private readonly px = new Float64Array(LAB_CAPACITY.versusN);
  private readonly py = new Float64Array(LAB_CAPACITY.versusN);
  private seen = -1;
  private param: LabParam = 'mu';

  constructor() {
    this.root = this.card.root;
    this.targetText = makeText('', { size: FONT.label, color: COLORS.text });
    this.guideText = makeText('∝ 1/N', { size: FONT.label, color: GUIDE, italic: true });
    const plot = new Container();
    plot.addChild(this.axes.back, this.lines, this.marks, this.axes.front, this.guideText);
    plot.addChild(this.targetBg, this.targetText);
    this.card.addLayer(plot);
    this.card.addLayer(this.key.root);
    this.key.build(
      LAB_ESTIMATORS.map((e) => ({ kind: 'dot' as const, color: ESTIMATOR_COLORS[e], label: '' })),
      'N for SE ≤ τ:',
    );
  }

  /** Sizes the panel; the next {@link sync} redraws. */
  resize(width: number, height: number): void {
    this.card.resize(width, height);
    this.axes.resetLabelWidth();
    this.seen = -1;
  }

  /** Redraws if the data or the shown component changed; returns whether it did. */
  sync(frame: LabFrame): boolean {
    const v = frame.versusN;
    if (v.version === this.seen && frame.param === this.param) return false;
    this.seen = v.version;
    this.param = frame.param;
    setText(this.card.title, versusNTitle(frame.param));
    const area = this.card.content();
    LAB_ESTIMATORS.forEach((e, i) => {
      this.key.setVisible(i, frame.visible[e]);
      const c = v.crossing[e][frame.param];
      this.key.setLabel(i, crossingLabel(ESTIMATOR_SHORT_LABELS[e], c, v.biased[e][frame.param]));
    });
    this.key.root.position.set(area.x, area.y - 4);
    this.key.root.visible = v.n > 1;
    const kh = v.n > 1 ? this.key.layout(area.w) : 0;
    area.y += kh + 2;
    area.h -= kh + 2;
    this.draw(frame, area);
    this.card.commit();
    return true;
  }

  /** Frees everything. */
  destroy(): void {
    this.card.destroy();
  }

  private draw(frame: LabFrame, area: { x: number; y: number; w: number; h: number }): void {
    const v = frame.versusN;
    const param = frame.param;
    const n = v.n;
    const tau2 = v.target * v.target;
    this.lines.clear();
    this.marks.clear();
    extent.min = Infinity;
    extent.max = -Infinity;
    let any = false;
    for (const e of LAB_ESTIMATORS) {
      if (!frame.visible[e]) continue;
      any = true;
      extendExtent(extent, v.exact[e][param], n, true);
      extendExtent(extent, v.empirical[e][param], v.pointCount, true);
    }
    const hasData = extent.min <= extent.max;
    if (tau2 > 0) extent.min = Math.min(extent.min, tau2);
    if (tau2 > 0) extent.max = Math.max(extent.max, tau2);
    const yr = paddedRange(Math.max(extent.min, extent.max / DYNAMIC_RANGE), extent.max, 0.06, true);
    const show = n > 1 && hasData && yr !== null && v.N[0] > 0;
    this.axes.setVisible(show);
    this.targetText.visible = this.guideText.visible = this.targetBg.visible = show;
    if (!show) {
      this.card.setBackdrop(area);
      const why = n <= 1 ? 'no samples yet' : any ? 'no positive variance to plot' : 'no estimator selected';
      this.card.showMessage(why, area);
      return;
    }
    this.card.showMessage('', area);
    const p = this.axes.fit(area, 'log', v.N[0], v.N[n - 1], 'log', yr[0], yr[1]);
    this.card.setBackdrop(p);
    const { x, y } = this.axes;
    this.drawGuide();
    for (let i = 0; i < n; i++) this.px[i] = x.toPixel(v.N[i]);
    for (const e of LAB_ESTIMATORS) {
      if (!frame.visible[e]) continue;
      const ex = v.exact[e][param];
      for (let i = 0; i < n; i++) this.py[i] = ex[i] > 0 ? y.toPixelClamped(ex[i]) : NaN;
      tracePolyline(this.lines, this.px, this.py, n);
      this.lines.stroke({ width: 2, color: ESTIMATOR_COLORS[e], join: 'round', cap: 'round' });
    }
    // target line and its label (none without a positive target)
    const ty = Math.round(y.toPixel(tau2)) + 0.5;
    this.targetText.visible = this.targetBg.visible = tau2 > 0;
    if (tau2 > 0) this.drawTarget(v.target, ty, tau2 < y.lo ? 'below' : tau2 > y.hi ? 'above' : 'on');
    for (const e of LAB_ESTIMATORS) {
      if (!frame.visible[e]) continue;
      const em = v.empirical[e][param];
      for (let i = 0; i < v.pointCount; i++) {
        const yy = em[i] > 0 ? y.toPixel(em[i]) : NaN;
        const xx = x.toPixel(v.pointN[i]);
        if (x.containsPixel(xx) && y.containsPixel(yy))
          drawDot(this.marks, xx, yy, 3.25, ESTIMATOR_COLORS[e]);
      }
    }
    for (const e of LAB_ESTIMATORS) {
      const c = v.crossing[e][param];
      if (!frame.visible[e] || v.biased[e][param] || !Number.isFinite(c) || !(tau2 > 0)) continue;
      const cx = Math.round(x.toPixel(c)) + 0.5;
      if (!x.containsPixel(cx)) continue;
      for (let yy = ty + 4; yy < p.y + p.h; yy += 5)
        this.marks.moveTo(cx, yy).lineTo(cx, Math.min(p.y + p.h, yy + 2));
      this.marks.stroke({ width: 1, color: ESTIMATOR_COLORS[e] });
      this.marks.circle(cx, ty, 4.5).fill(0xffffff).stroke({ width: 2, color: ESTIMATOR_COLORS[e] });
    }
  }

  /** The dashed target line at pixel y `ty` and its label in a white box. */
  private drawTarget(target: number, ty: number, where: 'on' | 'below' | 'above'): void {
    const p = this.axes.plot;
    if (where === 'on') {
      for (let xx = p.x; xx < p.x + p.w; xx += 10)
        this.marks.moveTo(xx, ty).lineTo(Math.min(p.x + p.w, xx + 6), ty);
      this.marks.stroke({ width: 1.5, color: COLORS.reference });
    }
    // the label sits under the line at small N, where the lines are still above the target; a target off
    // the axis (the lines would need far more than the plotted N) is named at the edge it lies beyond
    const off = where === 'on' ? '' : ` (τ² ${where} this axis)`;
    setText(this.targetText, targetLabel(target) + off);
    const h = this.targetText.height;
    const below = where === 'above' || (where === 'on' && ty + 4 + h <= p.y + p.h - 2);
    const ly =
      where === 'below' ? p.y + p.h - 4 - h : where === 'above' ? p.y + 4 : below ? ty + 4 : ty - 4 - h;
    this.targetText.position.set(p.x + 8, Math.round(ly));
    this.targetBg
      .clear()
      .roundRect(p.x + 4, Math.round(ly) - 1, this.targetText.width + 8, this.targetText.height + 2, 3)
      .fill({ color: 0xffffff, alpha: 0.85 });
  }

  /** A faint line of slope −1 in the upper right (where the falling lines rarely are), labelled "∝ 1/N". */
  private drawGuide(): void {
    const { x, y } = this.axes;
    const lx = Math.log10(x.hi / x.lo);
    const ly = Math.log10(y.hi / y.lo);
    const d = Math.min(0.25 * lx, 0.3 * ly);
    if (!(d > 0.2)) {
      this.guideText.visible = false;
      return;
    }
    const n0 = x.hi * Math.pow(10, -0.08 * lx - d);
    const v0 = y.hi * Math.pow(10, -0.1 * ly);
    const n1 = n0 * Math.pow(10, d);
    const v1 = (v0 * n0) / n1;
    const g = this.lines;
    g.moveTo(x.toPixel(n0), y.toPixel(v0)).lineTo(x.toPixel(n1), y.toPixel(v1));
    g.stroke({ width: 1.25, color: GUIDE, alpha: 0.8 });
    this.guideText.anchor.set(0, 1);
    this.guideText.position.set(x.toPixel(Math.sqrt(n0 * n1)) + 3, y.toPixel(Math.sqrt(v0 * v1)) - 1);
  }
}
