/**
 * The static parts of the gridworld view, drawn once per rebuild (pixi.js v8): cell kinds (walls dark, pits
 * red-ish with ✕, goal green with "G", start "S"), the grid lines that sit over the value heatmap, and the
 * colour legend of V(s).
 */
import { Container, Graphics, type Text } from 'pixi.js';
import { Cell } from '../../../envs/gridworld/parseMap';
import { makeText } from './draw';
import { valueColor, theme } from './theme';

/** Smallest cell (px) that still gets its S / G letter (the letter is at least 11 px). */
export const LETTER_MIN_CELL = 16;

/** Draws the cell kinds of a cols×rows grid with `cell`-px cells into a new Graphics (origin = grid top-left). */
export function drawCellKinds(cells: Uint8Array, cols: number, rows: number, cell: number): Graphics {
  const g = new Graphics().rect(0, 0, cols * cell, rows * cell).fill({ color: theme.panel });
  const fillKind = (kind: number, color: number): void => {
    let any = false;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] !== kind) continue;
      g.rect((i % cols) * cell, Math.floor(i / cols) * cell, cell, cell);
      any = true;
    }
    if (any) g.fill({ color });
  };
  fillKind(Cell.wall, theme.wall);
  fillKind(Cell.pit, theme.pit);
  fillKind(Cell.goal, theme.goal);
  return g;
}

/**
 * Draws what goes over the heatmap: grid lines, the ✕ of pits, and (when cells are big enough) the S / G
 * letters, into `layer`.
 */
export function drawCellMarks(
  layer: Container,
  cells: Uint8Array,
  cols: number,
  rows: number,
  cell: number,
): void {
  const lines = new Graphics();
  for (let c = 0; c <= cols; c++) lines.moveTo(c * cell, 0).lineTo(c * cell, rows * cell);
  for (let r = 0; r <= rows; r++) lines.moveTo(0, r * cell).lineTo(cols * cell, r * cell);
  lines.stroke({ width: 1, color: cell >= 8 ? 0xcccccc : 0xe2e2e2 });
  layer.addChild(lines);

  const marks = new Graphics();
  const m = cell * 0.28;
  let pits = false;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] !== Cell.pit) continue;
    const cx = ((i % cols) + 0.5) * cell;
    const cy = (Math.floor(i / cols) + 0.5) * cell;
    marks.moveTo(cx - m, cy - m).lineTo(cx + m, cy + m);
    marks.moveTo(cx + m, cy - m).lineTo(cx - m, cy + m);
    pits = true;
  }
  if (pits) marks.stroke({ width: Math.max(1, cell * 0.08), color: theme.pitMark, cap: 'round' });
  layer.addChild(marks);

  if (cell < LETTER_MIN_CELL) return;
  const size = Math.max(11, Math.min(24, Math.round(cell * 0.42)));
  for (let i = 0; i < cells.length; i++) {
    const kind = cells[i];
    if (kind !== Cell.start && kind !== Cell.goal) continue;
    const letter = makeText(
      kind === Cell.goal ? 'G' : 'S',
      size,
      kind === Cell.goal ? theme.goalMark : theme.text,
      true,
    );
    letter.anchor.set(0.5, 0.5);
    // S sits in the corner so the arrows stay readable; G is terminal and has no arrows
    if (kind === Cell.goal)
      letter.position.set(((i % cols) + 0.5) * cell, (Math.floor(i / cols) + 0.5) * cell);
    else letter.position.set((i % cols) * cell + size * 0.45, Math.floor(i / cols) * cell + size * 0.6);
    layer.addChild(letter);
  }
}

/** The V(s) legend: a title, a diverging colour bar and its −m / 0 / +m labels (updated by the view). */
export interface ValueLegend {
  /** The legend's container (placed by the view). */
  root: Container;
  /** Label at the negative end (−max |V|). */
  lo: Text;
  /** Label at the positive end (+max |V|). */
  hi: Text;
}

/** Builds the V(s) colour legend, `width` px wide, at the origin of its own container. */
export function buildValueLegend(width: number, f: number): ValueLegend {
  const root = new Container();
  const title = makeText('learned V(s)', f, theme.muted, true);
  root.addChild(title);
  const barY = Math.round(f * 1.5);
  const barH = Math.round(f * 0.9);
  const bar = new Graphics();
  const n = 24;
  for (let i = 0; i < n; i++) {
    bar
      .rect((i * width) / n, barY, width / n + 0.5, barH)
      .fill({ color: valueColor((2 * (i + 0.5)) / n - 1) });
  }
  bar.rect(0, barY, width, barH).stroke({ width: 1, color: theme.axis });
  root.addChild(bar);
  const y = barY + barH + 3;
  const lo = makeText('', f, theme.muted, false, 0, 0);
  const mid = makeText('0', f, theme.muted, false, 0.5, 0);
  const hi = makeText('', f, theme.muted, false, 1, 0);
  lo.position.set(0, y);
  mid.position.set(width / 2, y);
  hi.position.set(width, y);
  root.addChild(lo, mid, hi);
  return { root, lo, hi };
}

/** Height of the legend built by {@link buildValueLegend} for font size `f`. */
export function valueLegendHeight(f: number): number {
  return Math.round(f * 1.5) + Math.round(f * 0.9) + 3 + Math.round(f * 1.3);
}
