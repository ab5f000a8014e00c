// CLI smoke tests: spawn the real command (`npm run -s cli -- …`, i.e. package.json's "cli" script) and check
// the JSON contracts of `train` and `estimate`, the table output, one-line user errors with exit code 2, and
// that the CLI's run 0 is exactly the in-process run for the same config and seed. The commands run one after
// another in beforeAll: the "cli" script rebuilds its bundle into one shared folder on every call, so
// concurrent invocations could read a half-written file. More error paths are checked in process, through the
// same train/estimate functions the command calls.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/algos/config';
import { createRun, optimalArmOf } from '../../src/algos/run';
import { EPISODE_END } from '../../src/algos/trainer';
import { UsageError } from '../../src/cli/args';
import { estimate } from '../../src/cli/estimate';
import { train } from '../../src/cli/train';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Result> {
  return new Promise((res, rej) => {
    const child = spawn('npm', ['run', '-s', 'cli', '--', ...args], {
      cwd: root,
      env: { ...process.env, GW_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
  });
}

const commands = {
  banditJson: ['train', '--env', 'bandit', '--runs', '3', '--episodes', '50', '--json'],
  banditJsonAgain: ['train', '--env', 'bandit', '--runs', '3', '--episodes', '50', '--json'],
  gridJson: [
    'train',
    '--env',
    'gridworld',
    '--runs',
    '2',
    '--episodes',
    '20',
    '--horizon',
    '30',
    '--slip',
    '0.1',
    '--json',
  ],
  corridorTable: ['train', '--env', 'short-corridor', '--runs', '2', '--episodes', '40'],
  estimate: [
    'estimate',
    '--f',
    'cos(3*z)',
    '--mu',
    '1',
    '--sigma',
    '1',
    '--samples',
    '20000',
    '--seed',
    '3',
    '--json',
  ],
  entryPoint: [
    'train',
    '--env',
    'bandit',
    '--runs',
    '1',
    '--episodes',
    '40',
    '--seed',
    '7',
    '--arms',
    '5',
    '--baseline',
    'loo',
    '--batch',
    '2',
    '--lr=0.3',
    '--json',
  ],
  sweep: [
    'train',
    '--env',
    'bandit',
    '--runs',
    '2',
    '--episodes',
    '10',
    '--baseline',
    'average,none',
    '--json',
  ],
  sweepNone: ['train', '--env', 'bandit', '--runs', '2', '--episodes', '10', '--baseline', 'none', '--json'],
  badFlagValue: ['train', '--lr', 'abc'],
  unknownEnv: ['train', '--env', 'mountain-car'],
  malformedMap: ['train', '--env', 'gridworld', '--map', 'S.Q/..G'],
  badExpression: ['estimate', '--f', 'sin('],
} as const;

type Name = keyof typeof commands;
const results = {} as Record<Name, Result>;

beforeAll(async () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts.cli, 'package.json needs a "cli" script').toBeTruthy();
  for (const name of Object.keys(commands) as Name[]) results[name] = await cli([...commands[name]]);
}, 120_000);

function json(name: Name): Record<string, unknown> {
  const r = results[name];
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  const lines = r.stdout.trim().split('\n');
  expect(lines.length).toBe(1); // one JSON object on one line
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

interface Series {
  mean: number[];
  se: number[];
}

describe('train --json', () => {
  it('bandit: {"command":"train","config":{…},"runs":3,"episodes":50,"metrics":{"return","optimalAction"},"elapsedMs"}', () => {
    const rep = json('banditJson');
    expect(Object.keys(rep).sort()).toEqual([
      'command',
      'config',
      'elapsedMs',
      'episodes',
      'metrics',
      'runs',
    ]);
    expect(rep.command).toBe('train');
    expect(rep.runs).toBe(3);
    expect(rep.episodes).toBe(50);
    expect(rep.config).toEqual(defaultConfig('bandit'));
    expect(typeof rep.elapsedMs === 'number' && rep.elapsedMs >= 0).toBe(true);
    const m = rep.metrics as Record<string, Series>;
    expect(Object.keys(m).sort()).toEqual(['optimalAction', 'return']);
    for (const s of [m.return, m.optimalAction]) {
      expect(s.mean.length).toBe(50);
      expect(s.se.length).toBe(50);
      expect(s.se.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    }
    // 3 runs: the fraction of runs that pulled the optimal arm is a multiple of 1/3.
    for (const x of m.optimalAction.mean) expect(Math.abs(x * 3 - Math.round(x * 3))).toBeLessThan(1e-6);
  });

  it('the same command twice gives identical metrics (seeded)', () => {
    const a = json('banditJson');
    const b = json('banditJsonAgain');
    expect(b.metrics).toEqual(a.metrics);
    expect(b.config).toEqual(a.config);
  });

  it('gridworld: metrics.length (episode lengths ≤ the horizon), no optimalAction', () => {
    const rep = json('gridJson');
    const m = rep.metrics as Record<string, Series>;
    expect(Object.keys(m).sort()).toEqual(['length', 'return']);
    expect(m.length.mean.length).toBe(20);
    for (const x of m.length.mean) expect(x >= 1 && x <= 30).toBe(true);
    expect(rep.config).toEqual({ ...defaultConfig('gridworld'), horizon: 30, slip: 0.1 });
  });

  it('CLI run 0 with seed s is exactly the in-process createRun(config with seed s) (determinism across entry points)', () => {
    const rep = json('entryPoint');
    const { config, errors } = parseConfig([
      ['env', 'bandit'],
      ['seed', '7'],
      ['arms', '5'],
      ['baseline', 'loo'],
      ['batch', '2'],
      ['lr', '0.3'],
    ]);
    expect(errors).toEqual([]);
    expect(rep.config).toEqual(config);
    const run = createRun(config);
    const best = optimalArmOf(run);
    const returns: number[] = [];
    const optimal: number[] = [];
    for (let e = 0; e < 40; e++) {
      while (!(run.trainer.step() & EPISODE_END));
      // The CLI rounds its series to 8 significant digits.
      returns.push(Number(run.trainer.stats.lastReturn.toPrecision(8)));
      optimal.push(run.trainer.stats.lastAction === best ? 1 : 0);
    }
    const m = rep.metrics as Record<string, Series>;
    expect(m.return.mean).toEqual(returns);
    expect(m.optimalAction.mean).toEqual(optimal);
    expect(m.return.se.every((x) => x === 0)).toBe(true);
  });
});

describe('train sweep (comma-separated values)', () => {
  it('--baseline average,none → {"command":"sweep","reports":[…]} whose entries equal the single runs', () => {
    const rep = json('sweep') as { command: string; reports: Record<string, unknown>[] };
    expect(rep.command).toBe('sweep');
    expect(rep.reports.map((r) => (r.config as { baseline: string }).baseline)).toEqual(['average', 'none']);
    const single = json('sweepNone');
    expect(rep.reports[1].metrics).toEqual(single.metrics);
    expect(rep.reports[1].config).toEqual(single.config);
    expect(rep.reports[0].metrics).not.toEqual(single.metrics);
  });
});

describe('train (table)', () => {
  it('short corridor: a header naming the run, column titles, rows from episode 1 to 40 with a length column', () => {
    const r = results.corridorTable;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^env short-corridor · estimator score · baseline learned · .*2 runs × 40 episodes · seed 1/,
    );
    expect(lines[1]).toMatch(/episode\s+return \(mean ± se\)\s+length/);
    const rows = lines.slice(2).map((l) => l.trim().split(/\s+/));
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows[0][0]).toBe('1');
    expect(rows[rows.length - 1][0]).toBe('40');
    for (const row of rows) {
      // episode, mean, ±, se, length; the corridor pays −1 per step, so return = −length
      expect(row.length).toBe(5);
      expect(Number(row[1])).toBeCloseTo(-Number(row[4]), 3);
    }
  });
});

describe('estimate --json', () => {
  it('cos(3z), μ = σ = 1: exact value and gradient (closed forms), every estimator’s mean and variance', () => {
    const rep = json('estimate') as Record<string, unknown> & {
      exact: { value: number; grad: { mu: number; sigma: number } };
      estimators: Record<
        string,
        { mean: { mu: number; sigma: number }; variance: { mu: number; sigma: number } }
      >;
    };
    expect(rep.command).toBe('estimate');
    // E[cos(3z)] = cos(3μ) e^{−9σ²/2}: ∂μ = −3 sin(3μ) e^{−9σ²/2}, ∂σ = −9σ cos(3μ) e^{−9σ²/2}.
    const damp = Math.exp(-9 / 2);
    expect(rep.exact.value).toBeCloseTo(Math.cos(3) * damp, 9);
    expect(rep.exact.grad.mu).toBeCloseTo(-3 * Math.sin(3) * damp, 9);
    expect(rep.exact.grad.sigma).toBeCloseTo(-9 * Math.cos(3) * damp, 9);
    for (const name of ['score', 'score-mean', 'score-optimal', 'pathwise']) {
      const e = rep.estimators[name];
      expect(e, name).toBeDefined();
      for (const p of ['mu', 'sigma'] as const) {
        expect(Number.isFinite(e.mean[p])).toBe(true);
        expect(e.variance[p]).toBeGreaterThan(0);
        // Unbiased: within 4 SE of the exact gradient, SE = √(variance / samples).
        const se = Math.sqrt(e.variance[p] / 20000);
        expect(Math.abs(e.mean[p] - rep.exact.grad[p]), `${name}.${p}`).toBeLessThan(4 * se);
      }
    }
  });
});

describe('user errors: exit code 2, one stderr line without stack frames, nothing on stdout', () => {
  const cases: [Name, RegExp][] = [
    ['badFlagValue', /--lr must be a number/],
    ['unknownEnv', /--env must be one of .*\(got "mountain-car"\)/],
    ['malformedMap', /bad map: unknown character 'Q'/],
    ['badExpression', /--f: /],
  ];
  for (const [name, re] of cases)
    it(`${commands[name].join(' ')}`, () => {
      const r = results[name];
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((l) => l.length > 0);
      expect(lines.length, r.stderr).toBe(1);
      expect(lines[0]).toMatch(/^gradient-wars: /);
      expect(lines[0]).toMatch(re);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).not.toMatch(/internal error/);
    });
});

