// The lessons' checks are functions of measured numbers: exact values of the statistics they use, and for each
// lesson numbers that agree with it, numbers that contradict it (the check must follow the data, not the
// lesson) and numbers too noisy to decide.
import { describe, expect, it } from 'vitest';
import {
  CORRIDOR_OPTIMUM,
  baselineGain,
  checkBandit,
  checkBatch,
  checkCorridor,
  checkFails,
  checkGridworld,
  checkSmooth,
  corridorJ,
  findingOf,
  verdictOf,
} from '../../src/state/lessons/checks';
import { LESSONS } from '../../src/state/lessons/catalog';
import {
  compareArms,
  fmt,
  meanAndSe,
  uniqueMatch,
  varianceRatio,
  windowMean,
} from '../../src/state/lessons/stats';
import type {
  BatchMeasurement,
  CosVariances,
  FailsMeasurement,
  SeriesStats,
} from '../../src/state/lessons/types';
import { readHash } from '../../src/state/url';
import { readLabHash } from '../../src/state/labUrl';

const flat = (m: number, se: number, n: number): SeriesStats => ({
  mean: Array(n).fill(m),
  se: Array(n).fill(se),
});
/** A curve that goes linearly from a to b over n episodes. */
const ramp = (a: number, b: number, se: number, n: number): SeriesStats => ({
  mean: Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1)),
  se: Array(n).fill(se),
});

describe('statistics of the checks', () => {
  it('windowMean averages means and bounds the SE by the mean SE', () => {
    const s = { mean: [1, 2, 3, 4], se: [0.1, 0.2, 0.3, 0.4] };
    expect(windowMean(s, 1, 3)).toEqual({ mean: 2.5, se: 0.25 });
    expect(windowMean(s, -5, 99)).toEqual({ mean: 2.5, se: 0.25 });
    expect(windowMean(s, 3, 3).mean).toBeNaN();
  });

  it('compareArms: clear, equivalent within a margin, and inconclusive', () => {
    expect(compareArms(flat(1, 0.1, 10), flat(0.5, 0.1, 10), 0, 10, 0.1).outcome).toBe('a');
    expect(compareArms(flat(0.5, 0.1, 10), flat(1, 0.1, 10), 0, 10, 0.1).outcome).toBe('b');
    // |0.01| + 2·0.02 = 0.05 < 0.1
    const same = compareArms(flat(1.01, 0.01, 10), flat(1, 0.01, 10), 0, 10, 0.1);
    expect(same.outcome).toBe('same');
    expect(same.diff).toBeCloseTo(0.01, 12);
    expect(same.se).toBeCloseTo(0.02, 12);
    // 0.3 < 2·0.2 and too wide to call equal
    expect(compareArms(flat(1.3, 0.1, 10), flat(1, 0.1, 10), 0, 10, 0.1).outcome).toBeNull();
    expect(compareArms(flat(NaN, 0.1, 10), flat(1, 0.1, 10), 0, 10, 0.1).outcome).toBeNull();
  });

  it('meanAndSe, varianceRatio and uniqueMatch', () => {
    const w = meanAndSe([1, 2, 3, 4]);
    expect(w.mean).toBe(2.5);
    expect(w.se).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
    const r = varianceRatio({ variance: 8, se: 0.8 }, { variance: 2, se: 0.1 });
    expect(r.mean).toBe(4);
    expect(r.se).toBeCloseTo(4 * Math.hypot(0.1, 0.05), 14);
    expect(uniqueMatch({ mean: 0.6, se: 0.01 }, [0, 0.5, 0.586, 1], 3)).toBe(2);
    expect(uniqueMatch({ mean: 0.55, se: 0.03 }, [0, 0.5, 0.586, 1], 3)).toBe(-1); // both 0.5 and 0.586
    expect(uniqueMatch({ mean: 0.3, se: 0.01 }, [0, 0.5, 0.586, 1], 3)).toBe(-1); // none
    expect(uniqueMatch({ mean: 0.98, se: 0.001 }, [0, 1], 3)).toBe(-1);
    expect(uniqueMatch({ mean: 0.98, se: 0.001 }, [0, 1], 3, 0.03)).toBe(1);
  });

  it('fmt: significant digits, true minus, exponent form', () => {
    expect(fmt(0.58578)).toBe('0.586');
    expect(fmt(-11.657, 4)).toBe('−11.66');
    expect(fmt(0.000171, 2)).toBe('1.7e-4');
    expect(fmt(-Infinity)).toBe('−∞');
  });

  it('the corridor J(p) is maximal at 2 − √2 with J = −(6 + 4√2)', () => {
    expect(corridorJ(CORRIDOR_OPTIMUM)).toBeCloseTo(-(6 + 4 * Math.SQRT2), 12);
    for (const d of [-1e-3, 1e-3])
      expect(corridorJ(CORRIDOR_OPTIMUM + d)).toBeLessThan(corridorJ(CORRIDOR_OPTIMUM));
    expect(corridorJ(0)).toBe(-Infinity);
    expect(corridorJ(1)).toBe(-Infinity);
  });
});

