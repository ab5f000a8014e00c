// Histogram kernels of the gradient lab against naive references (sorting, per-bin edge comparisons).
import { describe, expect, it } from 'vitest';
import { histogramInto, sharedRange } from '../../../src/algos/lab/histogram';
import { Rng } from '../../../src/core/random';

function normals(n: number, seed: number, scale = 1, shift = 0): Float64Array {
  const rng = new Rng(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = shift + scale * rng.normal();
  return x;
}

/** Type-7 quantile of the finite values by full sort. */
function naiveQuantile(values: number[], q: number): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  const p = q * (s.length - 1);
  const k = Math.floor(p);
  return k + 1 < s.length ? s[k] + (p - k) * (s[k + 1] - s[k]) : s[k];
}

/** What sharedRange should return for pooled data without include values: quantiles padded by 2% each side. */
function naiveRange(values: number[], qLo: number, qHi: number): { lo: number; hi: number } {
  const lo = naiveQuantile(values, qLo);
  const hi = naiveQuantile(values, qHi);
  const c = 0.5 * lo + 0.5 * hi;
  const h = (0.5 * hi - 0.5 * lo) * 1.04;
  return { lo: c - h, hi: c + h };
}

function naiveHistogram(x: ArrayLike<number>, n: number, bins: number, lo: number, hi: number) {
  const counts = new Array<number>(bins).fill(0);
  let under = 0;
  let over = 0;
  const w = (hi - lo) / bins;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    if (v < lo) under++;
    else if (v >= hi) over++;
    else
      for (let b = 0; b < bins; b++)
        if (v >= lo + b * w && (v < lo + (b + 1) * w || b === bins - 1)) {
          counts[b]++;
          break;
        }
  }
  return { counts, under, over };
}

describe('histogramInto', () => {
  it('matches a naive per-bin count (several bin counts and ranges)', () => {
    const x = normals(20_000, 1, 2, 0.3);
    for (const [bins, lo, hi] of [
      [41, -3, 3],
      [7, -10, 10],
      [1, -1, 1],
      [100, 0.5, 0.9],
    ]) {
      const out = new Float64Array(bins + 3).fill(-7);
      const n = 19_000;
      const r = histogramInto(out, bins, x, n, lo, hi);
      const ref = naiveHistogram(x, n, bins, lo, hi);
      expect(Array.from(out.subarray(0, bins))).toEqual(ref.counts);
      expect(r).toEqual({ under: ref.under, over: ref.over });
      expect(Array.from(out.subarray(bins))).toEqual([-7, -7, -7]);
      expect(ref.counts.reduce((a, b) => a + b, 0) + r.under + r.over).toBe(n);
    }
  });

  it('skips NaN, puts ±Infinity and the edges where documented (x = lo in bin 0, x = hi over)', () => {
    const out = new Float64Array(4);
    const x = [NaN, -Infinity, Infinity, 0, 4, 3.9999999, 1, NaN, 2];
    expect(histogramInto(out, 4, x, x.length, 0, 4)).toEqual({ under: 1, over: 2 });
    expect(Array.from(out)).toEqual([1, 1, 1, 1]);
  });

  it('counts a value just below hi in the last bin even when rounding would give index = bins', () => {
    const out = new Float64Array(3);
    const hi = 0.3;
    const x = [hi - 2 ** -54, 0.1];
    histogramInto(out, 3, x, 2, 0, hi);
    expect(out[0] + out[1] + out[2]).toBe(2);
  });

  it('handles a range near the largest doubles without overflow', () => {
    const out = new Float64Array(2);
    const big = 1.5e308;
    expect(histogramInto(out, 2, [-big, -1e307, 1e307, big], 4, -big * 1.1, big * 1.1)).toEqual({
      under: 0,
      over: 0,
    });
    expect(Array.from(out)).toEqual([2, 2]);
  });

  it('rejects bad arguments', () => {
    const out = new Float64Array(4);
    expect(() => histogramInto(out, 5, [1], 1, 0, 1)).toThrow(/bins/);
    expect(() => histogramInto(out, 4, [1], 1, 1, 1)).toThrow(/lo < hi/);
    expect(() => histogramInto(out, 4, [1], 2, 0, 1)).toThrow(/n=2/);
  });
});

