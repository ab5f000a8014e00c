// Multi-seed runs in Chromium: the progress bar advances while the workers run and Cancel stops them (every
// worker terminated, the section back to idle, no bands); a finished A/B run draws two bands (mean ± 95% CI)
// over the charts. Screenshots: the section while running (768×1024) and the bands (1280×720).
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillField, multiSeedState, shotsDir, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Counts live module workers (constructed minus terminated); installed before the app's scripts run. */
const countWorkers = () => {
  const W = window.Worker;
  const w = { live: 0, made: 0 };
  (window as unknown as { __workers: typeof w }).__workers = w;
  window.Worker = class extends W {
    private gone = false;
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      w.live++;
      w.made++;
    }
    override terminate(): void {
      if (!this.gone) w.live--;
      this.gone = true;
      super.terminate();
    }
  };
};

async function openCounting(hash: string, size: { width: number; height: number }) {
  const { page, errors } = await app.open(hash, size);
  await page.addInitScript(countWorkers);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, errors };
}

const workers = (page: Page) =>
  page.evaluate(() => (window as unknown as { __workers: { live: number; made: number } }).__workers);
describe('multi-seed runs', () => {
  it('the progress bar advances; Cancel terminates the workers and leaves no bands', async () => {
    // 1000 seeds × 20 000 episodes of the four rooms: minutes of work, so Cancel comes long before the end
    const { page, errors } = await openCounting('#env=gridworld&map=fourRooms&horizon=400&seed=3', {
      width: 768,
      height: 1024,
    });
    await fillField(page, 'Seeds', '1000');
    await fillField(page, 'Episodes', '20000');
    await page.getByRole('button', { name: 'Run 1 000 seeds' }).click();
    const text = page.locator('#ms-progress-text');
    await expect
      .poll(async () => (await multiSeedState(page)).done, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(2);
    const first = await page.locator('#ms-progress-bar').evaluate((b: HTMLProgressElement) => b.value);
    await expect
      .poll(() => page.locator('#ms-progress-bar').evaluate((b: HTMLProgressElement) => b.value), {
        timeout: 60_000,
      })
      .toBeGreaterThan(first);
    expect(await text.innerText()).toMatch(/^\d+ \/ 1 000 seeds$/);
    expect(await page.locator('#ms-progress').isVisible()).toBe(true);
    const during = await workers(page);
    expect(during.live).toBeGreaterThanOrEqual(1);
    expect(during.live).toBeLessThanOrEqual(4);
    await page.locator('#section-multiseed').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shotsDir, 'multiseed-running-768.png') });

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(async () => (await multiSeedState(page)).running).toBe(false);
    expect((await workers(page)).live).toBe(0);
    expect(await page.locator('#ms-progress').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Run 1 000 seeds' }).isEnabled()).toBe(true);
    expect((await multiSeedState(page)).overlays).toEqual([]);
    expect(await page.locator('#ms-error').innerText()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a finished A/B run draws both arms as bands, labelled with the seed count', async () => {
    const { page, errors } = await openCounting('#env=bandit&seed=3&compare=1&b-baseline=none', {
      width: 1280,
      height: 720,
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Pause' }).click();
    await fillField(page, 'Seeds', '30');
    await fillField(page, 'Episodes', '600');
    const before = await page.locator('canvas').screenshot();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run 30 seeds' }).click();
    await expect.poll(async () => (await multiSeedState(page)).overlays.length, { timeout: 60_000 }).toBe(2);
    expect((await multiSeedState(page)).overlays.map((o) => o.label)).toEqual([
      'A · 30 seeds (95% CI)',
      'B · 30 seeds (95% CI)',
    ]);
    console.log(`30 seeds × 600 episodes × 2 arms: ${Date.now() - t0} ms`);
    expect((await workers(page)).live).toBe(0);
    await page.waitForTimeout(300);
    const after = await page.locator('canvas').screenshot();
    expect(after.equals(before)).toBe(false);
    await page.screenshot({ path: resolve(shotsDir, 'multiseed-bands-1280.png') });
    // Clear bands removes them again
    await page.getByRole('button', { name: 'Clear bands' }).click();
    await expect.poll(async () => (await multiSeedState(page)).overlays.length).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a bad reward expression is reported in the section, and the page keeps running', async () => {
    const { page, errors } = await openCounting('#env=continuous-bandit&seed=1', {
      width: 1280,
      height: 720,
    });
    // a bad expression that the live runner refuses too: it keeps its last good reward, the run reports why
    await page.evaluate(() =>
      (
        window as unknown as { gradientWars: { store: { getState(): { setConfig(p: object): void } } } }
      ).gradientWars.store
        .getState()
        .setConfig({ reward: 'a +* 2' }),
    );
    await fillField(page, 'Seeds', '2');
    await fillField(page, 'Episodes', '10');
    await page.getByRole('button', { name: 'Run 2 seeds' }).click();
    await expect.poll(() => page.locator('#ms-error').innerText(), { timeout: 30_000 }).not.toBe('');
    expect((await workers(page)).live).toBe(0);
    expect((await multiSeedState(page)).running).toBe(false);
    expect(errors.filter((e) => !/reward/.test(e))).toEqual([]);
    await page.close();
  });
});
