// Every environment view draws, and a screenshot of each is saved under test-results/screenshots/.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkFraction, shotsDir, startApp, type AppHandle } from './harness';

let app: AppHandle;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const cases: [string, string][] = [
  ['bandit', '#env=bandit&seed=3'],
  ['gridworld', '#env=gridworld&seed=3'],
  ['gridworld-cliff', '#env=gridworld&map=cliff&seed=3'],
  ['short-corridor', '#env=short-corridor&seed=3'],
  ['continuous-bandit', '#env=continuous-bandit&seed=3'],
  ['point-mass', '#env=point-mass&seed=3'],
  ['compare-bandit', '#env=bandit&seed=3&compare=1&b-baseline=none'],
  ['compare-pathwise', '#env=continuous-bandit&seed=3&compare=1&b-estimator=score'],
];

describe('environment views', () => {
  for (const [name, hash] of cases) {
    it(`${name}: the canvas draws and is saved`, async () => {
      const { page, errors } = await app.open(hash);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForTimeout(2500);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForTimeout(400);
      expect(await inkFraction(page)).toBeGreaterThan(0.03);
      await page.screenshot({ path: resolve(shotsDir, `${name}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
