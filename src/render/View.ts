/**
 * The contract of every Pixi view (HOUSE-STYLE §6): a `root` Container placed by the layout, `rebuild` when
 * the structure changes (new run, new size), `update` every frame with the runner's preallocated numbers,
 * `destroy` when removed. Views build their Graphics/Text once in `rebuild` and only change positions,
 * scales, tints, alphas and text in `update`.
 */
import type { Container } from 'pixi.js';
import type { AgentFrame, Frame } from '../app/frame';
import type { Brush } from '../state/store';

/** Display options an environment view reads (from the store's `view` slice plus the speed). */
export interface EnvViewOptions {
  /** Bandit: draw the true values q*(a). */
  showTrueMeans: boolean;
  /** Gridworld: draw the learned V(s) heatmap. */
  showValue: boolean;
  /** Gridworld: the inspected cell (−1 none). */
  selectedCell: number;
  /** Gridworld: the map editor is on (cells are painted on pointer down/drag). */
  editing: boolean;
  /** Gridworld: brush of the editor. */
  brush: Brush;
  /** Slow speeds: animate moves between steps (tween over ~`stepMs`). */
  animate: boolean;
  /** Milliseconds between steps at the current slow speed (for tweening). */
  stepMs: number;
  /**
   * The user asked for reduced motion (`prefers-reduced-motion: reduce`, read by the composition root): moves
   * jump to their end instead of gliding, even when `animate` is on. Absent means false.
   */
  reducedMotion?: boolean;
}

/** Pointer events an environment view reports to the app. */
export interface EnvViewEvents {
  /** Gridworld: a cell was clicked (inspect) or painted (editing; `drag` while the button is held). */
  cell?(cell: number, drag: boolean): void;
}

/** A view of one agent's environment. */
export interface EnvView {
  readonly root: Container;
  /** (Re)builds for this agent at this size (pixels). */
  rebuild(agent: AgentFrame, width: number, height: number, options: EnvViewOptions): void;
  /** Per-frame refresh; `dtMs` is the frame time for animations. */
  update(agent: AgentFrame, options: EnvViewOptions, dtMs: number): void;
  destroy(): void;
}

/** A view of the whole frame (charts). */
export interface FrameView {
  readonly root: Container;
  rebuild(frame: Frame, width: number, height: number): void;
  update(frame: Frame): void;
  destroy(): void;
}
