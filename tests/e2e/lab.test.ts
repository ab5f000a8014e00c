// The gradient lab driven like a person: through its labelled controls, reading its tables and pixels.
import { writeFileSync, mkdirSync } from 'node:fs';
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

const LAB = 'lab.html';
const VIEW = { width: 1280, height: 720 };

/** The numbers table's text. */
async function stats(page: Page): Promise<string> {
  return (await page.locator('#lab-stats').innerText()).trim();
}

/** Waits until the race (and so the heavy jobs) report ready. */
async function raceReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('#lab-race caption').innerText(), { timeout: 30_000 })
    .toMatch(/ready/);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(shotsDir, `lab-${name}.png`), fullPage });
}

describe('the gradient lab in Chromium', () => {
  it('is one click from the playground, and links back', async () => {
    const { page, errors } = await app.open('#env=bandit');
    await page.getByRole('link', { name: 'Lab' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(page.url()).toContain('lab.html');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Gradient Wars');
    await expect(page.getByLabel('f(z)', { exact: true }).inputValue()).resolves.toBe('cos(k * z)');
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.waitForSelector('#btn-play');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('typing an expression changes the histograms and their numbers', async () => {
    const { page, errors } = await app.open(LAB, VIEW);
    await raceReady(page);
    const before = await stats(page);
    const canvasBefore = await page.locator('canvas').screenshot();
    const f = page.getByLabel('f(z)', { exact: true });
    await f.fill('(z - k)^2');
    await f.press('Enter');
    await expect.poll(() => stats(page)).not.toBe(before);
    await expect
      .poll(async () => (await page.locator('canvas').screenshot()).equals(canvasBefore))
      .toBe(false);
    // (z − k)² at μ = σ = 1, k = 3: ∇ = (2(μ − k), 2σ) = (−4, 2)
    await expect.poll(() => page.locator('#lab-stats caption').innerText()).toMatch(/exact ∇ = \(−4, 2\)/);
    expect(page.url()).toContain('f=(z%20-%20k)%5E2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a bad expression shows its error next to f(z), keeps the last good f, and nothing breaks', async () => {
    const { page, errors } = await app.open(LAB, VIEW);
    await raceReady(page);
    const before = await stats(page);
    const f = page.getByLabel('f(z)', { exact: true });
    await f.fill('cos(k * z');
    await f.press('Enter');
    const alert = page.locator('#lab-f-error');
    await expect.poll(() => alert.innerText()).toMatch(/\S/);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await f.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'bad-expression', false);
    expect(await stats(page)).toBe(before);
    // the sliders still work with the last good f
    await page.getByLabel('μ (mean)', { exact: true }).fill('0.5');
    await page.getByLabel('μ (mean)', { exact: true }).press('Enter');
    await expect.poll(() => stats(page)).not.toBe(before);
    await f.fill('sin(k * z)');
    await f.press('Enter');
    await expect.poll(() => alert.innerText()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a pathological f does not hold the panels hostage: the next f takes over at once', async () => {
    const { page, errors } = await app.open(LAB, VIEW);
    await raceReady(page);
    const f = page.getByLabel('f(z)', { exact: true });
    await f.fill('sin(1000 * z) + 0 * k');
    await f.press('Enter');
    await expect.poll(() => page.locator('#lab-race caption').innerText()).toMatch(/computing/);
    await page.waitForTimeout(400);
    await f.fill('(z - k)^2');
    await f.press('Enter');
    // the race of (z − k)² takes well under a second; the abandoned one would have taken several
    await raceReady(page);
    await expect.poll(() => page.locator('#lab-stats caption').innerText()).toMatch(/exact ∇ = \(−4, 2\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking the sweep sets k; clicking the heatmap moves the race start', async () => {
    const { page, errors } = await app.open(LAB, VIEW);
    await raceReady(page);
    const canvas = page.locator('canvas');
    const box = (await canvas.boundingBox())!;
    // the sweep is the top-right panel: click near the middle of its plot
    await canvas.click({ position: { x: box.width * 0.72, y: 170 } });
    const k = Number(await page.getByLabel('k', { exact: true }).inputValue());
    expect(k).not.toBe(3);
    expect(k).toBeGreaterThan(0.5);
    expect(k).toBeLessThan(5);
    // the race heatmap is the bottom-right panel
    await canvas.click({ position: { x: box.width * 0.72, y: box.height - 120 } });
    const mu0 = Number(await page.getByLabel('Start μ', { exact: true }).inputValue());
    const sigma0 = Number(await page.getByLabel('Start σ', { exact: true }).inputValue());
    expect([mu0, sigma0]).not.toEqual([-1.5, 1.5]);
    await expect.poll(() => page.url()).toContain('mu0=');
    await raceReady(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every preset renders (screenshots saved), and the step is flagged pathwise-blind', async () => {
    const { page, errors } = await app.open(LAB, VIEW);
    const presets = await page
      .locator('#lab-preset option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter((v) => v !== 'custom'));
    expect(presets).toEqual(['square', 'gauss', 'cos', 'step', 'abs']);
    for (const id of presets) {
      await page.getByLabel('Preset', { exact: true }).selectOption(id);
      await raceReady(page);
      await page.waitForTimeout(2800); // the race replay
      expect(await inkFraction(page), id).toBeGreaterThan(0.05);
      const note = await page.locator('#lab-f-note').innerText();
      if (id === 'step') expect(note).toMatch(/pathwise estimator is blind/);
      else expect(note).not.toMatch(/blind/);
      await shot(page, `preset-${id}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the link restores the lab exactly, and CSV exports download', async () => {
    const hash = '#f=exp(-k%20*%20z%5E2)&k=7&k-min=0.1&k-max=10&mu=0.8&sigma=0.6&param=sigma&hide=loo';
    const { page, errors } = await app.open(LAB + hash, VIEW);
    await raceReady(page);
    await expect(page.getByLabel('σ (standard deviation)', { exact: true }).inputValue()).resolves.toBe(
      '0.6',
    );
    expect(await page.locator('#lab-stats tr[data-estimator="loo"]').count()).toBe(0);
    const table = await stats(page);
    const again = await app.open(LAB + hash, VIEW);
    await raceReady(again.page);
    expect(await stats(again.page)).toBe(table);
    await again.page.close();
    const [hist] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export histograms (CSV)' }).click(),
    ]);
    const text = await (await hist.createReadStream()).toArray();
    const csv = Buffer.concat(text).toString('utf8');
    expect(csv).toMatch(/^"?# f\(z\) = exp\(-k \* z\^2\)/);
    expect(csv).toContain('component,bin_lo,bin_hi,score,score-mean,score-optimal,muprop,pathwise,loo');
    const [sweep] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export sweep (CSV)' }).click(),
    ]);
    const rows = Buffer.concat(await (await sweep.createReadStream()).toArray())
      .toString('utf8')
      .trim()
      .split('\n');
    expect(rows.length).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays smooth while a slider is dragged (frame intervals recorded in test-results/lab-budgets.json)', async () => {
    const { page, errors } = await app.open(LAB, VIEW);
    await raceReady(page);
    await page.waitForTimeout(2800);
    const result = await page.evaluate(async () => {
      const lab = (window as unknown as { gradientLab: { pacer: { cost: number; interval: number } } })
        .gradientLab;
      const slider = document.getElementById('lab-mu-range') as HTMLInputElement;
      const times: number[] = [];
      let last = performance.now();
      let i = 0;
      await new Promise<void>((done) => {
        const frame = () => {
          const now = performance.now();
          times.push(now - last);
          last = now;
          slider.value = String(-2 + (4 * i) / 120);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          if (++i < 120) requestAnimationFrame(frame);
          else done();
        };
        requestAnimationFrame(frame);
      });
      times.sort((a, b) => a - b);
      return {
        median: times[times.length >> 1],
        p95: times[Math.floor(times.length * 0.95)],
        frames: times.length,
        renderCostMs: lab.pacer.cost,
        renderIntervalMs: lab.pacer.interval,
      };
    });
    mkdirSync(resolve(shotsDir, '..'), { recursive: true });
    writeFileSync(resolve(shotsDir, '../lab-budgets.json'), JSON.stringify({ sliderDrag: result }, null, 2));
    expect(result.frames).toBe(120);
    await shot(page, 'after-drag');
    expect(errors).toEqual([]);
    await page.close();
  });
});
