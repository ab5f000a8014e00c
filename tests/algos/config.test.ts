// The run-config schema: parseConfig(configEntries(c)) round-trips every field for every environment; bad
// values and unknown keys give one-line errors naming the key (the rest still applies); choosing an env gives
// that env's defaults; createRun rejects invalid combinations with a one-line EnvError.
import { describe, expect, it } from 'vitest';
import { EnvError } from '../../envs/index';
import {
  configEntries,
  configFields,
  defaultConfig,
  fieldByName,
  parseConfig,
  parseField,
  runEnvIds,
  supportsPathwise,
  type RunConfig,
} from '../../src/algos/config';
import { createRun, settingsOf } from '../../src/algos/run';
import { validateSettings } from '../../src/algos/trainer';

/** A config for `env` with every field moved off its default (to a valid value). */
function unusual(env: RunConfig['env']): RunConfig {
  return {
    ...defaultConfig(env),
    arms: 7,
    armMean: -2.5,
    armSd: 0.25,
    rewardSd: 3,
    bernoulli: true,
    map: 'S.#/..X/..G',
    slip: 0.125,
    reward: 'exp(-(a - 1)^2) + 0.5 * a',
    horizon: 77,
    initProbRight: 0.3,
    estimator: 'score',
    baseline: 'loo',
    lr: 0.0123,
    baselineLr: 0.5,
    gamma: 0.97,
    batch: 16,
    optimizer: 'adam',
    seed: 4294967295,
  };
}

describe('parseConfig ∘ configEntries', () => {
  for (const env of runEnvIds) {
    it(`${env}: defaults round-trip, and entries hold only env, seed and the changed keys`, () => {
      const d = defaultConfig(env);
      const entries = configEntries(d);
      expect(entries.map(([k]) => k)).toEqual(['env', 'seed']);
      const { config, errors } = parseConfig(entries);
      expect(errors).toEqual([]);
      expect(config).toEqual(d);
    });

    it(`${env}: every field changed round-trips (also through a URL-style string)`, () => {
      const c = unusual(env);
      const entries = configEntries(c);
      expect(parseConfig(entries)).toEqual({ config: c, errors: [] });
      const hash = new URLSearchParams(entries).toString();
      expect(parseConfig(new URLSearchParams(hash).entries())).toEqual({ config: c, errors: [] });
    });
  }

  it('every schema field has a distinct kebab-case name found by fieldByName', () => {
    const names = configFields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of configFields) {
      expect(f.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(fieldByName(f.name)).toBe(f);
    }
    expect(Object.keys(defaultConfig()).sort()).toEqual(configFields.map((f) => f.key).sort());
  });
});

