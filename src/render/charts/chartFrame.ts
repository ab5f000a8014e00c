/**
 * The vertical frame of a {@link LineChart} panel: how much of its height goes to the title row (and a legend
 * under it) above the plot, and to the x tick labels and axis title below it. Shared by the chart's own layout
 * and by the playground's stage layout (src/render/stageLayout.ts), which sizes charts to a minimum plot height.
 */
import { FONT, LEGEND_ROW, SPACE } from './metrics';

/** Space above the plot (px) for a legend `legendHeight` px tall under the title (0: none, or in the title row). */
export function plotTop(legendHeight: number): number {
  const legendTop = SPACE.pad + FONT.title + 6;
  return legendTop + (legendHeight > 0 ? legendHeight + SPACE.gap : 0) + LEGEND_ROW / 2;
}

/** Space below the plot (px): tick marks, tick labels and the x-axis title. */
export const PLOT_BOTTOM = SPACE.pad + FONT.label + 6 + FONT.tick + SPACE.tickLabel + SPACE.tick;

/** Height of a chart panel (px) whose plot is `plotHeight` px tall, legend as in {@link plotTop}. */
export function chartHeightFor(plotHeight: number, legendHeight = 0): number {
  return plotTop(legendHeight) + plotHeight + PLOT_BOTTOM;
}