describe('sharedRange', () => {
  it('equals padded pooled type-7 quantiles of a naive sort (ties, sorted and reversed inputs)', () => {
    const rng = new Rng(9);
    const datasets: number[][][] = [
      [Array.from(normals(3001, 2)), Array.from(normals(500, 3, 5, 1)), Array.from(normals(10, 4))],
      [Array.from({ length: 2000 }, () => rng.int(5)), Array.from({ length: 777 }, () => 0)],
      [Array.from({ length: 1500 }, (_, i) => i * 0.1)],
      [Array.from({ length: 1500 }, (_, i) => -i * i)],
      [Array.from({ length: 3 }, (_, i) => i), [7]],
    ];
    for (const arrays of datasets)
      for (const [qLo, qHi] of [
        [0.005, 0.995],
        [0, 1],
        [0.25, 0.75],
        [0.1, 0.1],
      ]) {
        const pooled = arrays.flat();
        const r = sharedRange(
          arrays,
          arrays.map((a) => a.length),
          [],
          qLo,
          qHi,
        );
        const ref = naiveRange(pooled, qLo, qHi);
        if (ref.hi > ref.lo) {
          expect(r.lo).toBeCloseTo(ref.lo, 10);
          expect(r.hi).toBeCloseTo(ref.hi, 10);
        } else expect(r.hi).toBeGreaterThan(r.lo);
      }
  });

  it('only reads the first counts[e] values and ignores NaN and ±Infinity', () => {
    const a = normals(1000, 5);
    const dirty = new Float64Array(1300);
    dirty.set(a);
    dirty.set([NaN, Infinity, -Infinity, NaN], 1000);
    dirty.fill(1e9, 1004);
    expect(sharedRange([dirty], [1004], [])).toEqual(sharedRange([a], [1000], []));
  });

  it('is robust: one huge outlier among 10 000 values does not move the range', () => {
    const a = normals(10_000, 6);
    const clean = sharedRange([a], [a.length], []);
    a[1234] = 1e12;
    const r = sharedRange([a], [a.length], []);
    expect(r.hi).toBeLessThan(3.2);
    expect(r.lo).toBeGreaterThan(-3.2);
    expect(Math.abs(r.hi - clean.hi)).toBeLessThan(0.05);
    // The 0.5% and 99.5% quantiles of N(0, 1) are ∓2.576; with n = 20 000 pooled normals the sample
    // quantile's SE is √(q(1 − q)/n)/φ(2.576) ≈ 0.034.
    const b = normals(20_000, 7);
    const q = sharedRange([b], [b.length], []);
    expect(Math.abs(q.hi / 1.02 - 2.576)).toBeLessThan(4 * 0.034);
    expect(Math.abs(q.lo / 1.02 + 2.576)).toBeLessThan(4 * 0.034);
  });

  it('always contains every finite include value strictly inside, with a margin', () => {
    const a = normals(5000, 8, 0.01);
    for (const exact of [50, -50, 0.3, 1e-6]) {
      const r = sharedRange([a], [a.length], [exact, NaN, Infinity]);
      expect(r.lo).toBeLessThan(exact);
      expect(r.hi).toBeGreaterThan(exact);
      const w = r.hi - r.lo;
      expect(Math.min(exact - r.lo, r.hi - exact)).toBeGreaterThanOrEqual(0.019 * w);
    }
  });

  it('is never zero-width and always finite (degenerate and empty inputs, extreme values)', () => {
    const zeros = new Float64Array(100);
    expect(sharedRange([zeros], [100], [0])).toEqual({ lo: -1, hi: 1 });
    expect(sharedRange([zeros.fill(3)], [100], [])).toEqual({ lo: 3 - 0.1 * 3, hi: 3 + 0.1 * 3 });
    expect(sharedRange([], [], [])).toEqual({ lo: -1, hi: 1 });
    expect(sharedRange([[NaN, Infinity]], [2], [NaN])).toEqual({ lo: -1, hi: 1 });
    const only = sharedRange([], [], [2]);
    expect(only.lo).toBeLessThan(2);
    expect(only.hi).toBeGreaterThan(2);
    for (const arr of [
      [-1.7e308, 1.7e308],
      [1e-300, 1e-300],
      [-Number.MAX_VALUE, 0],
    ]) {
      const r = sharedRange([arr], [2], [], 0, 1);
      expect(Number.isFinite(r.lo) && Number.isFinite(r.hi)).toBe(true);
      expect(r.hi).toBeGreaterThan(r.lo);
    }
  });

  it('pools into a long enough scratch buffer without touching the inputs', () => {
    const a = normals(700, 10);
    const b = normals(300, 11, 3);
    const copyA = a.slice();
    const scratch = new Float64Array(2000).fill(123);
    const r1 = sharedRange([a, b], [700, 300], [0.5], 0.01, 0.99, scratch);
    expect(scratch[0]).not.toBe(123);
    expect(scratch[1000]).toBe(123);
    expect(sharedRange([a, b], [700, 300], [0.5], 0.01, 0.99)).toEqual(r1);
    expect(sharedRange([a, b], [700, 300], [0.5], 0.01, 0.99, new Float64Array(5))).toEqual(r1);
    expect(a).toEqual(copyA);
  });

  it('rejects mismatched counts and bad quantiles', () => {
    expect(() => sharedRange([[1]], [], [])).toThrow(/counts/);
    expect(() => sharedRange([[1]], [1], [], 0.9, 0.1)).toThrow(/qLo/);
  });
});