describe('lesson 1: bandit baseline', () => {
  const n = 1000;
  it('follows the data', () => {
    expect(
      checkBandit({
        kind: 'bandit-baseline',
        withBaseline: flat(0.9, 0.03, n),
        withoutBaseline: flat(0.5, 0.05, n),
      }).outcome,
    ).toBe('worse');
    expect(
      checkBandit({
        kind: 'bandit-baseline',
        withBaseline: flat(0.5, 0.05, n),
        withoutBaseline: flat(0.9, 0.03, n),
      }).outcome,
    ).toBe('better');
    expect(
      checkBandit({
        kind: 'bandit-baseline',
        withBaseline: flat(0.8, 0.005, n),
        withoutBaseline: flat(0.8, 0.005, n),
      }).outcome,
    ).toBe('same');
    expect(
      checkBandit({
        kind: 'bandit-baseline',
        withBaseline: flat(0.9, 0.05, n),
        withoutBaseline: flat(0.8, 0.05, n),
      }).outcome,
    ).toBeNull();
  });
  it('only the last 100 steps count', () => {
    const early = { mean: [...Array(900).fill(0.9), ...Array(100).fill(0.5)], se: Array(n).fill(0.03) };
    expect(
      checkBandit({ kind: 'bandit-baseline', withBaseline: early, withoutBaseline: flat(0.9, 0.03, n) })
        .outcome,
    ).toBe('better');
  });
});

describe('lesson 2: corridor', () => {
  const m = (ps: number[]) => ({
    kind: 'corridor' as const,
    finalProbRight: ps,
    probRight: flat(0, 0, 1),
    jLearned: 0,
    jOptimal: 0,
  });
  const around = (c: number, spread: number) =>
    Array.from({ length: 50 }, (_, i) => c + spread * Math.sin(i));
  it('picks the one target within 3 SE of the mean', () => {
    expect(checkCorridor(m(around(0.59, 0.1))).outcome).toBe('optimum');
    expect(checkCorridor(m(around(0.5, 0.02))).outcome).toBe('half');
    expect(checkCorridor(m(around(0.9, 0.01))).outcome).toBeNull(); // near 1, but 1 is far beyond 3 SE + 0.03
    expect(checkCorridor(m(around(0.999, 0.001))).outcome).toBe('right');
    expect(checkCorridor(m(around(0.02, 0.02))).outcome).toBe('left');
    expect(checkCorridor(m(around(0.55, 0.3))).outcome).toBeNull(); // too noisy: 0.5 and 0.586 both fit
  });
});

describe('lesson 3: gridworld baseline', () => {
  const g = (a: SeriesStats, b: SeriesStats) => ({
    kind: 'gridworld-baseline' as const,
    withV: a,
    withoutV: b,
    lengthWithV: flat(9, 1, 200),
    lengthWithoutV: flat(28, 3, 200),
  });
  it('follows the data', () => {
    expect(checkGridworld(g(flat(0.42, 0.09, 200), flat(-0.24, 0.1, 200))).outcome).toBe('helps');
    expect(checkGridworld(g(flat(-0.24, 0.1, 200), flat(0.42, 0.09, 200))).outcome).toBe('hurts');
    expect(checkGridworld(g(flat(0.4, 0.01, 200), flat(0.41, 0.01, 200))).outcome).toBe('same');
    expect(checkGridworld(g(flat(0.4, 0.1, 200), flat(0.2, 0.1, 200))).outcome).toBeNull();
  });
});

describe('lesson 4: smooth reward', () => {
  it('follows the data', () => {
    const s = (a: SeriesStats, b: SeriesStats) =>
      checkSmooth({ kind: 'smooth-reward', pathwise: a, reinforce: b }).outcome;
    expect(s(flat(-0.28, 0.02, 200), flat(-0.67, 0.06, 200))).toBe('pathwise');
    expect(s(flat(-0.67, 0.06, 200), flat(-0.28, 0.02, 200))).toBe('reinforce');
    expect(s(flat(-0.3, 0.01, 200), flat(-0.31, 0.01, 200))).toBe('same');
  });
});

