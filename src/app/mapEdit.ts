/**
 * The gridworld map editor's one operation: paint a cell with a brush and validate the result. A refused
 * edit (no start, no goal, goal unreachable…) returns the parser's one-line reason; the caller keeps the
 * previous map.
 */
import { Cell, parseMap, type CellKind } from '../../envs';
import type { Brush } from '../state/store';

const chars: Record<Brush, string> = { floor: '.', wall: '#', pit: 'X', goal: 'G', start: 'S' };
const charOf: Record<CellKind, string> = {
  [Cell.floor]: '.',
  [Cell.wall]: '#',
  [Cell.start]: 'S',
  [Cell.goal]: 'G',
  [Cell.pit]: 'X',
};

/**
 * The map text after painting `cell` of a width×height grid (cells row-major) with `brush`; painting the start
 * moves it (the old start becomes floor). Returns the new text, or the reason it is refused, or null when
 * nothing changes.
 */
export function paintCell(
  cells: Uint8Array,
  width: number,
  height: number,
  cell: number,
  brush: Brush,
): { map: string } | { error: string } | null {
  if (cell < 0 || cell >= width * height) return null;
  const rows: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) row.push(charOf[cells[r * width + c] as CellKind]);
    rows.push(row);
  }
  const r = Math.floor(cell / width);
  const c = cell % width;
  const ch = chars[brush];
  if (rows[r][c] === ch) return null;
  if (brush === 'start')
    for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i] === 'S') row[i] = '.';
  rows[r][c] = ch;
  const text = rows.map((row) => row.join('')).join('/');
  const parsed = parseMap(text);
  return parsed.ok ? { map: text } : { error: `map edit refused: ${parsed.error}` };
}
