// The optimisation race's noise: a seed reproduces a race, and every runner sees the same ε sequence (S
// normals per step from one Rng(seed, Stream.diagnostics)), whoever else races and whoever diverges.
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_ESTIMATORS, type GaussianEstimatorName } from '../../../src/algos/exact/gaussianTypes';
import { gaussianGradientReport } from '../../../src/algos/exact/gaussian';
import { GaussianEstimatorSampler } from '../../../src/algos/gaussianEstimators';
import { summarizeSamples } from '../../../src/algos/sampleMoments';
import { runRace, type RaceOptions } from '../../../src/algos/lab/race';
import { base, box, quad } from './raceFixtures';
import { Rng, Stream } from '../../../src/core/random';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

describe('runRace: determinism and the same noise for every runner', () => {
  it('same seed → identical result; another seed → different paths', () => {
    const a = runRace(...quad, { ...base, steps: 60 });
    const b = runRace(...quad, { ...base, steps: 60 });
    expect(b).toEqual(a);
    const c = runRace(...quad, { ...base, steps: 60, seed: 2 });
    for (const name of GAUSSIAN_ESTIMATORS) expect(c.paths[name]).not.toEqual(a.paths[name]);
  });

  it('step 0 of every runner is Π(θ₀ − lr·mean ĝ) on the first S normals of Rng(seed, diagnostics)', () => {
    const [f, df] = [(z: number) => Math.cos(3 * z), (z: number) => -3 * Math.sin(3 * z)];
    const opts = { ...base, start: { mu: 0.4, sigma: 0.7 }, steps: 1, samples: 8, seed: 17 };
    const r = runRace(f, df, opts);
    const rep = gaussianGradientReport(f, df, 0.4, 0.7, { batch: 8 });
    const s = new GaussianEstimatorSampler(8, 8).sample(
      f,
      df,
      0.4,
      0.7,
      8,
      new Rng(17, Stream.diagnostics),
      rep.baselines,
    );
    for (const name of GAUSSIAN_ESTIMATORS) {
      const g = summarizeSamples(s.estimates[name].mu).mean;
      const h = summarizeSamples(s.estimates[name].sigma).mean;
      expect(r.paths[name][2]).toBeCloseTo(clamp(0.4 - opts.lr * g, box.muLo, box.muHi), 12);
      expect(r.paths[name][3]).toBeCloseTo(clamp(0.7 - opts.lr * h, box.sigmaLo, box.sigmaHi), 12);
      expect(r.values[name][0]).toBe(rep.value);
    }
  });

  it('every runner consumes exactly S normals per step, in order (f = z, odd S, full paths replayed)', () => {
    // For f(z) = z every estimate is a closed form in ε, so the whole trajectory can be replayed from the
    // normals n_{tS+i} of one Rng(seed, diagnostics): the Box–Muller spare carries over between steps.
    const S = 3;
    const opts: RaceOptions = {
      ...base,
      start: { mu: 0, sigma: 1 },
      box: { ...box, muLo: -1 },
      steps: 40,
      samples: S,
      lr: 0.05,
      seed: 5,
    };
    const r = runRace(
      (z) => z,
      () => 1,
      opts,
    );
    const grads: Partial<
      Record<GaussianEstimatorName, (mu: number, s: number, e: number[]) => [number, number]>
    > = {
      pathwise: (_m, _s, e) => [1, mean(e)],
      score: (m, s, e) => [
        mean(e.map((x) => ((m + s * x) * x) / s)),
        mean(e.map((x) => ((m + s * x) * (x * x - 1)) / s)),
      ],
      // b = E[z] = μ and b*_μ = b*_σ = μ for f = z: both reduce to (ε², ε³ − ε).
      'score-mean': (_m, _s, e) => [mean(e.map((x) => x * x)), mean(e.map((x) => x * x * x - x))],
      'score-optimal': (_m, _s, e) => [mean(e.map((x) => x * x)), mean(e.map((x) => x * x * x - x))],
      // h(z) = z exactly, so MuProp has no noise at all.
      muprop: () => [1, 0],
      loo: (m, s, e) => {
        const z = e.map((x) => m + s * x);
        const tot = z.reduce((a, b) => a + b, 0);
        const a = z.map((zi) => (S * zi - tot) / (S - 1));
        return [
          mean(a.map((ai, j) => (ai * e[j]) / s)),
          mean(a.map((ai, j) => (ai * (e[j] * e[j] - 1)) / s)),
        ];
      },
    };
    for (const name of GAUSSIAN_ESTIMATORS) {
      const rng = new Rng(5, Stream.diagnostics);
      let [mu, s] = [0, 1];
      for (let t = 0; t < opts.steps; t++) {
        const e = Array.from({ length: S }, () => rng.normal());
        const [gm, gs] = grads[name]!(mu, s, e);
        mu = clamp(mu - opts.lr * gm, -1, box.muHi);
        s = clamp(s - opts.lr * gs, box.sigmaLo, box.sigmaHi);
        expect(r.paths[name][2 * t + 2]).toBeCloseTo(mu, 9);
        expect(r.paths[name][2 * t + 3]).toBeCloseTo(s, 9);
      }
    }
    expect(r.paths.pathwise[2 * 40]).toBe(-1);
  });

  it('a runner’s path does not depend on which others race (nor on one of them diverging)', () => {
    const all = runRace(...quad, { ...base, steps: 80 });
    for (const name of ['pathwise', 'loo', 'score-mean'] as const) {
      const alone = runRace(...quad, { ...base, steps: 80, estimators: [name] });
      expect(alone.paths[name]).toEqual(all.paths[name]);
      expect(alone.paths.score.every(Number.isNaN)).toBe(true);
      expect(alone.arrival.score).toBe(-1);
    }
    // f′ is NaN beyond 2.5: only pathwise uses f′ at the samples, so only it stops. (The exact report's
    // quadrature stops refining at the first non-finite f′ too, so the oracle baselines of score-mean and
    // score-optimal move in the last digits; score and loo do not use the report at all.)
    const df = (z: number) => (z > 2.5 ? NaN : 2 * (z - 2));
    const hurt = runRace(quad[0], df, { ...base, steps: 80 });
    expect(hurt.diverged.pathwise).toBeGreaterThanOrEqual(0);
    for (const name of ['score', 'loo', 'score-mean', 'score-optimal'] as const) {
      expect(hurt.diverged[name]).toBe(-1);
      if (name === 'score' || name === 'loo') expect(hurt.paths[name]).toEqual(all.paths[name]);
      else for (let i = 0; i < 162; i++) expect(hurt.paths[name][i]).toBeCloseTo(all.paths[name][i], 12);
    }
  });

  it('a linear f stays cheap (MuProp’s residual is rounding noise; the report must not bisect it forever)', () => {
    let calls = 0;
    const f = (z: number) => {
      calls++;
      return 3 * z + 1;
    };
    const r = runRace(f, () => 3, { ...base, steps: 20 });
    // ~400 evaluations per report when it converges, 60 000 when it hits the interval cap.
    expect(calls).toBeLessThan(6 * 21 * 2000);
    // E[3z + 1] = 3μ + 1 exactly along every path.
    for (const name of GAUSSIAN_ESTIMATORS)
      for (let t = 0; t <= 20; t++) expect(r.values[name][t]).toBeCloseTo(3 * r.paths[name][2 * t] + 1, 12);
  });
});

function mean(x: number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}
