// The automated accessibility audit: axe-core (injected into the built pages) with the WCAG 2.0/2.1 A and AA
// rules, over the playground's main states, the lab and the lessons page (also with a verdict shown). No violation of
// impact "serious" or "critical" is allowed; a failure lists each one's id, impact, targets and summary.
import { resolve } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shotsDir, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** The rule sets audited: WCAG 2.0 and 2.1, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One axe violation, flattened for the failure message. */
interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

/** Runs axe on the page; returns the serious and critical violations, and the number of rules that passed. */
async function audit(page: Page): Promise<{ findings: Finding[]; passes: number }> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const r = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const findings = r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s*\n\s*/g, ' '),
      }));
    return { findings, passes: r.passes.length };
  }, TAGS);
}

/** Fails with every finding spelled out. */
function expectClean(where: string, result: { findings: Finding[]; passes: number }): void {
  const text = result.findings
    .map((f) => `- ${f.id} (${f.impact}): ${f.help}\n    at ${f.targets.join(', ')}\n    ${f.summary}`)
    .join('\n');
  expect(text, `${where}: serious/critical accessibility violations\n${text}`).toBe('');
  // the audit really ran over the page (a blank page passes almost nothing)
  expect(result.passes).toBeGreaterThan(10);
}

describe('axe-core audit (WCAG 2.x A/AA): no serious or critical violations', () => {
  it('playground: the default bandit, also at 768×1024', async () => {
    for (const size of [
      { width: 1280, height: 720 },
      { width: 768, height: 1024 },
    ]) {
      const { page, errors } = await app.open('#env=bandit&seed=3', size);
      await page.getByRole('button', { name: 'Step' }).click();
      expectClean(`bandit ${size.width}×${size.height}`, await audit(page));
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('playground: gridworld with the map editor open', async () => {
    const { page, errors } = await app.open('#env=gridworld&seed=2');
    await page.getByLabel('Edit map').check();
    await expect.poll(() => page.locator('#view-brush').isDisabled()).toBe(false);
    expectClean('gridworld editor', await audit(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('playground: continuous bandit, with a refused reward expression', async () => {
    const { page, errors } = await app.open('#env=continuous-bandit&seed=2');
    expectClean('continuous bandit', await audit(page));
    const reward = page.getByLabel('r(a)', { exact: true });
    await reward.fill('exp(-(a-2)^2');
    await reward.press('Tab');
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expectClean('continuous bandit, bad r(a)', await audit(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('playground: Compare A/B on and the run paused after a step (Explain panel)', async () => {
    const { page, errors } = await app.open('#env=short-corridor&seed=4');
    await page.getByLabel('Compare A/B').check();
    await page.getByRole('button', { name: 'Step' }).click();
    expectClean('compare', await audit(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('playground and lab: the messages list with notices from a malformed link', async () => {
    for (const path of ['#env=bandit&lr=banana', 'lab.html#mu=banana']) {
      const { page, errors } = await app.open(path);
      await expect.poll(() => page.locator('.notice').count()).toBeGreaterThan(0);
      expectClean(`notices on ${path}`, await audit(page));
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('playground: the keyboard-shortcuts dialog open', async () => {
    const { page, errors } = await app.open('#env=bandit');
    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    await page.screenshot({ path: resolve(shotsDir, 'a11y-help-dialog.png') });
    expectClean('help dialog', await audit(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('playground: the Share panel with the classroom builder open, then a classroom link', async () => {
    const { page, errors } = await app.open('#env=bandit');
    await page.getByText('Classroom link: hide controls').click();
    expectClean('share panel open', await audit(page));
    await page.goto(`${app.url}#env=gridworld&hide=lr,seed,compare`);
    await page.waitForSelector('text=Restore the teacher');
    expectClean('classroom mode', await audit(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lab: the default page and its help dialog', async () => {
    const { page, errors } = await app.open('lab.html');
    expectClean('lab', await audit(page));
    await page.keyboard.press('Shift+Slash');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    expectClean('lab help dialog', await audit(page));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lessons: the list, a lesson, and a lesson showing its verdict', async () => {
    const { page, errors } = await app.open('lessons.html');
    expectClean('lessons list', await audit(page));
    await page.locator('main a[href*="lessons.html#"]').first().click();
    await page.waitForLoadState('domcontentloaded');
    await page.waitForTimeout(300);
    expectClean('a lesson', await audit(page));
    // predict → lock in → run: the verdict, the chart captions and the links must pass too
    await page.goto(`${app.url}lessons.html#lesson=batch-size`);
    await page.locator('input[type="radio"]').first().check();
    await page.click('#btn-lock');
    await page.click('#btn-run');
    await page.waitForSelector('.verdict-head', { timeout: 90_000 });
    expectClean('a lesson with its verdict', await audit(page));
    expect(errors).toEqual([]);
    await page.close();
  });
});
