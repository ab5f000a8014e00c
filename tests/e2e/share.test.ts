// Sharing in Chromium, driven like a teacher and a student: a classroom link is built through the Share panel,
// opened in a fresh page (same config, chosen controls neither visible nor reachable with Tab, a banner that
// restores the teacher's setup), on the playground and on the lab; and named experiments are saved, reloaded,
// loaded and deleted, with a corrupt stored entry reported while the good ones still load.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shotsDir, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const WIDE = { width: 1280, height: 720 };
const TALL = { width: 768, height: 1024 };

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(shotsDir, `share-${name}.png`), fullPage });
}

/** Ids of the elements focused while pressing Tab `n` times from the top of the page (in order). */
async function tabIds(page: Page, n: number): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const seen: string[] = [];
    (window as unknown as { tabbed: string[] }).tabbed = seen;
    document.addEventListener('focusin', (e) => seen.push((e.target as HTMLElement).id));
  });
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
  return page.evaluate(() => (window as unknown as { tabbed: string[] }).tabbed);
}

/** The playground's config and view as the store holds them. */
function playgroundState(page: Page) {
  return page.evaluate(() => {
    const s = (
      window as unknown as {
        gradientWars: { store: { getState(): { config: unknown; speed: number; classroom: unknown } } };
      }
    ).gradientWars.store.getState();
    return { config: s.config, speed: s.speed, classroom: s.classroom };
  });
}

function labConfig(page: Page) {
  return page.evaluate(
    () =>
      (
        window as unknown as { gradientLab: { store: { getState(): { config: Record<string, unknown> } } } }
      ).gradientLab.store.getState().config,
  );
}

/** Ticks the given builder boxes, copies the classroom link and returns its hash part (with `#`). */
async function buildClassroomLink(page: Page, pageId: 'playground' | 'lab', ids: string[]): Promise<string> {
  await page.getByText('Classroom link: hide controls').click();
  for (const id of ids) await page.locator(`#hide-${pageId}-${id}`).check();
  await page.getByRole('button', { name: 'Copy classroom link' }).click();
  const field = page.getByLabel('Link to share', { exact: true });
  await expect.poll(() => field.inputValue()).toMatch(/hide=/);
  await expect
    .poll(() => page.locator(`#share-status-${pageId}`).innerText())
    .toMatch(/Copied|Could not copy/);
  const link = await field.inputValue();
  expect(link.startsWith(app.url)).toBe(true);
  return link.slice(link.indexOf('#'));
}

describe('classroom links', () => {
  /** The link the teacher built and the config it describes (made by the first test, opened by the second). */
  let link: { hash: string; config: unknown } | undefined;

  it('playground: the teacher builds a classroom link in the Share panel', async () => {
    const teacher = await app.open('#env=gridworld&seed=4', WIDE);
    await teacher.page.getByLabel('Baseline', { exact: true }).selectOption('loo');
    const lr = teacher.page.getByLabel('Learning rate', { exact: true });
    await lr.fill('0.2');
    await lr.press('Enter');
    await teacher.page.locator('#run-speed').fill('2');
    const setup = await playgroundState(teacher.page);
    const hash = await buildClassroomLink(teacher.page, 'playground', ['lr', 'seed', 'compare']);
    expect(hash).toContain('hide=lr,seed');
    expect(hash).toContain('compare');
    await teacher.page.locator('#section-share').scrollIntoViewIfNeeded();
    await shot(teacher.page, 'panel');
    expect(teacher.errors).toEqual([]);
    await teacher.page.close();
    link = { hash, config: setup.config };
  }, 180_000);

  it('playground: the student cannot see or reach those controls, and can restore the setup', async () => {
    const { hash, config } = link!;
    const setup = { config };
    const student = await app.open(hash, WIDE);
    const p = student.page;
    const got = await playgroundState(p);
    expect(got.config).toEqual(setup.config);
    expect(got.speed).toBe(2);
    await expect.poll(() => p.locator('#classroom-banner').isVisible()).toBe(true);
    for (const id of ['cfg-lr', 'cfg-lr-log', 'cfg-seed', 'cmp-enabled', 'btn-copy-link']) {
      expect(await p.locator(`#${id}`).isVisible(), id).toBe(false);
    }
    expect(await p.locator('#section-compare').isVisible()).toBe(false);
    await shot(p, 'classroom-playground');
    const reached = await tabIds(p, 60);
    expect(reached).toContain('cfg-baseline');
    expect(reached).toContain('btn-restore-setup');
    for (const id of ['cfg-lr', 'cfg-lr-log', 'cfg-seed', 'cmp-enabled', 'btn-copy-link']) {
      expect(reached).not.toContain(id);
    }

    // the student changes visible controls; the link keeps the teacher's setup; Restore brings it back
    await p.getByLabel('Baseline', { exact: true }).selectOption('none');
    await p.getByLabel('Discount γ').fill('0.5');
    await p.getByLabel('Discount γ').press('Enter');
    await expect.poll(() => p.evaluate(() => location.hash)).toContain('setup=');
    expect((await playgroundState(p)).config).not.toEqual(setup.config);
    await p.getByRole('button', { name: "Restore the teacher's setup" }).click();
    expect((await playgroundState(p)).config).toEqual(setup.config);
    await expect.poll(() => p.locator('#classroom-status').innerText()).toMatch(/Restored/);
    // the address is the teacher's link again; a reload keeps classroom mode (the hash still says hide=)
    await expect.poll(() => p.evaluate(() => location.hash)).toBe(hash);
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    expect(await p.locator('#cfg-lr').isVisible()).toBe(false);
    expect((await playgroundState(p)).config).toEqual(setup.config);

    const tall = await app.open(hash, TALL);
    await shot(tall.page, 'classroom-playground-768', true);
    expect([...student.errors, ...tall.errors]).toEqual([]);
    await tall.page.close();
    await p.close();
  }, 180_000);

  it('lab: the same, with old hide=<estimators> links still hiding estimators', async () => {
    const teacher = await app.open('lab.html#f=z%5E2&hide=loo', WIDE);
    expect((await labConfig(teacher.page)).hide).toEqual(['loo']);
    expect(await teacher.page.locator('#lab-show-loo').isChecked()).toBe(false);
    const mu = teacher.page.getByLabel('μ (mean)', { exact: true });
    await mu.fill('0.5');
    await mu.press('Enter');
    const setup = await labConfig(teacher.page);
    expect(setup.mu).toBe(0.5);
    const hash = await buildClassroomLink(teacher.page, 'lab', ['mu', 'race']);
    expect(hash).toContain('hide-estimators=loo');
    await teacher.page.locator('#section-share').scrollIntoViewIfNeeded();
    await shot(teacher.page, 'panel-lab');

    const student = await app.open(`lab.html${hash}`, WIDE);
    const p = student.page;
    expect(await labConfig(p)).toEqual(setup);
    await expect.poll(() => p.locator('#classroom-banner').isVisible()).toBe(true);
    for (const id of ['lab-mu', 'lab-mu-range', 'lab-lr', 'lab-mu0', 'lab-replay', 'btn-copy-link']) {
      expect(await p.locator(`#${id}`).isVisible(), id).toBe(false);
    }
    await shot(p, 'classroom-lab');
    const reached = await tabIds(p, 50);
    expect(reached).toContain('lab-sigma');
    for (const id of ['lab-mu', 'lab-mu-range', 'lab-lr', 'lab-mu0', 'lab-replay']) {
      expect(reached).not.toContain(id);
    }
    const sigma = p.getByLabel('σ (standard deviation)', { exact: true });
    await sigma.fill('2');
    await sigma.press('Enter');
    expect((await labConfig(p)).sigma).toBe(2);
    await p.getByRole('button', { name: "Restore the teacher's setup" }).click();
    expect(await labConfig(p)).toEqual(setup);
    const tall = await app.open(`lab.html${hash}`, TALL);
    await shot(tall.page, 'classroom-lab-768');
    expect([...teacher.errors, ...student.errors, ...tall.errors]).toEqual([]);
    await tall.page.close();
    await p.close();
    await teacher.page.close();
  }, 180_000);
});

