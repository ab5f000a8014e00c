// How the playground canvas is split between the environment view and the four charts
// (src/render/stageLayout.ts): at the sizes the canvas has in the supported windows, every chart keeps a plot
// of at least MIN_PLOT px, the split adds up to the canvas, and the grid adapts to wide and narrow canvases.
import { describe, expect, it } from 'vitest';
import { PLOT_BOTTOM, chartHeightFor, plotTop } from '../../src/render/charts/chartFrame';
import {
  ENV_MIN,
  ENV_SHARE,
  GAP,
  LEGEND_GAP,
  MIN_PLOT,
  gridFor,
  stageLayout,
} from '../../src/render/stageLayout';

/** One legend row (px): the shared legend at 1280×720. */
const ROW = 16;

/** Plot height of the charts of a layout (title row with the legend beside it). */
const plotOf = (h: number) => h - plotTop(0) - PLOT_BOTTOM;

/** Height the charts area uses: legend row, rows of charts with gaps, bottom margin. */
function used(l: ReturnType<typeof stageLayout>, legend: number): number {
  const { rows, h } = l.grid;
  return (legend > 0 ? legend + LEGEND_GAP : 0) + rows * h + (rows - 1) * GAP + GAP;
}

describe('stageLayout', () => {
  it('1280×720 with Compare on (canvas 960×613): 2 × 2 charts with 110 px plots, env view 169 px', () => {
    const l = stageLayout(960, 613, ROW);
    expect(l.grid).toMatchObject({ cols: 2, rows: 2, w: 462 });
    // chart = 37 (title row) + 110 (plot) + 46 (ticks and x title) = 193 px
    expect(chartHeightFor(MIN_PLOT)).toBe(193);
    expect(l.grid.h).toBe(193);
    expect(plotOf(l.grid.h)).toBe(110);
    // 613 − 12 − (22 legend + 2·193 + 12 + 12) = 169
    expect(l.envH).toBe(169);
    expect(l.envH + GAP + l.chartsH).toBe(613);
    expect(used(l, ROW)).toBeLessThanOrEqual(l.chartsH);
  });

  it('1280×720 single agent (canvas 960×634): the extra height goes to the env view', () => {
    const l = stageLayout(960, 634, ROW);
    expect(plotOf(l.grid.h)).toBe(110);
    expect(l.envH).toBe(190);
    expect(used(l, ROW)).toBeLessThanOrEqual(l.chartsH);
  });

  it('a legend that wraps to two rows takes its height from the env view, not from the plots', () => {
    const one = stageLayout(960, 613, ROW);
    const two = stageLayout(960, 613, 2 * ROW);
    expect(plotOf(two.grid.h)).toBe(110);
    expect(two.envH).toBe(one.envH - ROW);
  });

  it('1440×900 (canvas 1120×790): the env view takes the rest, 346 px, under its 48% cap', () => {
    const l = stageLayout(1120, 790, ROW);
    expect(l.envH).toBe(790 - 12 - 432);
    expect(l.envH).toBeLessThan(790 * ENV_SHARE);
    expect(l.grid.cols).toBe(2);
    expect(plotOf(l.grid.h)).toBe(MIN_PLOT);
  });

  it('a tall canvas caps the env view at 48% and gives the charts the rest', () => {
    const l = stageLayout(1600, 1100, ROW);
    expect(l.envH).toBe(Math.round(1100 * ENV_SHARE));
    expect(plotOf(l.grid.h)).toBeGreaterThan(MIN_PLOT + 50);
    expect(used(l, ROW)).toBeLessThanOrEqual(l.chartsH);
    expect(used(l, ROW)).toBeGreaterThan(l.chartsH - 2);
  });

  it('1024×768 and 768×1024 portrait: 2 × 2 with the minimum plot and a usable env view', () => {
    for (const [w, h] of [
      [736, 662],
      [768, 639],
    ]) {
      const l = stageLayout(w, h, ROW);
      expect(l.grid.cols).toBe(2);
      expect(plotOf(l.grid.h)).toBeGreaterThanOrEqual(MIN_PLOT);
      expect(l.envH).toBeGreaterThanOrEqual(190);
      expect(used(l, ROW)).toBeLessThanOrEqual(l.chartsH);
    }
  });

  it('charts too narrow for their legend beside the title get a legend row more, plot still 110 px', () => {
    // the return chart's title and style keys need ~400 px side by side: at 1280×720 (charts 462 px wide)
    // they fit; at 768×1024 Compare (canvas 768×639, charts 366 px) the keys go under the title and every chart in the row grows by 22 px
    expect(stageLayout(960, 613, ROW, 400)).toEqual(stageLayout(960, 613, ROW));
    const l = stageLayout(768, 639, ROW, 400);
    expect(l.grid.w).toBe(366);
    expect(l.grid.h).toBe(chartHeightFor(MIN_PLOT, ROW));
    expect(l.grid.h - plotTop(ROW) - PLOT_BOTTOM).toBe(MIN_PLOT);
    expect(l.envH).toBe(stageLayout(768, 639, ROW).envH - 2 * (ROW + 6));
    expect(used(l, ROW)).toBeLessThanOrEqual(l.chartsH);
  });

  it('a wide short canvas gets a row of four; a narrow tall one a column', () => {
    expect(stageLayout(1800, 600, ROW).grid.cols).toBe(4);
    expect(stageLayout(420, 1500, ROW).grid.cols).toBe(1);
  });

  it('a canvas too short for the minimum keeps the env view at ENV_MIN and shrinks the plots', () => {
    const l = stageLayout(960, 420, ROW);
    expect(l.envH).toBe(ENV_MIN);
    expect(plotOf(l.grid.h)).toBeLessThan(MIN_PLOT);
    expect(l.envH + GAP + l.chartsH).toBe(420);
  });

  it('gridFor divides the width into equal columns with 12 px margins and gaps', () => {
    const g = gridFor(2, 960, 432, ROW);
    expect(2 * g.w + 3 * GAP).toBeLessThanOrEqual(960);
    expect(2 * (g.w + 1) + 3 * GAP).toBeGreaterThan(960);
    expect(gridFor(4, 960, 300, 0).rows).toBe(1);
  });
});
