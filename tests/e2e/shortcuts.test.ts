// Keyboard shortcuts and reduced motion in Chromium: Space, →, r, b and ? on the playground (and r, n, ? on
// the lab) do what the help says, never while typing, never twice on a focused button, never scrolling the
// page; the help dialog takes focus and gives it back; prefers-reduced-motion makes the agent jump.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Plain numbers of the playground store (the `gradientWars` console handle). */
async function state(
  page: Page,
): Promise<{ playing: boolean; runId: number; steps: number; baseline: string }> {
  return page.evaluate(() => {
    const s = (
      window as unknown as {
        gradientWars: {
          store: {
            getState(): {
              playing: boolean;
              runId: number;
              stepRequests: number;
              config: { baseline: string };
            };
          };
        };
      }
    ).gradientWars.store.getState();
    return { playing: s.playing, runId: s.runId, steps: s.stepRequests, baseline: s.config.baseline };
  });
}

const announced = (page: Page) => page.locator('#announce').innerText();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('playground shortcuts', () => {
  it('Space plays and pauses without scrolling; → steps once when paused; r resets; b cycles the baseline', async () => {
    // portrait tablet: the page scrolls here, so Space must not scroll it
    const { page, errors } = await app.open('#env=bandit&seed=3', { width: 768, height: 1024 });
    const s0 = await state(page);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#btn-play').innerText()).toBe('Pause');
    expect(await announced(page)).toMatch(/^Playing/);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#btn-play').innerText()).toBe('Play');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await page.keyboard.press('ArrowRight');
    const s1 = await state(page);
    expect(s1).toMatchObject({ playing: false, steps: s0.steps + 1 });
    expect(await announced(page)).toMatch(/^Stepped to the next update/);

    await page.keyboard.press('r');
    expect((await state(page)).runId).toBe(s1.runId + 1);
    expect(await announced(page)).toMatch(/^Reset \(seed 3\)/);

    const select = page.getByLabel('Baseline', { exact: true });
    expect(await select.inputValue()).toBe('average');
    await page.keyboard.press('b');
    await expect.poll(() => select.inputValue()).toBe('ema');
    await page.keyboard.press('b');
    await expect.poll(() => select.inputValue()).toBe('learned');
    expect(await announced(page)).toMatch(/^Baseline: Learned V\(s\)/);
    // a baseline switch is live: no rebuild
    expect((await state(page)).runId).toBe(s1.runId + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Space on a focused button presses it once; keys typed into a field are text, not shortcuts', async () => {
    const { page, errors } = await app.open('#env=bandit&seed=3');
    await page.locator('#btn-play').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#btn-play').innerText()).toBe('Pause');
    expect((await state(page)).playing).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#btn-play').innerText()).toBe('Play');

    const before = await state(page);
    const seed = page.getByLabel('Seed', { exact: true });
    await seed.focus();
    await page.keyboard.press('r');
    await page.keyboard.press('b');
    await page.keyboard.press('Space');
    expect(await state(page)).toEqual(before);
    expect(await page.locator('dialog').first().isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('b with the pathwise estimator changes nothing and says so', async () => {
    const { page, errors } = await app.open('#env=continuous-bandit&seed=2');
    const before = await state(page);
    await page.keyboard.press('b');
    await expect.poll(() => announced(page)).toMatch(/pathwise estimator uses no baseline/);
    expect(await state(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('? opens the shortcuts dialog with focus inside; Esc closes it and focus returns to the opener', async () => {
    const { page, errors } = await app.open('#env=bandit');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.locator('#btn-step').focus();
    await page.keyboard.press('Shift+Slash');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    expect(await dialog.locator('kbd').allInnerTexts()).toEqual(['Space', '→', 'r', 'b', '?']);
    // shortcuts are off while the dialog is open
    const before = await state(page);
    await page.keyboard.press('r');
    expect(await state(page)).toEqual(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => focusedId(page)).toBe('btn-step'); // the dialog's close event (focus return) is a queued task

    // the header button: keyboard-activated, closed with the Close button, focus back on the button
    const button = page.getByRole('button', { name: /Keyboard shortcuts/ });
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Shift+?');
    const keysOf = (sel: string) => page.locator(sel).getAttribute('aria-keyshortcuts');
    expect(await Promise.all(['#btn-play', '#btn-step', '#btn-reset', '#cfg-baseline'].map(keysOf))).toEqual([
      'Space',
      'ArrowRight',
      'R',
      'B',
    ]);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => focusedId(page)).toBe('help-button'); // the dialog's close event (focus return) is a queued task
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the skip link is the first stop and moves past the header and the controls', async () => {
    const { page, errors } = await app.open('#env=bandit');
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: 'Skip to main content' });
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    expect((await link.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // the configuration lives in the hash: the skip link must not replace it with "#main"
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await page.locator('.notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('lab shortcuts', () => {
  it('n draws a new seed, g switches ∂/∂μ and ∂/∂σ, ? opens the help', async () => {
    const { page, errors } = await app.open('lab.html');
    const seed = page.getByLabel('Seed', { exact: true });
    const first = await seed.inputValue();
    await page.keyboard.press('n');
    await expect.poll(() => seed.inputValue()).not.toBe(first);
    await expect.poll(() => page.locator('#lab-announce').innerText()).toMatch(/^New seed \d+/);
    const param = page.getByLabel('Gradient component');
    expect(await param.inputValue()).toBe('mu');
    await page.keyboard.press('g');
    await expect.poll(() => param.inputValue()).toBe('sigma');
    await page.keyboard.press('Shift+Slash');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('kbd').allInnerTexts()).toEqual(['r', 'n', 'g', '?']);
    const keysOf = (sel: string) => page.locator(sel).getAttribute('aria-keyshortcuts');
    expect(await Promise.all(['#lab-replay', '#lab-new-seed', '#lab-param'].map(keysOf))).toEqual([
      'R',
      'N',
      'G',
    ]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => focusedId(page)).toBe('help-button'); // the dialog's close event (focus return) is a queued task
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Watches the gridworld agent over animation frames at 2 steps/s until it has moved twice: the tween's
 * progress every frame (1 = resting on a cell) and how many moves were seen. Reads the views through the
 * page's `gradientWars` handle (StageView's env views and their tween).
 */
async function watchMoves(page: Page): Promise<{ progress: number[]; moves: number; reduced: boolean }> {
  return page.evaluate(async () => {
    type Handle = {
      runner: { frame: { agents: { env: { agentCell: number } }[] } };
      view: { envViews: { tween: { progress: number } }[] };
      viewOptions(): { reducedMotion?: boolean };
    };
    const g = (window as unknown as { gradientWars: Handle }).gradientWars;
    const progress: number[] = [];
    let moves = 0;
    let cell = g.runner.frame.agents[0].env.agentCell;
    // from the first move on (a glide begun before the watch may still be running)
    for (let i = 0; i < 600 && moves < 2; i++) {
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = g.runner.frame.agents[0].env.agentCell;
      if (now !== cell) moves++;
      cell = now;
      if (moves > 0) progress.push(g.view.envViews[0].tween.progress);
    }
    return { progress, moves, reduced: g.viewOptions().reducedMotion === true };
  });
}

describe('prefers-reduced-motion', () => {
  const hash = '#env=gridworld&map=open5x5&seed=2';
  const slow = async (page: Page) => {
    await page.locator('#run-speed').fill('0');
    await page.getByRole('button', { name: 'Play' }).click();
  };

  it('moves glide at 2 steps/s normally, and jump when reduced motion is asked for (at load or later)', async () => {
    const { page, errors } = await app.open(hash);
    await slow(page);
    const glide = await watchMoves(page);
    expect(glide.reduced).toBe(false);
    expect(glide.moves).toBe(2);
    expect(glide.progress.some((p) => p > 0 && p < 1)).toBe(true);

    // switched on while the page runs: the media query's change event reaches the views
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect
      .poll(() => page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches))
      .toBe(true);
    const after = await watchMoves(page);
    expect(after.reduced).toBe(true);
    expect(after.moves).toBe(2);
    expect(after.progress.every((p) => p === 1)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();

    // asked for before the page loads
    const context = await app.browser.newContext({
      reducedMotion: 'reduce',
      viewport: { width: 1280, height: 720 },
    });
    const page2 = await context.newPage();
    await page2.goto(app.url + hash);
    await page2.waitForSelector('body[data-ready="true"]');
    await slow(page2);
    const jump = await watchMoves(page2);
    expect(jump.reduced).toBe(true);
    expect(jump.moves).toBe(2);
    expect(jump.progress.every((p) => p === 1)).toBe(true);
    await context.close();
  });
});
