// The shared pieces of `train` and the playground's multi-seed runs: the Σx/Σx² sums against a naive
// two-pass mean and standard error, the per-seed runner against the CLI's in-process train(), Student's t
// quantiles against table values, and arm B built by withOverrides (no overrides: exactly arm A).
import { describe, expect, it } from 'vitest';
import { withOverrides } from '../../src/algos/compare';
import { defaultConfig } from '../../src/algos/config';
import {
  NORMAL_DF,
  ci95Multiplier,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from '../../src/algos/studentT';
import {
  createSeedMetrics,
  metricsOf,
  MomentSums,
  ReportSums,
  roundReport,
  runSeedInto,
  seedOfRun,
} from '../../src/algos/trainReport';
import { train } from '../../src/cli/train';

describe('MomentSums', () => {
  it('mean and se match a two-pass computation to 8 significant digits', () => {
    const runs = [
      [1, 2, 3.5],
      [2, 2, -1],
      [4, 2, 0.25],
      [0.5, 2, 10],
    ];
    const s = new MomentSums(3);
    for (const r of runs) s.addRun(Float64Array.from(r));
    const st = s.stats(runs.length);
    for (let i = 0; i < 3; i++) {
      const xs = runs.map((r) => r[i]);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
      expect(st.mean[i]).toBe(roundReport(m));
      expect(st.se[i]).toBeCloseTo(Math.sqrt(v / xs.length), 7);
    }
    // a constant column has se exactly 0 (the clamp at 0 catches rounding below zero)
    expect(st.se[1]).toBe(0);
  });

  it('one run: se 0, mean = the value rounded to 8 digits', () => {
    const s = new MomentSums(2);
    s.addRun(Float64Array.from([1 / 3, -2.123456789]));
    expect(s.stats(1)).toEqual({ mean: [0.33333333, -2.1234568], se: [0, 0] });
  });
});

describe('runSeedInto + ReportSums reproduce the CLI bit for bit', () => {
  const cases: [string, [string, string][], number, number][] = [
    [
      'bandit',
      [
        ['env', 'bandit'],
        ['seed', '7'],
      ],
      5,
      120,
    ],
    [
      'gridworld',
      [
        ['env', 'gridworld'],
        ['baseline', 'learned'],
        ['horizon', '40'],
      ],
      3,
      30,
    ],
    [
      'short-corridor',
      [
        ['env', 'short-corridor'],
        ['batch', '4'],
      ],
      4,
      40,
    ],
  ];
  for (const [name, flags, runs, episodes] of cases)
    it(`${name}: ${runs} runs × ${episodes} episodes`, async () => {
      const cli = await train([...flags, ['runs', String(runs)], ['episodes', String(episodes)]]);
      const sums = new ReportSums(cli.config.env, episodes);
      for (let r = 0; r < runs; r++) {
        const out = createSeedMetrics(cli.config.env, episodes);
        expect(runSeedInto(cli.config, seedOfRun(cli.config.seed, r), episodes, undefined, out)).toBeNull();
        sums.addRun(out);
      }
      expect(sums.stats()).toEqual(cli.metrics);
      expect(Object.keys(cli.metrics)).toEqual(metricsOf(cli.config.env));
    });

  it('a diverging run reports its episode and error', () => {
    // the CLI's `--reward "exp(a*a*a)" --lr 1000` (its message is checked in tests/cli): episode 2
    const config = { ...defaultConfig('continuous-bandit'), lr: 1000 };
    const reward = {
      f: (a: number) => Math.exp(a * a * a),
      df: (a: number) => 3 * a * a * Math.exp(a * a * a),
      source: '',
    };
    const out = createSeedMetrics('continuous-bandit', 50);
    const f = runSeedInto(config, 1, 50, reward, out);
    expect(f).toEqual({ episode: 1, error: expect.stringMatching(/non-finite gradient/) });
  });
});

describe("Student's t", () => {
  // t₀.₉₇₅(ν) from standard tables (NIST/SEMATECH e-Handbook, Table 1.3.6.7.2), 3 decimals
  const table: [number, number][] = [
    [1, 12.706],
    [2, 4.303],
    [4, 2.776],
    [9, 2.262],
    [19, 2.093],
    [29, 2.045],
    [60, 2.0],
    [100, 1.984],
  ];
  for (const [df, t] of table)
    it(`t₀.₉₇₅(${df}) = ${t}`, () => expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3));

  it('closed forms: ν = 1 is Cauchy (tan), ν = 2 is t = (2p − 1)·√(2/(4p(1 − p)))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 9);
    }
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 14);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 12);
  });

  it('huge df: the normal quantile 1.959963985 (the incomplete beta lost its digits: 1e18 gave 8.0)', () => {
    for (const df of [NORMAL_DF * 1.000001, 1e12, 1e16, 1e18, 1e300, Infinity])
      expect(studentTQuantile(0.975, df)).toBeCloseTo(1.959963985, 9);
    expect(ci95Multiplier(1e18)).toBeCloseTo(1.959963985, 9);
    // just below the switch, t₀.₉₇₅(ν) ≈ z + (z³ + z)/(4ν) (Cornish–Fisher), continuous across it
    const z = 1.959963984540054;
    expect(studentTQuantile(0.975, NORMAL_DF)).toBeCloseTo(z + (z ** 3 + z) / (4 * NORMAL_DF), 9);
    expect(studentTQuantile(0.975, NORMAL_DF) - studentTQuantile(0.975, NORMAL_DF + 1)).toBeLessThan(3e-6);
  });

  it('normal quantile: known values in the centre and both tails', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(1)).toBeNaN();
    // Φ at known points (series below z² = 3, continued fraction above)
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 15);
  });

  it('30 seeds → 2.045; 1 seed → no interval', () => {
    expect(ci95Multiplier(30)).toBeCloseTo(2.0452296, 6);
    expect(ci95Multiplier(1)).toBeNaN();
  });
});

describe('withOverrides (arm B)', () => {
  it('empty overrides give an equal config, and the same numbers (common random numbers)', async () => {
    const a = { ...defaultConfig('bandit'), seed: 3 };
    const b = withOverrides(a, { baseline: undefined, lr: undefined });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    const oa = createSeedMetrics('bandit', 80);
    const ob = createSeedMetrics('bandit', 80);
    runSeedInto(a, 3, 80, undefined, oa);
    runSeedInto(b, 3, 80, undefined, ob);
    expect(ob.return).toEqual(oa.return);
  });
  it('set overrides replace, empty strings and nulls do not', () => {
    const a = defaultConfig('bandit');
    const b = withOverrides(a, { baseline: 'none', lr: 0.5, estimator: '' as never });
    expect([b.baseline, b.lr, b.estimator]).toEqual(['none', 0.5, a.estimator]);
  });
});