describe('saved experiments', () => {
  it('save, reload, load and delete; a corrupt stored entry is reported while the good ones load', async () => {
    const { page: p, errors } = await app.open('#env=gridworld&map=cliff&seed=11', WIDE);
    await p.evaluate(() => localStorage.clear());
    const name = p.getByLabel('Experiment name', { exact: true });
    await name.fill('cliff, seed 11');
    await name.press('Enter');
    await expect.poll(() => p.locator('#exp-list-playground').innerText()).toContain('cliff, seed 11');
    const saved = (await playgroundState(p)).config;

    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    await p.getByRole('combobox', { name: 'Environment', exact: true }).selectOption('bandit');
    expect((await playgroundState(p)).config).not.toEqual(saved);
    await p.getByRole('button', { name: 'Load “cliff, seed 11”' }).click();
    expect((await playgroundState(p)).config).toEqual(saved);

    // a corrupt entry next to good ones (and an entry of the lab, not listed here)
    await p.evaluate(() => {
      const doc = JSON.parse(localStorage.getItem('gradient-wars:experiments')!);
      doc.experiments.push(
        { name: 'broken', page: 'playground', hash: { not: 'a link' }, savedAt: null },
        { name: 'bandit 3', page: 'playground', hash: '#env=bandit&seed=3', savedAt: '2026-11-27T12:00:00Z' },
        { name: 'lab run', page: 'lab', hash: '#f=z', savedAt: null },
      );
      localStorage.setItem('gradient-wars:experiments', JSON.stringify(doc));
    });
    await p.reload();
    await p.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => p.locator('#notices').innerText()).toMatch(/Saved experiments: "broken"/);
    const list = p.locator('#exp-list-playground');
    await expect.poll(() => list.innerText()).toContain('bandit 3');
    expect(await list.innerText()).not.toContain('lab run');
    await p.locator('#section-experiments').scrollIntoViewIfNeeded();
    await shot(p, 'experiments');
    await p.getByRole('button', { name: 'Load “bandit 3”' }).click();
    expect(((await playgroundState(p)).config as { env: string; seed: number }).seed).toBe(3);
    await p.getByRole('button', { name: 'Delete “cliff, seed 11”' }).click();
    await expect.poll(() => list.innerText()).not.toContain('cliff, seed 11');
    const stored = await p.evaluate(() => localStorage.getItem('gradient-wars:experiments')!);
    expect(stored).toContain('broken');
    expect(stored).toContain('lab run');
    expect(errors).toEqual([]);
    await p.close();
  });
});
