// config <-> location.hash: round trips for every environment and for compare settings, the documented key
// format, hostile hashes (one error line each, never a throw, always a valid config), a seeded fuzz, and the
// store sync (apply on load and on hashchange, debounced rewrite).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  configFields,
  defaultConfig,
  parseField,
  runEnvIds,
  supportsPathwise,
  type RunConfig,
} from '../../src/algos/config';
import { createPlaygroundStore, type CompareState } from '../../src/state/store';
import { defaultCompare, readHash, syncHash, writeHash } from '../../src/state/url';
import { fakeHost } from './fakeHost';

/** Every field of `c` passes the schema, and the combination is runnable. */
function expectValid(c: RunConfig): void {
  for (const f of configFields) {
    const r = parseField(f, String(c[f.key]));
    expect('error' in r ? r.error : null, f.name).toBeNull();
  }
  if (c.estimator === 'pathwise') expect(supportsPathwise(c.env)).toBe(true);
}

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
    reward: 'exp(-(a - 1)^2) + 0.1 * cos(3 * a)',
    horizon: 37,
    initProbRight: 0.2,
    estimator: supportsPathwise(env) ? 'score' : 'score',
    baseline: 'optimal',
    lr: 2 ** -9,
    baselineLr: 1 / 3,
    gamma: 0.9,
    batch: 16,
    optimizer: 'adam',
    seed: 4294967295,
  };
}

describe('writeHash / readHash', () => {
  it('writes env and seed always, other keys only when not default', () => {
    expect(writeHash(defaultConfig('gridworld'), defaultCompare())).toBe('env=gridworld&seed=1');
    const c = { ...defaultConfig('gridworld'), baseline: 'none' as const, lr: 0.5, seed: 5 };
    expect(writeHash(c, defaultCompare())).toBe('env=gridworld&baseline=none&lr=0.5&seed=5');
  });

  it('reads the documented example', () => {
    const r = readHash('#env=gridworld&baseline=learned&lr=0.1&seed=5');
    expect(r.errors).toEqual([]);
    expect(r.config).toEqual({ ...defaultConfig('gridworld'), lr: 0.1, seed: 5 });
    expect(r.compare).toEqual(defaultCompare());
  });

  it.each(runEnvIds)('round-trips every field of %s', (env) => {
    for (const c of [defaultConfig(env), unusual(env)]) {
      const r = readHash(writeHash(c, defaultCompare()));
      expect(r.errors).toEqual([]);
      expect(r.config).toEqual(c);
    }
  });

  it('round-trips compare settings (and reads with or without the leading #)', () => {
    const compare: CompareState = {
      enabled: true,
      b: { estimator: 'score', baseline: 'loo', lr: 0.003, batch: 8, optimizer: 'sgd' },
    };
    const c = defaultConfig('continuous-bandit');
    const hash = writeHash(c, compare);
    expect(hash).toContain('compare=1&b-estimator=score&b-baseline=loo&b-lr=0.003&b-batch=8&b-optimizer=sgd');
    expect(readHash(`#${hash}`)).toEqual(readHash(hash));
    const r = readHash(hash);
    expect(r.errors).toEqual([]);
    expect(r.config).toEqual(c);
    expect(r.compare).toEqual(compare);
    const off = readHash(writeHash(c, { enabled: false, b: { baseline: 'ema' } }));
    expect(off.compare).toEqual(defaultCompare());
  });

  it('keeps map text with # and / readable and intact', () => {
    const c = { ...defaultConfig('gridworld'), map: 'S.#./.#X./...G' };
    const hash = writeHash(c, defaultCompare());
    expect(hash).toContain('map=S.%23./.%23X./...G');
    expect(readHash(hash).config.map).toBe(c.map);
  });
});

