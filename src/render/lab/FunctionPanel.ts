/**
 * The lab's first panel: f(z) (solid, near-black) and f′(z) (dashed, grey) on a shared linear axis, the
 * density of z ~ N(μ, σ²) as a light area on its own (unlabelled) scale, a vertical line at μ, a rug of the
 * current draws, and — when f′ vanishes almost everywhere (steps) — a badge saying the pathwise estimator is
 * blind (Mohamed et al. 2020, §5.3.2: the pathwise estimator needs a differentiable f). Redrawn only when
 * the curve's version, the blind flag or the size change.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { LAB_CAPACITY, type LabFrame } from '../../app/lab/frame';
import { COLORS, OKABE_ITO, mix } from '../colors';
import { emptyExtent, extendExtent, paddedRange, tracePolyline } from '../charts/plotMath';
import { FONT, makeText, type Rect } from '../charts/theme';
import { Card } from './Card';
import { KeyRow } from './KeyRow';
import { PlotAxes } from './PlotAxes';
import { derivativeScale, formatScale } from './labFormat';

/** Text of the pathwise-blind badge. */
export const BLIND_TEXT = 'f′ = 0 almost everywhere: the pathwise estimator is blind here';

const DENSITY = mix(COLORS.mutedText, 0xffffff, 0.35);
const DERIVATIVE = COLORS.mutedText;
const BADGE_FILL = mix(OKABE_ITO.vermillion, 0xffffff, 0.88);
const BADGE_INK = mix(OKABE_ITO.vermillion, 0x000000, 0.35);
/** Longest expression shown in the key before it is cut with "…". */
const MAX_EXPR = 34;
const extent = emptyExtent();

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_EXPR ? `${t.slice(0, MAX_EXPR - 1)}…` : t;
}

/** f, f′ and the density of z. */
export class FunctionPanel {
  /** The panel (origin at its top-left corner). */
  readonly root: Container;
  private readonly card = new Card('f(z), f′(z) and the density of z');
  private readonly axes = new PlotAxes({ xTitle: 'z' });
  private readonly key = new KeyRow();
  private readonly densityG = new Graphics();
  private readonly curves = new Graphics();
  private readonly marks = new Graphics();
  private readonly muLabel: Text;
  private readonly badge = new Container();
  private readonly badgeBg = new Graphics();
  private readonly badgeText: Text;
  private readonly px = new Float64Array(LAB_CAPACITY.curve);
  private readonly py = new Float64Array(LAB_CAPACITY.curve);
  private seen = -1;
  private blind = false;
  private source = '\u0000';
  private derivative = '\u0000';
  private keyHeight = 0;
  /** f′ is drawn multiplied by this power of ten when it would dwarf f (1 otherwise). */
  private dScale = 1;

  constructor() {
    this.root = this.card.root;
    this.muLabel = makeText('μ', { size: FONT.label, color: COLORS.mutedText, italic: true });
    this.muLabel.anchor.set(0, 0);
    this.badgeText = makeText(BLIND_TEXT, { size: FONT.label, color: BADGE_INK, weight: '600' });
    this.badgeText.style.wordWrap = true;
    this.badge.addChild(this.badgeBg, this.badgeText);
    const plot = new Container();
    plot.addChild(this.axes.back, this.densityG, this.curves, this.marks, this.axes.front, this.muLabel);
    this.card.addLayer(plot);
    this.card.addLayer(this.key.root);
    this.card.addLayer(this.badge);
    this.key.build([
      { kind: 'line', color: COLORS.text, label: 'f(z)' },
      { kind: 'dashed', color: DERIVATIVE, label: 'f′(z)' },
      { kind: 'area', color: DENSITY, label: 'density of z' },
      { kind: 'tick', color: COLORS.text, label: 'draws of z' },
    ]);
  }

  /** Sizes the panel; the next {@link sync} redraws. */
  resize(width: number, height: number): void {
    this.card.resize(width, height);
    this.axes.resetLabelWidth();
    this.source = this.derivative = '\u0000';
    this.seen = -1;
  }

