/**
 * Decides when to present the canvas so the page keeps its frame rate however slow presenting is. A software
 * WebGL (headless Chromium's SwiftShader) needs ~60 ms to present a 1-megapixel canvas and ~200 ms when
 * cached panel textures changed; a GPU needs ~1 ms. The pacer measures the cost — how much longer the frame
 * after a render took than an ordinary frame — and spaces renders so that rendering takes at most a fraction
 * of the time: on a GPU every frame renders, in software the views refresh a few times a second while
 * sliders, text fields and the rest of the page stay at 60 fps. Pure arithmetic on timestamps (testable).
 */

/** Options of {@link RenderPacer}. */
export interface RenderPacerOptions {
  /** Largest fraction of wall time spent rendering (default 0.4). */
  budget?: number;
  /** Longest wait between two renders while something changed, in ms (default 500). */
  maxInterval?: number;
  /** Smoothing of the cost estimate (weight of a new measurement, default 0.3). */
  smoothing?: number;
}

/** Call {@link frame} once per animation frame; render when it returns true, then call {@link rendered}. */
export class RenderPacer {
  /** Estimated extra frame time a render costs (ms). */
  cost = 0;
  /** Typical interval of a frame without a render (ms). */
  idle = 1000 / 60;
  private readonly budget: number;
  private readonly maxInterval: number;
  private readonly smoothing: number;
  private sinceRender = Infinity;
  private renderedLast = false;

  constructor(options: RenderPacerOptions = {}) {
    this.budget = options.budget ?? 0.4;
    this.maxInterval = options.maxInterval ?? 500;
    this.smoothing = options.smoothing ?? 0.3;
  }

  /** Render-free time required between two renders for the current cost estimate (ms). */
  get interval(): number {
    return Math.min(this.maxInterval, (this.cost * (1 - this.budget)) / this.budget);
  }

  /**
   * Accounts for a frame that took `dtMs` since the previous one; returns whether to render now, given that
   * something changed (`wanted`).
   */
  frame(dtMs: number, wanted: boolean): boolean {
    if (Number.isFinite(dtMs) && dtMs > 0) {
      let excess = 0;
      if (this.renderedLast) {
        // the frame after a render carries its cost (the present happens between the two callbacks)
        excess = Math.max(0, dtMs - this.idle);
        this.cost += this.smoothing * (excess - this.cost);
      } else if (dtMs < 4 * this.idle) {
        this.idle += 0.1 * (dtMs - this.idle);
      }
      // time free of rendering since the last render: renders are spaced so cost/(cost + free) ≤ budget
      this.sinceRender += dtMs - excess;
    }
    this.renderedLast = false;
    return wanted && this.sinceRender >= this.interval;
  }

  /** Records that the canvas was rendered this frame. */
  rendered(): void {
    this.sinceRender = 0;
    this.renderedLast = true;
  }
}