describe('more user errors, in process (the same functions the command runs): one-line UsageErrors', () => {
  const trainCases: [string[], RegExp][] = [
    [['--frobnicate', '1'], /^unknown option --frobnicate$/],
    [['--env', 'continuous-bandit', '--reward', 'a +'], /^--reward: /],
    [['--runs', '0'], /^--runs must be an integer in \[1, /],
    [['--episodes', '1.5'], /^--episodes must be an integer/],
    [['--batch', '0'], /^--batch must be an integer in \[1, 4096\]/],
    [
      ['--env', 'bandit', '--estimator', 'pathwise', '--episodes', '1'],
      /pathwise estimator needs a differentiable reward/,
    ],
    [['--env', 'gridworld', '--map', 'S../...', '--episodes', '1'], /bad map: no goal cell/],
    [
      [
        '--env',
        'continuous-bandit',
        '--estimator',
        'score',
        '--lr',
        '999999',
        '--runs',
        '1',
        '--episodes',
        '100',
      ],
      /^run 0 \(seed 1\), episode \d+: update \d+ produced (non-finite parameters|a non-finite gradient)/,
    ],
  ];
  for (const [flags, re] of trainCases)
    it(`train ${flags.join(' ')}`, async () => {
      const pairs: [string, string][] = [];
      for (let i = 0; i < flags.length; i += 2) pairs.push([flags[i].slice(2), flags[i + 1]]);
      let err: unknown;
      try {
        await train(pairs); // works whether train is synchronous or async
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Error);
      const msg = (err as Error).message;
      expect(msg).toMatch(re);
      expect(msg.includes('\n')).toBe(false);
      // main.ts turns UsageError and EnvError into exit code 2; anything else would be an internal error.
      expect((err as Error).name === 'UsageError' || (err as Error).name === 'EnvError').toBe(true);
    });

  const estimateCases: [[string, string][], RegExp][] = [
    [[['mu', '0']], /^estimate needs --f/],
    [
      [
        ['f', 'z'],
        ['sigma', '-1'],
      ],
      /^--sigma must be a positive number/,
    ],
    [
      [
        ['f', 'z'],
        ['samples', '1'],
      ],
      /^--samples must be an integer/,
    ],
    [
      [
        ['f', 'z'],
        ['frob', '1'],
      ],
      /^unknown option --frob for estimate$/,
    ],
    [[['f', 'foo(z)']], /^--f: /],
  ];
  for (const [flags, re] of estimateCases)
    it(`estimate ${flags.map(([k, v]) => `--${k} ${v}`).join(' ')}`, async () => {
      const run = async () => estimate(flags.map(([k, v]): [string, string] => [k, v]));
      await expect(run()).rejects.toThrow(UsageError);
      await expect(run()).rejects.toThrow(re);
    });
});
