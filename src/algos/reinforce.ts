/**
 * REINFORCE (Williams 1992; Sutton & Barto 2nd ed. §13.3–13.4) with reward-to-go returns, discount γ,
 * batches of N episodes and a switchable baseline. For a batch of episodes the update is
 *
 *   g = (1/N) Σ_episodes Σ_t γ^t (G_t − b_t) ∇_θ log π_θ(A_t|S_t),    G_t = Σ_{k≥t} γ^{k−t} R_{k+1},
 *   θ ← θ + α g   (or Adam),
 *
 * an unbiased estimate of ∇J(θ), J = E[Σ_t γ^t R_{t+1}] (the γ^t factor is S&B's; dropping it, as many
 * libraries do, biases the estimate when γ < 1). A bandit pull is a one-step episode, so with N = 1 this is
 * S&B §2.8's gradient bandit: H(a) ← H(a) + α (R − R̄)(1{a = A} − π(a)).
 */
import type { Action, Env, Obs } from '../core/env';
import { Rng, Stream } from '../core/random';
import { Batch } from './Batch';
import { BaselineTracker, looSumsInto } from './baselines';
import { NormalBlock } from './policies/NormalBlock';
import type { NoiseSource, ScorePolicy } from './policies/types';
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
import { UpdateExplanation } from './explain';

/** REINFORCE on one environment with one stochastic policy. */
export class ReinforceTrainer<O extends Obs, A extends Action> implements Trainer {
  readonly estimator = 'score';
  readonly stats: TrainerStats = emptyStats();
  readonly baselines: BaselineTracker;
  /** Numbers of the latest update, for "explain this update" (filled only while {@link recordExplain}). */
  readonly explain: UpdateExplanation;
  /** Record {@link explain} at every update (the playground turns it on; the CLI and benchmark leave it off). */
  recordExplain = false;
  error: string | null = null;
  /** This batch's Σ_j Aⱼᵢ Sⱼᵢ and Σ_j Sⱼᵢ² (optimal baseline), learnt once the update succeeded. */
  private readonly optBatchNum: Float64Array;
  private readonly optBatchDen: Float64Array;
  private batch: Batch;
  private diagBatch: Batch;
  private readonly grad: Float64Array;
  private readonly stepper: GuardedStep;
  private readonly rng: Rng;
  /** The agent stream as the policy draws from it: block-buffered when it draws normals only. */
  private readonly noise: NoiseSource;
  private readonly normals: NormalBlock | null;
  private obs: O | null = null;
  /** Actions are integers (softmax policies). */
  private readonly discrete: boolean;
  /** Discrete observation the last episode started from (for displaying V(start)). */
  private startObs = 0;
  private sumByTime = new Float64Array(64);
  private epA = new Float64Array(0);
  private epS = new Float64Array(0);
  private epBuf: Float64Array[] = [];

  /**
   * @param env the environment (reset with `seed` at the start and on `reset()`)
   * @param policy the policy whose θ is trained
   * @param settings live hyperparameters (the object is kept and read at every update)
   * @param seed root seed: the env is reset with it, the agent draws from its `Stream.agent` stream
   * @param nObs number of discrete observations (for a tabular V; ignored for vector observations)
   */
  constructor(
    readonly env: Env<O, A>,
    readonly policy: ScorePolicy<O, A>,
    readonly settings: TrainerSettings,
    readonly seed: number,
    nObs: number,
  ) {
    this.rng = new Rng(seed, Stream.agent);
    this.normals = policy.draws === 'normal' ? new NormalBlock(this.rng) : null;
    this.noise = this.normals ?? this.rng;
    this.discrete = env.actionSpace.kind === 'discrete';
    this.baselines = new BaselineTracker(nObs, policy.obsDim, policy.nParams);
    this.batch = new Batch(policy.obsDim, policy.auxDim, settings.batch);
    this.diagBatch = new Batch(policy.obsDim, policy.auxDim, settings.batch);
    this.grad = new Float64Array(policy.nParams);
    this.optBatchNum = new Float64Array(policy.nParams);
    this.optBatchDen = new Float64Array(policy.nParams);
    this.stepper = new GuardedStep(policy.theta, settings);
    this.explain = new UpdateExplanation(policy.nParams);
  }

  get theta(): Float64Array {
    return this.policy.theta;
  }

  reset(): void {
    this.rng.seed(this.seed, Stream.agent);
    this.normals?.clear();
    this.policy.resetParameters();
    this.baselines.reset();
    this.stepper.reset();
    if (this.batch.maxEpisodes === this.settings.batch) this.batch.clear();
    else this.batch = new Batch(this.policy.obsDim, this.policy.auxDim, this.settings.batch);
    Object.assign(this.stats, emptyStats());
    this.explain.clear();
    this.error = null;
    this.obs = null;
  }

  step(): number {
    if (this.obs === null) this.beginEpisode();
    const batch = this.batch;
    const t = batch.push();
    const a = this.policy.act(this.obs!, this.noise, batch, t);
    const r = this.env.step(a);
    batch.reward[t] = r.reward;
    this.stats.steps++;
    if (r.terminated || r.truncated) return this.endEpisode();
    this.obs = r.obs;
    return 0;
  }