describe('hostile hashes', () => {
  const cases: [string, RegExp][] = [
    ['#env=bandit&nope=1', /unknown option nope/],
    ['#env=bandit&lr=abc', /lr must be a number/],
    ['#env=bandit&lr=-1', /lr must be a number/],
    ['#env=bandit&lr=Infinity', /lr must be a number/],
    ['#env=bandit&arms=2.5', /arms must be an integer/],
    ['#env=bandit&seed=1e99', /seed must be an integer/],
    ['#env=bandit&lr=%E0%A4%A', /malformed percent-encoding/],
    ['#env=bandit&%ZZ=1', /malformed percent-encoding/],
    ['#env=bandit&__proto__=1', /unknown option __proto__/],
    ['#env=bandit&constructor=x', /unknown option constructor/],
    ['#env=bandit&b-__proto__=x', /unknown option b-__proto__/],
    ['#env=bandit&seed=2&seed=3', /repeated option seed/],
    ['#env=nope', /env must be one of/],
    ['#env=bandit&estimator=pathwise', /pathwise does not apply to bandit/],
    ['#env=bandit&compare=1&b-estimator=pathwise', /b-estimator: pathwise does not apply/],
    ['#env=bandit&compare=maybe', /compare must be true or false/],
    ['#env=gridworld&map=SSS', /map: /],
    [`#env=gridworld&map=${'.'.repeat(3000)}`, /map is too long/],
    [`#env=continuous-bandit&reward=${'a+'.repeat(150)}a`, /reward must be 1 to 200 characters/],
    [`#env=bandit&${'x'.repeat(9000)}`, /too long/],
    ['#env=gridworld&map=S\uD800G', /malformed percent-encoding/],
    [`#${Array.from({ length: 70 }, (_, i) => `k${i}=1`).join('&')}`, /too many settings/],
  ];
  const titled = cases.map(([h, p]) => [h.length > 60 ? `${h.slice(0, 57)}...` : h, h, p] as const);
  it.each(titled)('%s → one error line, valid config', (_title, hash, pattern) => {
    const r = readHash(hash);
    expect(r.errors.some((e) => pattern.test(e))).toBe(true);
    expect(r.errors.every((e) => !e.includes('\n') && e.length < 300)).toBe(true);
    expectValid(r.config);
  });

  it('reports one line per problem and applies the rest', () => {
    const r = readHash('#env=gridworld&lr=oops&seed=7&nope=1&seed=8&gamma=0.5');
    expect(r.errors).toHaveLength(3);
    expect(r.config).toMatchObject({
      env: 'gridworld',
      seed: 7,
      gamma: 0.5,
      lr: defaultConfig('gridworld').lr,
    });
  });

  it('does not pollute prototypes', () => {
    readHash('#__proto__=x&constructor=y&b-__proto__=z&prototype=1');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('fuzz: a few hundred random hashes never throw and always give a valid config', () => {
    let state = 12345;
    const rand = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const names = [
      ...configFields.map((f) => f.name),
      'compare',
      'b-lr',
      'b-baseline',
      'b-estimator',
      '__proto__',
      '',
    ];
    const values = [
      '1',
      '0',
      '-1',
      '1e9',
      'NaN',
      'pathwise',
      'learned',
      '%',
      '%zz',
      '%E2%82',
      'true',
      '',
      '🎲',
      '\u0000',
    ];
    for (let i = 0; i < 400; i++) {
      let hash = pick(['#', '', '##', '#&']);
      const n = Math.floor(rand() * 8);
      for (let j = 0; j < n; j++) {
        const name =
          rand() < 0.8
            ? pick(names)
            : String.fromCharCode(...Array.from({ length: 5 }, () => rand() * 0xffff));
        const value = rand() < 0.8 ? pick(values) : String(rand() * 10 ** Math.floor(rand() * 12 - 6));
        hash += `${j > 0 ? pick(['&', '&&', '=']) : ''}${name}${pick(['=', '==', ''])}${value}`;
      }
      const r = readHash(hash);
      expectValid(r.config);
      expect(Array.isArray(r.errors)).toBe(true);
      // Normalising is stable: the written hash reads back to the same state with no errors.
      const again = readHash(writeHash(r.config, r.compare));
      expect(again.errors).toEqual([]);
      expect(again.config).toEqual(r.config);
    }
  });
});

describe('syncHash', () => {
  afterEach(() => vi.useRealTimers());

  it('applies the hash, reports what it ignored, rewrites it, and follows later changes', () => {
    vi.useFakeTimers();
    const store = createPlaygroundStore();
    const host = fakeHost('#env=gridworld&seed=5&lr=oops');
    const stop = syncHash(store, host, 100);
    expect(store.getState().config).toMatchObject({ env: 'gridworld', seed: 5 });
    expect(store.getState().notices[0].text).toMatch(/Ignored in the link: lr must be/);
    expect(host.location.hash).toBe('#env=gridworld&seed=5');

    store.getState().setConfig({ lr: 0.5 });
    store.getState().setConfig({ lr: 0.25 });
    vi.advanceTimersByTime(150);
    expect(host.location.hash).toBe('#env=gridworld&lr=0.25&seed=5');

    host.location.hash = '#env=bandit&seed=9&compare=1&b-baseline=ema';
    host.fire();
    expect(store.getState().config).toEqual({ ...defaultConfig('bandit'), seed: 9 });
    expect(store.getState().compare).toMatchObject({ enabled: true, b: { baseline: 'ema' } });
    stop();
  });

  it('writes the hash of the store when the page has none', () => {
    const store = createPlaygroundStore();
    const host = fakeHost('');
    const stop = syncHash(store, host);
    expect(host.location.hash).toBe('#env=bandit&seed=1');
    stop();
  });
});