describe('choosing an environment', () => {
  it('gives that env’s defaults, with later keys applied on top (in any order)', () => {
    for (const env of runEnvIds) expect(parseConfig([['env', env]]).config).toEqual(defaultConfig(env));
    const r = parseConfig([
      ['lr', '0.5'],
      ['env', 'short-corridor'],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.config).toEqual({ ...defaultConfig('short-corridor'), lr: 0.5 });
    expect(defaultConfig('short-corridor')).toMatchObject({
      baseline: 'learned',
      lr: 2 ** -9,
      baselineLr: 2 ** -6,
    });
    expect(defaultConfig('continuous-bandit').estimator).toBe('pathwise');
    expect(runEnvIds.filter(supportsPathwise)).toEqual(['continuous-bandit', 'point-mass']);
  });

  it('switching env against a base config resets to the new env’s defaults; the same env keeps the base', () => {
    const base = { ...defaultConfig('bandit'), lr: 0.7, arms: 3 };
    expect(parseConfig([['env', 'gridworld']], base).config).toEqual(defaultConfig('gridworld'));
    expect(parseConfig([['env', 'bandit']], base).config).toEqual(base);
    expect(parseConfig([['batch', '4']], base).config).toEqual({ ...base, batch: 4 });
  });
});

describe('bad values and unknown keys: one line each, naming the key; the rest still applies', () => {
  const bad: [string, string, RegExp][] = [
    ['lr', 'abc', /^--lr must be a number in \(0, 1000000\) \(got "abc"\)$/],
    ['lr', '0', /^--lr must be a number in \(0,/],
    ['lr', '', /^--lr must be a number/],
    ['lr', 'Infinity', /^--lr must be a number/],
    ['batch', '2.5', /^--batch must be an integer in \[1, 4096\]/],
    ['batch', '0', /^--batch must be an integer/],
    ['arms', '1', /^--arms must be an integer in \[2, 1000\]/],
    ['gamma', '1.01', /^--gamma must be a number in \[0, 1\]/],
    ['slip', '-0.1', /^--slip must be a number in \[0, 1\]/],
    ['init-prob-right', '1', /^--init-prob-right must be a number in \(0, 1\)/],
    ['init-prob-right', '0', /^--init-prob-right must be a number in \(0, 1\)/],
    ['seed', '-1', /^--seed must be an integer/],
    ['seed', '4294967296', /^--seed must be an integer/],
    ['bernoulli', 'yes', /^--bernoulli must be true or false \(got "yes"\)$/],
    [
      'baseline',
      'median',
      /^--baseline must be one of none, average, ema, learned, optimal, loo \(got "median"\)$/,
    ],
    ['optimizer', 'rmsprop', /^--optimizer must be one of sgd, adam/],
    ['estimator', 'reparam', /^--estimator must be one of score, pathwise/],
    [
      'env',
      'mountain-car',
      /^--env must be one of bandit, gridworld, short-corridor, continuous-bandit, point-mass/,
    ],
    ['map', 'x'.repeat(2001), /^--map is too long \(2001 characters, at most 2000\)$/],
  ];
  for (const [key, raw, re] of bad)
    it(`--${key} ${JSON.stringify(raw.length > 12 ? raw.slice(0, 12) + '…' : raw)}`, () => {
      const { config, errors } = parseConfig(
        [
          [key, raw],
          ['horizon', '55'],
        ],
        undefined,
        '--',
      );
      expect(errors.length).toBe(1);
      expect(errors[0]).toMatch(re);
      expect(errors[0].includes('\n')).toBe(false);
      expect(errors[0].length).toBeLessThan(200);
      expect(config.horizon).toBe(55); // the good key still applied
      if (key !== 'env') expect(config[fieldByName(key)!.key]).toBe(defaultConfig()[fieldByName(key)!.key]);
    });

  it('unknown keys are reported (long names clipped), without a prefix for URL hashes', () => {
    const { errors } = parseConfig([
      ['learning-rate', '0.1'],
      ['z'.repeat(100), '1'],
    ]);
    expect(errors[0]).toBe('unknown option learning-rate');
    expect(errors[1]).toBe(`unknown option ${'z'.repeat(37)}...`);
    expect(parseConfig([['bogus', '1']], undefined, '--').errors).toEqual(['unknown option --bogus']);
  });

  it('booleans: "", true, 1 → true; false, 0 → false; values are trimmed', () => {
    const f = fieldByName('bernoulli')!;
    for (const v of ['', 'true', '1', ' true ']) expect(parseField(f, v)).toEqual({ value: true });
    for (const v of ['false', '0']) expect(parseField(f, v)).toEqual({ value: false });
    expect(parseField(fieldByName('lr')!, ' 0.25 ')).toEqual({ value: 0.25 });
  });
});

describe('from a config to a run', () => {
  it('settingsOf copies the trainer settings into a fresh object; validateSettings names the first bad one', () => {
    const c = defaultConfig('gridworld');
    const s = settingsOf(c);
    expect(s).toEqual({
      lr: c.lr,
      baselineLr: c.baselineLr,
      gamma: c.gamma,
      batch: c.batch,
      baseline: c.baseline,
      optimizer: c.optimizer,
    });
    expect(settingsOf(c)).not.toBe(s);
    expect(validateSettings(s)).toBeNull();
    expect(validateSettings({ ...s, lr: -1 })).toMatch(/^learning rate/);
    expect(validateSettings({ ...s, baselineLr: 2 })).toMatch(/^baseline rate/);
    expect(validateSettings({ ...s, gamma: NaN })).toMatch(/^discount/);
    expect(validateSettings({ ...s, batch: 0 })).toMatch(/^batch size/);
  });

  it('createRun rejects the pathwise estimator on discrete envs and bad settings with a one-line EnvError', () => {
    for (const env of ['bandit', 'gridworld', 'short-corridor'] as const) {
      const f = () => createRun({ ...defaultConfig(env), estimator: 'pathwise' });
      expect(f).toThrow(EnvError);
      expect(f).toThrow(/pathwise estimator needs a differentiable reward/);
    }
    expect(() => createRun({ ...defaultConfig('bandit'), lr: 0 })).toThrow(EnvError);
    expect(() => createRun({ ...defaultConfig('gridworld'), map: 'S..' })).toThrow(EnvError);
  });

  it('createRun honours the config: arms, map, horizon, initial π(right), estimator', () => {
    const b = createRun({ ...defaultConfig('bandit'), arms: 4 });
    expect(b.policy.nParams).toBe(4);
    const g = createRun({ ...defaultConfig('gridworld'), map: 'S.#/..X/..G', horizon: 12 });
    expect(g.policy.nParams).toBe(9 * 4);
    if (g.kind === 'tabular') expect(g.env.timeLimit).toBe(12);
    const pm = createRun(defaultConfig('point-mass'));
    expect(pm.trainer.estimator).toBe('pathwise');
    expect(pm.policy.nParams).toBe(12);
    expect(createRun({ ...defaultConfig('point-mass'), estimator: 'score' }).trainer.estimator).toBe('score');
  });
});