  private beginEpisode(): void {
    this.obs = this.stats.episodes === 0 ? this.env.reset(this.seed) : this.env.reset();
  }

  /** Closes the episode (returns, stats) and updates θ when the batch is full. */
  private endEpisode(): number {
    const batch = this.batch;
    const start = batch.currentStart;
    const ret = batch.finishEpisode(this.settings.gamma);
    this.obs = null;
    const s = this.stats;
    s.episodes++;
    s.lastReturn = ret;
    s.lastLength = batch.size - start;
    s.lastAction = this.discrete ? batch.action[start] : -1;
    this.startObs = batch.obs[start];
    if (!batch.full) return EPISODE_END;
    return EPISODE_END | (batch.size === 1 ? this.updateOneStep() : this.update());
  }

  runEpisode(): number {
    let flags = 0;
    while (!((flags = this.step() | flags) & EPISODE_END));
    return flags;
  }

  estimateGradientInto(out: Float64Array, env: Env, rng: Rng): void {
    const batch = this.diagBatch.maxEpisodes === this.settings.batch ? this.diagBatch : this.newDiagBatch();
    batch.clear();
    const e = env as unknown as Env<O, A>;
    while (!batch.full) {
      let obs = e.reset();
      for (;;) {
        const t = batch.push();
        const r = e.step(this.policy.act(obs, rng, batch, t));
        batch.reward[t] = r.reward;
        if (r.terminated || r.truncated) break;
        obs = r.obs;
      }
      batch.finishEpisode(this.settings.gamma);
    }
    this.gradientInto(batch, out);
  }

  baselineValue(): number {
    const b = this.baselines;
    switch (this.settings.baseline) {
      case 'average':
        return b.average;
      case 'ema':
        return b.ema;
      case 'learned':
        // V at the observation episodes start from (the last one seen); w₀ for a linear V
        return this.policy.obsDim === 0 ? b.valueOfObs(this.startObs) : b.value[0];
      case 'none':
        return 0;
      default:
        return this.explain.baseline;
    }
  }

  /**
   * Computes g from the full batch, applies it, and lets the baselines learn. A step that leaves θ
   * non-finite (a NaN or infinite reward, or too large a learning rate) is undone: θ keeps its last finite
   * value, the optimizer restarts, the baselines' statistics do not see the batch, and `error` says why.
   */
  private update(): number {
    const batch = this.batch;
    const grad = this.grad;
    this.gradientInto(batch, grad);
    this.stats.updates++;
    const failure = this.stepper.apply(grad);
    if (failure !== null) return this.diverged(failure);
    if (this.recordExplain)
      this.explain.recordUpdate(this.stepper.prev, this.policy.theta, grad, this.settings.baseline);
    this.baselines.learn(batch, this.settings.baselineLr);
    if (this.settings.baseline === 'optimal')
      this.baselines.learnOptimal(this.optBatchNum, this.optBatchDen, this.settings.baselineLr);
    this.recycleBatch();
    return UPDATED;
  }

  /**
   * {@link update} for a batch of one one-step episode (N = 1, e.g. a bandit pull): gradientInto's loops over
   * rows run once, so they are written out. With N = 1 and γ⁰ = 1 the row's scale (1/N) γ⁰ (G − b) is G − b
   * exactly; the baseline b is the active kind's value for row 0 (the loo mean of no other episodes is 0).
   */
  private updateOneStep(): number {
    const kind = this.settings.baseline;
    if (kind === 'optimal' || this.recordExplain) return this.update();
    const batch = this.batch;
    const grad = this.grad;
    for (let i = 0; i < grad.length; i++) grad[i] = 0;
    const bl = this.baselines;
    const b =
      kind === 'ema'
        ? bl.ema
        : kind === 'average'
          ? bl.average
          : kind === 'learned'
            ? bl.valueAt(batch, 0)
            : 0;
    batch.baseline[0] = b;
    this.policy.addScore(batch, 0, batch.ret[0] - b, grad);
    this.stats.updates++;
    const failure = this.stepper.apply(grad);
    if (failure !== null) return this.diverged(failure);
    bl.learn(batch, this.settings.baselineLr);
    this.recycleBatch();
    return UPDATED;
  }

  /** The update was undone (θ restored by the stepper): record why; the baselines do not learn. */
  private diverged(failure: string): number {
    this.error = `update ${this.stats.updates} ${failure}`;
    this.recycleBatch();
    return UPDATED | DIVERGED;
  }

  /** An empty batch for the next update (a new one when the batch size N was changed). */
  private recycleBatch(): void {
    if (this.batch.maxEpisodes === this.settings.batch) this.batch.clear();
    else this.batch = new Batch(this.policy.obsDim, this.policy.auxDim, this.settings.batch);
  }

