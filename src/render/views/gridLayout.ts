/**
 * Pure layout and readouts of the gridworld view: how big the cells can be with the inspector panel to the
 * right of the grid or below it, which cell a pointer position falls in, and the inspector's text for a cell.
 * No pixi, so it is unit-tested in node.
 */
import { Cell } from '../../../envs/gridworld/parseMap';
import { formatFixed } from '../charts/ticks';

/** Where the grid and the inspector panel go inside the view. */
export interface GridLayout {
  /** Side of a cell in px. */
  cell: number;
  /** Left edge of the grid (px). */
  gridX: number;
  /** Top edge of the grid (px). */
  gridY: number;
  /** Grid width, cols × cell (px). */
  gridW: number;
  /** Grid height, rows × cell (px). */
  gridH: number;
  /** Left edge of the inspector panel (px). */
  panelX: number;
  /** Top edge of the inspector panel (px). */
  panelY: number;
  /** Panel width (px). */
  panelW: number;
  /** Panel height (px). */
  panelH: number;
  /** The panel sits to the right of the grid or below it. */
  side: 'right' | 'below';
}

/**
 * Fits a cols×rows grid and a panel into the box (x, y, w, h): the panel needs `panelW` × `panelTall` px
 * when beside the grid and `panelWide` × `panelH` when below it; picks the side that gives bigger cells.
 */
export function gridLayout(
  cols: number,
  rows: number,
  box: { x: number; y: number; w: number; h: number },
  panel: { panelW: number; panelTall: number; panelWide: number; panelH: number },
  gap: number,
): GridLayout {
  const right = Math.min((box.w - panel.panelW - gap) / cols, box.h / rows);
  const below = Math.min(box.w / cols, (box.h - panel.panelH - gap) / rows);
  const side = right >= below ? 'right' : 'below';
  const cell = Math.max(1, Math.floor(side === 'right' ? right : below));
  const gridW = cell * cols;
  const gridH = cell * rows;
  if (side === 'right') {
    // centre the grid + panel pair horizontally when the grid is height-limited
    const slack = Math.max(0, box.w - gridW - gap - panel.panelW);
    const gridX = box.x + Math.floor(slack / 2);
    return {
      cell,
      gridX,
      gridY: box.y,
      gridW,
      gridH,
      panelX: gridX + gridW + gap,
      panelY: box.y,
      panelW: panel.panelW,
      panelH: Math.max(panel.panelTall, gridH),
      side,
    };
  }
  const gridX = box.x + Math.floor((box.w - gridW) / 2);
  return {
    cell,
    gridX,
    gridY: box.y,
    gridW,
    gridH,
    panelX: box.x,
    panelY: box.y + gridH + gap,
    panelW: Math.max(panel.panelWide, box.w),
    panelH: panel.panelH,
    side,
  };
}

/** Index of the cell under local point (x, y) of the grid (origin at its top-left), or −1 outside. */
export function cellAt(x: number, y: number, cell: number, cols: number, rows: number): number {
  const c = Math.floor(x / cell);
  const r = Math.floor(y / cell);
  return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : r * cols + c;
}

const kindName = ['floor', 'wall', 'start', 'goal', 'pit'] as const;

/** The numbers of the gridworld view needed for its inspector. */
export interface InspectorInput {
  /** Number of columns. */
  width: number;
  /** Cell kinds, row-major. */
  cells: Uint8Array;
  /** π(a|s), 4 per cell (up, right, down, left). */
  probs: Float64Array;
  /** Learned V(s) per cell. */
  value: Float64Array;
  /** Exact v_π(s) per cell. */
  exactValue: Float64Array;
}

/**
 * The inspector's text for `cell`: position and kind, π(a|s) for the four moves, learned V and exact v_π;
 * a hint when no cell is selected. Called at the readout rate, not per frame.
 */
export function inspectorText(env: InspectorInput, cell: number, editing: boolean, brush: string): string {
  if (cell < 0 || cell >= env.cells.length) {
    return editing
      ? `Editing: brush = ${brush}\nclick or drag on cells\nto paint them`
      : 'Click a cell\nto inspect it';
  }
  const kind = env.cells[cell];
  const head = `row ${Math.floor(cell / env.width) + 1}, col ${(cell % env.width) + 1}: ${kindName[kind] ?? '?'}`;
  if (kind === Cell.wall) return `${head}\n(no state)`;
  if (kind === Cell.goal || kind === Cell.pit) return `${head}\nterminal: episode ends, v = 0`;
  const p = (a: number): string => formatFixed(env.probs[4 * cell + a], 2);
  return (
    `${head}\nπ(↑,→,↓,←) =\n${p(0)}  ${p(1)}  ${p(2)}  ${p(3)}\n` +
    `learned V = ${formatFixed(env.value[cell], 3)}\n` +
    `exact v_π = ${formatFixed(env.exactValue[cell], 3)}`
  );
}
