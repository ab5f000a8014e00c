// The guided lessons driven like a student: predict → lock in → run → read the verdict, for every lesson (one
// of them also with a wrong prediction), progress across a reload, the URLs, Cancel, and the Lessons link from
// the playground and the lab. Screenshots of the list and of each lesson after its check.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inkFraction, shotsDir, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const VIEW = { width: 1280, height: 720 };
const TALL = { width: 768, height: 1024 };

/** The right answer of each lesson. */
const RIGHT: Record<string, string> = {
  'bandit-baseline': 'worse',
  corridor: 'optimum',
  'gridworld-baseline': 'helps',
  'smooth-reward': 'pathwise',
  'pathwise-fails': 'noisy-blind',
  'batch-size': 'quarter-lot',
};

/** What the captions under the charts say where a lesson has a point chart (measured ± 2 SE vs exact). */
const CAPTIONS: Record<string, RegExp> = {
  'pathwise-fails':
    /Per-sample variance of ∂\/∂μ E\[cos\(k·a\)\].*whiskers ± 2 SE.*at k = 5 pathwise is 25× noisier/s,
  'batch-size': /Variance of the N-sample estimate.*whiskers ± 2 SE.*b\* 2\.3× at every N/s,
};

/**
 * Fraction of the canvas's pixels in rows [top, bottom) (fractions of its height) within 40 of `rgb` per
 * channel: is a curve of that colour drawn in that part of the canvas?
 */
async function colorFraction(page: Page, rgb: [number, number, number], top: number, bottom: number) {
  const png = await page.locator('#lesson-chart canvas').screenshot();
  return page.evaluate(
    async ({ b64, rgb, top, bottom }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const y0 = Math.floor(top * c.height);
      const y1 = Math.floor(bottom * c.height);
      const d = ctx.getImageData(0, y0, c.width, y1 - y0).data;
      let hit = 0;
      for (let i = 0; i < d.length; i += 4)
        if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 40) hit++;
      return hit / (d.length / 4);
    },
    { b64: png.toString('base64'), rgb, top, bottom },
  );
}

/**
 * The result curves are really on the canvas, not only the axes: arm A's blue line in every learning-curve
 * chart (in lesson 5 the lower of two charts, with the cos dots in the upper one), the score estimator's
 * sky-blue dots in lesson 6. Below the title and legend (the top 20 %), a curve across the plot covers 0.2–0.4 %
 * of the pixels in its exact colour (measured), a plot covered by its own backdrop ~0: the bound is 0.05 %; four
 * dots ~0.02–0.15 % (bounds 0.008–0.02 %; the legend, which also has them, is left out).
 */
async function expectCurvesDrawn(page: Page, id: string): Promise<void> {
  const blue: [number, number, number] = [0x00, 0x72, 0xb2];
  const sky: [number, number, number] = [0x56, 0xb4, 0xe9];
  if (id === 'batch-size') expect(await colorFraction(page, sky, 0.2, 1)).toBeGreaterThan(0.0002);
  else if (id === 'pathwise-fails') {
    expect(await colorFraction(page, blue, 0.55, 1)).toBeGreaterThan(0.0005);
    expect(await colorFraction(page, sky, 0.08, 0.5)).toBeGreaterThan(0.00008);
  } else expect(await colorFraction(page, blue, 0.2, 1)).toBeGreaterThan(0.0005);
}

/**
 * How far (px) the widest shown chart title reaches past its panel's inner right edge (the panel's width less
 * the title's left padding); ≤ 0 when every title fits. Reads the Pixi objects the page exposes.
 */
async function chartTitleOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    type T = { x: number; width: number; text: string };
    const v = (window as unknown as { gradientLessons: { view: Record<string, unknown> } }).gradientLessons
      .view as unknown as {
      width: number;
      chart: { root: { visible: boolean }; title: T };
      points: { root: { visible: boolean }; card: { title: T } };
    };
    const over = (t: T) => (t.text ? t.x + t.width - (v.width - t.x) : -Infinity);
    return Math.max(
      v.chart.root.visible ? over(v.chart.title) : -Infinity,
      v.points.root.visible ? over(v.points.card.title) : -Infinity,
    );
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(shotsDir, `lessons-${name}.png`), fullPage: true });
}

