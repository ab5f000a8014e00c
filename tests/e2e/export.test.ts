// Export and import in Chromium, checked against the command line: a multi-seed run exported from the page
// (Export JSON, a real download) has exactly the metrics and config of `train()` — the function behind
// `npm run cli -- train --json` — for the same flags and seed (bandit, an A/B comparison as the CLI's sweep,
// a gridworld); the live run exports as `--runs 1` over the episodes finished; CSV and PNG downloads are
// well formed; a JSON file imports back as a dashed overlay, and a broken file is refused with a message.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSweep, train } from '../../src/cli/train';
import { fillField, multiSeedState, shotsDir, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

type Flags = [string, string][];

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; data: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await d.path();
  return { name: d.suggestedFilename(), data: readFileSync(path) };
}

async function runSeedsInPage(page: Page, seeds: number, episodes: number): Promise<void> {
  await fillField(page, 'Seeds', String(seeds));
  await fillField(page, 'Episodes', String(episodes));
  await page.getByRole('button', { name: `Run ${seeds} seeds` }).click();
  await expect
    .poll(async () => (await multiSeedState(page)).overlays.filter((o) => !o.imported).length, {
      timeout: 90_000,
    })
    .toBeGreaterThan(0);
}

/** The CLI's document for these flags: one report, or the sweep of a comma-separated flag. */
async function cli(flags: Flags): Promise<unknown> {
  const grid = expandSweep(flags);
  const reports = [];
  for (const g of grid) reports.push(await train(g));
  return grid.length === 1 ? reports[0] : { command: 'sweep', reports };
}

/** Drops elapsedMs (wall time) so documents compare exactly. */
function timeless(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc), (k, v: unknown) => (k === 'elapsedMs' ? undefined : v));
}

describe('browser exports equal the CLI', () => {
  const cases: [string, string, Flags, number, number][] = [
    [
      'bandit, 8 seeds × 300 episodes',
      '#env=bandit&seed=5',
      [
        ['env', 'bandit'],
        ['seed', '5'],
      ],
      8,
      300,
    ],
    [
      'Compare A/B = the CLI sweep --baseline average,none',
      '#env=bandit&seed=5&compare=1&b-baseline=none',
      [
        ['env', 'bandit'],
        ['seed', '5'],
        ['baseline', 'average,none'],
      ],
      8,
      300,
    ],
    [
      'gridworld (cliff, slip 0.1), 4 seeds × 120 episodes',
      '#env=gridworld&map=cliff&slip=0.1&seed=2',
      [
        ['env', 'gridworld'],
        ['map', 'cliff'],
        ['slip', '0.1'],
        ['seed', '2'],
      ],
      4,
      120,
    ],
    [
      'continuous bandit (reward compiled in each worker), pathwise, 3 seeds × 60 episodes',
      `#env=continuous-bandit&estimator=pathwise&reward=${encodeURIComponent('exp(-(a-2)^2)')}&seed=4`,
      [
        ['env', 'continuous-bandit'],
        ['estimator', 'pathwise'],
        ['reward', 'exp(-(a-2)^2)'],
        ['seed', '4'],
      ],
      3,
      60,
    ],
  ];
  for (const [what, hash, flags, seeds, episodes] of cases)
    it(what, async () => {
      const { page, errors } = await app.open(hash, { width: 1280, height: 720 });
      await runSeedsInPage(page, seeds, episodes);
      const { name, data } = await download(page, 'Export JSON');
      expect(name).toMatch(/\.json$/);
      const fromPage = JSON.parse(data.toString('utf8'));
      const fromCli = await cli([...flags, ['runs', String(seeds)], ['episodes', String(episodes)]]);
      expect(timeless(fromPage)).toEqual(timeless(fromCli));
      expect(errors).toEqual([]);
      await page.close();
    });

  it('the live run exports as --runs 1 over the episodes finished so far', async () => {
    const { page, errors } = await app.open('#env=bandit&seed=9&lr=0.2', { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Pause' }).click();
    const { data } = await download(page, 'Export JSON');
    const live = JSON.parse(data.toString('utf8')) as {
      runs: number;
      episodes: number;
      liveEdits?: string[];
    };
    expect(live.runs).toBe(1);
    expect(live.episodes).toBeGreaterThan(50);
    expect(live.liveEdits).toBeUndefined();
    const fromCli = await cli([
      ['env', 'bandit'],
      ['seed', '9'],
      ['lr', '0.2'],
      ['runs', '1'],
      ['episodes', String(live.episodes)],
    ]);
    expect(timeless(live)).toEqual(timeless(fromCli));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('CSV, PNG and import', () => {
  it('CSV has a row per episode; PNG is a PNG of the canvas; JSON imports back as an overlay', async () => {
    const { page, errors } = await app.open('#env=bandit&seed=5', { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Pause' }).click();
    await runSeedsInPage(page, 8, 300);
    const csv = (await download(page, 'Export CSV')).data.toString('utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(2 + 300);
    expect(csv[1].split(',')).toEqual([
      'episode',
      ...['return', 'optimalAction'].flatMap((m) => ['mean', 'se', 'lo95', 'hi95'].map((w) => `A_${m}_${w}`)),
    ]);
    expect(csv[301].split(',')[0]).toBe('300');

    const png = (await download(page, 'Export PNG')).data;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const box = (await page.locator('canvas').boundingBox())!;
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(box.width));
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(Math.floor(box.height));
    expect(png.length).toBeGreaterThan(20_000);

    const json = (await download(page, 'Export JSON')).data;
    const file = resolve(shotsDir, '../export-bandit-8seeds.json');
    writeFileSync(file, json);
    await page.getByRole('button', { name: 'Clear bands' }).click();
    await page.getByLabel('Import JSON').setInputFiles(file);
    await expect
      .poll(async () => (await multiSeedState(page)).overlays)
      .toEqual([
        {
          id: expect.any(Number),
          label: 'bandit · score · average · lr 0.1 · seed 5 · 8 runs (95% CI)',
          imported: true,
        },
      ]);
    expect(await page.locator('#ex-message').innerText()).toMatch(/^Imported export-bandit-8seeds\.json/);
    await page.locator('#section-export').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(shotsDir, 'export-import-overlay-1280.png') });

    // a broken file: refused with a message in the section, the overlay kept
    const broken = resolve(shotsDir, '../export-broken.json');
    writeFileSync(broken, json.toString('utf8').replace('"runs":8', '"runs":0'));
    await page.getByLabel('Import JSON').setInputFiles(broken);
    await expect
      .poll(() => page.locator('#ex-error').innerText())
      .toBe('export-broken.json was not imported: run.runs must be a whole number from 1 to 1000000.');
    expect((await multiSeedState(page)).overlays).toHaveLength(1);
    await page.getByRole('button', { name: /^Remove / }).click();
    await expect.poll(async () => (await multiSeedState(page)).overlays).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 768×1024 the sections fit the sidebar', async () => {
    const { page, errors } = await app.open('#env=gridworld&seed=2', { width: 768, height: 1024 });
    await runSeedsInPage(page, 5, 100);
    const section = page.locator('#section-export');
    await section.scrollIntoViewIfNeeded();
    const s = (await section.boundingBox())!;
    for (const name of ['Export CSV', 'Export JSON', 'Export PNG']) {
      const b = (await page.getByRole('button', { name }).boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(s.x + s.width);
    }
    await page.screenshot({ path: resolve(shotsDir, 'export-768.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
