/**
 * Type sizes and spacings of the charts (px, CSS pixels; no text is smaller than 11px). Pure numbers, no Pixi,
 * so layout arithmetic (./chartFrame.ts, ../stageLayout.ts) runs in node; ./theme.ts re-exports them.
 */

/** Font sizes (px). */
export const FONT = {
  title: 13,
  label: 11,
  tick: 11,
  legend: 11,
  tooltip: 11,
  empty: 12,
} as const;

/** Spacings of a chart panel (px). */
export const SPACE = {
  /** Inner padding of the panel. */
  pad: 10,
  /** Between title row, legend rows and plot. */
  gap: 6,
  /** Tick mark length. */
  tick: 4,
  /** Between a tick and its label. */
  tickLabel: 4,
  /** Minimum space between neighbouring x tick labels. */
  labelGap: 10,
  /** Minimum vertical space per y tick. */
  yTickSpacing: 30,
  /** Panel corner radius. */
  radius: 6,
} as const;

/** Height of a legend row (px). */
export const LEGEND_ROW = 16;
