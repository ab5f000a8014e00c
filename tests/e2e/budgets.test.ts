// Budgets, measured and written to test-results/budgets.json (a report: wall-clock numbers are printed, not
// asserted, because they depend on the machine). The initial JavaScript size is deterministic and asserted.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist-e2e');
const report: Record<string, unknown> = {};

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  writeFileSync(resolve(root, 'test-results/budgets.json'), JSON.stringify(report, null, 2));
  console.log('budgets', JSON.stringify(report));
  await app?.close();
});

/** JS files a page loads up front: the entry script and its modulepreloads. */
function initialScripts(page = 'index.html'): string[] {
  const html = readFileSync(resolve(dist, page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
}

describe('budgets', () => {
  it('initial JavaScript ≤ 300 KB gzipped (what only some views need loads lazily)', () => {
    const initial = initialScripts();
    const gz = (f: string) => gzipSync(readFileSync(resolve(dist, f))).length;
    const initialBytes = initial.reduce((s, f) => s + gz(f), 0);
    const all = readdirSync(resolve(dist, 'assets')).filter((f) => f.endsWith('.js'));
    report.initialJsGzipKB = Math.round(initialBytes / 102.4) / 10;
    // the lab is its own page (its entry, the expression compiler and its worker are not the playground's)
    const lab = initialScripts('lab.html');
    report.labInitialJsGzipKB = Math.round(lab.reduce((s, f) => s + gz(f), 0) / 102.4) / 10;
    report.lazyChunks = all
      .filter((f) => !initial.includes(`assets/${f}`))
      .map((f) => ({ file: f, gzipKB: Math.round(gz(`assets/${f}`) / 102.4) / 10 }));
    expect(initial.length).toBeGreaterThan(0);
    expect(initialBytes).toBeLessThanOrEqual(300 * 1024);
  });

  it('first frame, and frame rate while training the gridworld at maximum speed (reported)', async () => {
    const t0 = Date.now();
    // Playwright's default viewport; the canvas is software-rendered (SwiftShader) here
    const { page, errors } = await app.open('#env=gridworld&seed=1', { width: 1280, height: 720 });
    report.readyMs = Date.now() - t0;
    report.firstFrameMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return Math.round(paint?.startTime ?? nav?.domContentLoadedEventEnd ?? NaN);
    });
    await page.locator('#run-speed').fill('7');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1500);
    const m = await page.evaluate(
      () =>
        new Promise<{ median: number; p95: number; frames: number; stepsPerSecond: number }>((done) => {
          const gaps: number[] = [];
          const rates: number[] = [];
          let last = performance.now();
          const start = last;
          const g = (window as unknown as { gradientWars: { runner: { stepsPerSecond: number } } })
            .gradientWars;
          const frame = (t: number) => {
            gaps.push(t - last);
            last = t;
            rates.push(g.runner.stepsPerSecond);
            if (t - start < 3000) requestAnimationFrame(frame);
            else {
              gaps.sort((a, b) => a - b);
              rates.sort((a, b) => a - b);
              done({
                median: gaps[gaps.length >> 1],
                p95: gaps[Math.floor(gaps.length * 0.95)],
                frames: gaps.length,
                stepsPerSecond: rates[rates.length >> 1],
              });
            }
          };
          requestAnimationFrame(frame);
        }),
    );
    report.gridworldMaxSpeed = {
      medianFrameMs: Math.round(m.median * 10) / 10,
      p95FrameMs: Math.round(m.p95 * 10) / 10,
      fps: Math.round(1000 / m.median),
      envStepsPerSecond: Math.round(m.stepsPerSecond),
    };
    expect(m.frames).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });
});
