// The lab and the command line agree number for number: the lab's Monte Carlo moments and exact variances for
// a config and seed equal what `npm run cli -- estimate` prints for the same f, μ, σ, samples, batch and seed
// (same Rng stream, same sampler, same quadrature with the same breakpoints).
import { describe, expect, it } from 'vitest';
import { LAB_ESTIMATORS } from '../../../src/algos/lab/estimators';
import { inlineJobRunner } from '../../../src/app/lab/jobs';
import { LabEngine } from '../../../src/app/lab/LabEngine';
import { estimate } from '../../../src/cli/estimate';
import { createLabStore } from '../../../src/state/labStore';

async function labFrame(f: string, mu: number, sigma: number, samples: number, seed: number, batch: number) {
  const store = createLabStore({ f, mu, sigma, samples, seed, batch });
  const engine = new LabEngine(store, inlineJobRunner(), { replay: false });
  engine.start();
  engine.tick(16);
  while (engine.drawing) engine.tick(16);
  engine.dispose();
  return engine.frame;
}

describe('lab = CLI estimate', () => {
  for (const [f, mu, sigma, samples, seed, batch] of [
    ['cos(3*z)', 0.3, 0.8, 4000, 7, 8],
    ['z > 0.5', 1, 1, 2048, 3, 4],
    ['abs(z - 0.2) + z^2', -0.5, 1.5, 6000, 11, 6],
  ] as const) {
    it(`${f} at μ=${mu}, σ=${sigma}, ${samples} samples, seed ${seed}, batch ${batch}`, async () => {
      const frame = await labFrame(f, mu, sigma, samples, seed, batch);
      const cli = await estimate([
        ['f', f],
        ['mu', String(mu)],
        ['sigma', String(sigma)],
        ['samples', String(samples)],
        ['seed', String(seed)],
        ['batch', String(batch)],
      ]);
      expect(frame.value).toBe(cli.exact.value);
      expect(frame.grad.mu).toBeCloseTo(cli.exact.grad.mu, 14);
      for (const name of LAB_ESTIMATORS) {
        for (const param of ['mu', 'sigma'] as const) {
          const lab = frame.hist[param].stats[name];
          const c = cli.estimators[name];
          expect(lab.count, name).toBe(c.count);
          expect(lab.mean, `${name} ${param} mean`).toBe(c.mean[param]);
          expect(lab.variance, `${name} ${param} var`).toBe(c.variance[param]);
          expect(lab.standardError, `${name} ${param} se`).toBe(c.standardError[param]);
          expect(lab.exactVariance, `${name} ${param} exact`).toBe(c.exactVariance[param]);
        }
      }
    });
  }
});
