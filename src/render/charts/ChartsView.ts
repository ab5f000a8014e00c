/**
 * The training charts of a frame (FrameView, src/render/View.ts): return per episode, % optimal action,
 * baseline value and gradient variance, for one or two agents, in a grid that adapts to the space given —
 * 2 × 2, 4 × 1 when wide and short, or one column when narrow (whichever gives the roomiest charts). What each chart shows is decided in
 * ./chartSpecs.ts; each chart is a {@link LineChart}. The view keeps a 12px margin left, right and below,
 * none above (the stage puts it under a separator).
 */
import { Container } from 'pixi.js';
import type { Frame } from '../../app/frame';
import type { RunOverlay } from '../../app/multiSeed/overlay';
import type { FrameView } from '../View';
import { chartSpecs, type LineBinding } from './chartSpecs';
import { LineChart } from './LineChart';

/** Margin and gap between charts (px). */
const GAP = 12;
/** Comfortable chart size (px): layouts are scored by how well their charts reach it. */
const GOOD_W = 300;
const GOOD_H = 200;
/** Smallest chart height (px); below it the grid grows taller than asked. */
const MIN_H = 150;

/** Grid of the four charts for a `width` × `height` area: columns, rows and chart size. */
export function chartGrid(
  width: number,
  height: number,
): { cols: number; rows: number; w: number; h: number } {
  const w = width - 2 * GAP;
  const h = height - GAP;
  let best = { cols: 2, rows: 2, w: 0, h: 0 };
  let bestScore = -Infinity;
  for (const cols of [2, 4, 1]) {
    const rows = 4 / cols;
    const cw = Math.floor((w - (cols - 1) * GAP) / cols);
    const ch = Math.floor((h - (rows - 1) * GAP) / rows);
    const score = Math.min(cw / GOOD_W, ch / GOOD_H);
    if (score > bestScore + 0.05) {
      bestScore = score;
      best = { cols, rows, w: Math.max(120, cw), h: Math.max(MIN_H, ch) };
    }
  }
  return best;
}

/** The four training charts. */
export class ChartsView implements FrameView {
  readonly root = new Container();
  /** Height the charts occupy (px); more than the height given to `rebuild` when that was below the minimum. */
  contentHeight = 0;
  private readonly charts: LineChart[] = [];
  private bindings: LineBinding[][] = [];
  private version = NaN;
  private agents = -1;
  private width = 0;
  private height = 0;
  private overlays: readonly RunOverlay[] = [];
  private frame: Frame | null = null;

  constructor() {
    for (let i = 0; i < 4; i++) {
      const c = new LineChart();
      this.charts.push(c);
      this.root.addChild(c.root);
    }
  }

  /** Builds the charts for the frame's agents at `width` × `height` pixels. */
  rebuild(frame: Frame, width: number, height: number): void {
    this.frame = frame;
    this.version = frame.layoutVersion;
    this.agents = frame.agents.length;
    this.width = width;
    this.height = height;
    const grid = chartGrid(width, height);
    const specs = chartSpecs(frame, this.overlays);
    this.bindings = specs.map((s) => s.bindings);
    specs.forEach((s, i) => {
      const chart = this.charts[i];
      chart.root.position.set(
        GAP + (i % grid.cols) * (grid.w + GAP),
        Math.floor(i / grid.cols) * (grid.h + GAP),
      );
      chart.rebuild(s.spec, grid.w, grid.h);
    });
    this.contentHeight = grid.rows * grid.h + (grid.rows - 1) * GAP + GAP;
  }

  /** Draws `overlays` (mean ± 95% CI bands) over the charts from now on; rebuilds them if built. */
  setOverlays(overlays: readonly RunOverlay[]): void {
    this.overlays = overlays;
    if (this.frame) this.rebuild(this.frame, this.width, this.height);
  }

  /** Re-binds each line to the frame's series and refreshes the charts whose data changed. */
  update(frame: Frame): void {
    if (frame.layoutVersion !== this.version || frame.agents.length !== this.agents) {
      this.rebuild(frame, this.width, this.height);
      return;
    }
    for (let c = 0; c < this.charts.length; c++) {
      const b = this.bindings[c];
      for (let i = 0; i < b.length; i++)
        this.charts[c].setSeries(i, frame.agents[b[i].agent].series[b[i].key]);
      this.charts[c].update();
    }
  }

  /** Frees the charts. */
  destroy(): void {
    this.root.destroy({ children: true });
  }
}
