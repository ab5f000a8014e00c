/**
 * The optimisation race over (μ, σ): a heatmap of E[f](μ, σ) (viridis via ./heatmap.ts, NaN cells grey) with
 * a colour bar, and each visible estimator's trajectory up to the replayed step (its colour on a white halo,
 * a dot at the head), the common start (ring) and the best grid cell (star, "finish"), with a key listing
 * when each estimator arrived. Clicking the heatmap picks a new start. The heatmap is a small canvas
 * texture re-uploaded only when the grid's values change (not on every replay step).
 */
import {
  CanvasSource,
  Container,
  Graphics,
  Rectangle,
  Sprite,
  Texture,
  type FederatedPointerEvent,
  type Text,
} from 'pixi.js';
import { LAB_ESTIMATORS } from '../../algos/lab/estimators';
import { LAB_CAPACITY, type LabFrame, type RaceData } from '../../app/lab/frame';
import { COLORS, ESTIMATOR_COLORS } from '../colors';
import { emptyExtent, extendExtent, tracePolyline } from '../charts/plotMath';
import { FONT, makeText, setText, type Rect } from '../charts/theme';
import { formatValue } from '../charts/ticks';
import { Card } from './Card';
import { gridFingerprint, heatmapPixelsInto } from './heatmap';
import { ColorBar } from './ColorBar';
import { KeyRow } from './KeyRow';
import { ESTIMATOR_SHORT_LABELS, arrivalLabel, raceTitle, roundForSpan } from './labFormat';
import { drawDot, drawRing, drawStar } from './marks';
import { PlotAxes } from './PlotAxes';

const extent = emptyExtent();

/** Heatmap, trajectories and arrivals of the race. */
export class RacePanel {
  /** The panel (origin at its top-left corner). */
  readonly root: Container;
  private readonly card = new Card();
  private readonly axes = new PlotAxes({ xTitle: 'μ', yTitle: 'σ' });
  private readonly key = new KeyRow();
  private readonly sprite = new Sprite();
  private readonly bar = new ColorBar('E[f]');
  private readonly paths = new Graphics();
  private readonly marks = new Graphics();
  private readonly hit = new Rectangle(0, 0, 0, 0);
  private readonly px = new Float64Array(LAB_CAPACITY.raceSteps + 1);
  private readonly py = new Float64Array(LAB_CAPACITY.raceSteps + 1);
  private source: CanvasSource | null = null;
  private image: ImageData | null = null;
  private fingerprint = NaN;
  private lo = NaN;
  private hi = NaN;
  private frame: LabFrame | null = null;
  private seen = -1;
  private showing = false;
  private readonly readout = new Container();
  private readonly readoutBg = new Graphics();
  private readonly readoutText: Text;

  constructor(private readonly pickStart?: (mu: number, sigma: number) => void) {
    this.root = this.card.root;
    this.sprite.visible = false;
    this.readoutText = makeText('', { size: FONT.tooltip, color: COLORS.text });
    this.readoutText.style.lineHeight = 14;
    this.readoutText.position.set(6, 4);
    this.readout.addChild(this.readoutBg, this.readoutText);
    this.readout.visible = false;
    const plot = new Container();
    plot.addChild(this.sprite, this.bar.root, this.paths, this.marks, this.axes.front);
    this.card.addLayer(plot);
    this.card.addLayer(this.key.root);
    this.card.addLayer(this.readout);
    this.key.build([
      { kind: 'ring', color: COLORS.text, label: 'start' },
      { kind: 'star', color: 0xffffff, label: 'finish (best cell)' },
      ...LAB_ESTIMATORS.map((e) => ({ kind: 'dot' as const, color: ESTIMATOR_COLORS[e], label: '' })),
    ]);
    const r = this.root;
    r.eventMode = 'static';
    r.cursor = 'pointer';
    r.hitArea = this.hit;
    r.on('pointertap', (e: FederatedPointerEvent) =>
      this.tap(e.getLocalPosition(r).x, e.getLocalPosition(r).y),
    );
    r.on('pointermove', (e: FederatedPointerEvent) =>
      this.hover(e.getLocalPosition(r).x, e.getLocalPosition(r).y),
    );
    r.on('pointerleave', () => this.hover(NaN, NaN));
  }

