// The trainers' shortcuts compute exactly what the general code computes, bit for bit:
//  - Batch.finishEpisode's one-step branch equals the loops it replaces (−0 rewards, γ = 0 and 1 included).
import { describe, expect, it } from 'vitest';
import { Batch } from '../../src/algos/Batch';

/** Bit patterns, so −0 and NaN payloads count. */
function bits(xs: ArrayLike<number>): string[] {
  const b = new Float64Array(1);
  const u = new BigUint64Array(b.buffer);
  return Array.from(xs, (x) => {
    b[0] = x;
    return u[0].toString(16);
  });
}

describe('Batch.finishEpisode one-step branch', () => {
  it('equals the general loops: G = R + γ·0, return 0 + R, γ⁰ = 1, t = 0 (−0 becomes +0 as in the loop)', () => {
    for (const gamma of [0, 0.5, 1])
      for (const r of [-0, 0, 1.5, -2, Infinity, NaN]) {
        const one = new Batch(0, 1, 2);
        one.reward[one.push()] = r;
        const ret = one.finishEpisode(gamma);
        // the general loops on the same row
        let g = 0;
        let sum = 0;
        g = r + gamma * g;
        sum += r;
        expect(bits([ret, one.ret[0], one.discount[0], one.time[0]])).toEqual(bits([sum, g, 1, 0]));
        expect([one.episodes, one.starts[1]]).toEqual([1, 1]);
      }
  });
});
