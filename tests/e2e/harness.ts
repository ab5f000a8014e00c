/**
 * Browser-test harness: launches Debian's Chromium through playwright-core (never a downloaded browser)
 * against the app that globalSetup.ts built and serves. Each test file calls {@link startApp} in beforeAll and
 * `close()` in afterAll.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { inject } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** Where screenshots go (CI keeps test output there). */
export const shotsDir = resolve(root, 'test-results/screenshots');

/** A served app and a browser. */
export interface AppHandle {
  url: string;
  browser: Browser;
  /** Opens a page at `hash`, collecting console errors; waits until the app says it is ready. */
  open(hash?: string, size?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Launches the browser against the served app. */
export async function startApp(): Promise<AppHandle> {
  mkdirSync(shotsDir, { recursive: true });
  const url = inject('appUrl');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url,
    browser,
    async open(hash = '', size = { width: 1440, height: 900 }) {
      const page = await browser.newPage({ viewport: size });
      const errors: string[] = [];
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url + hash);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      return { page, errors };
    },
    async close() {
      await browser.close();
    },
  };
}

/** Fraction of sampled canvas pixels that differ from the background (white). */
export async function inkFraction(page: Page): Promise<number> {
  const png = await page.locator('canvas').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let n = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      n++;
      if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
    }
    return ink / n;
  }, png.toString('base64'));
}

/** Types `value` into the control labelled exactly `label` and leaves it (Tab), as a person commits a field. */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Tab');
}

/** The playground store's multi-seed/export state (plain data; src/state/store.ts `multiSeed`). */
export function multiSeedState(page: Page): Promise<{
  running: boolean;
  done: number;
  total: number;
  overlays: { id: number; label: string; imported: boolean }[];
  exportMessage: string | null;
  exportError: string | null;
}> {
  return page.evaluate(() => {
    const gw = (window as unknown as { gradientWars: { store: { getState(): { multiSeed: unknown } } } })
      .gradientWars;
    return gw.store.getState().multiSeed as never;
  });
}
