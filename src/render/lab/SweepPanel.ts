/**
 * Variance vs k (Mohamed, Rosca, Figurnov & Mnih 2020, Figs 2–3): the exact per-sample variance of each
 * visible estimator's μ or σ component as the cost parameter k sweeps, on a log y axis (x turns log when k
 * spans three decades or more), the current k as a vertical line, the sweep's status (computing…, no k in f,
 * error), a hover readout (../charts/Tooltip.ts) and click-to-pick k.
 */
import { Container, Graphics, Rectangle, type FederatedPointerEvent, type Text } from 'pixi.js';
import { LAB_ESTIMATORS, type LabEstimator } from '../../algos/lab/estimators';
import { LAB_CAPACITY, type LabFrame, type LabParam } from '../../app/lab/frame';
import { COLORS, ESTIMATOR_COLORS } from '../colors';
import { emptyExtent, extendExtent, nearestIndex, paddedRange, tracePolyline } from '../charts/plotMath';
import { FONT, makeText, setText } from '../charts/theme';
import { formatValue } from '../charts/ticks';
import { Tooltip, type TooltipRow } from '../charts/Tooltip';
import { ESTIMATOR_LABELS } from '../../algos/lab/estimators';
import { Card } from './Card';
import { sweepTitle } from './labFormat';
import { PlotAxes } from './PlotAxes';

/** Lowest variance shown relative to the highest (smaller ones sit on the bottom edge). */
const DYNAMIC_RANGE = 1e12;
const extent = emptyExtent();

/** Variance of each estimator against k. */
export class SweepPanel {
  /** The panel (origin at its top-left corner). */
  readonly root: Container;
  private readonly card = new Card();
  private readonly axes = new PlotAxes({ xTitle: 'k', yTitle: 'variance per sample (log)' });
  private readonly lines = new Graphics();
  private readonly kLine = new Graphics();
  private readonly kLabel: Text;
  private readonly note: Text;
  private readonly tooltip = new Tooltip();
  private readonly rows: TooltipRow[];
  private readonly hit = new Rectangle(0, 0, 0, 0);
  private readonly px = new Float64Array(LAB_CAPACITY.sweep);
  private readonly py = new Float64Array(LAB_CAPACITY.sweep);
  private frame: LabFrame | null = null;
  private showing = false;
  private seen = -1;
  private seenK = NaN;
  private param: LabParam = 'mu';
  private hoverX = NaN;

  constructor(private readonly pickK?: (k: number) => void) {
    this.root = this.card.root;
    this.kLabel = makeText('', { size: FONT.label, color: COLORS.text });
    this.note = makeText('', { size: FONT.label, color: COLORS.faintText, italic: true });
    const plot = new Container();
    plot.addChild(this.axes.back, this.lines, this.kLine, this.axes.front, this.kLabel, this.note);
    this.card.addLayer(plot);
    this.card.addLayer(this.tooltip.root);
    this.tooltip.build(LAB_ESTIMATORS.map((e) => ESTIMATOR_COLORS[e]));
    this.rows = LAB_ESTIMATORS.map((e) => ({
      label: ESTIMATOR_LABELS[e],
      value: '',
      dotX: NaN,
      dotY: NaN,
      active: false,
    }));
    const r = this.root;
    r.eventMode = 'static';
    r.hitArea = this.hit;
    r.cursor = 'crosshair';
    r.on('pointermove', (e: FederatedPointerEvent) => this.hover(e.getLocalPosition(r).x));
    r.on('pointerleave', () => this.hover(NaN));
    r.on('pointertap', (e: FederatedPointerEvent) => this.tap(e.getLocalPosition(r).x));
  }

  /** Sizes the panel; the next {@link sync} redraws. */
  resize(width: number, height: number): void {
    this.card.resize(width, height);
    this.axes.resetLabelWidth();
    this.seen = -1;
  }

  /** Redraws if the sweep, the shown component or the current k changed; returns whether it did. */
  sync(frame: LabFrame): boolean {
    const s = frame.sweep;
    const k = currentK(frame);
    if (s.version === this.seen && frame.param === this.param && Object.is(k, this.seenK)) return false;
    this.frame = frame;
    this.seen = s.version;
    this.seenK = k;
    this.param = frame.param;
    setText(this.card.title, sweepTitle(frame.param, s.mu, s.sigma));
    this.card.setStatus(s.status === 'computing' && s.n > 1 ? 'computing…' : '');
    this.draw(frame);
    if (!Number.isNaN(this.hoverX)) this.showHover(this.hoverX);
    this.card.commit();
    return true;
  }

  /** Frees everything. */
  destroy(): void {
    this.card.destroy();
  }

