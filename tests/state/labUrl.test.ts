// The lab's config <-> location.hash: round trips, defaults left out, hostile hashes (one error line each,
// never a throw, always a valid config), cross-field repair, presets, and the store sync.
import { describe, expect, it, vi } from 'vitest';
import { parseField } from '../../src/algos/config';
import { Rng } from '../../src/core/random';
import {
  defaultLabConfig,
  LAB_PRESETS,
  labFields,
  parseLabValue,
  type LabConfig,
} from '../../src/state/labConfig';
import { createLabStore } from '../../src/state/labStore';
import { readLabHash, syncLabHash, writeLabHash } from '../../src/state/labUrl';
import { fakeHost } from './fakeHost';

function expectValid(c: LabConfig): void {
  for (const f of labFields) {
    const v = c[f.key];
    const r = parseLabValue(f.key, Array.isArray(v) ? v.join(',') : String(v));
    expect('error' in r ? r.error : null, f.name).toBeNull();
  }
  expect(c.kMin).toBeLessThan(c.kMax);
}

const unusual: LabConfig = {
  f: 'exp(-k * (z - 1)^2) + 0.1 * abs(z)',
  k: 2.75,
  kMin: -1.5,
  kMax: 7,
  mu: -0.3,
  sigma: 0.45,
  samples: 12_345,
  batch: 5,
  seed: 987,
  param: 'sigma',
  target: 0.002,
  hide: ['score-mean', 'loo'],
  objective: 'max',
  lr: 0.0125,
  steps: 333,
  raceSamples: 3,
  mu0: 2.5,
  sigma0: 0.3,
};

describe('lab links', () => {
  it('round-trip a config that differs everywhere', () => {
    const r = readLabHash(`#${writeLabHash(unusual)}`);
    expect(r.errors).toEqual([]);
    expect(r.config).toEqual(unusual);
  });

  it('write only f and what differs from the defaults', () => {
    expect(writeLabHash(defaultLabConfig())).toBe('f=cos(k%20*%20z)');
    expect(writeLabHash({ ...defaultLabConfig(), mu: 0.5, hide: ['loo'] })).toBe(
      'f=cos(k%20*%20z)&mu=0.5&hide-estimators=loo',
    );
  });

  it('every preset round-trips', () => {
    for (const p of LAB_PRESETS) {
      const c = { ...defaultLabConfig(), f: p.f, k: p.k, kMin: p.kMin, kMax: p.kMax, objective: p.objective };
      expect(readLabHash(writeLabHash(c)).config).toEqual(c);
    }
  });

  it.each([
    ['sigma=0', /sigma/],
    ['sigma=-1', /sigma/],
    ['mu=abc', /mu/],
    ['samples=1e9', /samples/],
    ['samples=10.5', /samples/],
    ['hide-estimators=score,bogus', /hide-estimators: unknown estimator bogus/],
    ['hide=score,bogus', /hide: unknown control "bogus"/],
    ['param=theta', /param/],
    ['objective=sideways', /objective/],
    ['steps=100000', /steps/],
    ['k-min=3&k-max=1', /k-min must be less than k-max/],
    ['f=', /f must be/],
    [`f=${'z+'.repeat(150)}z`, /f must be/],
    ['nonsense=1', /unknown option nonsense/],
    ['mu=1&mu=2', /repeated option mu/],
    ['mu=%E0%A4%A', /malformed percent-encoding/],
    [`x=${'a'.repeat(9000)}`, /too long/],
  ])('ignore %s with one message and stay valid', (hash, pattern) => {
    const r = readLabHash(hash);
    expect(r.errors.length).toBe(1);
    expect(r.errors[0]).toMatch(pattern);
    expectValid(r.config);
  });

  it('survive a seeded fuzz of random hashes', () => {
    const rng = new Rng(42);
    const alphabet = 'abcfkmsz=&%#,.-+*()^0123456789 ';
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(rng.uniform() * 60);
      let h = '';
      for (let j = 0; j < n; j++) h += alphabet[Math.floor(rng.uniform() * alphabet.length)];
      const r = readLabHash(h);
      expectValid(r.config);
    }
  });

  it('the schema bounds are the parse bounds', () => {
    for (const f of labFields) {
      if (f.min === undefined) continue;
      expect('error' in parseField(f, String(f.min))).toBe(false);
      expect('error' in parseField(f, String(f.min - 1))).toBe(true);
    }
  });
});

describe('syncLabHash', () => {
  it('applies the hash on load, reports what it ignored, and writes changes back (debounced)', () => {
    vi.useFakeTimers();
    const store = createLabStore();
    const host = fakeHost('#f=z^2&mu=0.5&bogus=1');
    const stop = syncLabHash(store, host, 50);
    expect(store.getState().config.f).toBe('z^2');
    expect(store.getState().config.mu).toBe(0.5);
    expect(store.getState().notices[0].text).toMatch(/bogus/);
    store.getState().setConfig({ sigma: 2 });
    store.getState().setConfig({ sigma: 2.5 });
    vi.advanceTimersByTime(60);
    expect(host.location.hash).toBe('#f=z%5E2&mu=0.5&sigma=2.5');
    host.location.hash = '#f=z&k=3';
    host.fire();
    expect(store.getState().config.k).toBe(3);
    expect(store.getState().config.mu).toBe(1);
    stop();
    vi.useRealTimers();
  });

  it('presets set f, k, the sweep range and the race direction', () => {
    const store = createLabStore({ mu: 2, sigma: 0.1 });
    store.getState().applyPreset('gauss');
    const c = store.getState().config;
    expect([c.f, c.kMin, c.kMax, c.objective, c.mu, c.sigma]).toEqual([
      'exp(-k * z^2)',
      0.1,
      10,
      'max',
      1,
      1,
    ]);
  });
});
