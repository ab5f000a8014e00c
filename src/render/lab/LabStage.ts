/**
 * The gradient lab's canvas: a shared estimator legend, f / f′ / density beside variance vs k, the
 * histogram card, and variance vs N beside the optimisation race (positions from ./labLayout.ts). Each
 * panel keeps the versions it last drew and redraws only when its part of the {@link LabFrame} changed; a
 * new size, set of visible estimators or gradient component re-lays everything out. Each panel is one
 * cached texture (like the playground's charts), so an unchanged canvas costs nothing to present.
 */
import { Container } from 'pixi.js';
import { ESTIMATOR_LABELS, LAB_ESTIMATORS } from '../../algos/lab/estimators';
import type { LabFrame } from '../../app/lab/frame';
import { ESTIMATOR_COLORS } from '../colors';
import { FunctionPanel } from './FunctionPanel';
import { HistogramGrid } from './HistogramGrid';
import { KEY_ROW, KeyRow, type KeyItem } from './KeyRow';
import { LAB_MARGIN, labLayout } from './labLayout';
import { RacePanel } from './RacePanel';
import { SweepPanel } from './SweepPanel';
import { VersusNPanel } from './VersusNPanel';

/** What the stage reports back to the page. */
export interface LabStageCallbacks {
  /** The variance-vs-k plot was clicked at sweep value k. */
  pickK?(k: number): void;
  /** The race heatmap was clicked at (μ, σ): start the race there. */
  pickStart?(mu: number, sigma: number): void;
}

const LEGEND_CAPTION = 'Estimators';

/** Bit mask of the visible estimators (for change detection without allocating). */
function visibleMask(visible: Readonly<Record<string, boolean>>): number {
  let m = 0;
  for (let i = 0; i < LAB_ESTIMATORS.length; i++) if (visible[LAB_ESTIMATORS[i]]) m |= 1 << i;
  return m;
}

/** The shared estimator legend's entries. */
function legendItems(): KeyItem[] {
  return LAB_ESTIMATORS.map((e) => ({
    kind: 'line',
    color: ESTIMATOR_COLORS[e],
    label: ESTIMATOR_LABELS[e],
  }));
}

const measured = { width: NaN, rows: 1 };

/** Rows the shared legend takes at this canvas width, measured with the real font (cached per width). */
function legendRowsAt(width: number): number {
  if (width !== measured.width) {
    const key = new KeyRow();
    key.build(legendItems(), LEGEND_CAPTION);
    measured.rows = Math.max(1, Math.round(key.layout(width - 2 * LAB_MARGIN) / KEY_ROW));
    measured.width = width;
    key.destroy();
  }
  return measured.rows;
}

/** All of the lab's drawing. */
export class LabStage {
  /** Add to the application's stage. */
  readonly root = new Container();
  private readonly legend = new KeyRow();
  private readonly legendLayer = new Container();
  private readonly fn = new FunctionPanel();
  private readonly sweep: SweepPanel;
  private readonly hist = new HistogramGrid();
  private readonly versusN = new VersusNPanel();
  private readonly race: RacePanel;
  private width = -1;
  private height = -1;
  private mask = -1;

  constructor(callbacks: LabStageCallbacks = {}) {
    this.sweep = new SweepPanel(callbacks.pickK ? (k) => callbacks.pickK?.(k) : undefined);
    this.race = new RacePanel(callbacks.pickStart ? (m, s) => callbacks.pickStart?.(m, s) : undefined);
    this.legend.build(
      LAB_ESTIMATORS.map((e) => ({
        kind: 'line' as const,
        color: ESTIMATOR_COLORS[e],
        label: ESTIMATOR_LABELS[e],
      })),
      'Estimators',
    );
    this.legendLayer.addChild(this.legend.root);
    this.root.addChild(this.legendLayer, this.fn.root, this.sweep.root, this.hist.root);
    this.root.addChild(this.versusN.root, this.race.root);
  }

  /** Height (px) the stage wants for a given width (the caller sizes the canvas; the page scrolls). */
  static preferredHeight(width: number): number {
    return labLayout(width, 0, legendRowsAt(width)).height;
  }

  /**
   * Brings the drawing up to date with the frame at this size; returns true if anything was redrawn (the
   * caller renders the canvas only then). Cheap when nothing changed: it compares versions.
   */
  sync(frame: LabFrame, width: number, height: number): boolean {
    const mask = visibleMask(frame.visible);
    let drawn = false;
    if (width !== this.width || height !== this.height || mask !== this.mask) {
      this.width = width;
      this.height = height;
      this.mask = mask;
      this.relayout(frame);
      drawn = true;
    }
    drawn = this.fn.sync(frame) || drawn;
    drawn = this.sweep.sync(frame) || drawn;
    drawn = this.hist.sync(frame) || drawn;
    drawn = this.versusN.sync(frame) || drawn;
    drawn = this.race.sync(frame) || drawn;
    return drawn;
  }

  /** Frees everything. */
  destroy(): void {
    this.fn.destroy();
    this.sweep.destroy();
    this.hist.destroy();
    this.versusN.destroy();
    this.race.destroy();
    this.root.destroy({ children: true });
  }

  private relayout(frame: LabFrame): void {
    LAB_ESTIMATORS.forEach((e, i) => this.legend.setDim(i, !frame.visible[e]));
    const rows = Math.round(this.legend.layout(this.width - 2 * LAB_MARGIN) / KEY_ROW);
    const l = labLayout(this.width, this.height, rows);
    this.legendLayer.position.set(l.legend.x, l.legend.y + 2);
    const place = (root: Container, r: { x: number; y: number }): void => {
      root.position.set(r.x, r.y);
    };
    place(this.fn.root, l.fn);
    this.fn.resize(l.fn.w, l.fn.h);
    place(this.sweep.root, l.sweep);
    this.sweep.resize(l.sweep.w, l.sweep.h);
    place(this.hist.root, l.hist);
    this.hist.resize(l.hist.w, l.hist.h, frame.visible);
    place(this.versusN.root, l.versusN);
    this.versusN.resize(l.versusN.w, l.versusN.h);
    place(this.race.root, l.race);
    this.race.resize(l.race.w, l.race.h);
  }
}
