// Shared set-up of the race tests: a quadratic f = (z − 2)² and a base configuration from (−1, 1.5).
import { GAUSSIAN_ESTIMATORS } from '../../../src/algos/exact/gaussianTypes';
import type { RaceOptions } from '../../../src/algos/lab/race';

export type Fn = (z: number) => number;
/** f = (z − 2)² and f′. */
export const quad: [Fn, Fn] = [(z) => (z - 2) ** 2, (z) => 2 * (z - 2)];
/** The projection box of the tests. */
export const box = { muLo: -3, muHi: 3, sigmaLo: 0.1, sigmaHi: 3 };
/** Every estimator, 300 steps of 16 samples at lr 0.02, minimising. */
export const base: RaceOptions = {
  estimators: GAUSSIAN_ESTIMATORS,
  start: { mu: -1, sigma: 1.5 },
  lr: 0.02,
  steps: 300,
  samples: 16,
  objective: 'min',
  seed: 1,
  box,
};
