/**
 * How the playground canvas is shared between the environment view(s) on top and the four training charts
 * below (StageView): a pure function of the canvas size, so it is unit-tested in node.
 *
 * The charts come first: every layout candidate (2 × 2, 4 × 1, 1 × 4) guarantees each chart a plot of
 * {@link MIN_PLOT} px where the canvas allows it (counting a legend row under a chart's title when the chart
 * is too narrow to hold it beside the title), and the environment view takes what is left, between
 * {@link ENV_MIN} px and {@link ENV_SHARE} of the height (the views scale to any size). Candidates are scored
 * by how close their charts come to a comfortable {@link GOOD_W} × {@link GOOD_H} (the smaller ratio counts),
 * as in TF Playground's responsive grid: a wide short canvas gets a row of four, a narrow tall one a column.
 */
import { chartHeightFor } from './charts/chartFrame';
import { LEGEND_ROW } from './charts/metrics';

/** Margin around and gap between panels (px). */
export const GAP = 12;
/** Gap between the shared legend row and the chart grid (px). */
export const LEGEND_GAP = 6;
/** Plot height every chart is guaranteed when the canvas has room for it (px). */
export const MIN_PLOT = 110;
/** Smallest plot height in any case (px): below it the grid grows taller than the canvas (clipped). */
export const PLOT_FLOOR = 60;
/** Smallest environment view (px, including its top margin). */
export const ENV_MIN = 150;
/** Largest share of the canvas height the environment view takes. */
export const ENV_SHARE = 0.48;
/** Comfortable chart size (px). */
const GOOD_W = 300;
const GOOD_H = 200;

/** Chart grid: columns, rows and the size of each chart (px). */
export interface ChartGrid {
  cols: number;
  rows: number;
  w: number;
  h: number;
}

/** The canvas split: environment band height (from the top, margin included) and the chart grid below. */
export interface StageLayout {
  /** Height of the environment band (px); the charts start at envH + GAP. */
  envH: number;
  /** Height given to the charts (px): shared legend, grid and bottom margin. */
  chartsH: number;
  grid: ChartGrid;
}

/** Space of the charts area not taken by charts: legend row, gaps between rows, bottom margin (px). */
function chrome(rows: number, legendHeight: number): number {
  return (legendHeight > 0 ? legendHeight + LEGEND_GAP : 0) + (rows - 1) * GAP + GAP;
}

/** A grid of `cols` columns in a `width` × `height` charts area under a legend `legendHeight` px tall. */
export function gridFor(cols: number, width: number, height: number, legendHeight: number): ChartGrid {
  const rows = Math.ceil(4 / cols);
  const w = Math.max(120, Math.floor((width - 2 * GAP - (cols - 1) * GAP) / cols));
  const h = Math.floor((height - chrome(rows, legendHeight)) / rows);
  return { cols, rows, w, h: Math.max(chartHeightFor(PLOT_FLOOR), h) };
}

/**
 * Splits a `width` × `height` canvas between env view and charts, under a shared legend row `legendHeight` px
 * tall; charts narrower than `titleRowWidth` px need a legend row under their title.
 */
export function stageLayout(
  width: number,
  height: number,
  legendHeight: number,
  titleRowWidth = 0,
): StageLayout {
  const envMax = Math.round(height * ENV_SHARE);
  let best: StageLayout | null = null;
  let bestScore = -Infinity;
  for (const cols of [2, 4, 1]) {
    const rows = 4 / cols;
    // env = what is left once every chart has its minimum plot, within [ENV_MIN, ENV_SHARE · height]
    const narrow = gridFor(cols, width, 0, 0).w < titleRowWidth;
    const need = rows * chartHeightFor(MIN_PLOT, narrow ? LEGEND_ROW : 0) + chrome(rows, legendHeight);
    const envH = Math.round(Math.max(Math.min(ENV_MIN, envMax), Math.min(envMax, height - GAP - need)));
    const chartsH = height - envH - GAP;
    const grid = gridFor(cols, width, chartsH, legendHeight);
    const score = Math.min(grid.w / GOOD_W, grid.h / GOOD_H);
    // prefer the 2 × 2 grid unless another is clearly roomier
    if (score > bestScore + 0.05) {
      bestScore = score;
      best = { envH, chartsH, grid };
    }
  }
  return best!;
}