  /** Sizes the panel; the next {@link sync} redraws. */
  resize(width: number, height: number): void {
    this.card.resize(width, height);
    this.axes.resetLabelWidth();
    this.seen = -1;
  }

  /** Redraws if the race changed; returns whether it did. */
  sync(frame: LabFrame): boolean {
    const race = frame.race;
    if (race.version === this.seen) return false;
    this.frame = frame;
    this.seen = race.version;
    setText(this.card.title, raceTitle(race.objective));
    const area = this.card.content();
    LAB_ESTIMATORS.forEach((e, i) => {
      this.key.setVisible(i + 2, frame.visible[e]);
      this.key.setLabel(
        i + 2,
        arrivalLabel(ESTIMATOR_SHORT_LABELS[e], race.steps > 0 ? race.arrival[e] : -1),
      );
    });
    this.key.root.position.set(area.x, area.y - 4);
    this.key.root.visible = race.nx * race.ny > 0 && race.status !== 'error';
    const kh = this.key.root.visible ? this.key.layout(area.w) : 0;
    area.y += kh + 2;
    area.h -= kh + 2;
    this.draw(race, frame, area);
    this.card.commit();
    return true;
  }

  /** Frees everything, the heatmap texture included. */
  destroy(): void {
    this.card.destroy();
    this.source?.destroy();
  }

  private draw(race: RaceData, frame: LabFrame, area: Rect): void {
    const cells = race.nx * race.ny;
    const ready =
      cells > 0 && race.status !== 'error' && race.muHi > race.muLo && race.sigmaHi > race.sigmaLo;
    const message =
      race.status === 'error'
        ? race.message || 'the race failed'
        : !ready
          ? race.status === 'computing'
            ? 'computing the race…'
            : 'no race yet'
          : '';
    this.showing = message === '';
    const status =
      race.status === 'computing' ? 'computing…' : race.steps > 0 ? `step ${race.shown} / ${race.steps}` : '';
    this.card.setStatus(this.showing ? status : '');
    this.paths.clear();
    this.marks.clear();
    this.axes.setVisible(this.showing);
    this.sprite.visible = this.bar.root.visible = this.showing;
    if (!this.showing) {
      this.readout.visible = false;
      this.hit.width = this.hit.height = 0;
      this.card.setBackdrop(area);
      this.card.showMessage(message, area, race.status === 'error' ? 'error' : 'faint');
      return;
    }
    this.card.showMessage('', area);
    this.updateHeat(race);
    const room = this.bar.setRange(this.lo, this.hi);
    const p = this.axes.fit(area, 'linear', race.muLo, race.muHi, 'linear', race.sigmaLo, race.sigmaHi, room);
    this.card.setBackdrop(p);
    this.hit.x = p.x;
    this.hit.y = p.y;
    this.hit.width = p.w;
    this.hit.height = p.h;
    this.sprite.position.set(p.x, p.y);
    this.sprite.width = p.w;
    this.sprite.height = p.h;
    this.bar.draw(p);
    this.drawPaths(race, frame);
  }

  /** Re-uploads the heatmap texture if the grid (values, size or extent) changed. */
  private updateHeat(race: RaceData): void {
    const { nx, ny } = race;
    const fp = gridFingerprint(race.grid, nx, ny, race.muLo, race.muHi, race.sigmaLo, race.sigmaHi);
    if (fp === this.fingerprint && this.source) return;
    this.fingerprint = fp;
    if (!this.source || this.source.width !== nx || this.source.height !== ny) {
      this.source?.destroy();
      this.source = new CanvasSource({ width: nx, height: ny, resolution: 1, scaleMode: 'nearest' });
      this.sprite.texture = new Texture({ source: this.source });
      this.image = this.source.context2D.createImageData(nx, ny);
    }
    extent.min = Infinity;
    extent.max = -Infinity;
    extendExtent(extent, race.grid, nx * ny, false);
    this.lo = extent.min;
    this.hi = extent.max;
    const img = this.image as ImageData;
    heatmapPixelsInto(img.data, race.grid, nx, ny, this.lo, this.hi);
    this.source.context2D.putImageData(img, 0, 0);
    this.source.update();
  }

