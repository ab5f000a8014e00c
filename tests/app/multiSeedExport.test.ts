// Exports of src/app/multiSeed/: the CSV (one row per episode; mean, se and mean ∓ t₀.₉₇₅(R−1)·se per arm and
// metric), the bands drawn from a report (stride sampling that keeps the last episode), and the live
// agent's exact episode log, which must equal `train --runs 1` for the same config and seed — unless a
// hyperparameter changed during the run, which the log records.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/algos/config';
import { ci95Multiplier } from '../../src/algos/studentT';
import { AgentRunner } from '../../src/app/AgentRunner';
import { bandOf } from '../../src/app/multiSeed/overlay';
import { reportsCsv } from '../../src/app/multiSeed/reportCsv';
import { train } from '../../src/cli/train';

describe('reportsCsv', () => {
  it('header, one row per episode, CI from Student’s t over the runs', async () => {
    const a = await train([
      ['env', 'bandit'],
      ['runs', '5'],
      ['episodes', '12'],
    ]);
    const b = await train([
      ['env', 'bandit'],
      ['runs', '5'],
      ['episodes', '12'],
      ['baseline', 'none'],
    ]);
    const lines = reportsCsv([a, b]).trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^"# A: bandit · score · average · lr 0.1 · seed 1 · 5 runs; B: bandit · score · none/,
    );
    const head = lines[1].split(',');
    expect(head.slice(0, 5)).toEqual([
      'episode',
      'A_return_mean',
      'A_return_se',
      'A_return_lo95',
      'A_return_hi95',
    ]);
    expect(head).toHaveLength(1 + 2 * 2 * 4);
    expect(head[9]).toBe('B_return_mean');
    expect(lines).toHaveLength(2 + 12);
    const t = ci95Multiplier(5);
    expect(t).toBeCloseTo(2.776445, 5);
    const row = lines[2 + 7].split(',').map(Number);
    expect(row[0]).toBe(8);
    expect(row[1]).toBe(a.metrics.return.mean[7]);
    expect(row[2]).toBe(a.metrics.return.se[7]);
    expect(row[3]).toBe(a.metrics.return.mean[7] - t * a.metrics.return.se[7]);
    expect(row[4]).toBe(a.metrics.return.mean[7] + t * a.metrics.return.se[7]);
    expect(row[13]).toBe(b.metrics.optimalAction!.mean[7]);
  });

  it('one run: empty interval cells', async () => {
    const a = await train([
      ['env', 'short-corridor'],
      ['runs', '1'],
      ['episodes', '3'],
    ]);
    const lines = reportsCsv([a]).trimEnd().split('\n');
    expect(lines[1]).toBe(
      'episode,A_return_mean,A_return_se,A_return_lo95,A_return_hi95,A_length_mean,A_length_se,A_length_lo95,A_length_hi95',
    );
    expect(lines[2]).toBe(`1,${a.metrics.return.mean[0]},0,,,${a.metrics.length!.mean[0]},0,,`);
  });
});

describe('bandOf', () => {
  it('samples at a stride, keeps the last episode, interval = mean ± t·se', () => {
    const n = 2504;
    const stats = {
      mean: Array.from({ length: n }, (_, i) => i / 10),
      se: Array.from({ length: n }, () => 0.5),
    };
    const band = bandOf(stats, 30, 1000);
    const t = ci95Multiplier(30);
    expect(band.x[0]).toBe(1);
    expect(band.x[1]).toBe(4);
    expect(band.x[band.x.length - 1]).toBe(n);
    expect(band.x.length).toBe(Math.ceil(n / 3) + 1);
    expect(band.lo[1]).toBeCloseTo(0.3 - 0.5 * t, 12);
    expect(band.hi[band.x.length - 1]).toBeCloseTo((n - 1) / 10 + 0.5 * t, 12);
    const short = bandOf({ mean: [1, 2, 3], se: [0, 0, 0] }, 1);
    expect([...short.x]).toEqual([1, 2, 3]);
    expect([...short.lo]).toEqual([1, 2, 3]);
  });
});