/** Picks `choice`, locks it in, runs, and returns the verdict's heading and numbers. */
async function predictAndRun(page: Page, choice: string): Promise<{ head: string; text: string }> {
  await expect(page.locator('#btn-run').isDisabled()).resolves.toBe(true);
  await expect(page.locator('#btn-lock').isDisabled()).resolves.toBe(true);
  await page.locator(`input[type="radio"][value="${choice}"]`).check();
  await page.click('#btn-lock');
  await expect(page.locator('#prediction-locked').innerText()).resolves.toMatch(
    /Your prediction \(locked in\)/,
  );
  await expect(page.locator(`input[type="radio"][value="${choice}"]`).isDisabled()).resolves.toBe(true);
  await page.click('#btn-run');
  await page.waitForSelector('.verdict-head', { timeout: 90_000 });
  return {
    head: await page.locator('.verdict-head').innerText(),
    text: await page.locator('#verdict').innerText(),
  };
}

describe('the lessons in Chromium', () => {
  it('lists six lessons, reachable from the playground and the lab by a link named "Lessons"', async () => {
    for (const start of ['', 'lab.html']) {
      const { page, errors } = await app.open(start, VIEW);
      await page.getByRole('link', { name: 'Lessons', exact: true }).click();
      await page.waitForSelector('body[data-ready="true"]');
      expect(page.url()).toContain('lessons.html');
      await expect(page.locator('.lesson-item').count()).resolves.toBe(6);
      expect(errors).toEqual([]);
      if (start === '') await shot(page, 'list');
      await page.close();
    }
    const { page } = await app.open('lessons.html', TALL);
    await shot(page, 'list-768');
    await page.close();
  });

  for (const [id, choice] of Object.entries(RIGHT)) {
    it(`lesson ${id}: a right prediction is confirmed by the measured numbers`, async () => {
      const { page, errors } = await app.open(`lessons.html#lesson=${id}`, VIEW);
      const v = await predictAndRun(page, choice);
      expect(v.head).toBe('✓ Your prediction was right');
      expect(v.text).toMatch(/You predicted: /);
      expect(v.text).toMatch(/The run supports “/);
      expect(v.text).toMatch(/±/); // numbers with their standard errors
      expect(v.text).toMatch(/Why:/);
      await expect(page.locator('#btn-run').innerText()).resolves.toBe('Run again');
      expect(await inkFraction(page)).toBeGreaterThan(0.02); // the chart was drawn
      await expectCurvesDrawn(page, id);
      if (CAPTIONS[id])
        await expect(page.locator('#chart-captions').innerText()).resolves.toMatch(CAPTIONS[id]);
      expect(errors).toEqual([]);
      await shot(page, id);
      await page.locator('#lesson-chart').screenshot({ path: resolve(shotsDir, `lessons-${id}-chart.png`) });
      // on a phone-wide page (the canvas at its 300 px minimum) every chart title fits inside its panel
      await page.setViewportSize({ width: 340, height: 800 });
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              (window as unknown as { gradientLessons: { view: { width: number } } }).gradientLessons.view
                .width,
          ),
        )
        .toBe(300);
      await expect.poll(() => chartTitleOverflow(page)).toBeLessThanOrEqual(0);
      await page
        .locator('#lesson-chart')
        .screenshot({ path: resolve(shotsDir, `lessons-${id}-chart-300.png`) });
      await page.close();
    });
  }

  it('a wrong prediction is contradicted, and the progress survives a reload', async () => {
    const { page, errors } = await app.open('lessons.html#lesson=bandit-baseline', VIEW);
    const v = await predictAndRun(page, 'same');
    expect(v.head).toBe('✗ Not quite');
    expect(v.text).toMatch(/You predicted: About the same/);
    expect(v.text).toMatch(/The run supports “Clearly worse/);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#prediction-locked').innerText()).resolves.toMatch(/About the same/);
    await expect(page.locator('#verdict').innerText()).resolves.toMatch(/contradicted by the run/);
    await page.getByRole('link', { name: 'All lessons' }).click();
    await page.waitForSelector('.lesson-item');
    await expect(page.locator('.lesson-item').first().innerText()).resolves.toMatch(
      /done: the run contradicted your prediction/,
    );
    await expect(page.locator('.lessons-progress').innerText()).resolves.toBe('1 of 6 lessons done.');
    await shot(page, 'list-progress');
    // Try again forgets the lesson
    await page.getByRole('link', { name: /^1\. / }).click();
    await page.click('#btn-again');
    await expect(page.locator('#btn-run').isDisabled()).resolves.toBe(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#prediction-locked').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await shot(page, 'bandit-baseline-after-try-again');
    await page.close();
  });

  it('each lesson has its own URL; back and forward work; an unknown id gives the list and a notice', async () => {
    const { page, errors } = await app.open('lessons.html', VIEW);
    await page.getByRole('link', { name: /^2\. / }).click();
    await expect.poll(() => page.locator('#lesson-title').innerText()).toBe('The stochastic optimum');
    expect(page.url()).toMatch(/lessons\.html#lesson=corridor$/);
    await page.click('#next-lesson');
    await expect
      .poll(() => page.locator('#lesson-title').innerText())
      .toBe('A learned baseline in a gridworld');
    // the new page's heading has the focus (not <body>)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('lesson-title');
    await page.goBack();
    await expect.poll(() => page.locator('#lesson-title').innerText()).toBe('The stochastic optimum');
    await page.goBack();
    await expect.poll(() => page.locator('.lesson-item').count()).toBe(6);
    await page.goForward();
    await expect.poll(() => page.locator('#lesson-title').innerText()).toBe('The stochastic optimum');
    // the skip link focuses the main area and leaves the lesson's URL alone
    await page.locator('a.skip-link').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(page.url()).toMatch(/#lesson=corridor$/);
    await expect(page.locator('#notices').isHidden()).resolves.toBe(true);
    await page.close();
    const bad = await app.open('lessons.html#lesson=no-such-lesson', VIEW);
    await expect(bad.page.locator('.lesson-item').count()).resolves.toBe(6);
    await expect(bad.page.locator('#notices').innerText()).resolves.toMatch(
      /there is no lesson "no-such-lesson"/,
    );
    expect([...errors, ...bad.errors]).toEqual([]);
    await bad.page.close();
  });

  it('a run can be cancelled, and corrupt saved progress is reported, not fatal', async () => {
    const { page, errors } = await app.open('lessons.html#lesson=smooth-reward', VIEW);
    await page.locator('input[value="pathwise"]').check();
    await page.click('#btn-lock');
    await page.click('#btn-run');
    await page.click('#btn-cancel');
    await expect.poll(() => page.locator('#btn-run').isDisabled()).toBe(false);
    await expect(page.locator('#btn-cancel').isHidden()).resolves.toBe(true);
    await expect(page.locator('.verdict-head').count()).resolves.toBe(0);
    await page.evaluate(() => localStorage.setItem('gradient-wars.lessons.v1', '{"version":1,"lessons":'));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#notices').innerText()).resolves.toMatch(/not valid JSON/);
    await expect(page.locator('#lesson-title').innerText()).resolves.toBe(
      'Smooth reward: pathwise beats REINFORCE',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [id, choice] of Object.entries(RIGHT)) {
    it(`lesson ${id} at 768 × 1024 after its check: nothing wider than the page`, async () => {
      const { page, errors } = await app.open(`lessons.html#lesson=${id}`, TALL);
      const v = await predictAndRun(page, choice);
      expect(v.head).toBe('✓ Your prediction was right');
      // no horizontal scrolling, and the chart canvas fits its column
      const widths = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        view: window.innerWidth,
        canvas: document.querySelector('#lesson-chart canvas')!.getBoundingClientRect().width,
        column: document.querySelector('#lesson-chart')!.getBoundingClientRect().width,
      }));
      expect(widths.doc).toBeLessThanOrEqual(widths.view);
      expect(widths.canvas).toBeLessThanOrEqual(widths.column + 0.5);
      await expectCurvesDrawn(page, id);
      expect(errors).toEqual([]);
      await shot(page, `${id}-768`);
      await page.close();
    });
  }

  it('a lesson at 768 × 1024 after its check', async () => {
    const { page, errors } = await app.open('lessons.html#lesson=corridor', TALL);
    const v = await predictAndRun(page, 'half');
    expect(v.head).toBe('✗ Not quite');
    expect(errors).toEqual([]);
    await shot(page, 'corridor-768');
    await page.close();
  });
});