  private drawPaths(race: RaceData, frame: LabFrame): void {
    const { x, y } = this.axes;
    const shown = Math.max(0, Math.min(race.shown, race.steps, LAB_CAPACITY.raceSteps));
    let start = -1;
    // white halos first, so that no trajectory's halo covers another's line
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < LAB_ESTIMATORS.length; i++) {
        const e = LAB_ESTIMATORS[i];
        if (!frame.visible[e] || race.steps <= 0) continue;
        if (start < 0) start = i;
        if (pass === 0) this.trace(race.paths[e], shown, 4.5, 0xffffff, 0.55);
        else this.trace(race.paths[e], shown, 2, ESTIMATOR_COLORS[e], 1);
      }
    }
    const m = this.marks;
    const bx = x.toPixelClamped(race.best.mu);
    const by = y.toPixelClamped(race.best.sigma);
    if (Number.isFinite(bx) && Number.isFinite(by)) drawStar(m, bx, by, 8, 0xffffff);
    if (start >= 0) {
      const path = race.paths[LAB_ESTIMATORS[start]];
      const sx = x.toPixelClamped(path[0]);
      const sy = y.toPixelClamped(path[1]);
      if (Number.isFinite(sx) && Number.isFinite(sy)) drawRing(m, sx, sy, 5.5);
    }
    for (const e of LAB_ESTIMATORS) {
      if (!frame.visible[e] || race.steps <= 0) continue;
      const hx = x.toPixelClamped(race.paths[e][2 * shown]);
      const hy = y.toPixelClamped(race.paths[e][2 * shown + 1]);
      if (Number.isFinite(hx) && Number.isFinite(hy)) drawDot(m, hx, hy, 4.5, ESTIMATOR_COLORS[e]);
    }
  }

  /** Strokes the trajectory's first `shown` steps. */
  private trace(path: Float64Array, shown: number, width: number, color: number, alpha: number): void {
    const { x, y } = this.axes;
    for (let t = 0; t <= shown; t++) {
      this.px[t] = x.toPixelClamped(path[2 * t]);
      this.py[t] = y.toPixelClamped(path[2 * t + 1]);
    }
    // NaN steps (a diverged run) leave gaps instead of breaking the path
    if (tracePolyline(this.paths, this.px, this.py, shown + 1) > 0)
      this.paths.stroke({ width, color, alpha, join: 'round', cap: 'round' });
  }

  private tap(gx: number, gy: number): void {
    if (!this.showing || !this.pickStart) return;
    const { x, y } = this.axes;
    this.pickStart(roundForSpan(x.toData(gx), x.hi - x.lo), roundForSpan(y.toData(gy), y.hi - y.lo));
  }

  /** Readout of the cell under the pointer, in a small box beside it. */
  private hover(gx: number, gy: number): void {
    const race = this.frame?.race;
    const on = !!race && this.showing && !Number.isNaN(gx);
    if (!on && !this.readout.visible) return;
    this.readout.visible = on;
    if (race && on) {
      const mu = this.axes.x.toData(gx);
      const sigma = this.axes.y.toData(gy);
      const fi = Math.floor(((mu - race.muLo) / (race.muHi - race.muLo)) * race.nx);
      const fj = Math.floor(((sigma - race.sigmaLo) / (race.sigmaHi - race.sigmaLo)) * race.ny);
      const i = Math.min(race.nx - 1, Math.max(0, fi));
      const j = Math.min(race.ny - 1, Math.max(0, fj));
      const v = race.grid[j * race.nx + i];
      setText(
        this.readoutText,
        `μ ${formatValue(mu)}, σ ${formatValue(sigma)}\nE[f] ${formatValue(v)}\nclick: start here`,
      );
      const w = Math.ceil(this.readoutText.width) + 12;
      const h = Math.ceil(this.readoutText.height) + 8;
      this.readoutBg
        .clear()
        .roundRect(0, 0, w, h, 4)
        .fill({ color: 0xffffff, alpha: 0.94 })
        .stroke({ width: 1, color: COLORS.panelBorder });
      const p = this.axes.plot;
      const bx = gx + 14 + w > p.x + p.w ? gx - 14 - w : gx + 14;
      const by = Math.min(Math.max(p.y + 2, gy - h / 2), p.y + p.h - h - 2);
      this.readout.position.set(Math.round(bx), Math.round(by));
    }
    this.card.commit();
  }
}
