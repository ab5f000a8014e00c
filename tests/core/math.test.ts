// Numeric kernels against naive references: softmax (offsets, huge logits, aliasing), log-sum-exp,
// categorical sampling (exact inverse-CDF boundaries and frequencies), Welford's running variance versus a
// two-pass reference, and the small vector helpers.
import { describe, expect, it } from 'vitest';
import {
  RunningStat,
  allFinite,
  argmax,
  axpyInto,
  clamp,
  dot,
  logSumExp,
  mean,
  sampleCategorical,
  sampleVariance,
  softmaxInto,
} from '../../src/core/math';
import { Rng } from '../../src/core/random';

/** exp(x_i) / Σ exp(x_j) with no shift (only for moderate x). */
function naiveSoftmax(x: number[]): number[] {
  const e = x.map(Math.exp);
  const z = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / z);
}

describe('softmaxInto', () => {
  it('equals the naive formula on random logits, with offsets into both arrays', () => {
    const rng = new Rng(1);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.int(9);
      const xOff = rng.int(4);
      const outOff = rng.int(4);
      const x = new Float64Array(xOff + n + 3).fill(NaN);
      const logits = Array.from({ length: n }, () => 5 * rng.normal());
      x.set(logits, xOff);
      const out = new Float64Array(outOff + n + 2).fill(-7);
      expect(softmaxInto(out, x, xOff, n, outOff)).toBe(out);
      const ref = naiveSoftmax(logits);
      for (let i = 0; i < n; i++) expect(out[outOff + i]).toBeCloseTo(ref[i], 14);
      // Nothing outside the slice is touched.
      for (let i = 0; i < outOff; i++) expect(out[i]).toBe(-7);
      for (let i = outOff + n; i < out.length; i++) expect(out[i]).toBe(-7);
    }
  });

  it('is shift-invariant and stays finite for huge logits (naive exp would overflow)', () => {
    const x = Float64Array.of(1000, 1001, 999);
    const out = softmaxInto(new Float64Array(3), x, 0, 3, 0);
    const ref = naiveSoftmax([1, 2, 0]);
    for (let i = 0; i < 3; i++) expect(out[i]).toBeCloseTo(ref[i], 14);
    const extreme = softmaxInto(new Float64Array(3), Float64Array.of(1e308, -1e308, 1e308), 0, 3, 0);
    expect(Array.from(extreme)).toEqual([0.5, 0, 0.5]);
    // Masked logits (−∞) get probability 0 wherever they sit, first included.
    expect(
      Array.from(softmaxInto(new Float64Array(3), Float64Array.of(-Infinity, 0, -Infinity), 0, 3, 0)),
    ).toEqual([0, 1, 0]);
    const neg = softmaxInto(new Float64Array(2), Float64Array.of(-1e4, -1e4 - Math.log(3)), 0, 2, 0);
    expect(neg[0]).toBeCloseTo(0.75, 10); // −1e4 − log 3 itself carries a ~1e-12 rounding error
  });

  it('may alias out === x (in place), with the default outOffset = xOffset', () => {
    const x = Float64Array.of(9, 0.5, -1, 2, 9);
    const ref = naiveSoftmax([0.5, -1, 2]);
    softmaxInto(x, x, 1, 3);
    expect(x[0]).toBe(9);
    expect(x[4]).toBe(9);
    for (let i = 0; i < 3; i++) expect(x[1 + i]).toBeCloseTo(ref[i], 14);
    expect(x[1] + x[2] + x[3]).toBeCloseTo(1, 15);
  });
});

describe('logSumExp', () => {
  it('equals log Σ exp on moderate values and m + log n for n equal huge values', () => {
    const rng = new Rng(2);
    for (let trial = 0; trial < 30; trial++) {
      const xs = Array.from({ length: 1 + rng.int(8) }, () => 3 * rng.normal());
      const ref = Math.log(xs.reduce((s, v) => s + Math.exp(v), 0));
      expect(logSumExp(Float64Array.from(xs))).toBeCloseTo(ref, 13);
    }
    expect(logSumExp(Float64Array.of(1000, 1000))).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(Float64Array.of(-1e5, -1e5, -1e5))).toBeCloseTo(-1e5 + Math.log(3), 9);
    expect(logSumExp(Float64Array.of(7, 1, 2, 3, 7), 1, 3)).toBeCloseTo(
      Math.log(Math.E + Math.E ** 2 + Math.E ** 3),
      13,
    );
    expect(logSumExp(Float64Array.of(-Infinity, -Infinity))).toBe(-Infinity);
    expect(logSumExp(Float64Array.of(-Infinity, 0))).toBe(0);
  });
});