describe('lesson 5: when pathwise fails', () => {
  const cos = (pw: number, sc: number): CosVariances[] => [
    {
      k: 0.5,
      exact: { score: 0.455, pathwise: 0.039 },
      measured: { score: { variance: 0.455, se: 0.002 }, pathwise: { variance: 0.039, se: 0.0002 } },
    },
    {
      k: 5,
      exact: { score: sc, pathwise: pw },
      measured: { score: { variance: sc, se: 0.003 }, pathwise: { variance: pw, se: 0.03 } },
    },
  ];
  const fails = (c: CosVariances[], pw: SeriesStats, rf: SeriesStats): FailsMeasurement => ({
    kind: 'pathwise-fails',
    cos: c,
    stepPathwise: pw,
    stepReinforce: rf,
  });
  const still = flat(0.16, 0.026, 200);
  const climbs = ramp(0.2, 0.96, 0.02, 200);
  it('combines the cos verdict (largest k) with the step verdict', () => {
    expect(checkFails(fails(cos(12.5, 0.5), still, climbs)).outcome).toBe('noisy-blind');
    expect(checkFails(fails(cos(12.5, 0.5), climbs, climbs)).outcome).toBe('noisy-learns');
    expect(checkFails(fails(cos(0.1, 0.5), still, climbs)).outcome).toBe('smooth-blind');
    expect(checkFails(fails(cos(0.1, 0.5), climbs, climbs)).outcome).toBe('wins-both');
  });
  it('is not conclusive when either part is not', () => {
    expect(checkFails(fails(cos(0.5, 0.5), still, climbs)).outcome).toBeNull();
    expect(checkFails(fails(cos(12.5, 0.5), flat(0.16, 0.1, 200), climbs)).outcome).toBeNull();
  });
});

describe('lesson 6: batch size', () => {
  /**
   * Score variances v1/N-ish at N = 1, 4, 16, 64 (v16 at N = 16, v16/4 at N = 64), and b* and leave-one-out
   * variances that are the score's divided by `gainOpt` and `gainLoo`; every SE is `rel` × the variance.
   */
  const batch = (v1: number, v16: number, gainOpt = 2.29, gainLoo = 2, rel = 0.03): BatchMeasurement => {
    const at = (v: number) => ({ variance: v, se: rel * v });
    const score = [v1, v1 / 4, v16, v16 / 4];
    return {
      kind: 'batch-size',
      sizes: [1, 4, 16, 64],
      measured: {
        score: score.map(at),
        'score-optimal': score.map((v) => at(v / gainOpt)),
        loo: score.map((v, i) => (i === 0 ? { variance: NaN, se: NaN } : at(v / gainLoo))),
      },
      exact: { score: [1, 1, 1, 1], 'score-optimal': [1, 1, 1, 1], loo: [1, 1, 1, 1] },
    };
  };
  it('the SD part reads V(N = 1)/V(N = 16) against 16 (SD ÷ 4) and 256 (SD ÷ 16)', () => {
    expect(checkBatch(batch(87, 87 / 16)).outcome).toBe('quarter-lot');
    expect(checkBatch(batch(87, 87 / 256)).outcome).toBe('sixteenth-lot');
    // numbers that contradict the 1/√N part: SD unchanged or halved is none of the choices
    expect(checkBatch(batch(87, 87)).outcome).toBeNull();
    expect(checkBatch(batch(87, 87 / 4)).outcome).toBeNull();
    expect(checkBatch(batch(87, 87 / 10)).outcome).toBeNull();
    expect(checkBatch(batch(87, 87 / 16, 2.29, 2, 0.5)).outcome).toBeNull(); // too noisy to tell 4 from 16
  });

  it('the baseline part: every Var[score]/Var[baseline] at N = 16 and 64 beyond 1.5 or below 1.2 by 2 SE', () => {
    // rel SE 3 % per variance: SE(r) = r·√2·0.03 ≈ 0.042·r
    expect(checkBatch(batch(87, 87 / 16, 1.05, 1.02)).outcome).toBe('quarter-hardly');
    expect(checkBatch(batch(87, 87 / 256, 1, 1)).outcome).toBe('sixteenth-hardly');
    // numbers that contradict "a lot": leave-one-out gains only 1.3 (b* still 2.29) — neither a lot nor hardly
    expect(checkBatch(batch(87, 87 / 16, 2.29, 1.3)).outcome).toBeNull();
    // 1.62 − 2·0.069 = 1.48 < 1.5: just short of "a lot" within 2 SE
    expect(checkBatch(batch(87, 87 / 16, 1.62, 1.62)).outcome).toBeNull();
    // 1.66 − 2·0.070 = 1.52 ≥ 1.5
    expect(checkBatch(batch(87, 87 / 16, 1.66, 1.66)).outcome).toBe('quarter-lot');
    // 1.12 + 2·0.048 = 1.22 > 1.2: not clearly "hardly"
    expect(checkBatch(batch(87, 87 / 16, 1.12, 1.0)).outcome).toBeNull();
    // a noisy run (30 % SE per variance) decides neither
    expect(checkBatch(batch(87, 87 / 16, 2.29, 2, 0.3)).outcome).toBeNull();
  });

  it('the ratios are the delta-method ones, and the text gives each with its SE', () => {
    const m = batch(87, 87 / 16);
    const g = baselineGain(m);
    expect(g.ratios.map((r) => [r.estimator, r.N])).toEqual([
      ['score-optimal', 16],
      ['loo', 16],
      ['score-optimal', 64],
      ['loo', 64],
    ]);
    expect(g.ratios[1].ratio.mean).toBeCloseTo(2, 12);
    expect(g.ratios[1].ratio.se).toBeCloseTo(2 * Math.SQRT2 * 0.03, 12);
    expect(g.verdict).toBe('lot');
    const shows = checkBatch(m).shows;
    expect(shows).toContain('leave-one-out at N = 64: 2 ± 0.085');
    expect(shows).toContain('b* at N = 16: 2.29 ± 0.097');
    // without N = 64 the baseline part cannot be decided
    const short: BatchMeasurement = {
      ...m,
      sizes: [1, 4, 16],
      measured: {
        score: m.measured.score.slice(0, 3),
        'score-optimal': m.measured['score-optimal'].slice(0, 3),
        loo: m.measured.loo.slice(0, 3),
      },
    };
    expect(baselineGain(short).verdict).toBeNull();
    expect(checkBatch(short).outcome).toBeNull();
  });
});