  /** Redraws if the curve changed; returns whether it did. */
  sync(frame: LabFrame): boolean {
    const c = frame.curve;
    if (c.version === this.seen && frame.pathwiseBlind === this.blind && frame.source === this.source)
      return false;
    this.seen = c.version;
    this.blind = frame.pathwiseBlind;
    const dScale = derivativeScale(c.f, c.df, c.n);
    if (frame.source !== this.source || frame.derivativeText !== this.derivative || dScale !== this.dScale) {
      this.source = frame.source;
      this.derivative = frame.derivativeText;
      this.dScale = dScale;
      this.key.setLabel(0, this.source ? `f(z) = ${shorten(this.source)}` : 'f(z)');
      const name = dScale === 1 ? 'f′(z)' : `f′(z) × ${formatScale(dScale)}`;
      this.key.setLabel(1, this.derivative ? `${name}, f′ = ${shorten(this.derivative)}` : name);
    }
    const area = this.card.content();
    this.key.root.position.set(area.x, area.y - 4);
    this.keyHeight = this.key.layout(area.w);
    let top = this.keyHeight + 2;
    this.badge.visible = this.blind;
    if (this.blind) top += this.layoutBadge(area, area.y + top) + 4;
    area.y += top;
    area.h -= top;
    this.draw(frame, area);
    this.card.commit();
    return true;
  }

  /** Frees everything. */
  destroy(): void {
    this.card.destroy();
  }

  /** Places the badge at `y`; returns its height. */
  private layoutBadge(area: Rect, y: number): number {
    const t = this.badgeText;
    t.style.wordWrapWidth = Math.max(100, area.w - 16);
    t.position.set(8, 4);
    const h = Math.ceil(t.height) + 8;
    const w = Math.min(area.w, Math.ceil(t.width) + 16);
    this.badgeBg
      .clear()
      .roundRect(0, 0, w, h, 4)
      .fill(BADGE_FILL)
      .stroke({ width: 1, color: OKABE_ITO.vermillion });
    this.badge.position.set(area.x, Math.round(y));
    return h;
  }

  private draw(frame: LabFrame, plotArea: Rect): void {
    const c = frame.curve;
    const n = c.n;
    this.densityG.clear();
    this.curves.clear();
    this.marks.clear();
    extent.min = Infinity;
    extent.max = -Infinity;
    extendExtent(extent, c.f, n, false);
    if (this.dScale === 1) extendExtent(extent, c.df, n, false);
    const yr = paddedRange(extent.min, extent.max, 0.06, false);
    const show = n > 1 && yr !== null;
    this.axes.setVisible(show);
    this.muLabel.visible = show;
    if (!show) {
      this.card.setBackdrop(plotArea);
      this.card.showMessage(n > 1 ? 'f is not finite on this range' : 'type f(z) to begin', plotArea);
      return;
    }
    this.card.showMessage('', plotArea);
    const p = this.axes.fit(plotArea, 'linear', c.z[0], c.z[n - 1], 'linear', yr[0], yr[1]);
    this.card.setBackdrop(p);
    const { x, y } = this.axes;
    // density on its own scale: its peak at 85% of the plot height
    let dMax = 0;
    for (let i = 0; i < n; i++) if (c.density[i] > dMax) dMax = c.density[i];
    const base = p.y + p.h;
    const dScale = dMax > 0 ? (0.85 * p.h) / dMax : 0;
    const d = this.densityG.moveTo(x.toPixel(c.z[0]), base);
    for (let i = 0; i < n; i++) d.lineTo(x.toPixel(c.z[i]), base - c.density[i] * dScale);
    d.lineTo(x.toPixel(c.z[n - 1]), base).closePath();
    d.fill({ color: DENSITY, alpha: 0.28 });
    for (let i = 0; i < n; i++) {
      this.px[i] = x.toPixel(c.z[i]);
      this.py[i] = y.toPixel(c.df[i] * this.dScale);
    }
    tracePolyline(this.curves, this.px, this.py, n, 5, 4);
    this.curves.stroke({ width: 1.75, color: DERIVATIVE, cap: 'butt' });
    for (let i = 0; i < n; i++) this.py[i] = y.toPixel(c.f[i]);
    tracePolyline(this.curves, this.px, this.py, n);
    this.curves.stroke({ width: 2, color: COLORS.text, join: 'round', cap: 'round' });
    // μ line and rug
    const m = this.marks;
    const mx = Math.round(x.toPixel(frame.mu)) + 0.5;
    if (x.containsPixel(mx)) {
      for (let yy = p.y; yy < base; yy += 7) m.moveTo(mx, yy).lineTo(mx, Math.min(base, yy + 3));
      m.stroke({ width: 1, color: COLORS.mutedText });
      this.muLabel.position.set(mx + 4, p.y + 1);
    } else this.muLabel.visible = false;
    for (let i = 0; i < c.sampleCount; i++) {
      const sx = Math.round(x.toPixel(c.samples[i])) + 0.5;
      if (x.containsPixel(sx)) m.moveTo(sx, base - 7).lineTo(sx, base - 1);
    }
    if (c.sampleCount > 0) m.stroke({ width: 1, color: COLORS.text, alpha: 0.4 });
  }
}