describe('sampleCategorical', () => {
  it('returns the smallest i with u < Σ_{j≤i} p_j (exact boundaries, offsets, zero-probability entries)', () => {
    const p = Float64Array.of(9, 0.25, 0, 0.5, 0.25, 0);
    expect(sampleCategorical(p, 1, 5, 0)).toBe(0);
    expect(sampleCategorical(p, 1, 5, 0.2499)).toBe(0);
    expect(sampleCategorical(p, 1, 5, 0.25)).toBe(2); // entry 1 has p = 0: never chosen
    expect(sampleCategorical(p, 1, 5, 0.7499)).toBe(2);
    expect(sampleCategorical(p, 1, 5, 0.75)).toBe(3);
    // Rounding can leave Σp just below u: fall back to the last index with positive probability.
    const q = Float64Array.of(0.1, 0.1, 0.1, 0); // sums to 0.30000000000000004, but pretend u is past it
    expect(sampleCategorical(q, 0, 4, 0.9999)).toBe(2);
  });

  it('frequencies match p within 4 SE each, and Pearson’s χ² is below its 99.9% point', () => {
    const p = Float64Array.of(0.05, 0.3, 0.15, 0.0, 0.4, 0.1);
    const rng = new Rng(3);
    const n = 100000;
    const counts = new Array<number>(6).fill(0);
    for (let r = 0; r < n; r++) counts[sampleCategorical(p, 0, 6, rng.uniform())]++;
    let chi2 = 0;
    for (let i = 0; i < 6; i++) {
      const e = n * p[i];
      expect(Math.abs(counts[i] - e)).toBeLessThanOrEqual(4 * Math.sqrt(n * p[i] * (1 - p[i])));
      if (e > 0) chi2 += (counts[i] - e) ** 2 / e;
    }
    expect(counts[3]).toBe(0);
    expect(chi2).toBeLessThan(20.5); // χ²₄ 99.9% quantile ≈ 18.47; 5 free cells
  });
});

describe('RunningStat (Welford) versus a two-pass reference', () => {
  function twoPass(xs: number[]): { m: number; v: number } {
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    return { m, v };
  }

  it('matches on random data and stays accurate with a huge offset (where Σx² − n·m² cancels)', () => {
    const rng = new Rng(4);
    for (const offset of [0, 1e9]) {
      const xs = Array.from({ length: 5000 }, () => offset + 2 * rng.normal());
      const rs = new RunningStat();
      for (const x of xs) rs.push(x);
      const ref = twoPass(xs);
      expect(rs.n).toBe(5000);
      expect(rs.mean).toBeCloseTo(ref.m, offset ? 5 : 13);
      expect(Math.abs(rs.variance - ref.v) / ref.v).toBeLessThan(1e-6);
      expect(rs.standardError).toBeCloseTo(Math.sqrt(ref.v / 5000), 6);
      expect(sampleVariance(xs)).toBeCloseTo(ref.v, 6);
      expect(mean(xs)).toBeCloseTo(ref.m, offset ? 5 : 13);
    }
  });

  it('edge cases: no values, one value, reset', () => {
    const rs = new RunningStat();
    expect([rs.n, rs.mean, rs.variance, rs.standardError]).toEqual([0, 0, 0, 0]);
    rs.push(3);
    expect([rs.n, rs.mean, rs.variance, rs.standardError]).toEqual([1, 3, 0, 0]);
    rs.push(5);
    expect(rs.variance).toBe(2);
    rs.reset();
    expect([rs.n, rs.mean, rs.variance]).toEqual([0, 0, 0]);
    expect(sampleVariance([1])).toBe(0);
  });
});

describe('small helpers', () => {
  it('argmax (first on ties, offsets), dot, axpyInto, allFinite, clamp, mean over n', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([9, 1, 3, 3, 2], 1, 3)).toBe(1);
    expect(argmax([-Infinity, -5])).toBe(1);
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(dot([1, 2, 3], [4, 5, 6], 2)).toBe(14);
    const y = Float64Array.of(1, 1, 1);
    expect(Array.from(axpyInto(y, 2, [1, 2, 3], 2))).toEqual([3, 5, 1]);
    expect(allFinite([1, -1e308, 0])).toBe(true);
    expect(allFinite([1, NaN])).toBe(false);
    expect(allFinite([Infinity])).toBe(false);
    expect(allFinite([1, NaN], 1)).toBe(true);
    expect([clamp(-2, -1, 1), clamp(0.5, -1, 1), clamp(7, -1, 1)]).toEqual([-1, 0.5, 1]);
    expect(mean([1, 2, 3, 100], 3)).toBe(2);
  });
});
