// runSeeds (src/app/multiSeed/runSeeds.ts) on its inline path (node has no module workers): the reports are
// exactly the CLI's train() for the same flags (bit for bit, incl. the A/B sweep), progress counts every
// seed of both arms, an abort rejects with an AbortError, and bad jobs reject with one clear line.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/algos/config';
import { runSeeds, validateSeedJob } from '../../src/app/multiSeed/runSeeds';
import { train } from '../../src/cli/train';
import { compileExpression } from '../../src/expr';

describe('runSeeds', () => {
  it('bandit, 6 seeds × 150 episodes: metrics and config equal `train --runs 6 --seed 11 --episodes 150`', async () => {
    const config = { ...defaultConfig('bandit'), seed: 11 };
    const progress: number[] = [];
    const res = await runSeeds(
      { config, compare: null, seeds: 6, episodes: 150 },
      { onProgress: (d, t) => progress.push(d * 100 + t) },
    );
    const cli = await train([
      ['env', 'bandit'],
      ['runs', '6'],
      ['seed', '11'],
      ['episodes', '150'],
    ]);
    expect(res.A.metrics).toEqual(cli.metrics);
    expect(res.A.config).toEqual(cli.config);
    expect([res.A.runs, res.A.episodes, res.B]).toEqual([6, 150, null]);
    expect(progress).toEqual([106, 206, 306, 406, 506, 606]);
  });

  it('Compare A/B is the CLI sweep over B’s override, on the same seeds', async () => {
    const config = { ...defaultConfig('gridworld'), baseline: 'average' as const, horizon: 30 };
    const res = await runSeeds(
      { config, compare: { baseline: 'none' }, seeds: 3, episodes: 25 },
      { workers: 2 },
    );
    const flags: [string, string][] = [
      ['env', 'gridworld'],
      ['horizon', '30'],
      ['runs', '3'],
      ['episodes', '25'],
    ];
    const a = await train([...flags, ['baseline', 'average']]);
    const b = await train([...flags, ['baseline', 'none']]);
    expect(res.A.metrics).toEqual(a.metrics);
    expect(res.B!.metrics).toEqual(b.metrics);
    expect(res.B!.config).toEqual(b.config);
  });

  it('continuous bandit (reward compiled per worker task): equals train with --reward', async () => {
    const config = {
      ...defaultConfig('continuous-bandit'),
      reward: 'exp(-(a-2)^2)',
      estimator: 'pathwise' as const,
    };
    const res = await runSeeds({ config, compare: { estimator: 'score' }, seeds: 3, episodes: 40 });
    const flags: [string, string][] = [
      ['env', 'continuous-bandit'],
      ['reward', 'exp(-(a-2)^2)'],
      ['runs', '3'],
      ['episodes', '40'],
    ];
    expect(res.A.metrics).toEqual((await train([...flags, ['estimator', 'pathwise']])).metrics);
    expect(res.B!.metrics).toEqual((await train([...flags, ['estimator', 'score']])).metrics);
    expect(res.A.metrics.return.mean).not.toEqual(res.B!.metrics.return.mean);
  });

  it('arm B without overrides is arm A exactly (common random numbers)', async () => {
    const config = defaultConfig('short-corridor');
    const res = await runSeeds({ config, compare: {}, seeds: 4, episodes: 30 });
    expect(res.B!.metrics).toEqual(res.A.metrics);
  });

  it('abort → AbortError, no result', async () => {
    const ctl = new AbortController();
    const p = runSeeds(
      { config: defaultConfig('bandit'), compare: null, seeds: 50, episodes: 100 },
      { signal: ctl.signal, onProgress: (d) => d === 3 && ctl.abort() },
    );
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a bad reward expression rejects with the compiler’s message; a diverging run with the CLI’s', async () => {
    const bad = { ...defaultConfig('continuous-bandit'), reward: 'a +* 2' };
    const msg = compileExpression('a +* 2', { variable: 'a' });
    expect(msg.ok).toBe(false);
    await expect(runSeeds({ config: bad, compare: null, seeds: 2, episodes: 5 })).rejects.toThrow(
      (msg as { error: string }).error,
    );
    const div = { ...defaultConfig('continuous-bandit'), reward: 'exp(a*a*a)', lr: 1000 };
    await expect(runSeeds({ config: div, compare: null, seeds: 2, episodes: 300 })).rejects.toThrow(
      'run 0 (seed 1), episode 2: update 2 produced a non-finite gradient (a reward was NaN or infinite?); the parameters were left unchanged',
    );
  });

  it('validates seeds and seeds × episodes', async () => {
    expect(validateSeedJob({ seeds: 0, episodes: 10 })).toMatch(
      /seeds must be a whole number from 1 to 1000/,
    );
    expect(validateSeedJob({ seeds: 1001, episodes: 10 })).toMatch(/1 to 1000/);
    expect(validateSeedJob({ seeds: 2.5, episodes: 10 })).toMatch(/got 2.5/);
    expect(validateSeedJob({ seeds: 1000, episodes: 20001 })).toMatch(
      /seeds × episodes is 20 001 000; at most 20 000 000 per arm/,
    );
    expect(validateSeedJob({ seeds: 1000, episodes: 20000 })).toBeNull();
    await expect(
      runSeeds({ config: defaultConfig('bandit'), compare: null, seeds: 0, episodes: 1 }),
    ).rejects.toThrow(/seeds must be/);
  });
});
