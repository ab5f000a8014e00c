// The playground driven like a person: through its labelled controls, reading the status line and pixels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inkFraction, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Numbers of the status line: episode and step counts of agent A. */
async function status(page: Page): Promise<{ text: string; episodes: number; steps: number }> {
  const text = (await page.locator('#status').innerText()).trim();
  const num = (re: RegExp) => Number((text.match(re)?.[1] ?? 'NaN').replace(/[\s,\u202f\u00a0]/g, ''));
  return { text, episodes: num(/Episode ([\d\s,\u202f\u00a0]+)/), steps: num(/step ([\d\s,\u202f\u00a0]+)/) };
}

async function waitForEpisodes(page: Page, atLeast: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const s = await status(page);
    if (s.episodes >= atLeast) return s.episodes;
    await page.waitForTimeout(100);
  }
  throw new Error(`status never reached ${atLeast} episodes: ${(await status(page)).text}`);
}

describe('the playground in Chromium', () => {
  it('Play advances the episode counter, and the button says Pause while running', async () => {
    const { page, errors } = await app.open('#env=bandit&seed=2');
    const play = page.getByRole('button', { name: 'Play' });
    await play.click();
    await expect.poll(() => page.locator('#btn-play').innerText()).toBe('Pause');
    const n = await waitForEpisodes(page, 50);
    expect(n).toBeGreaterThanOrEqual(50);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switching the baseline mid-run keeps the run going (no reset)', async () => {
    const { page, errors } = await app.open('#env=gridworld&seed=4');
    await page.locator('#run-speed').fill('4');
    await page.getByRole('button', { name: 'Play' }).click();
    const before = await waitForEpisodes(page, 20);
    await page.getByLabel('Baseline', { exact: true }).selectOption('average');
    await page.waitForTimeout(600);
    const after = await status(page);
    expect(after.episodes).toBeGreaterThanOrEqual(before);
    expect(after.text).toContain('baseline: average');
    await page.getByLabel('Baseline', { exact: true }).selectOption('none');
    await page.waitForTimeout(400);
    expect((await status(page)).episodes).toBeGreaterThanOrEqual(after.episodes);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Reset, then the same number of Steps, reproduces the same numbers', async () => {
    const { page, errors } = await app.open('#env=short-corridor&seed=9');
    const runSteps = async () => {
      await page.getByRole('button', { name: 'Reset' }).click();
      await page.waitForTimeout(300);
      for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step' }).click();
      await page.waitForTimeout(700);
      return (await status(page)).text;
    };
    const first = await runSteps();
    const second = await runSteps();
    expect(first).toMatch(/Episode 5\b/);
    expect(second).toBe(first);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the configuration round-trips through the URL hash', async () => {
    const { page, errors } = await app.open('#env=bandit&seed=1');
    await page.getByRole('combobox', { name: 'Environment', exact: true }).selectOption('gridworld');
    await page.getByLabel('Baseline', { exact: true }).selectOption('learned');
    await page.getByLabel('Learning rate', { exact: true }).fill('0.05');
    await page.getByLabel('Learning rate', { exact: true }).press('Enter');
    await page.getByLabel('Seed', { exact: true }).fill('5');
    await page.getByLabel('Seed', { exact: true }).press('Enter');
    await page.waitForTimeout(800);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('env=gridworld');
    expect(hash).toContain('lr=0.05');
    expect(hash).toContain('seed=5');
    const again = await app.open(hash);
    expect(await again.page.getByRole('combobox', { name: 'Environment', exact: true }).inputValue()).toBe(
      'gridworld',
    );
    expect(await again.page.getByLabel('Baseline', { exact: true }).inputValue()).toBe('learned');
    expect(Number(await again.page.getByLabel('Learning rate', { exact: true }).inputValue())).toBe(0.05);
    expect(await again.page.getByLabel('Seed', { exact: true }).inputValue()).toBe('5');
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('a hostile hash is ignored with a notice and the app keeps running', async () => {
    const { page, errors } = await app.open(
      '#env=nope&lr=-1&seed=abc&__proto__=1&constructor=x&map=%E0%A4%A&reward=' + 'x'.repeat(3000),
    );
    await expect.poll(() => page.locator('#notices').innerText()).toMatch(/Ignored/);
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForEpisodes(page, 5);
    expect(await inkFraction(page)).toBeGreaterThan(0.02);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a hostile reward expression shows an inline message and keeps the last good reward', async () => {
    const { page, errors } = await app.open('#env=continuous-bandit&seed=1');
    const field = page.getByLabel('r(a)', { exact: true });
    const good = await field.inputValue();
    await field.fill('import("x") + a');
    await expect.poll(() => page.locator('#cfg-reward-error').innerText(), { timeout: 5000 }).toMatch(/\S/);
    await page.waitForTimeout(500);
    const hash = await page.evaluate(() => decodeURIComponent(location.hash));
    expect(hash).not.toContain('import');
    await field.fill('a > 1 ? 1 : 0');
    await expect.poll(() => page.locator('#cfg-reward-note').innerText(), { timeout: 5000 }).toMatch(/blind/);
    expect(good.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a huge learning rate pauses the run with a message instead of crashing', async () => {
    const { page, errors } = await app.open('#env=continuous-bandit&estimator=score&lr=100000&seed=1');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.locator('#run-error').innerText(), { timeout: 10_000 })
      .toMatch(/non-finite/);
    await expect.poll(() => page.locator('#btn-play').innerText()).toBe('Play');
    expect(errors).toEqual([]);
    await page.close();
  });
});
