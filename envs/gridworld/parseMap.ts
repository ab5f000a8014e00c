/**
 * Gridworld maps as text, the way FrozenLake and REINFORCEjs's GridWorld write them: one string per row,
 * `S` start (exactly one), `G` goal (at least one), `#` wall, `X` pit, `.` floor. Rows are separated by
 * newlines or `/` (so a map fits in a CLI flag or a URL: `S..../...../....G`); whitespace around rows is
 * trimmed. A map must be rectangular, 1–30 rows by 1–30 columns, and some goal must be reachable from the
 * start through cells that are neither walls nor pits (breadth-first search).
 */

/** Cell kinds stored in {@link GridMap.cells}. */
export const Cell = {
  /** Free cell `.`. */
  floor: 0,
  /** Wall `#`: cannot be entered. */
  wall: 1,
  /** Start cell `S` (a floor cell where episodes begin). */
  start: 2,
  /** Goal `G`: entering it ends the episode with the goal reward. */
  goal: 3,
  /** Pit `X`: entering it ends the episode with the pit reward. */
  pit: 4,
} as const;

/** A cell kind, one of the values of {@link Cell}. */
export type CellKind = (typeof Cell)[keyof typeof Cell];

/** Largest number of rows or columns a map may have. */
export const maxMapSize = 30;

/** A parsed, validated map. Cell index = row·width + col, row 0 at the top. */
export interface GridMap {
  /** Number of columns. */
  readonly width: number;
  /** Number of rows. */
  readonly height: number;
  /** Kind of every cell, length width·height. */
  readonly cells: Uint8Array;
  /** Index of the start cell. */
  readonly start: number;
  /** The rows as normalised text (one string per row). */
  readonly rows: readonly string[];
}

/** Result of {@link parseMap}: the map, or a one-line message naming the problem. */
export type ParseMapResult = { ok: true; map: GridMap } | { ok: false; error: string };

const kindOf: Readonly<Record<string, CellKind>> = {
  '.': Cell.floor,
  '#': Cell.wall,
  S: Cell.start,
  G: Cell.goal,
  X: Cell.pit,
};

/** Parses and validates map text (rows separated by newlines or `/`). Never throws. */
export function parseMap(text: string): ParseMapResult {
  const fail = (error: string): ParseMapResult => ({ ok: false, error });
  if (typeof text !== 'string') return fail('map must be text');
  const trimmed = text.trim();
  if (trimmed === '') return fail('map is empty');
  const rows = trimmed.split(/\r?\n|\r|\//).map((r) => r.trim());
  const height = rows.length;
  if (height > maxMapSize) return fail(`map has ${height} rows, at most ${maxMapSize} allowed`);
  const width = rows[0].length;
  if (width > maxMapSize) return fail(`map is ${width} columns wide, at most ${maxMapSize} allowed`);

  const cells = new Uint8Array(width * height);
  const starts: number[] = [];
  let goals = 0;
  for (let r = 0; r < height; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const kind = kindOf[row[c]];
      if (kind === undefined) {
        const ch = row[c];
        const shown = ch === ' ' ? 'space' : `'${ch}'`;
        return fail(`unknown character ${shown} at row ${r + 1}, column ${c + 1} (use S G # X .)`);
      }
    }
    if (row.length === 0) return fail(`row ${r + 1} is empty`);
    if (row.length !== width) return fail(`row ${r + 1} has ${row.length} cells, expected ${width}`);
    for (let c = 0; c < width; c++) {
      const kind = kindOf[row[c]];
      cells[r * width + c] = kind;
      if (kind === Cell.start) starts.push(r * width + c);
      else if (kind === Cell.goal) goals++;
    }
  }
  const where = (i: number): string => `row ${Math.floor(i / width) + 1}, column ${(i % width) + 1}`;
  if (starts.length === 0) return fail('no start cell S');
  if (starts.length > 1) {
    return fail(`${starts.length} start cells S (at ${starts.map(where).join('; ')}), expected exactly one`);
  }
  if (goals === 0) return fail('no goal cell G');
  if (!goalReachable(cells, width, height, starts[0])) return fail('goal is unreachable from the start');
  return { ok: true, map: { width, height, cells, start: starts[0], rows } };
}

/** Breadth-first search from `start` through non-wall, non-pit cells; true when a goal is reached. */
function goalReachable(cells: Uint8Array, width: number, height: number, start: number): boolean {
  const seen = new Uint8Array(cells.length);
  const queue = new Int32Array(cells.length);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = 1;
  while (head < tail) {
    const i = queue[head++];
    if (cells[i] === Cell.goal) return true;
    const r = Math.floor(i / width);
    const c = i % width;
    const nbrs = [
      r > 0 ? i - width : -1,
      c < width - 1 ? i + 1 : -1,
      r < height - 1 ? i + width : -1,
      c > 0 ? i - 1 : -1,
    ];
    for (const j of nbrs) {
      if (j < 0 || seen[j] || cells[j] === Cell.wall || cells[j] === Cell.pit) continue;
      seen[j] = 1;
      queue[tail++] = j;
    }
  }
  return false;
}

/** Writes a map back as text, rows joined by `sep` (`'/'` for URLs and CLI flags, `'\n'` for display). */
export function formatMap(map: GridMap, sep = '/'): string {
  return map.rows.join(sep);
}
