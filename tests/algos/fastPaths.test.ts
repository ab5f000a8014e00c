// The trainers' shortcuts compute exactly what the general code computes, bit for bit:
//  - NormalBlock serves a generator's normals in its own order, across block refills, odd request sizes and
//    re-seeding (clear);
//  - Batch.finishEpisode's one-step branch equals the loops it replaces (−0 rewards, γ = 0 and 1 included);
//  - REINFORCE's update for a batch of one one-step episode equals the general update (forced by recording
//    the explanation, which only reads) for every baseline kind, optimizer, reward and divergence.
import { describe, expect, it } from 'vitest';
import { Rng, Stream } from '../../src/core/random';
import { Batch } from '../../src/algos/Batch';
import { baselineKinds } from '../../src/algos/baselines';
import { defaultConfig, type RunConfig } from '../../src/algos/config';
import { NORMAL_BLOCK, NormalBlock } from '../../src/algos/policies/NormalBlock';
import { ReinforceTrainer } from '../../src/algos/reinforce';
import { createRun, type Run } from '../../src/algos/run';
import { optimizerKinds } from '../../src/algos/optimizers';

/** Bit patterns, so −0 and NaN payloads count. */
function bits(xs: ArrayLike<number>): string[] {
  const b = new Float64Array(1);
  const u = new BigUint64Array(b.buffer);
  return Array.from(xs, (x) => {
    b[0] = x;
    return u[0].toString(16);
  });
}

function state(run: Run): unknown {
  const t = run.trainer;
  const b = t instanceof ReinforceTrainer ? t.baselines : null;
  return {
    theta: bits(t.theta),
    stats: bits(Object.values(t.stats)),
    error: t.error,
    baselines: b && bits([b.average, b.count, b.ema, ...b.value, ...b.optNum, ...b.optDen]),
  };
}

describe('NormalBlock', () => {
  it('serves the generator’s normals in order across refills, for any request sizes', () => {
    const direct = new Rng(9, Stream.agent);
    const block = new NormalBlock(new Rng(9, Stream.agent));
    const n = 3 * NORMAL_BLOCK + 17;
    const want = direct.normalsInto(new Float64Array(n), 0, n);
    const got = new Float64Array(n + 5);
    let at = 5;
    for (let k = 1; at < n + 5; k = (k % 7) + 1) {
      const m = Math.min(k, n + 5 - at);
      block.normalsInto(got, at, m);
      at += m;
    }
    expect(bits(got.subarray(5))).toEqual(bits(want));
  });

  it('clear() after re-seeding starts the new stream; uniform() refuses', () => {
    const rng = new Rng(4);
    const block = new NormalBlock(rng);
    block.normalsInto(new Float64Array(3), 0, 3);
    rng.seed(4);
    block.clear();
    const got = block.normalsInto(new Float64Array(5), 0, 5);
    expect(bits(got)).toEqual(bits(new Rng(4).normalsInto(new Float64Array(5), 0, 5)));
    expect(() => block.uniform()).toThrow(/normals only/);
  });
});

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

describe('REINFORCE: the one-step N = 1 update equals the general update', () => {
  const cases: [string, Partial<RunConfig>][] = [
    ['continuous bandit', { ...defaultConfig('continuous-bandit'), estimator: 'score' }],
    [
      'continuous bandit, lr 40 (diverges)',
      { ...defaultConfig('continuous-bandit'), estimator: 'score', lr: 40 },
    ],
    ['bandit', defaultConfig('bandit')],
    ['bandit, 0/1 rewards', { ...defaultConfig('bandit'), bernoulli: true, lr: 0.4 }],
  ];
  for (const [name, base] of cases)
    it(`${name}: every baseline kind and optimizer, with live switches`, () => {
      let errors = 0;
      for (const baseline of baselineKinds)
        for (const optimizer of optimizerKinds) {
          const config = { ...defaultConfig(base.env), ...base, baseline, optimizer, batch: 1, seed: 3 };
          const fast = createRun(config);
          const general = createRun(config);
          (general.trainer as ReinforceTrainer<number, number>).recordExplain = true;
          for (let i = 0; i < 900; i++) {
            if (i === 300) for (const r of [fast, general]) r.trainer.settings.baseline = 'learned';
            if (i === 500) for (const r of [fast, general]) r.trainer.settings.baseline = 'loo';
            if (i === 700) for (const r of [fast, general]) r.trainer.settings.baseline = baseline;
            expect(fast.trainer.step()).toBe(general.trainer.step());
            if (fast.trainer.error) {
              errors++;
              fast.trainer.reset();
              general.trainer.reset();
            }
          }
          expect(state(fast), `${baseline} ${optimizer}`).toEqual(state(general));
        }
      if (name.includes('diverges')) expect(errors).toBeGreaterThan(0);
    });
});
