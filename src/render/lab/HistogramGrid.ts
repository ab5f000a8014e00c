/**
 * The histogram card: two sections (∂/∂μ and ∂/∂σ), each one {@link HistogramPanel} per visible estimator
 * on that section's shared x range (`HistogramSet.lo/hi`), under a title with the number of draws and a key
 * for the exact-gradient line and the mean marker. Cells are laid out by ./labLayout.ts; a section is
 * redrawn only when its set's version changes, and the whole card is one cached texture.
 */
import type { Container, Text } from 'pixi.js';
import { LAB_ESTIMATORS, type LabEstimator } from '../../algos/lab/estimators';
import { LAB_PARAMS, type LabFrame } from '../../app/lab/frame';
import { COLORS } from '../colors';
import { FONT, SPACE, makeText, setText } from '../charts/theme';
import { Card } from './Card';
import { KeyRow } from './KeyRow';
import { HistogramPanel } from './HistogramPanel';
import { histogramGrid, HIST } from './labLayout';
import { histogramTitle, sectionLabel } from './labFormat';

/** Single-sample estimate histograms of every visible estimator, for μ and σ. */
export class HistogramGrid {
  /** The card (origin at its top-left corner). */
  readonly root: Container;
  private readonly card = new Card();
  private readonly key = new KeyRow();
  private readonly labels: Text[];
  /** panels[s][i]: section s (μ, σ), estimator slot i. */
  private readonly panels: HistogramPanel[][];
  private order: LabEstimator[] = [];
  private readonly seen = [-1, -1];
  private count = -1;
  private readonly biased = [false, false];
  private keyed = true;

  constructor() {
    this.root = this.card.root;
    this.labels = LAB_PARAMS.map(() => makeText('', { size: FONT.label + 1, weight: '600' }));
    this.panels = LAB_PARAMS.map(() => LAB_ESTIMATORS.map(() => new HistogramPanel()));
    for (const row of this.panels) for (const p of row) this.card.addLayer(p.root);
    for (const t of this.labels) this.card.addLayer(t);
    this.card.addLayer(this.key.root);
    this.key.build([
      { kind: 'dashed', color: COLORS.reference, label: 'exact gradient' },
      { kind: 'triangle', color: COLORS.mutedText, label: 'sample mean' },
      { kind: 'dotted', color: COLORS.mutedText, label: "estimator's own mean (biased)" },
    ]);
  }

  /** Sizes the card for the visible estimators; the next {@link sync} redraws everything. */
  resize(width: number, height: number, visible: Readonly<Record<LabEstimator, boolean>>): void {
    this.card.resize(width, height);
    this.order = LAB_ESTIMATORS.filter((e) => visible[e]);
    const grid = histogramGrid(width, height, this.order.length);
    grid.sections.forEach((sec, s) => {
      this.labels[s].position.set(HIST.pad, sec.labelY + 3);
      this.panels[s].forEach((p, i) => {
        const cell = sec.cells[i];
        p.root.visible = cell !== undefined;
        if (!cell) return;
        p.root.position.set(cell.x, cell.y);
        p.setup(this.order[i], cell.w, cell.h);
      });
    });
    this.seen[0] = this.seen[1] = -1;
    this.count = -1;
    this.keyed = !this.keyed;
    this.card.showMessage('', this.card.content());
    if (this.order.length === 0) this.card.showMessage('no estimator selected', this.card.content());
  }

  /** Redraws the sections whose histograms changed; returns whether anything was. */
  sync(frame: LabFrame): boolean {
    let drawn = false;
    for (let s = 0; s < LAB_PARAMS.length; s++) {
      const set = frame.hist[LAB_PARAMS[s]];
      if (set.version === this.seen[s]) continue;
      this.seen[s] = set.version;
      setText(this.labels[s], sectionLabel(LAB_PARAMS[s], set.exact));
      let biased = false;
      for (let i = 0; i < this.order.length; i++) biased = this.panels[s][i].draw(set) || biased;
      this.biased[s] = biased;
      drawn = true;
    }
    if (!drawn) return false;
    const first = this.order[0];
    const n = first ? frame.hist.mu.stats[first].count : 0;
    const keyed = this.biased[0] || this.biased[1];
    if (n !== this.count || keyed !== this.keyed) {
      this.count = n;
      this.keyed = keyed;
      this.key.setVisible(2, keyed);
      this.placeHeader(histogramTitle(n));
    }
    this.card.commit();
    return true;
  }

  /** Frees everything. */
  destroy(): void {
    this.card.destroy();
  }

  /** Title at the left, key at the right of the header row (the title shortens when both do not fit). */
  private placeHeader(title: string): void {
    const w = this.card.width;
    this.key.layout(w);
    const keyW = this.key.usedWidth;
    setText(this.card.title, title);
    if (this.card.title.width + keyW + 24 > w - 2 * SPACE.pad) setText(this.card.title, histogramTitle(0));
    this.key.root.position.set(Math.round(w - SPACE.pad - keyW), SPACE.pad);
  }
}
