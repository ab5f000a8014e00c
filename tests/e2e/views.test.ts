// Every environment view draws, and a screenshot of each is saved under test-results/screenshots/. The canvas
// layout (src/render/stageLayout.ts) at the four supported window sizes, Compare on, two confidence bands: every
// chart keeps a plot of at least 110 px and at most one legend row, the charts fit in the canvas, and with bands
// the return chart's y range fits the bands and smoothed curves rather than the raw returns.
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkFraction, shotsDir, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const cases: [string, string][] = [
  ['bandit', '#env=bandit&seed=3'],
  ['gridworld', '#env=gridworld&seed=3'],
  ['gridworld-cliff', '#env=gridworld&map=cliff&seed=3'],
  ['short-corridor', '#env=short-corridor&seed=3'],
  ['continuous-bandit', '#env=continuous-bandit&seed=3'],
  ['point-mass', '#env=point-mass&seed=3'],
  ['compare-bandit', '#env=bandit&seed=3&compare=1&b-baseline=none'],
  ['compare-pathwise', '#env=continuous-bandit&seed=3&compare=1&b-estimator=score'],
];

describe('environment views', () => {
  for (const [name, hash] of cases) {
    it(`${name}: the canvas draws and is saved`, async () => {
      const { page, errors } = await app.open(hash);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(2500);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForTimeout(400);
      expect(await inkFraction(page)).toBeGreaterThan(0.03);
      await page.screenshot({ path: resolve(shotsDir, `${name}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

/** What the stage laid out (read from the page's `gradientWars.view`, the StageView; its fields are private). */
interface Measured {
  canvas: { w: number; h: number };
  sharedLegend: number;
  chartsBottom: number;
  envHeights: number[];
  charts: { title: string; plotH: number; legendH: number; y0: number; y1: number }[];
}

function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    type Chart = {
      plot: { h: number };
      legendHeight: number;
      spec: { title: string };
      axes: { y0: number; y1: number };
    };
    type Stage = {
      charts: {
        root: { y: number };
        contentHeight: number;
        charts: Chart[];
        legend: { layout(): number };
      };
      envViews: { root: { getLocalBounds(): { height: number } } }[];
    };
    const gw = (
      window as unknown as {
        gradientWars: { view: Stage; app: { screen: { width: number; height: number } } };
      }
    ).gradientWars;
    const cv = gw.view.charts;
    return {
      canvas: { w: gw.app.screen.width, h: gw.app.screen.height },
      sharedLegend: cv.legend.layout(),
      chartsBottom: cv.root.y + cv.contentHeight,
      envHeights: gw.view.envViews.map((v) => v.root.getLocalBounds().height),
      charts: cv.charts.map((c) => ({
        title: c.spec.title,
        plotH: c.plot.h,
        legendH: c.legendHeight,
        y0: c.axes.y0,
        y1: c.axes.y1,
      })),
    };
  });
}

/** Two synthetic 30-seed bands (A around 0.5, B around 0.25, ±0.1) over episodes 1–200, drawn as a run's. */
function addBands(page: Page): Promise<void> {
  return page.evaluate(() => {
    const band = (m: number) => {
      const x = Float64Array.from({ length: 200 }, (_, i) => i + 1);
      const mean = x.map(() => m);
      return { x, mean, lo: mean.map((v) => v - 0.1), hi: mean.map((v) => v + 0.1) };
    };
    const overlay = (id: number, label: string, m: number) => ({
      id,
      label,
      color: id,
      dashed: false,
      return: band(m),
      optimalAction: band(m),
      length: null,
    });
    const gw = (window as unknown as { gradientWars: { view: { setOverlays(o: unknown[]): void } } })
      .gradientWars;
    gw.view.setOverlays([
      overlay(0, 'A · 30 seeds (95% CI)', 0.5),
      overlay(1, 'B · 30 seeds (95% CI)', 0.25),
    ]);
  });
}

describe('canvas layout', () => {
  const sizes: [number, number][] = [
    [1280, 720],
    [1024, 768],
    [768, 1024],
    [1440, 900],
  ];
  for (const [width, height] of sizes) {
    it(`${width}×${height}, Compare on, two bands: 110 px plots, one legend row each, nothing cut off`, async () => {
      const { page, errors } = await app.open('#env=bandit&seed=3&compare=1&b-baseline=none', {
        width,
        height,
      });
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(1500);
      await page.getByRole('button', { name: 'Pause' }).click();
      const plain = await measure(page);
      await addBands(page);
      await page.waitForTimeout(400);
      const m = await measure(page);
      await page.screenshot({ path: resolve(shotsDir, `layout-${width}x${height}-bands.png`) });
      for (const c of m.charts) {
        expect(c.plotH, c.title).toBeGreaterThanOrEqual(110);
        // the agents are keyed once, above the grid: a chart's own legend (the return chart's style keys)
        // takes at most one row, and sits on the title row where the chart is wide enough (1280 px and up)
        expect(c.legendH, c.title).toBeLessThanOrEqual(16);
        if (width >= 1280) expect(c.legendH, c.title).toBe(0);
      }
      expect(m.sharedLegend).toBe(16);
      expect(m.chartsBottom).toBeLessThanOrEqual(m.canvas.h);
      for (const h of m.envHeights) expect(h).toBeGreaterThanOrEqual(120);
      // raw bandit returns (unit-variance noise) spread over more than 3 units; with the bands (0.15–0.6) the
      // range fits the smoothed curves and bands instead
      const ret = (x: Measured) => x.charts[0].y1 - x.charts[0].y0;
      expect(ret(plain)).toBeGreaterThan(3);
      expect(ret(m)).toBeLessThan(ret(plain) / 2);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