describe('verdicts and the catalog', () => {
  it('says right, wrong or not conclusive, with the prediction and the numbers', () => {
    const m = {
      kind: 'bandit-baseline' as const,
      withBaseline: flat(0.9, 0.03, 1000),
      withoutBaseline: flat(0.5, 0.05, 1000),
    };
    const right = verdictOf(m, 'worse');
    expect(right.correct).toBe(true);
    expect(right.predicted).toContain('Clearly worse');
    expect(right.shows).toContain('90.0% ± 3.0%');
    expect(right.why.length).toBeGreaterThan(50);
    expect(verdictOf(m, 'same').correct).toBe(false);
    const unclear = { ...m, withoutBaseline: flat(0.85, 0.05, 1000) };
    expect(verdictOf(unclear, 'worse').correct).toBeNull();
    expect(verdictOf(unclear, 'worse').shows).toMatch(/not conclusive/);
  });

  it('every lesson has unique choice ids, and every outcome a check can give is one of them', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(6);
    const outcomes: Record<string, string[]> = {
      'bandit-baseline': ['worse', 'same', 'better'],
      corridor: ['left', 'half', 'optimum', 'right'],
      'gridworld-baseline': ['helps', 'same', 'hurts'],
      'smooth-reward': ['pathwise', 'same', 'reinforce'],
      'pathwise-fails': ['wins-both', 'noisy-blind', 'noisy-learns', 'smooth-blind'],
      'batch-size': ['quarter-lot', 'quarter-hardly', 'sixteenth-lot', 'sixteenth-hardly'],
    };
    for (const l of LESSONS) expect(l.choices.map((c) => c.id).sort()).toEqual([...outcomes[l.id]].sort());
  });

  it('links open the playground and the lab without a single ignored key', () => {
    for (const l of LESSONS) {
      expect(l.links.length).toBeGreaterThan(0);
      for (const link of l.links) {
        const [page, hash] = link.href.split('#');
        if (page === './lab.html') expect(readLabHash(hash).errors).toEqual([]);
        else {
          expect(page).toBe('./');
          expect(readHash(hash).errors).toEqual([]);
        }
      }
    }
    const bandit = readHash(LESSONS[0].links[0].href.split('#')[1]);
    expect(bandit.config).toMatchObject({ env: 'bandit', armMean: 4, baseline: 'average', lr: 0.1 });
    expect(bandit.compare).toEqual({ enabled: true, b: { baseline: 'none' } });
  });

  it('findingOf dispatches on the kind', () => {
    const m = {
      kind: 'smooth-reward' as const,
      pathwise: flat(-0.28, 0.02, 200),
      reinforce: flat(-0.67, 0.06, 200),
    };
    expect(findingOf(m)).toEqual(checkSmooth(m));
  });
});