  private draw(frame: LabFrame): void {
    const s = frame.sweep;
    const area = this.card.content();
    const n = s.n;
    this.lines.clear();
    this.kLine.clear();
    extent.min = Infinity;
    extent.max = -Infinity;
    let zero = '';
    let any = false;
    for (const e of LAB_ESTIMATORS) {
      if (!frame.visible[e]) continue;
      any = true;
      const v = s.variance[e][frame.param];
      extendExtent(extent, v, n, true);
      if (n > 0 && allZero(v, n)) zero += zero ? `, ${ESTIMATOR_LABELS[e]}` : ESTIMATOR_LABELS[e];
    }
    const lo = Math.max(extent.min, extent.max / DYNAMIC_RANGE);
    const yr = paddedRange(lo, extent.max, 0.05, true);
    const message =
      s.status === 'error' || s.status === 'no-k'
        ? s.message ||
          (s.status === 'no-k' ? 'f does not use k: write k into f, e.g. cos(k*z), to sweep it' : 'error')
        : n < 2
          ? s.status === 'computing'
            ? 'computing the sweep…'
            : 'no sweep yet'
          : !any
            ? 'no estimator selected'
            : yr === null
              ? 'every variance is 0 here'
              : '';
    this.showing = message === '';
    this.axes.setVisible(this.showing);
    this.kLabel.visible = this.note.visible = this.showing;
    if (!this.showing) {
      this.card.setBackdrop(area);
      this.card.showMessage(message, area, s.status === 'error' ? 'error' : 'faint');
      this.hit.width = this.hit.height = 0;
      this.tooltip.hide();
      return;
    }
    this.card.showMessage('', area);
    const k0 = s.k[0];
    const k1 = s.k[n - 1];
    const xKind = k0 > 0 && k1 / k0 >= 1000 ? 'log' : 'linear';
    const [y0, y1] = yr as [number, number];
    const p = this.axes.fit(area, xKind, k0, k1, 'log', y0, y1);
    this.card.setBackdrop(p);
    this.hit.x = p.x;
    this.hit.y = p.y;
    this.hit.width = p.w;
    this.hit.height = p.h;
    this.tooltip.setHeight(p.h);
    const { x, y } = this.axes;
    for (let i = 0; i < n; i++) this.px[i] = x.toPixel(s.k[i]);
    for (const e of LAB_ESTIMATORS) {
      if (!frame.visible[e]) continue;
      const v = s.variance[e][frame.param];
      for (let i = 0; i < n; i++) this.py[i] = v[i] > 0 ? y.toPixelClamped(v[i]) : NaN;
      tracePolyline(this.lines, this.px, this.py, n);
      this.lines.stroke({ width: 2, color: ESTIMATOR_COLORS[e], join: 'round', cap: 'round' });
    }
    const k = currentK(frame);
    const kx = Math.round(x.toPixel(k)) + 0.5;
    const inK = Number.isFinite(kx) && x.containsPixel(kx);
    this.kLabel.visible = inK;
    if (inK) {
      this.kLine
        .moveTo(kx, p.y)
        .lineTo(kx, p.y + p.h)
        .stroke({ width: 1.5, color: COLORS.text, alpha: 0.8 });
      setText(this.kLabel, `k = ${formatValue(k)}`);
      const right = kx + 4 + this.kLabel.width <= p.x + p.w;
      this.kLabel.anchor.set(right ? 0 : 1, 0);
      this.kLabel.position.set(right ? kx + 4 : kx - 4, p.y + 2);
    }
    // the engine's remark on a finished sweep ("some quadratures did not converge"), then zero variances
    const remark = s.status === 'ready' ? s.message : '';
    const zeros = zero ? `variance 0 (off the log scale): ${zero}` : '';
    setText(this.note, remark && zeros ? `${remark}\n${zeros}` : remark || zeros);
    this.note.position.set(p.x + 6, p.y + p.h - this.note.height - 3);
  }

  private tap(gx: number): void {
    const f = this.frame;
    if (!this.showing || !f || !this.pickK) return;
    const s = f.sweep;
    const i = nearestIndex(s.k, s.n, this.axes.x.toData(gx));
    if (i >= 0) this.pickK(s.k[i]);
  }

  private hover(gx: number): void {
    this.showHover(gx);
    this.card.commit();
  }

  private showHover(gx: number): void {
    this.hoverX = gx;
    const f = this.frame;
    if (Number.isNaN(gx) || !this.showing || !f) {
      this.tooltip.hide();
      return;
    }
    const s = f.sweep;
    const i = nearestIndex(s.k, s.n, this.axes.x.toData(gx));
    const kx = this.axes.x.toPixel(s.k[i]);
    LAB_ESTIMATORS.forEach((e: LabEstimator, j) => {
      const row = this.rows[j];
      const v = s.variance[e][f.param][i];
      row.active = f.visible[e];
      row.value = formatValue(v);
      row.dotX = kx;
      row.dotY = v > 0 ? this.axes.y.toPixelClamped(v) : NaN;
    });
    this.tooltip.show(kx, this.axes.plot, `k = ${formatValue(s.k[i])}  (click to pick)`, this.rows);
  }
}

function allZero(v: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) if (v[i] !== 0) return false;
  return true;
}

/** The k to mark: the sweep's own `currentK`, or the frame's k while the sweep leaves it unset. */
function currentK(frame: LabFrame): number {
  return Number.isFinite(frame.sweep.currentK) ? frame.sweep.currentK : frame.k;
}