describe('EpisodeLog (live export)', () => {
  for (const env of ['bandit', 'gridworld'] as const)
    it(`${env}: the live agent's log is exactly train --runs 1 over the episodes finished`, async () => {
      const config = { ...defaultConfig(env), seed: 4 };
      const agent = new AgentRunner('A', 'A', 0, config);
      agent.advance(env === 'bandit' ? 333 : 2000);
      const rep = agent.log.report();
      expect(rep.episodes).toBeGreaterThan(5);
      const cli = await train([
        ['env', env],
        ['seed', '4'],
        ['runs', '1'],
        ['episodes', String(rep.episodes)],
      ]);
      expect(rep.metrics).toEqual(cli.metrics);
      expect(rep.config).toEqual(cli.config);
      expect(rep.liveEdits).toBeUndefined();
    });

  it('an edit before the first episode becomes the config; a later one is recorded', async () => {
    const config = defaultConfig('bandit');
    const agent = new AgentRunner('A', 'A', 0, config);
    agent.applyLive({ ...config, lr: 0.4 });
    agent.advance(50);
    expect(agent.log.report().config.lr).toBe(0.4);
    const cli = await train([
      ['env', 'bandit'],
      ['lr', '0.4'],
      ['runs', '1'],
      ['episodes', '50'],
    ]);
    expect(agent.log.report().metrics).toEqual(cli.metrics);
    agent.applyLive({ ...config, lr: 0.4, baseline: 'none' });
    expect(agent.log.report().liveEdits).toEqual(['baseline average → none after episode 50']);
  });

  const fn = (source: string, f: (a: number) => number, df: (a: number) => number) => ({ f, df, source });
  const quadratic = fn(
    '-(a-2)^2',
    (a) => -((a - 2) ** 2),
    (a) => -2 * (a - 2),
  );
  const shifted = fn(
    '-(a-3)^2',
    (a) => -((a - 3) ** 2),
    (a) => -2 * (a - 3),
  );

  it('continuous bandit: a reward swapped live is recorded (before the first episode it is the config)', async () => {
    const config = defaultConfig('continuous-bandit');
    const early = new AgentRunner('A', 'A', 0, config, quadratic);
    early.applyLive({ ...config, reward: '-(a-3)^2' }, shifted);
    early.advance(30);
    const rep = early.log.report();
    expect(rep.config.reward).toBe('-(a-3)^2');
    expect(rep.liveEdits).toBeUndefined();
    const cli = await train([
      ['env', 'continuous-bandit'],
      ['reward', '-(a-3)^2'],
      ['runs', '1'],
      ['episodes', String(rep.episodes)],
    ]);
    expect(rep.metrics).toEqual(cli.metrics);

    const late = new AgentRunner('A', 'A', 0, config, quadratic);
    late.advance(20);
    const n = late.log.count;
    expect(n).toBeGreaterThan(0);
    late.applyLive({ ...config, reward: '-(a-3)^2' }, shifted);
    // the same reward again (another live edit re-applies it) is not a change
    late.applyLive({ ...config, reward: '-(a-3)^2', lr: config.lr }, shifted);
    expect(late.log.report().config.reward).toBe('-(a-2)^2');
    expect(late.log.report().liveEdits).toEqual([`r(a) -(a-2)^2 → -(a-3)^2 after episode ${n}`]);
  });

  it('a diverged episode is not logged: the export ends before it, as train would, and says why', async () => {
    // the CLI's `--reward "exp(a*a*a)" --lr 1000` diverges in episode 2 (tests/algos/trainReport.test.ts)
    const config = { ...defaultConfig('continuous-bandit'), lr: 1000, reward: 'exp(a*a*a)' };
    const cube = fn(
      'exp(a*a*a)',
      (a) => Math.exp(a * a * a),
      (a) => 3 * a * a * Math.exp(a * a * a),
    );
    const agent = new AgentRunner('A', 'A', 0, config, cube);
    for (let i = 0; i < 20 && !agent.run.trainer.error; i++) agent.advance(1);
    expect(agent.run.trainer.error).toMatch(/non-finite gradient/);
    agent.advance(10);
    const rep = agent.log.report();
    expect(rep.episodes).toBe(1);
    expect(rep.stopped).toMatch(
      /^training diverged in episode 2 \(.*non-finite gradient.*\); the log ends at episode 1$/,
    );
    const cli = await train([
      ['env', 'continuous-bandit'],
      ['reward', 'exp(a*a*a)'],
      ['lr', '1000'],
      ['runs', '1'],
      ['episodes', '1'],
    ]);
    expect(rep.metrics).toEqual(cli.metrics);
  });
});
