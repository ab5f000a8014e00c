// The optimisation race: unbiased first steps, convergence on a quadratic, arrival, projection, the max
// objective, divergence and buffer reuse (determinism and the same-noise property: raceNoise.test.ts).
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_ESTIMATORS } from '../../../src/algos/exact/gaussianTypes';
import { gaussianGradientReport } from '../../../src/algos/exact/gaussian';
import { summarizeSamples } from '../../../src/algos/sampleMoments';
import { runRace, type RaceResult } from '../../../src/algos/lab/race';
import { base, box, quad } from './raceFixtures';

describe('runRace: optimisation', () => {
  it('the mean first step is −lr·∇E[f] (600 seeds, within 4 SE, every estimator)', () => {
    const [f, df] = [(z: number) => Math.cos(2 * z), (z: number) => -2 * Math.sin(2 * z)];
    const lr = 1e-3;
    const M = 600;
    const exact = gaussianGradientReport(f, df, 0.5, 0.8);
    const d = Object.fromEntries(
      GAUSSIAN_ESTIMATORS.map((n) => [n, { mu: new Float64Array(M), sigma: new Float64Array(M) }]),
    );
    let out: RaceResult | undefined;
    for (let seed = 0; seed < M; seed++) {
      out = runRace(f, df, { ...base, start: { mu: 0.5, sigma: 0.8 }, lr, steps: 1, samples: 16, seed }, out);
      for (const name of GAUSSIAN_ESTIMATORS) {
        d[name].mu[seed] = (out.paths[name][2] - 0.5) / -lr;
        d[name].sigma[seed] = (out.paths[name][3] - 0.8) / -lr;
      }
    }
    for (const name of GAUSSIAN_ESTIMATORS)
      for (const p of ['mu', 'sigma'] as const) {
        const s = summarizeSamples(d[name][p]);
        expect(Math.abs(s.mean - exact.grad[p])).toBeLessThan(4 * s.standardError);
        // Power (MuProp's Taylor control variate is poor here: per-sample Var ≈ 37 for σ against ≈ 1.2 for
        // the plain score function, so its mean is only checked, not resolved).
        if (name !== 'muprop') expect(4 * s.standardError).toBeLessThan(0.3 * Math.abs(exact.grad[p]));
      }
  });

  it('on (z − 2)² (min) pathwise and score-optimal reach μ ≈ 2 and σ = σ_lo, and arrive', () => {
    for (const seed of [1, 2, 3]) {
      const r = runRace(...quad, { ...base, seed });
      for (const name of ['pathwise', 'score-optimal'] as const) {
        const p = r.paths[name];
        expect(Math.abs(p[600] - 2)).toBeLessThan(0.05);
        expect(p[601]).toBe(box.sigmaLo);
        expect(r.values[name][300]).toBeLessThan(0.0125);
        expect(r.arrival[name]).toBeGreaterThan(0);
        expect(r.diverged[name]).toBe(-1);
      }
    }
  });

  it('arrival: the first step within tolerance of the target (given, or the best value reached)', () => {
    const r = runRace(...quad, base);
    const best = Math.min(...GAUSSIAN_ESTIMATORS.flatMap((n) => Array.from(r.values[n])));
    expect(r.target).toBe(best);
    const check = (res: RaceResult, target: number, tol: number) => {
      const band = tol * Math.abs(res.values.score[0] - target);
      for (const name of GAUSSIAN_ESTIMATORS) {
        const v = res.values[name];
        const t = res.arrival[name];
        const first = Array.from(v).findIndex((x) => x <= target + band);
        expect(t).toBe(first);
      }
    };
    check(r, best, 0.05);
    const given = runRace(...quad, { ...base, target: 0.01, tolerance: 0.01 });
    expect(given.target).toBe(0.01);
    check(given, 0.01, 0.01);
    const never = runRace(...quad, { ...base, steps: 5, target: 0.01 });
    expect(Object.values(never.arrival)).toEqual(GAUSSIAN_ESTIMATORS.map(() => -1));
  });

  it('projection keeps every point inside the box (and projects the start)', () => {
    const r = runRace(
      (z) => -z * z,
      (z) => -2 * z,
      { ...base, start: { mu: 10, sigma: 0.01 }, lr: 0.5, steps: 50 },
    );
    for (const name of GAUSSIAN_ESTIMATORS) {
      const p = r.paths[name];
      expect([p[0], p[1]]).toEqual([3, 0.1]);
      for (let t = 0; t <= 50; t++) {
        expect(p[2 * t]).toBeGreaterThanOrEqual(box.muLo);
        expect(p[2 * t]).toBeLessThanOrEqual(box.muHi);
        expect(p[2 * t + 1]).toBeGreaterThanOrEqual(box.sigmaLo);
        expect(p[2 * t + 1]).toBeLessThanOrEqual(box.sigmaHi);
      }
    }
    expect([r.paths.pathwise[100], r.paths.pathwise[101]]).toEqual([3, 3]);
  });

  it("'max' climbs: max of f is min of −f step for step, and exp(−(z − 1)²) is climbed to μ ≈ 1", () => {
    const up = runRace(
      (z) => -((z - 2) ** 2),
      (z) => -2 * (z - 2),
      { ...base, objective: 'max', steps: 100 },
    );
    const down = runRace(...quad, { ...base, steps: 100 });
    for (const name of GAUSSIAN_ESTIMATORS) {
      expect(up.paths[name]).toEqual(down.paths[name]);
      expect(up.arrival[name]).toBe(down.arrival[name]);
    }
    const bump = runRace(
      (z) => Math.exp(-((z - 1) ** 2)),
      (z) => -2 * (z - 1) * Math.exp(-((z - 1) ** 2)),
      {
        ...base,
        estimators: ['pathwise'],
        start: { mu: 0, sigma: 1 },
        objective: 'max',
        lr: 0.5,
      },
    );
    const p = bump.paths.pathwise;
    expect(Math.abs(p[600] - 1)).toBeLessThan(0.1);
    expect(p[601]).toBeLessThan(0.2);
    expect(bump.values.pathwise[300]).toBeGreaterThan(bump.values.pathwise[0] + 0.3);
  });
});

