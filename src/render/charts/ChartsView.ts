/**
 * The training charts of a frame (FrameView, src/render/View.ts): return per episode, % optimal action,
 * baseline value and gradient variance, for one or two agents, under one legend row that keys the agents and
 * bands for all four (./chartSpecs.ts `sharedLegend`). The grid (2 × 2, 4 × 1 or one column) is chosen by the
 * stage (../stageLayout.ts) or, when not given, fitted to the size given. What each chart shows is decided in
 * ./chartSpecs.ts; each chart is a {@link LineChart}. The view keeps a 12px margin left, right and below,
 * none above (the stage puts it under a separator).
 */
import { Container } from 'pixi.js';
import type { Frame } from '../../app/frame';
import type { RunOverlay } from '../../app/multiSeed/overlay';
import type { FrameView } from '../View';
import { GAP, LEGEND_GAP, gridFor, type ChartGrid } from '../stageLayout';
import { chartSpecs, sharedLegend, type LineBinding } from './chartSpecs';
import { Legend } from './Legend';
import { LineChart } from './LineChart';
import { SPACE } from './theme';

/** The four training charts. */
export class ChartsView implements FrameView {
  readonly root = new Container();
  /** Height the charts occupy (px); more than the height given to `rebuild` when that was below the minimum. */
  contentHeight = 0;
  private readonly charts: LineChart[] = [];
  private readonly legend = new Legend();
  private grid: ChartGrid | null = null;
  private bindings: LineBinding[][] = [];
  private version = NaN;
  private agents = -1;
  private width = 0;
  private height = 0;
  private overlays: readonly RunOverlay[] = [];

  constructor() {
    for (let i = 0; i < 4; i++) {
      const c = new LineChart();
      this.charts.push(c);
      this.root.addChild(c.root);
    }
    this.root.addChild(this.legend.root);
  }

  /**
   * Builds the shared legend row for the frame's agents and the overlays at `width` px. Returns what the
   * stage needs before it splits the canvas: the row's height, and the chart width below which a chart's own
   * legend no longer fits beside its title (px, 0 if none asks for that).
   */
  prepare(frame: Frame, width: number): { legendHeight: number; titleRowWidth: number } {
    this.legend.build(sharedLegend(frame, this.overlays), width - 2 * GAP - 2 * SPACE.pad);
    this.legend.root.position.set(GAP + SPACE.pad, 0);
    const specs = chartSpecs(frame, this.overlays);
    const titleRowWidth = Math.max(0, ...specs.map((s, i) => this.charts[i].titleRowWidth(s.spec)));
    return { legendHeight: this.legend.layout(), titleRowWidth };
  }

  /**
   * Builds the charts for the frame's agents at `width` × `height` pixels, in `grid` (default: the
   * previous build's columns). `legendHeight` is what {@link prepare} just returned for this frame and width
   * (the stage measures first); without it the shared legend is prepared here.
   */
  rebuild(frame: Frame, width: number, height: number, grid?: ChartGrid, legendHeight?: number): void {
    this.version = frame.layoutVersion;
    this.agents = frame.agents.length;
    this.width = width;
    this.height = height;
    const legendH = legendHeight ?? this.prepare(frame, width).legendHeight;
    grid ??= this.fit(width, height, legendH);
    this.grid = grid;
    const top = legendH > 0 ? legendH + LEGEND_GAP : 0;
    const specs = chartSpecs(frame, this.overlays);
    this.bindings = specs.map((s) => s.bindings);
    specs.forEach((s, i) => {
      const chart = this.charts[i];
      chart.root.position.set(
        GAP + (i % grid.cols) * (grid.w + GAP),
        top + Math.floor(i / grid.cols) * (grid.h + GAP),
      );
      chart.rebuild(s.spec, grid.w, grid.h);
    });
    this.contentHeight = top + grid.rows * grid.h + (grid.rows - 1) * GAP + GAP;
  }

  /** The grid last built (null before the first build). */
  get layoutGrid(): ChartGrid | null {
    return this.grid;
  }

  /** The previous build's columns (2 at first) at this size. */
  private fit(width: number, height: number, legendH: number): ChartGrid {
    return gridFor(this.grid?.cols ?? 2, width, height, legendH);
  }

  /**
   * Draws `overlays` (mean ± 95% CI bands) over the charts from the next build on (the stage re-splits the
   * canvas when they change: the shared legend may wrap).
   */
  setOverlays(overlays: readonly RunOverlay[]): void {
    this.overlays = overlays;
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
