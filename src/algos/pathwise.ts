/**
 * The pathwise (reparameterisation) policy gradient for Gaussian policies on differentiable environments
 * (Mohamed et al. 2020 §5; Kingma & Welling 2014; for trajectories, backpropagation through time as in
 * PILCO/SVG(∞), Heess et al. 2015). Actions are written as deterministic functions of noise,
 *   a_t = W s_t + b + σ ⊙ ε_t,   ε_t ~ N(0, I),   s_{t+1} = f(s_t, a_t),
 * so J(θ) = E_ε[Σ_t γ^t r(s_t, a_t)] can be differentiated inside the expectation:
 *   ∇_θ J = E_ε[ Σ_t (∂a_t/∂θ)ᵀ ∂L/∂a_t ],
 * where the adjoint λ_t = ∂L/∂s_t runs backwards from λ_H = 0:
 *   ∂L/∂a_t = γ^t ∂r/∂a + (∂f/∂a)ᵀ λ_{t+1},
 *   λ_t      = γ^t ∂r/∂s + (∂f/∂s)ᵀ λ_{t+1} + Wᵀ ∂L/∂a_t.
 * It needs r and f to be differentiable; where r is piecewise constant its gradient is exactly zero
 * (the estimator is blind there), which the tests assert on the step reward.
 */
import type { DifferentiableModel, Env, Obs, ScalarFunction } from '../core/env';
import { Rng, Stream } from '../core/random';
import type { GaussianPolicy } from './policies/Gaussian';
import { NormalBlock } from './policies/NormalBlock';
import type { NoiseSource } from './policies/types';
import {
  DIVERGED,
  EPISODE_END,
  UPDATED,
  emptyStats,
  GuardedStep,
  type Trainer,
  type TrainerSettings,
  type TrainerStats,
} from './trainer';

/**
 * A one-step bandit with reward r(a) seen as a differentiable model (no state, horizon 1), so the continuous
 * bandit and the point mass share one pathwise code path. `reward()` is read on every call, so a reward the
 * user retypes applies at once.
 */
export function banditModel(reward: () => ScalarFunction): DifferentiableModel {
  return {
    stateDim: 0,
    actionDim: 1,
    horizon: 1,
    transition: (_s, a) => reward().f(a[0]),
    backprop: (_s, a, _g, w, _gS, gA) => {
      gA[0] += w * reward().df(a[0]);
    },
  };
}

/** One trajectory's storage (states s_0..s_H, actions, noise, rewards), allocated once. */
class Trajectory {
  readonly states: Float64Array;
  readonly actions: Float64Array;
  readonly eps: Float64Array;
  readonly rewards: Float64Array;
  length = 0;

  constructor(ds: number, da: number, h: number) {
    this.states = new Float64Array((h + 1) * ds);
    this.actions = new Float64Array(h * da);
    this.eps = new Float64Array(h * da);
    this.rewards = new Float64Array(h);
  }
}

/** Pathwise-gradient trainer for a {@link GaussianPolicy} on a {@link DifferentiableModel}. */
export class PathwiseTrainer implements Trainer {
  readonly estimator = 'pathwise';
  readonly stats: TrainerStats = emptyStats();
  error: string | null = null;
  private readonly rng: Rng;
  /** The agent stream, block-buffered (the policy's noise ε is all the agent draws). */
  private readonly noise: NormalBlock;
  private readonly traj: Trajectory;
  private readonly diagTraj: Trajectory;
  private readonly grad: Float64Array;
  private readonly stepper: GuardedStep;
  private readonly s: Float64Array;
  private readonly a: Float64Array;
  private readonly lambda: Float64Array;
  private readonly gS: Float64Array;
  private readonly gA: Float64Array;
  private obs: Obs | null = null;
  private batchEpisodes = 0;

  /**
   * @param env the environment (its steps must follow `model`)
   * @param model the differentiable dynamics and reward
   * @param policy Gaussian policy with obsDim = model.stateDim and actDim = model.actionDim
   * @param settings live hyperparameters (baseline ignored)
   * @param seed root seed (env reset seed; agent noise from its `Stream.agent` stream)
   */
  constructor(
    readonly env: Env<Obs, Float64Array>,
    readonly model: DifferentiableModel,
    readonly policy: GaussianPolicy,
    readonly settings: TrainerSettings,
    readonly seed: number,
  ) {
    const ds = model.stateDim;
    const da = model.actionDim;
    if (policy.obsDim !== ds || policy.actDim !== da)
      throw new Error(`policy shape ${policy.obsDim}→${policy.actDim} does not match the model ${ds}→${da}`);
    this.rng = new Rng(seed, Stream.agent);
    this.noise = new NormalBlock(this.rng);
    this.traj = new Trajectory(ds, da, model.horizon);
    this.diagTraj = new Trajectory(ds, da, model.horizon);
    this.grad = new Float64Array(policy.nParams);
    this.stepper = new GuardedStep(policy.theta, settings);
    this.s = new Float64Array(ds);
    this.a = new Float64Array(da);
    this.lambda = new Float64Array(ds);
    this.gS = new Float64Array(ds);
    this.gA = new Float64Array(da);
  }

  get theta(): Float64Array {
    return this.policy.theta;
  }

  reset(): void {
    this.rng.seed(this.seed, Stream.agent);
    this.noise.clear();
    this.policy.resetParameters();
    this.stepper.reset();
    Object.assign(this.stats, emptyStats());
    this.grad.fill(0);
    this.batchEpisodes = 0;
    this.error = null;
    this.obs = null;
  }

