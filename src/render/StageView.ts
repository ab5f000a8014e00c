/**
 * Lays out the canvas: the environment view of each agent across the top (A, and B beside it when
 * comparing) and the charts below, split by ./stageLayout.ts (charts get a minimum plot height first, the
 * environment views scale into the rest). Rebuilds its children when the frame's layout version or the canvas size
 * changes; otherwise only updates them.
 */
import { Container, Graphics } from 'pixi.js';
import type { Frame } from '../app/frame';
import type { RunOverlay } from '../app/multiSeed/overlay';
import { ChartsView } from './charts/ChartsView';
import { GAP, stageLayout } from './stageLayout';
import type { EnvView, EnvViewEvents, EnvViewOptions } from './View';
import { createEnvView } from './views';

/** Views redraw at most this often (ms) unless moves are animated: charts show trends, not frames. */
const CHART_MS = 100;

/** The whole canvas. */
export class StageView {
  readonly root = new Container();
  private envViews: EnvView[] = [];
  private readonly charts = new ChartsView();
  private readonly separator = new Graphics();
  private version = -1;
  private width = 0;
  private height = 0;
  private kinds = '';
  private sinceCharts = Infinity;

  /** @param events pointer events of the environment views (cell clicks for the gridworld) */
  constructor(private readonly events: EnvViewEvents) {
    this.root.addChild(this.separator, this.charts.root);
  }

  /**
   * Brings the views up to date with `frame` at the canvas size (rebuilding when anything structural changed).
   * Returns whether anything was redrawn, i.e. whether the canvas needs rendering this frame.
   */
  sync(frame: Frame, options: EnvViewOptions, width: number, height: number, dtMs: number): boolean {
    const kinds = frame.agents.map((a) => a.env.kind).join();
    const structural =
      frame.layoutVersion !== this.version ||
      width !== this.width ||
      height !== this.height ||
      kinds !== this.kinds;
    if (structural) {
      this.version = frame.layoutVersion;
      this.width = width;
      this.height = height;
      if (kinds !== this.kinds || this.envViews.length !== frame.agents.length) this.replaceEnvViews(frame);
      this.kinds = kinds;
      this.layout(frame, options);
      return true;
    }
    let drawn = false;
    // Env views redraw every frame when moves are animated (slow speeds); otherwise env views and charts
    // redraw together at ≤ 10 Hz, so the canvas is rendered at most 10 times a second while training runs
    // flat out (presenting a frame is what costs a software renderer most).
    this.sinceCharts += dtMs;
    const due = this.sinceCharts >= CHART_MS;
    if (options.animate || due) {
      frame.agents.forEach((a, i) =>
        this.envViews[i]?.update(a, options, options.animate ? dtMs : this.sinceCharts),
      );
      drawn = true;
    }
    if (due) {
      this.sinceCharts = 0;
      this.charts.update(frame);
      drawn = true;
    }
    return drawn;
  }

  /** Draws multi-seed or imported runs as bands over the charts (an empty list removes them). */
  setOverlays(overlays: readonly RunOverlay[]): void {
    this.charts.setOverlays(overlays);
    this.sinceCharts = Infinity;
    // bands add legend entries: the shared legend row may wrap, so the canvas is split again
    this.version = -1;
  }

  /** Rebuilds the env views on the next sync (e.g. when a view toggle changes what they draw). */
  invalidate(): void {
    this.version = -1;
  }

  private replaceEnvViews(frame: Frame): void {
    for (const v of this.envViews) {
      this.root.removeChild(v.root);
      v.destroy();
    }
    this.envViews = frame.agents.map((a) => createEnvView(a.env.kind, this.events));
    for (const v of this.envViews) this.root.addChild(v.root);
  }

  private layout(frame: Frame, options: EnvViewOptions): void {
    const w = this.width;
    const h = this.height;
    const n = Math.max(1, frame.agents.length);
    const { legendHeight, titleRowWidth } = this.charts.prepare(frame, w);
    const { envH, chartsH, grid } = stageLayout(w, h, legendHeight, titleRowWidth);
    const envW = Math.floor((w - GAP * (n + 1)) / n);
    frame.agents.forEach((a, i) => {
      const v = this.envViews[i];
      v.root.position.set(GAP + i * (envW + GAP), GAP);
      v.rebuild(a, envW, envH - GAP, options);
    });
    this.separator.clear();
    this.separator
      .moveTo(GAP, envH + GAP / 2)
      .lineTo(w - GAP, envH + GAP / 2)
      .stroke({ width: 1, color: 0xe2e4ea });
    this.charts.root.position.set(0, envH + GAP);
    this.charts.rebuild(frame, w, chartsH, grid, legendHeight);
  }
}
