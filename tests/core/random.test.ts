// The seeded generator: determinism, independent streams, seed() ≡ constructor, and the moments of
// uniform(), int() and normal() within standard errors computed from the theoretical higher moments.
import { describe, expect, it } from 'vitest';
import { Rng, Stream, deriveSeed, mix32 } from '../../src/core/random';

function draws(rng: Rng, n: number, f: (r: Rng) => number): number[] {
  return Array.from({ length: n }, () => f(rng));
}

describe('Rng determinism and streams', () => {
  it('the same seed (and stream) gives the same sequence; different seeds and streams differ', () => {
    const u = (r: Rng) => r.nextU32();
    expect(draws(new Rng(42), 100, u)).toEqual(draws(new Rng(42), 100, u));
    expect(draws(new Rng(42, Stream.agent), 100, u)).toEqual(draws(new Rng(42, Stream.agent), 100, u));
    const base = draws(new Rng(42), 100, u);
    const others = [
      draws(new Rng(43), 100, u),
      draws(new Rng(42, Stream.env), 100, u),
      draws(new Rng(42, Stream.agent), 100, u),
      draws(new Rng(43, Stream.agent), 100, u),
    ];
    for (const o of [base, ...others])
      for (const p of [base, ...others])
        if (o !== p) {
          let same = 0;
          for (let i = 0; i < 100; i++) if (o[i] === p[i]) same++;
          expect(same).toBeLessThan(3); // 32-bit words coincide with probability 2^-32 each
        }
    // Seeds are taken modulo 2^32.
    expect(draws(new Rng(2 ** 32 + 5), 10, u)).toEqual(draws(new Rng(5), 10, u));
    expect(draws(new Rng(-1), 10, u)).toEqual(draws(new Rng(2 ** 32 - 1), 10, u));
  });

  it('seed(s, stream) reproduces new Rng(s, stream) exactly, including a pending Box–Muller spare', () => {
    const r = new Rng(7, Stream.agent);
    r.normal(); // leaves a spare normal behind
    r.seed(11, Stream.env);
    const fresh = new Rng(11, Stream.env);
    const mixed = (x: Rng) => [
      x.normal(),
      x.uniform(),
      x.normal(),
      x.normal(),
      x.int(10),
      x.uniformPositive(),
    ];
    expect(mixed(r)).toEqual(mixed(fresh));
    r.seed(3);
    expect(draws(r, 20, (x) => x.normal())).toEqual(draws(new Rng(3), 20, (x) => x.normal()));
  });

  it('normalsInto fills a slice with the same values as successive normal() calls (a pending spare first)', () => {
    const out = new Float64Array(8).fill(5);
    new Rng(9).normalsInto(out, 2, 4);
    expect(Array.from(out.subarray(0, 2))).toEqual([5, 5]);
    expect(Array.from(out.subarray(2, 6))).toEqual(draws(new Rng(9), 4, (x) => x.normal()));
    expect(Array.from(out.subarray(6))).toEqual([5, 5]);
    // Mixed use: one normal() leaves the sin half pending; normalsInto must hand it out first, and normal()
    // afterwards must continue the same sequence.
    const mixed = new Rng(10);
    const seq = [mixed.normal(), ...mixed.normalsInto(new Float64Array(3)), mixed.normal(), mixed.normal()];
    expect(seq).toEqual(draws(new Rng(10), 6, (x) => x.normal()));
  });

  it('mix32 is a bijection-like hash (no collisions on 0..9999) and deriveSeed separates streams', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10000; i++) seen.add(mix32(i));
    expect(seen.size).toBe(10000);
    const seeds = new Set([0, 1, 2, 3, 4, 5].map((s) => deriveSeed(1, s)));
    expect(seeds.size).toBe(6);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});

describe('Rng distributions (moments within 4 SE, SE from the theoretical higher moments)', () => {
  const n = 200000;

  it('uniform(): range [0, 1), mean 1/2 (SE √(1/12n)), variance 1/12 (SE √((1/80 − 1/144)/n))', () => {
    const rng = new Rng(123);
    let s1 = 0;
    let s2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      s1 += u;
      s2 += (u - 0.5) ** 2;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(s1 / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
    const pos = new Rng(5);
    let bad = 0;
    for (let i = 0; i < 10000; i++) {
      const v = pos.uniformPositive();
      if (!(v > 0 && v <= 1)) bad++;
    }
    expect(bad).toBe(0);
  });

  it('int(n): every value in {0..n−1} with frequency 1/n within 4 SE', () => {
    const rng = new Rng(77);
    const k = 7;
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(k)]++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n); // every draw landed on an integer index in range
    for (const c of counts)
      expect(Math.abs(c / n - 1 / k)).toBeLessThan(4 * Math.sqrt(((1 / k) * (1 - 1 / k)) / n));
  });

  it('normal(): mean 0, variance 1, skewness 0, kurtosis 3 (SEs from E z² = 1, E z⁴ = 3, E z⁶ = 15, E z⁸ = 105)', () => {
    const rng = new Rng(2024, Stream.agent);
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      const z2 = z * z;
      s1 += z;
      s2 += z2;
      s3 += z2 * z;
      s4 += z2 * z2;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(4 * Math.sqrt(1 / n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4 * Math.sqrt((3 - 1) / n));
    expect(Math.abs(s3 / n)).toBeLessThan(4 * Math.sqrt(15 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(4 * Math.sqrt((105 - 9) / n));
  });

  it('normal(): consecutive pairs (cos and sin halves of Box–Muller) are uncorrelated', () => {
    const rng = new Rng(31);
    let c = 0;
    for (let i = 0; i < n / 2; i++) c += rng.normal() * rng.normal();
    expect(Math.abs(c / (n / 2))).toBeLessThan(4 * Math.sqrt(1 / (n / 2)));
  });
});