  /** g = (1/N) Σ_t γ^t (G_t − b_t) ∇log π(A_t|S_t) with the active baseline, into `out`. */
  private gradientInto(batch: Batch, out: Float64Array): void {
    for (let i = 0; i < out.length; i++) out[i] = 0;
    const explain = this.recordExplain && batch === this.batch;
    if (explain) this.explain.beginBatch(batch, this.policy, this.discrete);
    const kind = this.settings.baseline;
    if (kind === 'optimal') return this.optimalGradientInto(batch, out);
    const base = batch.baseline;
    if (kind === 'learned' || kind === 'loo') this.perStepBaselinesInto(batch, kind);
    else {
      // a constant: R̄, the EMA, or 0
      const bl = this.baselines;
      const b = kind === 'average' ? bl.average : kind === 'ema' ? bl.ema : 0;
      for (let t = 0; t < batch.size; t++) base[t] = b;
    }
    const invN = 1 / batch.episodes;
    // g += (1/N) γ^t (G_t − b_t) ∇log π(A_t|S_t)
    for (let t = 0; t < batch.size; t++)
      this.policy.addScore(batch, t, batch.discount[t] * (batch.ret[t] - base[t]) * invN, out);
    if (explain) this.explain.baseline = base[this.explain.row];
  }

  /** Fills batch.baseline[t] = b_t for a baseline that varies per step (`learned`, `loo`). */
  private perStepBaselinesInto(batch: Batch, kind: 'learned' | 'loo'): void {
    const base = batch.baseline;
    const bl = this.baselines;
    const n = batch.episodes;
    if (kind === 'learned') {
      // b_t = V(S_t)
      if (bl.obsDim === 0) for (let t = 0; t < batch.size; t++) base[t] = bl.value[batch.obs[t]];
      else for (let t = 0; t < batch.size; t++) base[t] = bl.valueAt(batch, t);
      return;
    }
    // b_{j,t} = (Σ_k G_{k,t} − G_{j,t}) / (N − 1): the mean of the other episodes (0 when N = 1)
    if (n > 1) {
      if (this.sumByTime.length < batch.size) this.sumByTime = new Float64Array(2 * batch.size);
      looSumsInto(batch, this.sumByTime);
      for (let t = 0; t < batch.size; t++) base[t] = (this.sumByTime[batch.time[t]] - batch.ret[t]) / (n - 1);
      return;
    }
    base.fill(0, 0, batch.size);
  }

  /**
   * Per-parameter optimal constant baseline, excluding the episode it is applied to:
   *   Aⱼ = Σ_t γ^t G_t sⱼₜ,  Sⱼ = Σ_t γ^t sⱼₜ,
   *   b*ⱼᵢ = (Ĥᵢ + Σ_{k≠j} A_kᵢ S_kᵢ) / (D̂ᵢ + Σ_{k≠j} S_kᵢ²),   gᵢ += Aⱼᵢ − b*ⱼᵢ Sⱼᵢ,
   * with Ĥ, D̂ the decayed sums of earlier batches (Ĥ ← (1 − β)Ĥ + Σ A S after each successful update).
   */
  private optimalGradientInto(batch: Batch, out: Float64Array): void {
    const p = this.policy.nParams;
    const n = batch.episodes;
    const invN = 1 / n;
    if (this.epBuf.length !== 2 * n || this.epA.length !== n * p) {
      this.epA = new Float64Array(n * p);
      this.epS = new Float64Array(n * p);
      this.epBuf = [];
      for (let j = 0; j < n; j++) this.epBuf.push(this.epA.subarray(j * p, (j + 1) * p));
      for (let j = 0; j < n; j++) this.epBuf.push(this.epS.subarray(j * p, (j + 1) * p));
    }
    this.epA.fill(0);
    this.epS.fill(0);
    for (let j = 0; j < n; j++) {
      const aj = this.epBuf[j];
      const sj = this.epBuf[n + j];
      for (let t = batch.starts[j]; t < batch.starts[j + 1]; t++) {
        this.policy.addScore(batch, t, batch.discount[t] * batch.ret[t], aj);
        this.policy.addScore(batch, t, batch.discount[t], sj);
      }
    }
    const bl = this.baselines;
    const learning = batch === this.batch;
    let bSum = 0;
    for (let i = 0; i < p; i++) {
      let num = 0;
      let den = 0;
      for (let j = 0; j < n; j++) {
        const a = this.epA[j * p + i];
        const s = this.epS[j * p + i];
        num += a * s;
        den += s * s;
      }
      for (let j = 0; j < n; j++) {
        const a = this.epA[j * p + i];
        const s = this.epS[j * p + i];
        const dj = bl.optDen[i] + den - s * s;
        const b = dj > 0 ? (bl.optNum[i] + num - a * s) / dj : 0;
        out[i] += (a - b * s) * invN;
        bSum += b;
      }
      this.optBatchNum[i] = num;
      this.optBatchDen[i] = den;
    }
    if (learning && this.recordExplain) this.explain.baseline = bSum / (n * p);
  }

  private newDiagBatch(): Batch {
    this.diagBatch = new Batch(this.policy.obsDim, this.policy.auxDim, this.settings.batch);
    return this.diagBatch;
  }
}
