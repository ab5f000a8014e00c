/**
 * From a {@link RunConfig} to a live run: the environment, the policy that fits it and the trainer for the
 * chosen estimator. The CLI and the browser both build runs here, so one config and seed give the same
 * numbers in both. The reward expression of the continuous bandit is compiled by the caller (src/expr/) and
 * passed in as a plain {@link ScalarFunction}.
 */
import type { ScalarFunction } from '../core/env';
import { Bandit, ContinuousBandit, EnvError, make, PointMass, type AnyEnv, type TimeLimit } from '../../envs';
import type { Gridworld } from '../../envs/gridworld/Gridworld';
import type { ShortCorridor } from '../../envs/corridor/ShortCorridor';
import type { RunConfig } from './config';
import { supportsPathwise } from './config';
import { banditModel, PathwiseTrainer } from './pathwise';
import { GaussianPolicy } from './policies/Gaussian';
import { TabularSoftmax } from './policies/TabularSoftmax';
import { ReinforceTrainer } from './reinforce';
import type { Trainer, TrainerSettings } from './trainer';
import { validateSettings } from './trainer';

/** A tabular environment as `make()` returns it. */
export type TabularRunEnv = Bandit | TimeLimit<Gridworld> | TimeLimit<ShortCorridor>;

/** A live run: everything a runner or the CLI needs, built from one config. */
export type Run =
  | { kind: 'tabular'; config: RunConfig; env: TabularRunEnv; policy: TabularSoftmax; trainer: Trainer }
  | {
      kind: 'continuous-bandit';
      config: RunConfig;
      env: ContinuousBandit;
      policy: GaussianPolicy;
      trainer: Trainer;
    }
  | { kind: 'point-mass'; config: RunConfig; env: PointMass; policy: GaussianPolicy; trainer: Trainer };

/** The trainer settings part of a config (a fresh object: the trainer keeps and reads it live). */
export function settingsOf(config: RunConfig): TrainerSettings {
  return {
    lr: config.lr,
    baselineLr: config.baselineLr,
    gamma: config.gamma,
    batch: config.batch,
    baseline: config.baseline,
    optimizer: config.optimizer,
  };
}

/** Builds the environment of a config (the continuous bandit gets `reward`, default −(a − 2)²). */
export function createEnv(config: RunConfig, reward?: ScalarFunction): AnyEnv {
  switch (config.env) {
    case 'bandit':
      return make('bandit', {
        arms: config.arms,
        armMean: config.armMean,
        armSd: config.armSd,
        rewardSd: config.rewardSd,
        bernoulli: config.bernoulli,
        layoutSeed: config.seed,
      });
    case 'gridworld':
      return make('gridworld', { map: config.map, slip: config.slip, timeLimit: config.horizon });
    case 'short-corridor':
      return make('short-corridor', { timeLimit: config.horizon });
    case 'continuous-bandit':
      return make('continuous-bandit', reward ? { reward } : {});
    case 'point-mass':
      return make('point-mass', { horizon: config.horizon });
  }
}

/**
 * Builds env, policy and trainer for `config`. Throws an {@link EnvError} (one line, user-facing) for invalid
 * combinations, e.g. the pathwise estimator on a discrete environment.
 */
export function createRun(config: RunConfig, reward?: ScalarFunction): Run {
  const settings = settingsOf(config);
  const bad = validateSettings(settings);
  if (bad) throw new EnvError(bad);
  if (config.estimator === 'pathwise' && !supportsPathwise(config.env))
    throw new EnvError(
      `the pathwise estimator needs a differentiable reward and real actions: use continuous-bandit or point-mass, not ${config.env}`,
    );
  const env = createEnv(config, reward);
  const seed = config.seed;
  if (env instanceof ContinuousBandit) {
    const policy = new GaussianPolicy(0, 1);
    const trainer =
      config.estimator === 'pathwise'
        ? new PathwiseTrainer(
            env,
            banditModel(() => env.reward),
            policy,
            settings,
            seed,
          )
        : new ReinforceTrainer(env, policy, settings, seed, 1);
    return { kind: 'continuous-bandit', config, env, policy, trainer };
  }
  if (env instanceof PointMass) {
    const policy = new GaussianPolicy(env.model.stateDim, env.model.actionDim);
    const trainer =
      config.estimator === 'pathwise'
        ? new PathwiseTrainer(env, env.model, policy, settings, seed)
        : new ReinforceTrainer(env, policy, settings, seed, 1);
    return { kind: 'point-mass', config, env, policy, trainer };
  }
  const model = env.model;
  const nActions = model.nActions;
  const initProbs =
    config.env === 'short-corridor' ? [1 - config.initProbRight, config.initProbRight] : undefined;
  const policy = new TabularSoftmax(model.nObs, nActions, { initProbs });
  const trainer = new ReinforceTrainer(env, policy, settings, seed, model.nObs);
  return { kind: 'tabular', config, env, policy, trainer };
}

/** The bandit's optimal arm, or −1 for other environments. */
export function optimalArmOf(run: Run): number {
  return run.env instanceof Bandit ? run.env.optimalArm : -1;
}