  step(): number {
    const traj = this.traj;
    if (this.obs === null) {
      this.obs = this.stats.episodes === 0 ? this.env.reset(this.seed) : this.env.reset();
      this.begin(traj, this.obs);
    }
    const done = this.forward(this.env, this.noise, traj);
    this.stats.steps++;
    if (!done) return 0;
    this.obs = null;
    this.backward(traj, this.grad);
    const s = this.stats;
    s.episodes++;
    s.lastLength = traj.length;
    let ret = 0;
    for (let t = 0; t < traj.length; t++) ret += traj.rewards[t];
    s.lastReturn = ret;
    if (++this.batchEpisodes < this.settings.batch) return EPISODE_END;
    return EPISODE_END | this.update();
  }

  runEpisode(): number {
    let flags = 0;
    while (!((flags = this.step() | flags) & EPISODE_END));
    return flags;
  }

  estimateGradientInto(out: Float64Array, env: Env, rng: Rng): void {
    const e = env as Env<Obs, Float64Array>;
    out.fill(0);
    const traj = this.diagTraj;
    for (let j = 0; j < this.settings.batch; j++) {
      this.begin(traj, e.reset());
      while (!this.forward(e, rng, traj));
      this.backward(traj, out);
    }
    for (let i = 0; i < out.length; i++) out[i] /= this.settings.batch;
  }

  baselineValue(): number {
    return NaN;
  }

  private begin(traj: Trajectory, obs: Obs): void {
    traj.length = 0;
    const ds = this.model.stateDim;
    if (ds > 0) traj.states.set(obs as Float64Array, 0);
  }

  /** Samples ε_t, acts a_t = μ(s_t) + σ ε_t, steps the env; returns true when the episode is over. */
  private forward(env: Env<Obs, Float64Array>, rng: NoiseSource, traj: Trajectory): boolean {
    const ds = this.model.stateDim;
    const da = this.model.actionDim;
    const t = traj.length;
    const s = this.s;
    for (let j = 0; j < ds; j++) s[j] = traj.states[t * ds + j];
    rng.normalsInto(traj.eps, t * da, da);
    const a = this.policy.actionInto(this.a, s, traj.eps, t * da);
    for (let i = 0; i < da; i++) traj.actions[t * da + i] = a[i];
    const r = env.step(a);
    traj.rewards[t] = r.reward;
    traj.length = t + 1;
    if (ds > 0) traj.states.set(r.obs as Float64Array, (t + 1) * ds);
    const over = r.terminated || r.truncated;
    if (!over && traj.length >= this.model.horizon)
      throw new Error(`environment ran past the model horizon ${this.model.horizon}`);
    return over;
  }

  /** Backpropagation through the trajectory; adds its gradient into `out` (see the header). */
  private backward(traj: Trajectory, out: Float64Array): void {
    const ds = this.model.stateDim;
    const da = this.model.actionDim;
    const p = this.policy;
    const sigma = p.stds();
    const gamma = this.settings.gamma;
    const gA = this.gA;
    if (ds > 0) this.lambda.fill(0);
    for (let t = traj.length - 1; t >= 0; t--) {
      const w = gamma === 1 ? 1 : Math.pow(gamma, t);
      if (ds > 0) this.loadState(traj, t);
      for (let i = 0; i < da; i++) {
        this.a[i] = traj.actions[t * da + i];
        gA[i] = 0;
      }
      // ∂L/∂a_t = γ^t ∂r/∂a + (∂f/∂a)ᵀ λ_{t+1};  partial λ_t = γ^t ∂r/∂s + (∂f/∂s)ᵀ λ_{t+1}
      this.model.backprop(this.s, this.a, this.lambda, w, this.gS, gA);
      for (let i = 0; i < da; i++) {
        const g = gA[i];
        // a_i = Σ_j W_ij s_j + b_i + σ_i ε_i  ⇒  ∂a_i/∂W_ij = s_j, ∂a_i/∂b_i = 1, ∂a_i/∂ℓ_i = σ_i ε_i
        if (ds > 0) this.backpropMean(i, g, out);
        out[p.biasOffset + i] += g;
        out[p.logStdOffset + i] += g * sigma[i] * traj.eps[t * da + i] * p.logStdActive(i);
      }
      if (ds > 0) this.lambda.set(this.gS);
    }
  }

  /** s ← s_t and gS ← 0 before step t's backprop (models with a state). */
  private loadState(traj: Trajectory, t: number): void {
    const ds = this.model.stateDim;
    for (let j = 0; j < ds; j++) {
      this.s[j] = traj.states[t * ds + j];
      this.gS[j] = 0;
    }
  }

  /** The linear mean's part for action coordinate i: ∂L/∂W_ij += g s_j, and λ_t += Wᵀ ∂L/∂a_t. */
  private backpropMean(i: number, g: number, out: Float64Array): void {
    const ds = this.model.stateDim;
    const th = this.policy.theta;
    for (let j = 0; j < ds; j++) {
      out[i * ds + j] += g * this.s[j];
      this.gS[j] += th[i * ds + j] * g;
    }
  }

  /**
   * Applies the batch-mean gradient. A step that leaves θ non-finite is undone: θ keeps its last finite
   * value, the optimizer restarts, and `error` says why.
   */
  private update(): number {
    const n = this.batchEpisodes;
    const grad = this.grad;
    // g/1 is g exactly, so the division is only needed for N > 1
    if (n !== 1) for (let i = 0; i < grad.length; i++) grad[i] /= n;
    this.stats.updates++;
    this.batchEpisodes = 0;
    let flags = UPDATED;
    const failure = this.stepper.apply(grad);
    if (failure !== null) {
      this.error = `update ${this.stats.updates} ${failure}`;
      flags |= DIVERGED;
    }
    for (let i = 0; i < grad.length; i++) grad[i] = 0;
    return flags;
  }
}
