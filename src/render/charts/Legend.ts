/**
 * A chart legend: a line swatch (drawn in the line's own style) and a label per line, optionally grouped
 * under a coloured header (the agent's label), flowed left to right and wrapped to a maximum width; a group
 * starts a new row unless it fits whole on the current one. When that takes more than two rows, the legend
 * is factored instead: one row keys the groups by colour, the next keys the line labels by style. A chart
 * whose agents are keyed once for all charts (the playground's shared legend row) asks for the style keys
 * only, or for no legend. Texts and swatches are created in `build`; showing or hiding entries (a line
 * without data yet) only moves them.
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { COLORS } from '../colors';
import { LEGEND_ROW } from './metrics';
import { FONT, makeText } from './theme';

/** How a line is drawn: normal (2px), faint (1px, 30% opacity: raw data), dashed (exact/reference). */
export type LineStyle = 'normal' | 'faint' | 'dashed';

/** One legend entry. */
export interface LegendEntry {
  label: string;
  color: number;
  style: LineStyle;
  /** Group header (e.g. the agent label); entries with the same header are kept together. */
  group?: string;
  /** Colour of the group header. */
  groupColor?: number;
  /** A confidence band: the swatch gets a translucent box behind its line. */
  band?: boolean;
}

/**
 * What a chart's legend keys: every entry (default), only the line labels by style in neutral ink (the
 * agents' colours are keyed elsewhere), or nothing.
 */
export type LegendMode = 'all' | 'styles' | 'none';

/** Width of a swatch, px. */
const SWATCH = 20;
/** Between swatch and label, and after a group header. */
const INNER = 5;
/** Between entries. */
const OUTER = 14;
export { LEGEND_ROW };

/** Draws a horizontal line sample in `style` into `g` from (x, y) over `w` px. */
export function drawSwatch(
  g: Graphics,
  x: number,
  y: number,
  w: number,
  color: number,
  style: LineStyle,
  band = false,
): void {
  if (band) g.rect(x, y - 5, w, 10).fill({ color, alpha: 0.2 });
  if (style === 'dashed') {
    for (let s = 0; s < w; s += 7) g.moveTo(x + s, y).lineTo(x + Math.min(s + 4, w), y);
    g.stroke({ width: 2, color, cap: 'butt' });
  } else {
    g.moveTo(x, y).lineTo(x + w, y);
    g.stroke(style === 'faint' ? { width: 2, color, alpha: 0.4 } : { width: 2.5, color });
  }
}

/** A swatch and its label, or a bare header (no swatch). */
interface Cell {
  swatch: Graphics | null;
  text: Text;
  /** Cells of one block are kept on one row when they fit. */
  block: number;
  /** Entries this cell stands for: visible when any is. */
  entries: number[];
}

/** The legend of one chart. */
export class Legend {
  /** Placed by the chart at the legend's top-left corner. */
  readonly root = new Container();
  private cells: Cell[] = [];
  private visible: boolean[] = [];
  private maxWidth = 0;
  private usedWidth = 0;

  /**
   * (Re)creates the entries (all visible) and, in mode `all`, picks the detailed or factored form for
   * `maxWidth`.
   */
  build(entries: readonly LegendEntry[], maxWidth: number, mode: LegendMode = 'all'): void {
    this.maxWidth = maxWidth;
    this.visible = entries.map(() => true);
    if (mode !== 'all') {
      this.setCells(mode === 'styles' ? this.styleCells(entries, 0) : []);
      return;
    }
    this.setCells(this.detailed(entries));
    const groups = new Set(entries.map((e) => e.group)).size;
    if (this.layout() > 2 * LEGEND_ROW && groups > 1) this.setCells(this.factored(entries));
  }

  /** Shows or hides entry `i`; returns true when that changed (call {@link layout} then). */
  setVisible(i: number, visible: boolean): boolean {
    if (i >= this.visible.length || this.visible[i] === visible) return false;
    this.visible[i] = visible;
    return true;
  }

  /** Width of the widest row at the last {@link layout} (px). */
  get width(): number {
    return this.usedWidth;
  }

