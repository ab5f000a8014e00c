/**
 * Lesson 3's variance measurement: at one policy (a learned-V agent after some training), K independent
 * REINFORCE gradient estimates with its learned V(s) as baseline and K with no baseline, on common random
 * numbers (the same environment and action draws for both), using the trainer's own
 * {@link Trainer.estimateGradientInto} (θ and V frozen). Reports tr Cov[ĝ] = E‖ĝ − E ĝ‖² for each, with its SE,
 * and averages them over the policies of several seeds.
 * Sutton & Barto §13.4; Greensmith, Bartlett & Baxter 2004 (baselines as control variates).
 */
import { createEnv, createRun } from '../../algos/run';
import { EPISODE_END } from '../../algos/trainer';
import { Rng, Stream } from '../../core/random';
import { GRIDWORLD_PRESET } from '../../state/lessons/presets';
import { meanAndSe } from '../../state/lessons/stats';
import type { GridGradientVariance, VarianceEstimate } from '../../state/lessons/types';
import { yieldTurn } from '../async';
import { lessonCancelled } from './corridorRun';

/** Where and how much: train this many episodes first, then take this many estimates per baseline. */
export const GRID_VARIANCE = { trainEpisodes: 30, estimates: 200, policies: 10 } as const;

/**
 * tr Cov of K gradient estimates (rows of `g`, `dim` wide): with ḡ the mean row and d_k = ‖g_k − ḡ‖²,
 * tr Ĉov = Σ_k d_k/(K − 1), its SE ≈ sd(d)·√K/(K − 1).
 */
export function traceCovariance(g: Float64Array, K: number, dim: number): VarianceEstimate {
  const mean = new Float64Array(dim);
  for (let k = 0; k < K; k++) for (let j = 0; j < dim; j++) mean[j] += g[k * dim + j] / K;
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < K; k++) {
    let d = 0;
    for (let j = 0; j < dim; j++) d += (g[k * dim + j] - mean[j]) ** 2;
    s += d;
    s2 += d * d;
  }
  const m = s / K;
  const sd = Math.sqrt(Math.max(0, (s2 - K * m * m) / (K - 1)));
  return { variance: s / (K - 1), se: (sd * Math.sqrt(K)) / (K - 1) };
}

/** Measures both variances at the policy of seed `seed` after {@link GRID_VARIANCE}.trainEpisodes episodes. */
export function gridGradientVariance(seed: number = GRIDWORLD_PRESET.config.seed): {
  withV: VarianceEstimate;
  withoutV: VarianceEstimate;
} {
  const config = { ...GRIDWORLD_PRESET.config, seed };
  const run = createRun(config);
  const trainer = run.trainer;
  for (let e = 0; e < GRID_VARIANCE.trainEpisodes; e++) while (!(trainer.step() & EPISODE_END));
  const K = GRID_VARIANCE.estimates;
  const dim = trainer.theta.length;
  const one = new Float64Array(dim);
  const measure = (): VarianceEstimate => {
    const g = new Float64Array(K * dim);
    const env = createEnv(config);
    env.reset(seed);
    const rng = new Rng(seed, Stream.diagnostics);
    for (let k = 0; k < K; k++) {
      trainer.estimateGradientInto(one, env, rng);
      g.set(one, k * dim);
    }
    return traceCovariance(g, K, dim);
  };
  const withV = measure();
  trainer.settings.baseline = 'none';
  const withoutV = measure();
  trainer.settings.baseline = config.baseline;
  return { withV, withoutV };
}

/**
 * {@link gridGradientVariance} at the policies of seeds seed … seed + policies − 1: the mean of each variance
 * over the policies, with its SE across them.
 */
export async function gridVarianceOverPolicies(
  seed: number = GRIDWORLD_PRESET.config.seed,
  signal?: AbortSignal,
): Promise<GridGradientVariance> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < GRID_VARIANCE.policies; i++) {
    await yieldTurn();
    if (signal?.aborted) throw lessonCancelled();
    const r = gridGradientVariance((seed + i) >>> 0);
    a.push(r.withV.variance);
    b.push(r.withoutV.variance);
  }
  const est = (xs: number[]) => {
    const w = meanAndSe(xs);
    return { variance: w.mean, se: w.se };
  };
  return {
    withV: est(a),
    withoutV: est(b),
    policies: GRID_VARIANCE.policies,
    afterEpisodes: GRID_VARIANCE.trainEpisodes,
  };
}
