/**
 * Where the gradient lab's panels go, as pure functions of the canvas size (no Pixi; unit-tested for overlap
 * at 760–1400 px): a legend row, then f / variance-vs-k side by side, the histogram card (∂/∂μ and ∂/∂σ rows
 * of one small panel per estimator), and variance-vs-N beside the optimisation race. Below 700 px the side-by-
 * side rows stack. Heights depend on the width only, so the page can size its canvas before drawing.
 */
import type { Rect } from '../charts/theme';

/** Outer margin of the stage (px). */
export const LAB_MARGIN = 12;
/** Gap between panels (px). */
export const LAB_GAP = 12;
/** Height of one row of the shared estimator legend. */
export const LEGEND_ROW_H = 20;
/** Below this width the two-panel rows stack. */
export const STACK_BELOW = 700;

/** Histogram card geometry (px). */
export const HIST = {
  /** Inner padding of the card. */
  pad: 10,
  /** Card title row. */
  head: 28,
  /** Section label row ("∂/∂μ …"). */
  section: 22,
  /** Gap between cells. */
  gap: 8,
  /** Narrowest cell: below it the cells wrap onto more rows. */
  minCell: 132,
  /** Widest cell (few estimators visible on a wide canvas). */
  maxCell: 360,
  /** Cell height when all estimators are shown. */
  cellH: 168,
  /** The most a cell grows when fewer estimators are shown. */
  maxCellH: 232,
} as const;

/** Estimators the layout reserves room for. */
export const MAX_ESTIMATORS = 6;

/** Panel rectangles of the whole stage (stage pixels). */
export interface LabLayout {
  /** Canvas width laid out (px). */
  width: number;
  /** Height the layout uses, margins included (px). */
  height: number;
  /** Shared estimator legend. */
  legend: Rect;
  /** f, f′ and the density of z. */
  fn: Rect;
  /** Variance vs k. */
  sweep: Rect;
  /** The histogram card. */
  hist: Rect;
  /** Variance of the N-sample mean vs N. */
  versusN: Rect;
  /** The optimisation race. */
  race: Rect;
}

/** Cells of the histogram card for `count` estimators (card-local pixels). */
export interface HistGridLayout {
  /** Cells per row. */
  cols: number;
  /** Rows per section. */
  rows: number;
  /** Cell size (px). */
  cellW: number;
  cellH: number;
  /** Per gradient component (μ then σ): the section label's top and the cells, in estimator order. */
  sections: { labelY: number; cells: Rect[] }[];
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/**
 * Estimated rows of the shared estimator legend at this width, erring high (labels ≈ 6 px per character at
 * 11 px, plus glyph and gaps); the stage passes the rows it measured instead.
 */
export function legendRows(width: number): number {
  const chars = [5, 15, 17, 18, 8, 20];
  let x = 80;
  let rows = 1;
  for (const c of chars) {
    const w = 18 + 5 + c * 6 + 14;
    if (x + w > width - 2 * LAB_MARGIN) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/** Columns of the histogram grid: as many as fit, balanced so the last row is not nearly empty. */
export function histogramColumns(innerWidth: number, count: number): number {
  if (count <= 0) return 1;
  const fit = Math.max(1, Math.floor((innerWidth + HIST.gap) / (HIST.minCell + HIST.gap)));
  const rows = Math.ceil(count / Math.min(fit, count));
  return Math.ceil(count / rows);
}

/** Height of the histogram card at this width (room for every estimator). */
export function histogramCardHeight(width: number): number {
  const cols = histogramColumns(width - 2 * HIST.pad, MAX_ESTIMATORS);
  const rows = Math.ceil(MAX_ESTIMATORS / cols);
  return HIST.head + 2 * (HIST.section + rows * HIST.cellH + (rows - 1) * HIST.gap) + HIST.pad;
}

/** The histogram cells of a `width` × `height` card showing `count` estimators. */
export function histogramGrid(width: number, height: number, count: number): HistGridLayout {
  const inner = width - 2 * HIST.pad;
  const cols = histogramColumns(inner, Math.max(1, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const cellW = Math.floor(Math.min(HIST.maxCell, (inner - (cols - 1) * HIST.gap) / cols));
  const avail = (height - HIST.head - HIST.pad) / 2 - HIST.section - (rows - 1) * HIST.gap;
  const cellH = Math.floor(clamp(avail / rows, 60, HIST.maxCellH));
  const sections = [0, 1].map((s) => {
    const labelY = HIST.head + s * (HIST.section + rows * cellH + (rows - 1) * HIST.gap);
    const cells: Rect[] = [];
    for (let i = 0; i < count; i++) {
      const c = i % cols;
      const r = Math.floor(i / cols);
      cells.push({
        x: HIST.pad + c * (cellW + HIST.gap),
        y: labelY + HIST.section + r * (cellH + HIST.gap),
        w: cellW,
        h: cellH,
      });
    }
    return { labelY, cells };
  });
  return { cols, rows, cellW, cellH, sections };
}

/** Heights of the two plot rows at this width: [f / sweep row, N / race row] (side by side, each). */
function rowHeights(width: number): [number, number] {
  return [clamp(Math.round(width * 0.28), 250, 330), clamp(Math.round(width * 0.32), 290, 390)];
}

/** Height (px) the stage wants at this width. */
export function preferredLabHeight(width: number): number {
  return labLayout(width).height;
}

/**
 * Panel rectangles for a `width`-wide canvas with `legend` rows of estimator legend. A `height` above the
 * natural one is shared out between the two plot rows; a smaller one is ignored (the page scrolls).
 */
export function labLayout(width: number, height = 0, legend = legendRows(width)): LabLayout {
  const w = Math.max(320, Math.floor(width));
  const m = LAB_MARGIN;
  const g = LAB_GAP;
  const inner = w - 2 * m;
  const stacked = w < STACK_BELOW;
  let [r1, r3] = rowHeights(w);
  const legendH = Math.max(1, legend) * LEGEND_ROW_H;
  const histH = histogramCardHeight(inner);
  const natural = (stacked ? 2 * (r1 + r3) + 2 * g : r1 + r3) + legendH + histH + 2 * m + 3 * g;
  if (height > natural) {
    const extra = (height - natural) / (stacked ? 4 : 2);
    r1 += Math.floor(extra);
    r3 += Math.floor(extra);
  }
  let y = m;
  const legendRect = { x: m, y, w: inner, h: legendH };
  y += legendH + g;
  const leftW = Math.round(inner * 0.45);
  let fn: Rect;
  let sweep: Rect;
  if (stacked) {
    fn = { x: m, y, w: inner, h: r1 };
    sweep = { x: m, y: y + r1 + g, w: inner, h: r1 };
    y += 2 * r1 + 2 * g;
  } else {
    fn = { x: m, y, w: leftW, h: r1 };
    sweep = { x: m + leftW + g, y, w: inner - leftW - g, h: r1 };
    y += r1 + g;
  }
  const hist = { x: m, y, w: inner, h: histH };
  y += histH + g;
  let versusN: Rect;
  let race: Rect;
  if (stacked) {
    versusN = { x: m, y, w: inner, h: r3 };
    race = { x: m, y: y + r3 + g, w: inner, h: r3 };
    y += 2 * r3 + g;
  } else {
    const half = Math.round((inner - g) / 2);
    versusN = { x: m, y, w: half, h: r3 };
    race = { x: m + half + g, y, w: inner - half - g, h: r3 };
    y += r3;
  }
  return { width: w, height: y + m, legend: legendRect, fn, sweep, hist, versusN, race };
}