describe('runRace: divergence and buffers', () => {
  it('an f that is NaN somewhere stops runners and reports the step, without throwing', () => {
    // f(z) = −z on z ≤ 4, NaN beyond: minimising drives μ up into the NaN region.
    const f = (z: number) => (z > 4 ? NaN : -z);
    const df = (z: number) => (z > 4 ? NaN : -1);
    const r = runRace(f, df, {
      ...base,
      start: { mu: 0, sigma: 0.2 },
      box: { ...box, muHi: 10 },
      lr: 0.1,
      steps: 100,
    });
    for (const name of GAUSSIAN_ESTIMATORS) {
      const t = r.diverged[name];
      expect(t).toBeGreaterThan(0);
      const p = r.paths[name];
      for (let u = t + 1; u <= 100; u++) {
        expect([p[2 * u], p[2 * u + 1]]).toEqual([p[2 * t], p[2 * t + 1]]);
        expect(r.values[name][u]).toEqual(r.values[name][t]);
      }
      expect(r.values[name][0]).toBeCloseTo(0, 9);
    }
    // The exact value turns NaN once μ + 13σ > 4 (the quadrature's reach): the oracle baselines go first.
    expect(r.diverged['score-mean']).toBeLessThan(r.diverged.score);
    expect(Number.isFinite(r.target)).toBe(true);
  });

  it('writes into caller-provided (longer) buffers and returns them', () => {
    const cap = 400;
    const out: RaceResult = {
      paths: Object.fromEntries(
        GAUSSIAN_ESTIMATORS.map((n) => [n, new Float64Array(2 * (cap + 1)).fill(7)]),
      ) as RaceResult['paths'],
      values: Object.fromEntries(
        GAUSSIAN_ESTIMATORS.map((n) => [n, new Float64Array(cap + 1).fill(7)]),
      ) as RaceResult['values'],
      arrival: {} as RaceResult['arrival'],
      diverged: {} as RaceResult['diverged'],
      target: 0,
    };
    const opts = { ...base, steps: 50, estimators: ['score', 'pathwise'] as const };
    const r = runRace(...quad, opts, out);
    expect(r).toBe(out);
    const fresh = runRace(...quad, opts);
    for (const name of ['score', 'pathwise'] as const) {
      expect(Array.from(r.paths[name].subarray(0, 102))).toEqual(Array.from(fresh.paths[name]));
      expect(Array.from(r.values[name].subarray(0, 51))).toEqual(Array.from(fresh.values[name]));
      expect(r.paths[name][102]).toBe(7);
      expect(r.values[name][51]).toBe(7);
    }
    expect(r.arrival).toEqual(fresh.arrival);
    expect(r.paths.loo.subarray(0, 102).every(Number.isNaN)).toBe(true);
    expect(r.paths.loo[102]).toBe(7);
    expect(() => runRace(...quad, { ...base, steps: cap + 1 }, out)).toThrow(/too short/);
  });

  it('rejects bad options', () => {
    expect(() => runRace(...quad, { ...base, samples: 1 })).toThrow(/samples/);
    expect(() => runRace(...quad, { ...base, box: { ...box, sigmaLo: 0 } })).toThrow(/box/);
    expect(() => runRace(...quad, { ...base, lr: -1 })).toThrow(/lr/);
    expect(() => runRace(...quad, { ...base, steps: 2.5 })).toThrow(/steps/);
  });
});
