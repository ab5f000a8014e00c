/**
 * Human-readable names for the values of the config schema (src/algos/config.ts). Option *values* in the
 * menus stay the CLI/URL names (`learned`, `pathwise`), so links, commands and tests share one vocabulary.
 */
import type { BaselineKind } from '../algos/baselines';
import type { EstimatorKind, RunEnvId } from '../algos/config';
import type { OptimizerKind } from '../algos/optimizers';
import type { Brush } from '../state/store';

/** Menu names of the environments. */
export const envLabels: Readonly<Record<RunEnvId, string>> = {
  bandit: 'k-armed bandit',
  gridworld: 'Gridworld',
  'short-corridor': 'Short corridor',
  'continuous-bandit': 'Continuous bandit',
  'point-mass': 'Point mass',
};

/** Menu names of the gradient estimators. */
export const estimatorLabels: Readonly<Record<EstimatorKind, string>> = {
  score: 'Score function (REINFORCE)',
  pathwise: 'Pathwise (reparam.)',
};

/** Menu names of the baselines. */
export const baselineLabels: Readonly<Record<BaselineKind, string>> = {
  none: 'None',
  average: 'Average return R̄',
  ema: 'Moving average (EMA)',
  learned: 'Learned V(s)',
  optimal: 'Optimal constant b*',
  loo: 'Leave-one-out (RLOO)',
};

/** Menu names of the optimizers. */
export const optimizerLabels: Readonly<Record<OptimizerKind, string>> = { sgd: 'SGD', adam: 'Adam' };

/** Names of the gridworld editor brushes. */
export const brushLabels: Readonly<Record<Brush, string>> = {
  floor: 'Floor',
  wall: 'Wall',
  pit: 'Pit',
  goal: 'Goal',
  start: 'Start',
};

/** Why the pathwise estimator is unavailable on the discrete environments (tooltip of the disabled option). */
export const pathwiseUnavailable =
  'Pathwise needs a differentiable reward and real-valued actions: choose Continuous bandit or Point mass.';

/** Gridworld action arrows, by action index (0 up, 1 right, 2 down, 3 left). */
export const gridActionArrows: readonly string[] = ['↑', '→', '↓', '←'];
