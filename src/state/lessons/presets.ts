/**
 * The runs behind the lessons: each lesson's configuration(s) in the playground's own schema (so its "open in
 * the playground" link is the same run), seed counts and episode counts, chosen so that every verdict is
 * clear-cut at these seed counts (measured in Node across several root seeds; see tests/state/lessonChecks
 * and tests/app/lessonRuns) while each run stays within a few seconds in the browser.
 */
import { defaultConfig, type RunConfig } from '../../algos/config';
import type { CompareOverrides } from '../store';

/** A multi-seed training run: arm A, arm B as overrides of A on the same seeds, seeds and episodes. */
export interface TrainPreset {
  config: RunConfig;
  compare: CompareOverrides;
  seeds: number;
  episodes: number;
}

/**
 * Lesson 1, Sutton & Barto Fig. 2.5: the gradient bandit on the 10-armed testbed with q*(a) ~ N(+4, 1),
 * α = 0.1, with (A) and without (B) the average-reward baseline.
 */
export const BANDIT_PRESET: TrainPreset = {
  config: { ...defaultConfig('bandit'), armMean: 4, baseline: 'average', lr: 0.1, seed: 1 },
  compare: { baseline: 'none' },
  seeds: 100,
  episodes: 1000,
};

/** Lesson 2, S&B Example 13.1 / Fig. 13.2: REINFORCE with a learned baseline from π(right) = 0.05. */
export const CORRIDOR_PRESET = {
  config: { ...defaultConfig('short-corridor'), seed: 1 },
  seeds: 50,
  episodes: 1000,
} as const;

/**
 * Lesson 3: the bridge gridworld (a short way between two pits, a long safe way round), learning rate 0.5,
 * with (A) and without (B) a learned V(s).
 */
export const GRIDWORLD_PRESET: TrainPreset = {
  config: { ...defaultConfig('gridworld'), map: 'bridge', lr: 0.5, baseline: 'learned', seed: 1 },
  compare: { baseline: 'none' },
  seeds: 100,
  episodes: 200,
};

/** Lesson 4: r(a) = −(a − 2)², Adam at 0.1: pathwise (A) against REINFORCE with an EMA baseline (B). */
export const SMOOTH_PRESET: TrainPreset = {
  config: {
    ...defaultConfig('continuous-bandit'),
    reward: '-(a - 2)^2',
    estimator: 'pathwise',
    baseline: 'ema',
    optimizer: 'adam',
    lr: 0.1,
    seed: 1,
  },
  compare: { estimator: 'score' },
  seeds: 200,
  episodes: 200,
};

/** Lesson 5, step part: r(a) = 1 if a > 1, else 0: pathwise (A) against REINFORCE with an EMA baseline (B). */
export const STEP_PRESET: TrainPreset = {
  config: {
    ...defaultConfig('continuous-bandit'),
    reward: 'a > 1',
    estimator: 'pathwise',
    baseline: 'ema',
    lr: 0.1,
    seed: 1,
  },
  compare: { estimator: 'score' },
  seeds: 200,
  episodes: 200,
};

/** Lesson 5, cos part: f(a) = cos(k·a) under a ~ N(μ, σ²) at these k (the lab's preset, μ = σ = 1). */
export const COS_PRESET = { ks: [0.5, 5], mu: 1, sigma: 1, samples: 100_000, seed: 1 } as const;

/**
 * Lesson 6: the N-sample mean of single-sample gradient estimates of ∂/∂μ E[f(a)], f(a) = −(a − 2)², a ~ N(0, 1)
 * (the continuous bandit's reward at the agent's start), for N = 1, 4, 16, 64.
 */
export const BATCH_PRESET = {
  f: '-(z - 2)^2',
  mu: 0,
  sigma: 1,
  sizes: [1, 4, 16, 64],
  groups: 4000,
  seed: 1,
} as const;