  /** Flows the visible cells; returns the height used (0 when nothing is visible). */
  layout(): number {
    this.usedWidth = 0;
    let x = 0;
    let row = 0;
    let used = false;
    let i = 0;
    while (i < this.cells.length) {
      let j = i;
      let width = 0;
      for (; j < this.cells.length && this.cells[j].block === this.cells[i].block; j++) {
        const c = this.cells[j];
        const on = c.entries.some((e) => this.visible[e]);
        c.text.visible = on;
        if (c.swatch) c.swatch.visible = on;
        if (on) width += (c.swatch ? SWATCH + INNER : 0) + c.text.width + OUTER;
      }
      if (x > 0 && x + width - OUTER > this.maxWidth) {
        row++;
        x = 0;
      }
      for (let k = i; k < j; k++) {
        const c = this.cells[k];
        if (!c.text.visible) continue;
        const w = (c.swatch ? SWATCH + INNER : 0) + c.text.width;
        if (x > 0 && x + w > this.maxWidth) {
          row++;
          x = 0;
        }
        const y = row * LEGEND_ROW;
        c.swatch?.position.set(Math.round(x), y + LEGEND_ROW / 2 - 1);
        c.text.position.set(Math.round(x + (c.swatch ? SWATCH + INNER : 0)), y - 1);
        this.usedWidth = Math.max(this.usedWidth, Math.ceil(x + w));
        x += w + (c.swatch ? OUTER : INNER + 4);
        used = true;
      }
      i = j;
    }
    return used ? (row + 1) * LEGEND_ROW : 0;
  }

  /** Frees the texts and swatches. */
  destroy(): void {
    this.root.destroy({ children: true });
  }

  /** One cell per entry, each group led by its header. */
  private detailed(entries: readonly LegendEntry[]): Cell[] {
    const cells: Cell[] = [];
    entries.forEach((e, i) => {
      const prev = entries[i - 1];
      const block = e.group !== undefined && prev?.group === e.group ? cells[cells.length - 1].block : i;
      if (e.group !== undefined && prev?.group !== e.group) {
        const members = entries.flatMap((f, k) => (f.group === e.group ? [k] : []));
        const header = makeText(e.group, {
          size: FONT.legend,
          color: e.groupColor ?? e.color,
          weight: '600',
        });
        cells.push({ swatch: null, text: header, block, entries: members });
      }
      cells.push(this.cell(e.label, e.color, e.style, block, [i], e.band));
    });
    return cells;
  }

  /** Groups keyed by colour (one block), then labels keyed by style in neutral ink (another block). */
  private factored(entries: readonly LegendEntry[]): Cell[] {
    const cells: Cell[] = [];
    const groups = [...new Set(entries.map((e) => e.group))];
    for (const g of groups) {
      if (g === undefined) continue;
      const members = entries.flatMap((f, k) => (f.group === g ? [k] : []));
      const first = entries[members[0]];
      cells.push(this.cell(g ?? first.label, first.groupColor ?? first.color, 'normal', 0, members));
    }
    cells.push(...this.styleCells(entries, 1));
    // entries without a group (bands) keep their own colour and label, in a block of their own
    entries.forEach((e, k) => {
      if (e.group === undefined) cells.push(this.cell(e.label, e.color, e.style, 2, [k], e.band));
    });
    return cells;
  }

  /** The labels of grouped entries keyed by style in neutral ink, one cell per distinct label. */
  private styleCells(entries: readonly LegendEntry[], block: number): Cell[] {
    const grouped = entries.filter((e) => e.group !== undefined);
    return [...new Set(grouped.map((e) => e.label))].map((l) => {
      const members = entries.flatMap((f, k) => (f.label === l && f.group !== undefined ? [k] : []));
      return this.cell(l, COLORS.mutedText, entries[members[0]].style, block, members);
    });
  }

  private cell(
    label: string,
    color: number,
    style: LineStyle,
    block: number,
    entries: number[],
    band = false,
  ): Cell {
    const swatch = new Graphics();
    drawSwatch(swatch, 0, 0, SWATCH, color, style, band);
    return { swatch, text: makeText(label, { size: FONT.legend }), block, entries };
  }

  private setCells(cells: Cell[]): void {
    for (const c of this.root.removeChildren()) c.destroy();
    this.cells = cells;
    for (const c of cells) {
      if (c.swatch) this.root.addChild(c.swatch);
      this.root.addChild(c.text);
    }
  }
}
